import type { ProviderSessionFieldsFragment, SessionStatus } from '../gql/graphql';

export const SESSION_STATUS_TEXT: Record<SessionStatus, string> = { SCHEDULED: 'Scheduled', CANCELLED: 'Cancelled', COMPLETED: 'Completed' };

const places = (n: number) => (n === 1 ? '1 place' : `${n} places`);

/** "12 of 20 places taken", with the minimum when there is one. */
export function placesText(session: Pick<ProviderSessionFieldsFragment, 'capacity' | 'seatsTaken' | 'minimumPlaces'>): string {
  const taken = `${session.seatsTaken} of ${places(session.capacity)} taken`;
  return session.minimumPlaces == null ? taken : `${taken} (needs ${session.minimumPlaces} to run)`;
}

/** What the change page says after saving. */
export interface SessionSavedState {
  sessionSaved: { message: string };
}
