import type { AllocationProblem, ParsedPounds, ScheduleProblem } from '@portal/domain';
import { moduleErrors, type Refuse } from '../../graphql/module-errors';

/** Every code the catalogue module puts in userErrors (and its queries' BAD_USER_INPUT); the client may switch on them. */
export type CatalogueErrorCode =
  | 'NOT_FOUND' | 'SESSION_CANCELLED' | 'SESSION_PAST' | 'DATES_OUT_OF_ORDER'
  | 'NEEDS_PLACE' | 'CURSOR_SORT_MISMATCH' | 'REQUIRED' | 'NOT_ALLOWED' | 'DUPLICATE' | 'ALREADY_RELEASED' | 'BELOW_SEATS_TAKEN' | 'POOL_IN_USE'
  | AllocationProblem['code'] | ScheduleProblem['code'] | Extract<ParsedPounds, { ok: false }>['code'];

const errors = moduleErrors<CatalogueErrorCode>();
export const { userError, refuseAll, badArgument } = errors;
export const refuse: Refuse<CatalogueErrorCode> = errors.refuse;
