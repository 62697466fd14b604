import type { ParsedPounds } from '@portal/domain';
import { moduleErrors, type Refuse } from '../../graphql/module-errors';
import type { KEY_REUSED } from '../../db/request-hash';

/** Every code the funding module puts in userErrors (and its queries' BAD_USER_INPUT); the client may switch on them. */
export type FundingErrorCode =
  | 'NOT_FOUND' | 'REQUIRED' | 'NOT_ALLOWED' | 'DUPLICATE' | 'MISMATCH' | 'OUT_OF_RANGE'
  | 'OVER_BUDGET' | 'BELOW_ZERO' | 'NOT_REVERSIBLE' | 'OVER_REVERSAL' | 'CONTRIBUTIONS_MISMATCH' | 'INVALID_FINANCIAL_YEAR'
  | typeof KEY_REUSED
  /** An amount that is not money (packages/domain/src/parse-pounds.ts). */
  | Extract<ParsedPounds, { ok: false }>['code'];

const errors = moduleErrors<FundingErrorCode>();
export const { userError, refuseAll, badArgument } = errors;
export const refuse: Refuse<FundingErrorCode> = errors.refuse;
