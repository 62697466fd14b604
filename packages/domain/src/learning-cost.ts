import type { Pence } from './money';
import { costPer } from './ledger-effects';

/**
 * Cost per learning hour in whole pence (half up), from minutes so that no fraction of an hour is
 * rounded before the division; null with no hours.
 */
export function costPerLearningHour(pence: Pence, learningMinutes: number): Pence | null {
  return costPer(pence * 60, learningMinutes);
}

/**
 * Minutes as hours to two places (half up), the one rounding of hours the API answers with: a
 * course's duration and the learning hours of the funding figures.
 */
export function hoursOf(minutes: number): number {
  return Math.round((minutes / 60) * 100) / 100;
}

/**
 * What the unit costs divide, and by what. Spend on delivered learning is the spend recorded
 * against a session (its places, a no-show's place included, and its invoices: room, trainer),
 * net of corrections; spend that names no session (an apprenticeship-levy transfer, a fee for a
 * whole programme, end-point assessment) is not the cost of any learning that was attended, so it
 * is left out. Learners are the distinct people who attended a place whose spend is counted, and
 * learning minutes the length of each course times the places attended.
 */
export interface DeliveredLearning {
  deliveredSpendPence: Pence;
  learners: number;
  learningMinutes: number;
}

export interface UnitCosts {
  /** Spend on delivered learning ÷ distinct learners who attended; null with none. */
  costPerLearner: Pence | null;
  /** Spend on delivered learning ÷ attended learning hours; null with none. */
  costPerLearningHour: Pence | null;
}

export function unitCosts({ deliveredSpendPence, learners, learningMinutes }: DeliveredLearning): UnitCosts {
  return { costPerLearner: costPer(deliveredSpendPence, learners), costPerLearningHour: costPerLearningHour(deliveredSpendPence, learningMinutes) };
}

/** The formulas in words, as the funding page shows them beside the figures. */
export const COST_PER_LEARNER_FORMULA = 'spend on delivered learning ÷ distinct learners who attended';
export const COST_PER_LEARNING_HOUR_FORMULA = 'spend on delivered learning ÷ learning hours attended';
