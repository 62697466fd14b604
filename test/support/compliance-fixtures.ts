import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { makeCourse, makeOrganisation } from './catalogue-fixtures';
import { sessionFor } from './people-fixtures';

/** Rows for compliance tests: an organisation with its own lead, its people, and their completions. */

export async function makePerson(db: DataSource, partnershipId: string, organisationId: string | null, values: {
  name?: string; jobTitle?: string | null; team?: string | null; kind?: 'staff' | 'volunteer'; lineManagerId?: string | null; email?: string;
} = {}): Promise<string> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO person (id, partnership_id, organisation_id, kind, name, email, job_title, team, line_manager_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [id, partnershipId, organisationId, values.kind ?? 'staff', values.name ?? `Person ${id.slice(0, 6)}`,
      values.email ?? `person.${id}@compliance.example`, values.jobTitle ?? null, values.team ?? null, values.lineManagerId ?? null]);
  return id;
}

export async function grant(db: DataSource, partnershipId: string, personId: string, role: string, organisationId: string | null): Promise<void> {
  await db.query('INSERT INTO role_grant (partnership_id, person_id, role, organisation_id) VALUES ($1, $2, $3, $4)',
    [partnershipId, personId, role, organisationId]);
}

/** A fresh organisation of the partnership with one L&D lead, signed in. */
export async function makeLedOrganisation(db: DataSource, partnershipId: string, values: { name?: string; sector?: string } = {}) {
  const organisationId = await makeOrganisation(db, partnershipId, { name: values.name ?? `Care ${randomUUID().slice(0, 4)}`, sector: values.sector ?? 'care_home' });
  const leadId = await makePerson(db, partnershipId, organisationId, { name: 'Lead Person' });
  await grant(db, partnershipId, leadId, 'ld_lead', organisationId);
  return { organisationId, leadId, leadToken: await sessionFor(db, leadId) };
}

export async function requireSubject(db: DataSource, partnershipId: string, organisationId: string, subjectCode: string,
  criteria: { personKind?: 'staff' | 'volunteer'; jobTitle?: string; team?: string } = {}): Promise<string> {
  const [row] = await db.query(
    `INSERT INTO compliance_requirement (partnership_id, organisation_id, subject_code, person_kind, job_title, team)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [partnershipId, organisationId, subjectCode, criteria.personKind ?? null, criteria.jobTitle ?? null, criteria.team ?? null]);
  return row.id;
}

const courses = new Map<string, string>();

/** An attended booking on a session of a course of the subject that ended at noon (UTC) on `completedOn`, booked as `fromOrganisationId`. */
export async function addCompletion(db: DataSource, partnershipId: string, personId: string, values: {
  subjectCode: string; completedOn: string; fromOrganisationId: string | null; providerId: string;
}): Promise<string> {
  const key = `${partnershipId}|${values.providerId}|${values.subjectCode}`;
  if (!courses.has(key)) {
    courses.set(key, await makeCourse(db, partnershipId, values.providerId, { title: `Course in ${values.subjectCode}`, mandatorySubject: values.subjectCode }));
  }
  const [session] = await db.query(
    `INSERT INTO training_session (partnership_id, course_id, starts_at, ends_at, delivery_mode, capacity, booking_closes_at, release_at, status)
     VALUES ($1, $2, $3::date + time '09:00' AT TIME ZONE 'UTC', $3::date + time '12:00' AT TIME ZONE 'UTC', 'online', 20,
       $3::date + time '08:00' AT TIME ZONE 'UTC', $3::date + time '08:00' AT TIME ZONE 'UTC', 'completed') RETURNING id`,
    [partnershipId, courses.get(key), values.completedOn]);
  const [booking] = await db.query(
    `INSERT INTO booking (partnership_id, session_id, person_id, organisation_id, status) VALUES ($1, $2, $3, $4, 'attended') RETURNING id`,
    [partnershipId, session.id, personId, values.fromOrganisationId]);
  return booking.id;
}

/** YYYY-MM-DD `days` from `now` (UTC calendar). */
export function dayFrom(now: Date, days: number): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}
