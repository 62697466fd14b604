/**
 * Whether a person may book a session at all, before any seat is looked for: the one rule that
 * booking refuses by and that the session page states before the press.
 */
export type BookingBlock =
  | 'DISABLED' | 'SESSION_CANCELLED' | 'SESSION_PAST' | 'BOOKING_CLOSED'
  | 'STAFF_ONLY' | 'VOLUNTEERS_ONLY' | 'SECTOR_NOT_ELIGIBLE' | 'OTHER_ORGANISATION_ONLY';

export interface BookableSessionFacts {
  status: string;
  startsAt: Date;
  bookingClosesAt: Date;
  audience: string;
  eligibleSectors: readonly string[];
  visibility: string;
  visibilityOrganisationId: string | null;
}

export interface BookerFacts {
  disabled: boolean;
  kind: 'staff' | 'volunteer' | string;
  sector: string | null;
  organisationId: string | null;
}

export function whyNotBookable(session: BookableSessionFacts, person: BookerFacts, now: Date): BookingBlock | null {
  if (person.disabled) return 'DISABLED';
  if (session.status === 'cancelled') return 'SESSION_CANCELLED';
  if (session.status !== 'scheduled' || session.startsAt.getTime() <= now.getTime()) return 'SESSION_PAST';
  if (session.bookingClosesAt.getTime() <= now.getTime()) return 'BOOKING_CLOSED';
  const audience = person.kind === 'volunteer' ? 'volunteers' : 'staff';
  if (session.audience !== 'both' && session.audience !== audience) return session.audience === 'staff' ? 'STAFF_ONLY' : 'VOLUNTEERS_ONLY';
  if (session.eligibleSectors.length && !(person.sector && session.eligibleSectors.includes(person.sector))) return 'SECTOR_NOT_ELIGIBLE';
  if (session.visibility === 'organisation' && session.visibilityOrganisationId !== person.organisationId) return 'OTHER_ORGANISATION_ONLY';
  return null;
}
