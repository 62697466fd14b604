import { moduleErrors, type Refuse } from '../../graphql/module-errors';
import type { KEY_REUSED } from '../../db/request-hash';

/** Every code the bookings module puts in userErrors (and its queries' BAD_USER_INPUT); the client may switch on them. */
export type BookingErrorCode =
  | 'NOT_FOUND' | 'DUPLICATE' | 'DATES_OUT_OF_ORDER'
  /** Why a person may not book the session (packages/domain/src/booking-eligibility.ts). */
  | 'DISABLED' | 'SESSION_CANCELLED' | 'SESSION_PAST' | 'BOOKING_CLOSED' | 'WRONG_AUDIENCE' | 'NOT_ELIGIBLE'
  | 'ALREADY_BOOKED' | 'ALREADY_ON_COURSE' | 'NOT_FUNDABLE' | 'FUNDS_EXHAUSTED'
  | 'ALREADY_CANCELLED' | 'ALREADY_HAPPENED' | 'NOT_REQUESTED' | 'NOT_SCHEDULED' | 'NOT_STARTED' | 'ALREADY_RECORDED' | 'NOT_CONFIRMED'
  /** The register's marks and their corrections. */
  | 'CONFLICTING_MARK' | 'NOT_MARKED' | 'SAME_MARK' | 'SESSION_FULL'
  /** The key of a request that did not finish (KEY_REUSED: of another request). */
  | 'KEY_REUSED' | typeof KEY_REUSED;

const errors = moduleErrors<BookingErrorCode>();
export const { userError, refuseAll, badArgument } = errors;
export const refuse: Refuse<BookingErrorCode> = errors.refuse;
