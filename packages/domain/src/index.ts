// The package's public surface: one line per rule file.
export * from './money';
export * from './financial-year';
export * from './learning-category';
export * from './seats-left';
export * from './geo';
export * from './approval-policy';
export * from './late-cancellation';
export * from './waitlist-promotion';
export * from './seat-allocation-rules';
export * from './parse-pounds';
export * from './ledger-effects';
export * from './quarter-label';
export * from './sector-label';
export * from './seat-utilisation';
export * from './learning-cost';
export * from './funding-eligibility';
export * from './email-address';
