import type { DeliveryMode, ProviderSessionFieldsFragment, RescheduleSessionInput, ScheduleSessionInput } from '../gql/graphql';
import type { FieldError } from '../ui/form-errors';
import { londonDateAndTime, londonInstant } from './london-time';

/** What the schedule (and change) form holds: UK dates and times as typed ("2026-07-01", "09:30"). */
export interface SessionForm {
  date: string;
  startTime: string;
  endDate: string;
  endTime: string;
  deliveryMode: DeliveryMode | '';
  venueId: string;
  capacity: string;
  minimumPlaces: string;
  closesDate: string;
  closesTime: string;
  releaseDate: string;
  allocations: Array<{ organisationId: string; seats: string }>;
}

export type SessionField = 'startsAt' | 'endsAt' | 'deliveryMode' | 'venueId' | 'capacity' | 'minimumPlaces' | 'bookingClosesAt' | 'releaseAt'
  | 'allocations' | `allocations.${number}.organisationId` | `allocations.${number}.seats` | 'sessionId' | 'courseId';

export function sessionFields(rows: number): SessionField[] {
  const each = Array.from({ length: rows }, (_, i) => [`allocations.${i}.organisationId`, `allocations.${i}.seats`] as const).flat();
  return ['startsAt', 'endsAt', 'deliveryMode', 'venueId', 'capacity', 'minimumPlaces', 'bookingClosesAt', 'releaseAt', 'allocations', ...each,
    'sessionId', 'courseId'];
}

export function sessionInputId(field: SessionField): string {
  const row = /^allocations\.(\d+)\.(organisationId|seats)$/.exec(field);
  if (row) return `allocation-${row[1]}-${row[2] === 'seats' ? 'seats' : 'organisation'}`;
  const ids: Record<string, string> = {
    startsAt: 'session-date', endsAt: 'session-end-time', deliveryMode: 'session-mode-IN_PERSON', venueId: 'session-venue',
    capacity: 'session-capacity', minimumPlaces: 'session-minimum', bookingClosesAt: 'session-closes-date', releaseAt: 'session-release-date',
    allocations: 'allocation-0-organisation', sessionId: 'session-date', courseId: 'session-date',
  };
  return ids[field] ?? field;
}

export function emptySessionForm(): SessionForm {
  return { date: '', startTime: '', endDate: '', endTime: '', deliveryMode: '', venueId: '', capacity: '', minimumPlaces: '',
    closesDate: '', closesTime: '', releaseDate: '', allocations: [] };
}

export function sessionFormFrom(session: ProviderSessionFieldsFragment): SessionForm {
  const start = londonDateAndTime(session.startsAt);
  const end = londonDateAndTime(session.endsAt);
  const closes = londonDateAndTime(session.bookingClosesAt);
  return {
    date: start.date, startTime: start.time, endDate: end.date === start.date ? '' : end.date, endTime: end.time,
    deliveryMode: session.deliveryMode, venueId: session.venue?.id ?? '', capacity: String(session.capacity),
    minimumPlaces: session.minimumPlaces == null ? '' : String(session.minimumPlaces), closesDate: closes.date, closesTime: closes.time,
    releaseDate: londonDateAndTime(session.releaseAt).date, allocations: [],
  };
}

const wholeNumber = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);

interface Parsed {
  startsAt: string; endsAt: string; deliveryMode: DeliveryMode; venueId: string | null; capacity: number; minimumPlaces: number | null;
  bookingClosesAt: string | null; releaseAt: string | null; allocations: Array<{ organisationId: string; seats: number }>;
}

/** The page's own checks: what must be filled in, dates and numbers that are real. The API checks how they fit together. */
function parse(form: SessionForm): { parsed: Parsed | null; errors: Array<FieldError<SessionField>> } {
  const errors: Array<FieldError<SessionField>> = [];
  const startsAt = form.date && form.startTime ? londonInstant(form.date, form.startTime) : null;
  if (!form.date || !form.startTime) errors.push({ field: 'startsAt', message: 'Enter the date and start time' });
  else if (!startsAt) errors.push({ field: 'startsAt', message: 'The start must be a real date and time' });
  const endsAt = form.endTime ? londonInstant(form.endDate || form.date, form.endTime) : null;
  if (!form.endTime) errors.push({ field: 'endsAt', message: 'Enter the end time' });
  else if (!endsAt && form.date) errors.push({ field: 'endsAt', message: 'The end must be a real date and time' });
  if (!form.deliveryMode) errors.push({ field: 'deliveryMode', message: 'Choose how the session is delivered' });
  if (form.deliveryMode && form.deliveryMode !== 'ONLINE' && !form.venueId) errors.push({ field: 'venueId', message: 'Choose the venue' });
  const capacity = wholeNumber(form.capacity);
  if (!form.capacity.trim()) errors.push({ field: 'capacity', message: 'Enter the number of places' });
  else if (Number.isNaN(capacity)) errors.push({ field: 'capacity', message: 'Enter the number of places as a whole number, like 20' });
  const minimum = form.minimumPlaces.trim() ? wholeNumber(form.minimumPlaces) : null;
  if (minimum !== null && Number.isNaN(minimum)) errors.push({ field: 'minimumPlaces', message: 'Enter the minimum numbers as a whole number, like 8' });
  const closes = form.closesDate || form.closesTime ? londonInstant(form.closesDate, form.closesTime || '00:00') : null;
  if ((form.closesDate || form.closesTime) && !closes) errors.push({ field: 'bookingClosesAt', message: 'Booking close must be a real date and time' });
  const release = form.releaseDate ? londonInstant(form.releaseDate, form.startTime || '09:00') : null;
  if (form.releaseDate && !release) errors.push({ field: 'releaseAt', message: 'The release date must be a real date' });
  const allocations = form.allocations.map((row, index) => {
    const seats = wholeNumber(row.seats);
    if (!row.organisationId) errors.push({ field: `allocations.${index}.organisationId`, message: `Choose the organisation for allocation ${index + 1}` });
    if (Number.isNaN(seats)) errors.push({ field: `allocations.${index}.seats`, message: `Enter the seats of allocation ${index + 1} as a whole number` });
    return { organisationId: row.organisationId, seats };
  });
  if (errors.length) return { parsed: null, errors };
  return {
    parsed: { startsAt: startsAt!, endsAt: endsAt!, deliveryMode: form.deliveryMode as DeliveryMode,
      venueId: form.deliveryMode === 'ONLINE' ? null : form.venueId, capacity, minimumPlaces: minimum, bookingClosesAt: closes,
      releaseAt: release, allocations },
    errors,
  };
}

export function scheduleInputFrom(courseId: string, form: SessionForm): { input: ScheduleSessionInput | null; errors: Array<FieldError<SessionField>> } {
  const { parsed, errors } = parse(form);
  return { input: parsed ? { courseId, ...parsed } : null, errors };
}

/** A change sends every field the form shows: the API keeps what did not change, and tells people only of a new time or place. */
export function rescheduleInputFrom(sessionId: string, form: SessionForm): { input: RescheduleSessionInput | null; errors: Array<FieldError<SessionField>> } {
  const { parsed, errors } = parse({ ...form, allocations: [] });
  if (!parsed) return { input: null, errors };
  const { allocations: _none, ...fields } = parsed;
  return { input: { sessionId, ...fields }, errors };
}
