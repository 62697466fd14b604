import type { Pence } from './money';
import { costPer } from './ledger-effects';

/**
 * Cost per learning hour in whole pence (half up), from minutes so that no fraction of an hour is
 * rounded before the division; null with no hours.
 */
export function costPerLearningHour(pence: Pence, learningMinutes: number): Pence | null {
  return costPer(pence * 60, learningMinutes);
}

/** Learning hours for display, to two places. */
export function learningHoursOf(learningMinutes: number): number {
  return Math.round((learningMinutes / 60) * 100) / 100;
}
