import type { EvaluationProblem } from '@portal/domain';
import { moduleErrors, type Refuse } from '../../graphql/module-errors';

/** Every code the evaluation module puts in userErrors (and its queries' BAD_USER_INPUT); the client may switch on them. */
export type EvaluationErrorCode =
  | 'NOT_FOUND' | 'NOT_ATTENDED' | 'ALREADY_GIVEN' | 'ALREADY_REVIEWED' | 'NOT_DUE' | 'BAD_RANGE'
  | EvaluationProblem['code'];

const errors = moduleErrors<EvaluationErrorCode>();
export const { userError, refuseAll, badArgument } = errors;
export const refuse: Refuse<EvaluationErrorCode> = errors.refuse;
