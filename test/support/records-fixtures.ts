import type { DataSource } from 'typeorm';
import type { RunningPortal } from './start-portal';
import { makeCourse, makeOrganisation, makePartnership, makeSession } from './catalogue-fixtures';
import { makeSignedInPeople, sessionFor } from './people-fixtures';
import { chargeCourseTo, makeStream } from './funding-fixtures';

/** A partnership for register and learning-record tests: a provider with a coordinator, an employer with a lead, a manager and staff. */
export interface RecordsWorld {
  partnershipId: string; slug: string; providerId: string; employerId: string; courseId: string; streamId: string;
  coordinatorToken: string; leadToken: string; managerId: string; managerToken: string;
  staff: Array<{ personId: string; token: string }>;
}

export async function grant(db: DataSource, partnershipId: string, personId: string, role: string, organisationId: string | null): Promise<void> {
  await db.query('INSERT INTO role_grant (partnership_id, person_id, role, organisation_id) VALUES ($1, $2, $3, $4)', [partnershipId, personId, role, organisationId]);
}

export async function makeRecordsWorld(db: DataSource, staffCount: number, costPence = 4_000): Promise<RecordsWorld> {
  const p = await makePartnership(db);
  const [{ slug }] = await db.query('SELECT slug FROM partnership WHERE id = $1', [p.id]);
  const providerId = await makeOrganisation(db, p.id, { shortCode: 'PROV' });
  const employerId = await makeOrganisation(db, p.id, { shortCode: 'EMPL', sector: 'care_home' });
  const courseId = await makeCourse(db, p.id, providerId, { title: 'Safeguarding Adults Level 2', audience: 'both', costPence,
    mandatorySubject: 'safeguarding-adults-2', ksfDimensions: ['core-1'] });
  const streamId = await makeStream(db, { partnershipId: p.id, managingOrganisationId: employerId, budgetPence: 10_000_000 });
  await chargeCourseTo(db, courseId, streamId);
  const staff = await makeSignedInPeople(db, p.id, staffCount, { organisationId: employerId });
  const [coordinator, lead, manager] = await makeSignedInPeople(db, p.id, 3, { organisationId: providerId });
  await grant(db, p.id, coordinator.personId, 'provider_coordinator', providerId);
  await db.query('UPDATE person SET organisation_id = $2 WHERE id = ANY($1::uuid[])', [[lead.personId, manager.personId], employerId]);
  await db.query('UPDATE role_grant SET organisation_id = $2 WHERE person_id = ANY($1::uuid[])', [[lead.personId, manager.personId], employerId]);
  await grant(db, p.id, lead.personId, 'ld_lead', employerId);
  await grant(db, p.id, manager.personId, 'line_manager', employerId);
  await db.query('UPDATE person SET line_manager_id = $2 WHERE id = ANY($1::uuid[])', [staff.map((s) => s.personId), manager.personId]);
  return { partnershipId: p.id, slug, providerId, employerId, courseId, streamId, coordinatorToken: await sessionFor(db, coordinator.personId),
    leadToken: lead.token, managerId: manager.personId, managerToken: manager.token, staff };
}

const BOOK = `mutation($input: BookSessionInput!) { bookSession(input: $input) { booking { id status } userErrors { code message } } }`;

/** A session with these people booked (confirmed, through the API, so money is committed), then moved into the past. */
export async function pastSessionWithBookings(portal: RunningPortal, world: RecordsWorld, people: Array<{ token: string }>,
  values: { capacity?: number; startsInDays?: number } = {}): Promise<{ sessionId: string; bookingIds: string[] }> {
  const db = portal.dataSource;
  const sessionId = await makeSession(db, world.partnershipId, world.courseId, { startsInDays: values.startsInDays ?? 5, capacity: values.capacity ?? 30 });
  const bookingIds: string[] = [];
  for (const person of people) {
    const booked = await portal.graphql<{ bookSession: { booking: { id: string; status: string } | null; userErrors: unknown[] } }>(
      BOOK, { input: { sessionId } }, { token: person.token });
    if (booked.data?.bookSession.booking?.status !== 'CONFIRMED') throw new Error(`not booked: ${JSON.stringify(booked)}`);
    bookingIds.push(booked.data.bookSession.booking.id);
  }
  await startSessionNow(db, sessionId);
  return { sessionId, bookingIds };
}

export async function startSessionNow(db: DataSource, sessionId: string): Promise<void> {
  await db.query(`UPDATE training_session SET starts_at = now() - interval '4 hours', ends_at = now() - interval '1 hour',
    booking_closes_at = now() - interval '5 hours', release_at = now() - interval '5 hours' WHERE id = $1`, [sessionId]);
}
