import type { NeedProblem } from '@portal/domain';
import { moduleErrors, type Refuse } from '../../graphql/module-errors';

/** Every code the needs module puts in userErrors (and its queries' BAD_USER_INPUT); the client may switch on them. */
export type NeedsErrorCode =
  | 'NOT_FOUND' | 'REQUIRED' | 'NOT_ALLOWED' | 'ALREADY_WITHDRAWN' | 'ALREADY_MET' | 'IN_COMMISSIONING'
  | NeedProblem['code'];

const errors = moduleErrors<NeedsErrorCode>();
export const { userError, refuseAll, badArgument } = errors;
export const refuse: Refuse<NeedsErrorCode> = errors.refuse;
