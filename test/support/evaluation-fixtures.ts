import type { RunningPortal } from './start-portal';
import { makeSession } from './catalogue-fixtures';

const BOOK = `mutation($input: BookSessionInput!) { bookSession(input: $input) { booking { id status } userErrors { code } } }`;
const REGISTER = `mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { session { id status } userErrors { field code } } }`;

/**
 * A session of the course that has happened: each person books it through the API, the session
 * is moved to end `endedHoursAgo` ago, and the provider's coordinator takes the register through
 * the API (the last `noShows` people did not come), which schedules their evaluation.
 */
export async function takenRegister(portal: RunningPortal, values: {
  partnershipId: string; courseId: string; coordinatorToken: string; people: Array<{ personId: string; token: string }>;
  noShows?: number; endedHoursAgo?: number;
}): Promise<{ sessionId: string; attended: string[]; noShows: string[] }> {
  const db = portal.dataSource;
  const sessionId = await makeSession(db, values.partnershipId, values.courseId, { startsInDays: 3, capacity: values.people.length + 5 });
  const bookings: string[] = [];
  for (const person of values.people) {
    const booked = await portal.graphql<{ bookSession: { booking: { id: string; status: string } | null; userErrors: unknown[] } }>(
      BOOK, { input: { sessionId } }, { token: person.token });
    const booking = booked.data?.bookSession.booking;
    if (!booking || booking.status !== 'CONFIRMED') throw new Error(`booking refused: ${JSON.stringify(booked.data ?? booked.errors)}`);
    bookings.push(booking.id);
  }
  const endedHours = values.endedHoursAgo ?? 1;
  await db.query(`UPDATE training_session SET starts_at = now() - make_interval(hours => $2 + 3), ends_at = now() - make_interval(hours => $2),
    booking_closes_at = now() - make_interval(hours => $2 + 4), release_at = now() - make_interval(hours => $2 + 4) WHERE id = $1`, [sessionId, endedHours]);
  const noShowCount = values.noShows ?? 0;
  const attended = bookings.slice(0, bookings.length - noShowCount);
  const noShows = bookings.slice(bookings.length - noShowCount);
  const taken = await portal.graphql<{ recordAttendance: { userErrors: unknown[] } }>(REGISTER, { input: { sessionId, attendance: [
    ...attended.map((bookingId) => ({ bookingId, attended: true })), ...noShows.map((bookingId) => ({ bookingId, attended: false }))] } },
  { token: values.coordinatorToken });
  if (taken.errors || taken.data!.recordAttendance.userErrors.length) throw new Error(`register refused: ${JSON.stringify(taken.errors ?? taken.data)}`);
  return { sessionId, attended, noShows };
}
