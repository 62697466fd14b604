import { remainingOf } from '@portal/domain';
import { money } from '../../graphql/money.type';
import { MoneySummary } from './funding.types';

/** The GraphQL MoneySummary of sums in pence; remaining is worked out, never stored. */
export function moneySummary(sums: { budget: number; committed: number; spent: number }): MoneySummary {
  return Object.assign(new MoneySummary(), {
    budget: money(sums.budget), committed: money(sums.committed), spent: money(sums.spent), remaining: money(remainingOf(sums)),
  });
}
