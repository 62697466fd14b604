import { moduleErrors, type Refuse } from '../../graphql/module-errors';
import type { InformalLearningProblem } from '@portal/domain';

/** Every code the records module puts in userErrors (and its queries' BAD_USER_INPUT); the client may switch on them. */
export type RecordsErrorCode = 'NOT_FOUND' | 'ALREADY_CONFIRMED' | 'ALREADY_USED' | 'TOO_LONG' | InformalLearningProblem['code'];

const errors = moduleErrors<RecordsErrorCode>();
export const { userError, refuseAll, badArgument } = errors;
export const refuse: Refuse<RecordsErrorCode> = errors.refuse;
