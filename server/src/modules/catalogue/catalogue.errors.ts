import type { AllocationProblem } from '@portal/domain';
import { moduleErrors, type Refuse } from '../../graphql/module-errors';

/** Every code the catalogue module puts in userErrors (and its queries' BAD_USER_INPUT); the client may switch on them. */
export type CatalogueErrorCode =
  | 'NOT_FOUND' | 'SESSION_CANCELLED' | 'SESSION_PAST' | 'DATES_OUT_OF_ORDER'
  | AllocationProblem['code'];

const errors = moduleErrors<CatalogueErrorCode>();
export const { userError, refuseAll, badArgument } = errors;
export const refuse: Refuse<CatalogueErrorCode> = errors.refuse;
