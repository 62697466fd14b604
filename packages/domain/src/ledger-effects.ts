import type { Pence } from './money';

export const LEDGER_KINDS = ['budget', 'contribution', 'allocation', 'commitment', 'release', 'spend', 'adjustment'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/** What an entry does to its stream's three running figures. Remaining is always budget − committed − spent. */
export interface LedgerEffects { budget: Pence; committed: Pence; spent: Pence }


const ZERO: LedgerEffects = { budget: 0, committed: 0, spent: 0 };

/**
 * The effect of a (positive) amount of each kind. An allocation earmarks money for a course, a
 * proposal or an organisation and moves no figure. An adjustment reverses (part of) an earlier
 * entry: use `reversalEffects`.
 */
export function effectsOf(kind: Exclude<LedgerKind, 'adjustment'>, amount: Pence): LedgerEffects {
  switch (kind) {
    case 'budget':
    case 'contribution':
      return { ...ZERO, budget: amount };
    case 'allocation':
      return { ...ZERO };
    case 'commitment':
      return { ...ZERO, committed: amount };
    case 'release':
      return { ...ZERO, committed: -amount };
    case 'spend':
      return { ...ZERO, spent: amount };
  }
}

/** Reversing `amount` of an entry whose effects were `original` (scaled to the part reversed). */
export function reversalEffects(original: LedgerEffects & { amount: Pence }, amount: Pence): LedgerEffects {
  const scale = (value: Pence) => (value === 0 ? 0 : -Math.sign(value) * amount);
  return { budget: scale(original.budget), committed: scale(original.committed), spent: scale(original.spent) };
}

export function remainingOf(balance: LedgerEffects): Pence {
  return balance.budget - balance.committed - balance.spent;
}

export type BalanceProblem = 'OVER_BUDGET' | 'BELOW_ZERO';

/**
 * A stream may never be committed or spent past its budget, and no figure may go below zero. Null
 * when the balance after an entry is allowed.
 */
export function balanceProblem(after: LedgerEffects): BalanceProblem | null {
  if (after.budget < 0 || after.committed < 0 || after.spent < 0) return 'BELOW_ZERO';
  if (after.committed + after.spent > after.budget) return 'OVER_BUDGET';
  return null;
}

export function applyEffects(balance: LedgerEffects, effects: LedgerEffects): LedgerEffects {
  return { budget: balance.budget + effects.budget, committed: balance.committed + effects.committed, spent: balance.spent + effects.spent };
}

/** Cost per unit in whole pence, rounded half up; null when there are no units. */
export function costPer(pence: Pence, units: number): Pence | null {
  if (!(units > 0)) return null;
  return Math.floor((pence * 2 + units) / (2 * units));
}
