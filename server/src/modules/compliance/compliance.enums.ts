import { registerEnumType } from 'type-graphql';

// The keys are the domain's states (packages/domain/src/compliance-status.ts).
export enum ComplianceStatus {
  COMPLIANT = 'COMPLIANT', EXPIRING_90 = 'EXPIRING_90', EXPIRING_60 = 'EXPIRING_60', EXPIRING_30 = 'EXPIRING_30',
  OVERDUE = 'OVERDUE', NEVER_DONE = 'NEVER_DONE',
}
registerEnumType(ComplianceStatus, {
  name: 'ComplianceStatus',
  description: 'Per person and required subject: COMPLIANT; expiring within 90, 60 or 30 days; OVERDUE (from the day of expiry); NEVER_DONE.',
});

export { PersonKind } from '../auth/auth.types';

/** What booking one overdue person found. */
export enum OverdueBookingOutcome { CONFIRMED = 'confirmed', REQUESTED = 'requested', WAITLISTED = 'waitlisted', REFUSED = 'refused' }
registerEnumType(OverdueBookingOutcome, { name: 'OverdueBookingOutcome' });
