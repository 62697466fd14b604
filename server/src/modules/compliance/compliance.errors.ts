import type { RenewalPeriodProblem } from '@portal/domain';
import { moduleErrors, type Refuse } from '../../graphql/module-errors';

/** Every code the compliance module puts in userErrors (and its queries' BAD_USER_INPUT). */
export type ComplianceErrorCode =
  | 'NOT_FOUND' | 'REQUIRED' | 'NOT_ALLOWED' | 'ALREADY_EXISTS' | 'NO_SESSION' | 'TOO_MANY'
  | RenewalPeriodProblem['code'];

const errors = moduleErrors<ComplianceErrorCode>();
export const { userError, refuseAll, badArgument } = errors;
export const refuse: Refuse<ComplianceErrorCode> = errors.refuse;
