import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

/**
 * Small builders that write catalogue rows straight to the test's own database, so each test
 * states exactly the rows its assertions depend on.
 */
const DAY = 86_400_000;

export async function makePartnership(db: DataSource, slug = `p-${randomUUID().slice(0, 8)}`) {
  const [row] = await db.query(`INSERT INTO partnership (slug, name) VALUES ($1, $2) RETURNING id, slug`, [slug, `Partnership ${slug}`]);
  return row as { id: string; slug: string };
}

export async function makeOrganisation(db: DataSource, partnershipId: string, values: {
  name?: string; shortCode?: string; sector?: string; deliversTraining?: boolean;
} = {}) {
  const [row] = await db.query(
    `INSERT INTO organisation (partnership_id, name, short_code, sector, role, delivers_training)
     VALUES ($1, $2, $3, $4, 'core_stakeholder', $5) RETURNING id`,
    [partnershipId, values.name ?? 'Test Organisation', values.shortCode ?? `O${randomUUID().slice(0, 6).toUpperCase()}`,
      values.sector ?? 'local_authority', values.deliversTraining ?? true]);
  return row.id as string;
}

export async function makeVenue(db: DataSource, partnershipId: string, values: {
  name?: string; town: string; latitude: number; longitude: number;
}) {
  const [row] = await db.query(
    `INSERT INTO venue (partnership_id, name, town, latitude, longitude) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [partnershipId, values.name ?? `${values.town} venue`, values.town, values.latitude, values.longitude]);
  return row.id as string;
}

export interface CourseValues {
  title: string;
  summary?: string;
  method?: string;
  audience?: 'staff' | 'volunteers' | 'both';
  visibility?: 'public' | 'partnership' | 'organisation';
  visibilityOrganisationId?: string;
  costPence?: number;
  mandatorySubject?: string | null;
  ksfDimensions?: string[];
}

export async function makeCourse(db: DataSource, partnershipId: string, providerId: string, values: CourseValues) {
  const [row] = await db.query(
    `INSERT INTO course (partnership_id, provider_organisation_id, title, summary, method, learning_category,
       duration_minutes, audience, visibility, visibility_organisation_id, cost_per_place_pence, mandatory_subject, ksf_dimensions)
     VALUES ($1, $2, $3, $4, $5, 'formal', 180, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [partnershipId, providerId, values.title, values.summary ?? '', values.method ?? 'classroom', values.audience ?? 'both',
      values.visibility ?? 'public', values.visibilityOrganisationId ?? null, values.costPence ?? 0,
      values.mandatorySubject ?? null, values.ksfDimensions ?? []]);
  return row.id as string;
}

export async function makeSession(db: DataSource, partnershipId: string, courseId: string, values: {
  startsInDays: number;
  now?: Date;
  venueId?: string | null;
  deliveryMode?: 'in_person' | 'online' | 'blended';
  capacity?: number;
  seatsTaken?: number;
  allocatedSeats?: number;
  status?: 'scheduled' | 'cancelled' | 'completed';
  releaseInDays?: number;
}) {
  const now = values.now ?? new Date();
  const startsAt = new Date(now.getTime() + values.startsInDays * DAY);
  const releaseAt = new Date(now.getTime() + (values.releaseInDays ?? values.startsInDays - 14) * DAY);
  const mode = values.deliveryMode ?? (values.venueId ? 'in_person' : 'online');
  const [row] = await db.query(
    `INSERT INTO training_session (partnership_id, course_id, starts_at, ends_at, delivery_mode, venue_id, capacity,
       allocated_seats, seats_taken, pool_seats_taken, booking_closes_at, release_at, status)
     VALUES ($1, $2, $3, $3::timestamptz + interval '3 hours', $4, $5, $6, $7, $8, $8, $3::timestamptz - interval '1 day',
       least($9::timestamptz, $3::timestamptz), $10) RETURNING id`,
    [partnershipId, courseId, startsAt, mode, mode === 'online' ? null : values.venueId, values.capacity ?? 20,
      values.allocatedSeats ?? 0, values.seatsTaken ?? 0, releaseAt, values.status ?? 'scheduled']);
  return row.id as string;
}

export async function makeAllocation(db: DataSource, partnershipId: string, sessionId: string, organisationId: string,
  seats: number, seatsTaken = 0) {
  await db.query(
    `INSERT INTO seat_allocation (partnership_id, session_id, organisation_id, seats, seats_taken) VALUES ($1, $2, $3, $4, $5)`,
    [partnershipId, sessionId, organisationId, seats, seatsTaken]);
  await db.query(`UPDATE training_session SET allocated_seats = allocated_seats + $2 WHERE id = $1`, [sessionId, seats]);
}
