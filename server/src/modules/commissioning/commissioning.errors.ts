import type { ParsedPounds } from '@portal/domain';
import { moduleErrors, type Refuse } from '../../graphql/module-errors';
import type { KEY_REUSED } from '../../db/request-hash';
import type { CatalogueErrorCode } from '../catalogue/catalogue.errors';

/** Every code the commissioning module puts in userErrors (and its queries' BAD_USER_INPUT); the client may switch on them. */
export type CommissioningErrorCode =
  | 'NOT_FOUND' | 'REQUIRED' | 'NOT_ALLOWED' | 'DUPLICATE' | 'OUT_OF_RANGE'
  /** A need already in a proposal, met or withdrawn. */
  | 'NEED_NOT_OPEN'
  /** The proposal is approved, declined or lapsed: it takes no pledges, withdrawals or second decisions. */
  | 'PROPOSAL_DECIDED' | 'DEADLINE_PASSED' | 'IN_THE_PAST'
  /** More seats than the proposal plans, in all its active pledges. */
  | 'OVER_SEATS'
  /** A stream of another year than the proposal's, or one the organisation neither manages nor funds. */
  | 'WRONG_YEAR' | 'NOT_OWN_STREAM' | 'FUNDS_EXHAUSTED'
  | 'ALREADY_ENDED' | 'NOT_COVERED' | 'SHORTFALL_MISMATCH' | 'WRONG_SESSION_COUNT' | 'NO_SEATS_PLEDGED'
  /** The key of a request that did not finish (KEY_REUSED: of another request). */
  | 'KEY_REUSED' | typeof KEY_REUSED
  /** An amount that is not money (packages/domain/src/parse-pounds.ts). */
  | Extract<ParsedPounds, { ok: false }>['code']
  /** A new course's fields and a session's plan, checked as the catalogue checks them. */
  | CatalogueErrorCode;

const errors = moduleErrors<CommissioningErrorCode>();
export const { userError, refuseAll, badArgument } = errors;
export const refuse: Refuse<CommissioningErrorCode> = errors.refuse;
