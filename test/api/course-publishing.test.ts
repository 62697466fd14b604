import { randomUUID } from 'node:crypto';
import type { ParsedMail } from 'mailparser';
import { startPortal, type RunningPortal } from '../support/start-portal';
import { startMailCatcher, type MailCatcher } from '../support/mail-catcher';
import { makeCourse, makeOrganisation, makePartnership, makeVenue } from '../support/catalogue-fixtures';
import { makeSignedInPeople } from '../support/people-fixtures';
import { noticeSessionsBelowMinimum } from '../../server/src/modules/catalogue/session-minimums.service';
import { SESSION_MINIMUMS_TASK, cronItems, createTaskList } from '../../server/src/jobs/task-list';

/**
 * Providers publish: courses, venues and sessions made and changed over HTTP by their provider,
 * every mistake of a form answered at once with nothing written, a moved session's people sent an
 * updated invite over real SMTP, and a session short of its minimum numbers at booking close told
 * to its provider and the leads holding its seats, once.
 */
let portal: RunningPortal;
let mail: MailCatcher;
const ids: Record<string, string> = {};
const tokens: Record<string, string> = {};
const DAY = 86_400_000;
let people: Array<{ personId: string; token: string }> = [];

const COURSE_FIELDS = `id title summary learningOutcomes method learningCategory learningCategoryOverridden durationHours accreditation cpdPoints
  ksfDimensions mandatorySubject { code } audience eligibleSectors visibility visibilityOrganisation { id } costPerPlace { pence } isFree isJoint
  fundingStreamId provider { id } canManage`;
const CREATE_COURSE = `mutation($input: CreateCourseInput!) { createCourse(input: $input) { course { ${COURSE_FIELDS} } userErrors { field message code } } }`;
const UPDATE_COURSE = `mutation($input: UpdateCourseInput!) { updateCourse(input: $input) { course { ${COURSE_FIELDS} } userErrors { field message code } } }`;
const CREATE_VENUE = `mutation($input: CreateVenueInput!) { createVenue(input: $input) { venue { id name town postcode latitude } userErrors { field message code } } }`;
const SESSION_FIELDS = `id startsAt endsAt deliveryMode venue { id } capacity poolSeats seatsTaken minimumPlaces bookingClosesAt releaseAt status
  allocations { organisation { id } seats }`;
const SCHEDULE = `mutation($input: ScheduleSessionInput!) { scheduleSession(input: $input) { session { ${SESSION_FIELDS} } userErrors { field message code } } }`;
const RESCHEDULE = `mutation($input: RescheduleSessionInput!) { rescheduleSession(input: $input) { session { ${SESSION_FIELDS} } userErrors { field message code } } }`;
const BOOK = `mutation($input: BookSessionInput!) { bookSession(input: $input) { booking { id status } userErrors { code } } }`;

type Errors = Array<{ field: string[]; message: string; code: string }>;
type CourseData = Record<string, unknown> & { id: string; learningCategory: string; learningCategoryOverridden: boolean };
type SessionData = Record<string, unknown> & { id: string; capacity: number; poolSeats: number };
const fieldsOf = (errors: Errors) => errors.map((e) => `${e.field.join('.')}:${e.code}`).sort();

async function createCourse(token: string, input: Record<string, unknown>) {
  const response = await portal.graphql<{ createCourse: { course: CourseData | null; userErrors: Errors } }>(CREATE_COURSE, { input }, { token });
  return { response, payload: response.data?.createCourse };
}
async function schedule(token: string, input: Record<string, unknown>) {
  const response = await portal.graphql<{ scheduleSession: { session: SessionData | null; userErrors: Errors } }>(SCHEDULE, { input }, { token });
  return { response, payload: response.data?.scheduleSession };
}
async function reschedule(token: string, input: Record<string, unknown>) {
  const response = await portal.graphql<{ rescheduleSession: { session: SessionData | null; userErrors: Errors } }>(RESCHEDULE, { input }, { token });
  return { response, payload: response.data?.rescheduleSession };
}
const count = async (sql: string, params: unknown[] = []) => Number((await portal.dataSource.query(sql, params))[0].n);
const days = (n: number, hour = 9) => {
  const d = new Date(Date.now() + n * DAY);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
};
const baseCourse = () => ({ title: `Moving and Handling ${randomUUID().slice(0, 6)}`, method: 'CLASSROOM', durationHours: 3.5, audience: 'BOTH',
  visibility: 'PARTNERSHIP', costPerPlace: '45.00' });

async function grant(personId: string, role: string, organisationId: string | null) {
  await portal.dataSource.query('INSERT INTO role_grant (partnership_id, person_id, role, organisation_id) VALUES ($1, $2, $3, $4)',
    [ids.partnership, personId, role, organisationId]);
}

beforeAll(async () => {
  mail = await startMailCatcher();
  portal = await startPortal({ template: 'empty', config: { smtpUrl: mail.url, publicUrl: 'https://portal.test' } });
  const db = portal.dataSource;
  const p = await makePartnership(db, 'publishing');
  ids.partnership = p.id;
  ids.provider = await makeOrganisation(db, p.id, { shortCode: 'PROV', name: 'Acute Trust Education' });
  ids.otherProvider = await makeOrganisation(db, p.id, { shortCode: 'OTHP', name: 'College of Care' });
  ids.employer = await makeOrganisation(db, p.id, { shortCode: 'EMPL', name: 'Sunrise Care Home', sector: 'care_home' });
  ids.bystander = await makeOrganisation(db, p.id, { shortCode: 'BYST', name: 'Bystander Council' });
  ids.partnershipVenue = await makeVenue(db, p.id, { name: 'Town Hall', town: 'Peterborough', latitude: 52.57, longitude: -0.24 });
  ids.otherCourse = await makeCourse(db, p.id, ids.otherProvider, { title: 'College course' });

  const [coordinator] = await makeSignedInPeople(db, p.id, 1, { organisationId: ids.provider });
  const [otherCoordinator] = await makeSignedInPeople(db, p.id, 1, { organisationId: ids.otherProvider });
  const [lead] = await makeSignedInPeople(db, p.id, 1, { organisationId: ids.employer });
  const [bystanderLead] = await makeSignedInPeople(db, p.id, 1, { organisationId: ids.bystander });
  const [admin] = await makeSignedInPeople(db, p.id, 1, { organisationId: ids.bystander });
  await grant(coordinator.personId, 'provider_coordinator', ids.provider);
  await grant(otherCoordinator.personId, 'provider_coordinator', ids.otherProvider);
  await grant(lead.personId, 'ld_lead', ids.employer);
  await grant(bystanderLead.personId, 'ld_lead', ids.bystander);
  await grant(admin.personId, 'partnership_admin', null);
  Object.assign(tokens, { coordinator: coordinator.token, otherCoordinator: otherCoordinator.token, lead: lead.token, admin: admin.token });
  Object.assign(ids, { coordinator: coordinator.personId, lead: lead.personId, bystanderLead: bystanderLead.personId });
  people = await makeSignedInPeople(db, p.id, 6, { organisationId: ids.employer });

  const other = await makePartnership(db, 'publishing-elsewhere');
  ids.foreignOrganisation = await makeOrganisation(db, other.id, { shortCode: 'FORN' });
  ids.foreignVenue = await makeVenue(db, other.id, { town: 'Wisbech', latitude: 52.66, longitude: 0.16 });
  ids.foreignCourse = await makeCourse(db, other.id, ids.foreignOrganisation, { title: 'Elsewhere' });
}, 120_000);

afterAll(async () => {
  await portal?.stop();
  await mail?.stop();
});


describe('createCourse', () => {
  it('publishes every field of a course for the coordinator\'s organisation, its category taken from the method', async () => {
    const { payload } = await createCourse(tokens.coordinator, {
      ...baseCourse(), summary: '  Safer people moving  ', learningOutcomes: ['Use a hoist', ' ', 'Use a hoist', 'Plan a transfer'],
      method: 'WORK_SHADOWING', accreditation: 'CPD', cpdPoints: 3, ksfDimensions: ['HWB2', 'C1'], mandatorySubject: 'moving-and-handling',
      eligibleSectors: ['CARE_HOME', 'CARE_HOME'], visibility: 'ORGANISATION', visibilityOrganisationId: ids.employer, costPerPlace: '£1,250.50', isJoint: true,
    });
    expect(payload!.userErrors).toEqual([]);
    expect(payload!.course).toMatchObject({
      summary: 'Safer people moving', learningOutcomes: ['Use a hoist', 'Plan a transfer'], method: 'WORK_SHADOWING',
      learningCategory: 'EXPERIENTIAL', learningCategoryOverridden: false, durationHours: 3.5, accreditation: 'CPD', cpdPoints: 3,
      ksfDimensions: ['HWB2', 'C1'], mandatorySubject: { code: 'moving-and-handling' }, audience: 'BOTH', eligibleSectors: ['CARE_HOME'],
      visibility: 'ORGANISATION', visibilityOrganisation: { id: ids.employer }, costPerPlace: { pence: 125050 }, isFree: false, isJoint: true,
      provider: { id: ids.provider }, canManage: true,
    });
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'courses.created' AND subject_id = $1`, [payload!.course!.id])).toBe(1);
  });

  it('keeps a category the provider chose over the method\'s, and a free course costs nothing', async () => {
    const { payload } = await createCourse(tokens.coordinator, { ...baseCourse(), method: 'CLASSROOM', learningCategory: 'SOCIAL', costPerPlace: '0' });
    expect(payload!.course).toMatchObject({ learningCategory: 'SOCIAL', learningCategoryOverridden: true, isFree: true });
  });

  it('reports every mistake in one answer and writes nothing', async () => {
    const before = await count('SELECT count(*) AS n FROM course');
    const { payload } = await createCourse(tokens.admin, {
      ...baseCourse(), providerOrganisationId: ids.foreignOrganisation, title: 'x'.repeat(201), summary: 'y'.repeat(4001), durationHours: 0,
      cpdPoints: 5000, ksfDimensions: ['not a dimension'], mandatorySubject: 'no-such-subject', costPerPlace: '12.345',
      visibility: 'ORGANISATION', visibilityOrganisationId: ids.foreignOrganisation, fundingStreamId: randomUUID(),
    });
    expect(payload!.course).toBeNull();
    expect(fieldsOf(payload!.userErrors)).toEqual([
      'input.costPerPlace:FRACTIONAL_PENNY', 'input.cpdPoints:INVALID', 'input.durationHours:INVALID', 'input.fundingStreamId:NOT_FOUND',
      'input.ksfDimensions:INVALID', 'input.mandatorySubject:NOT_FOUND', 'input.providerOrganisationId:NOT_FOUND', 'input.summary:INVALID',
      'input.title:INVALID', 'input.visibilityOrganisationId:NOT_FOUND',
    ]);
    expect(payload!.userErrors.find((e) => e.field.join('.') === 'input.title')!.message).toBe('Enter the title (up to 200 characters)');
    expect(await count('SELECT count(*) AS n FROM course')).toBe(before);
  });

  it('asks an administrator which organisation provides it, and refuses a coordinator another organisation\'s', async () => {
    const { payload } = await createCourse(tokens.admin, baseCourse());
    expect(fieldsOf(payload!.userErrors)).toEqual(['input.providerOrganisationId:REQUIRED']);
    const byAdmin = await createCourse(tokens.admin, { ...baseCourse(), providerOrganisationId: ids.otherProvider });
    expect(byAdmin.payload!.course!.provider).toEqual({ id: ids.otherProvider });
    const refused = await createCourse(tokens.coordinator, { ...baseCourse(), providerOrganisationId: ids.otherProvider });
    expect(refused.response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const lead = await createCourse(tokens.lead, { ...baseCourse(), providerOrganisationId: ids.employer });
    expect(lead.response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await createCourse('', baseCourse())).response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('updateCourse', () => {
  it('changes only what it is given; the category follows a new method until the provider chooses one', async () => {
    const { payload: made } = await createCourse(tokens.coordinator, { ...baseCourse(), summary: 'Kept', cpdPoints: 2, accreditation: 'CPD' });
    const update = (input: Record<string, unknown>, token = tokens.coordinator) =>
      portal.graphql<{ updateCourse: { course: CourseData | null; userErrors: Errors } }>(UPDATE_COURSE, { input: { courseId: made!.course!.id, ...input } }, { token });

    const mentoring = (await update({ method: 'MENTORING', title: 'Mentoring for movers' })).data!.updateCourse;
    expect(mentoring.userErrors).toEqual([]);
    expect(mentoring.course).toMatchObject({ title: 'Mentoring for movers', summary: 'Kept', cpdPoints: 2, learningCategory: 'SOCIAL', learningCategoryOverridden: false });
    const chosen = (await update({ learningCategory: 'FORMAL' })).data!.updateCourse.course!;
    expect(chosen).toMatchObject({ learningCategory: 'FORMAL', learningCategoryOverridden: true });
    expect((await update({ method: 'SECONDMENT' })).data!.updateCourse.course).toMatchObject({ learningCategory: 'FORMAL', learningCategoryOverridden: true });
    const cleared = (await update({ learningCategory: null, cpdPoints: null })).data!.updateCourse.course!;
    expect(cleared).toMatchObject({ learningCategory: 'EXPERIENTIAL', learningCategoryOverridden: false, cpdPoints: null });

    const bad = (await update({ title: '', durationHours: 9000, costPerPlace: '-3', visibility: 'ORGANISATION' })).data!.updateCourse;
    expect(fieldsOf(bad.userErrors)).toEqual(['input.costPerPlace:NEGATIVE', 'input.durationHours:INVALID', 'input.title:INVALID',
      'input.visibilityOrganisationId:REQUIRED']);
    const [row] = await portal.dataSource.query('SELECT title, visibility FROM course WHERE id = $1', [made!.course!.id]);
    expect(row).toEqual({ title: 'Mentoring for movers', visibility: 'partnership' });

    expect((await update({ title: 'Taken over' }, tokens.otherCoordinator)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const byAdmin = await update({ title: 'Renamed by the administrator' }, tokens.admin);
    expect(byAdmin.data!.updateCourse.course!.title).toBe('Renamed by the administrator');
  });

  it('answers another partnership\'s course as unknown', async () => {
    const response = await portal.graphql<{ updateCourse: { course: null; userErrors: Errors } }>(UPDATE_COURSE,
      { input: { courseId: ids.foreignCourse, title: 'Mine now' } }, { token: tokens.admin });
    expect(fieldsOf(response.data!.updateCourse.userErrors)).toEqual(['input.courseId:NOT_FOUND']);
    const [row] = await portal.dataSource.query('SELECT title FROM course WHERE id = $1', [ids.foreignCourse]);
    expect(row.title).toBe('Elsewhere');
  });
});

describe('createVenue', () => {
  it('adds a venue of the coordinator\'s organisation, and reports every mistake at once', async () => {
    const made = await portal.graphql<{ createVenue: { venue: { id: string; postcode: string } | null; userErrors: Errors } }>(CREATE_VENUE,
      { input: { name: 'Education Centre', address: 'Bretton Gate', town: 'Peterborough', postcode: 'pe39gz', latitude: 52.59, longitude: -0.29 } },
      { token: tokens.coordinator });
    expect(made.data!.createVenue.userErrors).toEqual([]);
    expect(made.data!.createVenue.venue!.postcode).toBe('PE3 9GZ');
    const [row] = await portal.dataSource.query('SELECT organisation_id FROM venue WHERE id = $1', [made.data!.createVenue.venue!.id]);
    expect(row.organisation_id).toBe(ids.provider);
    ids.providerVenue = made.data!.createVenue.venue!.id;

    const before = await count('SELECT count(*) AS n FROM venue');
    const bad = await portal.graphql<{ createVenue: { venue: null; userErrors: Errors } }>(CREATE_VENUE,
      { input: { organisationId: ids.foreignOrganisation, name: 'n'.repeat(300), town: '', postcode: 'NOT A POSTCODE', latitude: 91, longitude: -181 } },
      { token: tokens.admin });
    expect(fieldsOf(bad.data!.createVenue.userErrors)).toEqual(['input.latitude:INVALID', 'input.longitude:INVALID', 'input.name:INVALID',
      'input.organisationId:NOT_FOUND', 'input.postcode:INVALID', 'input.town:INVALID']);
    expect(await count('SELECT count(*) AS n FROM venue')).toBe(before);
    const refused = await portal.graphql(CREATE_VENUE, { input: { organisationId: ids.otherProvider, name: 'Theirs', town: 'March', latitude: 52.5, longitude: 0.1 } },
      { token: tokens.coordinator });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('scheduleSession', () => {
  it('schedules a session with allocations, the rest of the capacity in the pool, and the release time 14 days before by default', async () => {
    const { payload: course } = await createCourse(tokens.coordinator, baseCourse());
    ids.course = course!.course!.id;
    const { payload } = await schedule(tokens.coordinator, {
      courseId: ids.course, startsAt: days(30), endsAt: days(30, 16), deliveryMode: 'IN_PERSON', venueId: ids.partnershipVenue, capacity: 20,
      allocations: [{ organisationId: ids.employer, seats: 5 }, { organisationId: ids.bystander, seats: 3 }], minimumPlaces: 8,
    });
    expect(payload!.userErrors).toEqual([]);
    expect(payload!.session).toMatchObject({ capacity: 20, poolSeats: 12, minimumPlaces: 8, status: 'SCHEDULED', venue: { id: ids.partnershipVenue },
      bookingClosesAt: days(30), releaseAt: days(16) });
    expect((payload!.session!.allocations as Array<{ seats: number }>).map((a) => a.seats).sort()).toEqual([3, 5]);
  });

  it('reports every mistake in one answer and writes nothing', async () => {
    const before = await count('SELECT count(*) AS n FROM training_session');
    const { payload } = await schedule(tokens.coordinator, {
      courseId: ids.course, startsAt: days(10, 15), endsAt: days(10, 9), deliveryMode: 'IN_PERSON', venueId: ids.foreignVenue, capacity: 10,
      allocations: [{ organisationId: ids.employer, seats: 8 }, { organisationId: ids.foreignOrganisation, seats: 4 }], minimumPlaces: 11,
      bookingClosesAt: days(11), releaseAt: days(12),
    });
    expect(payload!.session).toBeNull();
    expect(fieldsOf(payload!.userErrors)).toEqual(['input.allocations.1.organisationId:NOT_FOUND', 'input.allocations:OVER_CAPACITY',
      'input.bookingClosesAt:CLOSES_AFTER_START', 'input.endsAt:ENDS_BEFORE_START', 'input.minimumPlaces:MINIMUM_OVER_CAPACITY',
      'input.releaseAt:RELEASE_AFTER_START', 'input.venueId:NOT_FOUND']);
    const out = await schedule(tokens.coordinator, { courseId: ids.foreignCourse, startsAt: days(-1), endsAt: days(-1, 12), deliveryMode: 'ONLINE',
      venueId: ids.partnershipVenue, capacity: 0, minimumPlaces: 0 });
    expect(fieldsOf(out.payload!.userErrors)).toEqual(['input.capacity:INVALID', 'input.courseId:NOT_FOUND', 'input.minimumPlaces:INVALID',
      'input.startsAt:IN_THE_PAST', 'input.venueId:VENUE_NOT_ALLOWED']);
    expect(await count('SELECT count(*) AS n FROM training_session')).toBe(before);
  });

  it('refuses another provider\'s course and another organisation\'s venue', async () => {
    const theirs = await schedule(tokens.coordinator, { courseId: ids.otherCourse, startsAt: days(5), endsAt: days(5, 12), deliveryMode: 'ONLINE', capacity: 5 });
    expect(theirs.response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const venue = await schedule(tokens.otherCoordinator, { courseId: ids.otherCourse, startsAt: days(5), endsAt: days(5, 12), deliveryMode: 'IN_PERSON',
      venueId: ids.providerVenue, capacity: 5 });
    expect(fieldsOf(venue.payload!.userErrors)).toEqual(['input.venueId:NOT_ALLOWED']);
  });
});

describe('rescheduleSession', () => {
  const ics = (m: ParsedMail) => {
    const part = m.attachments.find((a) => a.filename === 'invite.ics');
    return part ? part.content.toString('utf8').replace(/\r\n[ \t]/g, '').split('\r\n') : [];
  };
  const line = (lines: string[], name: string) => lines.find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`))?.replace(/^[^:]*:/, '');
  const toOf = (m: ParsedMail) => (Array.isArray(m.to) ? m.to[0] : m.to)?.text;

  it('moves a session: everyone booked gets a REQUEST invite of the same event with a higher SEQUENCE and the new time', async () => {
    const { payload } = await schedule(tokens.coordinator, { courseId: ids.course, startsAt: days(40), endsAt: days(40, 12), deliveryMode: 'IN_PERSON',
      venueId: ids.partnershipVenue, capacity: 3 });
    const sessionId = payload!.session!.id;
    const [a, b] = people;
    for (const person of [a, b]) {
      const booked = await portal.graphql<{ bookSession: { booking: { status: string } } }>(BOOK, { input: { sessionId } }, { token: person.token });
      expect(booked.data!.bookSession.booking.status).toBe('CONFIRMED');
    }
    await portal.runDueJobs();
    const first = await mail.waitFor((m) => toOf(m) === `person.${a.personId}@people.example` && /^Booking confirmed/.test(m.subject ?? ''));
    const firstSequence = Number(line(ics(first), 'SEQUENCE'));

    const moved = await reschedule(tokens.coordinator, { sessionId, startsAt: days(41, 13), endsAt: days(41, 16), venueId: ids.providerVenue, reason: 'Room flooded' });
    expect(moved.payload!.userErrors).toEqual([]);
    expect(moved.payload!.session).toMatchObject({ startsAt: days(41, 13), endsAt: days(41, 16), venue: { id: ids.providerVenue } });
    await portal.runDueJobs();
    for (const person of [a, b]) {
      const changed = await mail.waitFor((m) => toOf(m) === `person.${person.personId}@people.example` && ics(m).some((l) => l.startsWith('DTSTART'))
        && line(ics(m), 'DTSTART') === days(41, 13).replace(/[-:]/g, '').replace('.000', ''));
      const lines = ics(changed);
      expect(line(lines, 'METHOD')).toBe('REQUEST');
      expect(line(lines, 'UID')).toMatch(/^booking-.+@partnership-portal$/);
      if (person === a) {
        expect(line(lines, 'UID')).toBe(line(ics(first), 'UID'));
        expect(Number(line(lines, 'SEQUENCE'))).toBeGreaterThan(firstSequence);
      }
      expect(changed.text).toContain('Education Centre');
    }
    const [{ details }] = await portal.dataSource.query(`SELECT details FROM audit_log WHERE action = 'sessions.rescheduled' AND subject_id = $1`, [sessionId]);
    expect(details).toMatchObject({ reason: 'Room flooded', peopleTold: 2 });

    // Numbers alone tell nobody: a larger capacity sends no invite.
    const emailsBefore = await count('SELECT count(*) AS n FROM email_outbox');
    expect((await reschedule(tokens.coordinator, { sessionId, capacity: 4 })).payload!.userErrors).toEqual([]);
    expect(await count('SELECT count(*) AS n FROM email_outbox')).toBe(emailsBefore);

    // The capacity cannot go below the places taken; every other mistake comes in the same answer.
    const below = await reschedule(tokens.coordinator, { sessionId, capacity: 1, endsAt: days(41, 12), minimumPlaces: 0 });
    expect(fieldsOf(below.payload!.userErrors)).toEqual(['input.capacity:BELOW_SEATS_TAKEN', 'input.endsAt:ENDS_BEFORE_START', 'input.minimumPlaces:INVALID']);
    expect(below.payload!.userErrors.find((e) => e.code === 'BELOW_SEATS_TAKEN')!.message).toBe('2 places on this session are taken: the capacity must be at least 2');
    const [row] = await portal.dataSource.query('SELECT capacity, starts_at FROM training_session WHERE id = $1', [sessionId]);
    expect(row.capacity).toBe(4);
    expect(row.starts_at.toISOString()).toBe(days(41, 13));

    expect((await reschedule(tokens.otherCoordinator, { sessionId, capacity: 10 })).response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await reschedule(tokens.lead, { sessionId, capacity: 10 })).response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await reschedule('', { sessionId, capacity: 10 })).response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses to reschedule a cancelled session, with its other mistakes, and answers unknown sessions as such', async () => {
    const { payload } = await schedule(tokens.coordinator, { courseId: ids.course, startsAt: days(50), endsAt: days(50, 12), deliveryMode: 'ONLINE', capacity: 5 });
    const sessionId = payload!.session!.id;
    await portal.graphql('mutation($input: CancelSessionInput!) { cancelSession(input: $input) { userErrors { code } } }',
      { input: { sessionId, reason: 'No trainer' } }, { token: tokens.coordinator });
    const refused = await reschedule(tokens.coordinator, { sessionId, startsAt: days(51), capacity: 100_000, deliveryMode: 'IN_PERSON', venueId: ids.foreignVenue });
    expect(fieldsOf(refused.payload!.userErrors)).toEqual(['input.capacity:INVALID', 'input.sessionId:SESSION_CANCELLED', 'input.venueId:NOT_FOUND']);
    const [row] = await portal.dataSource.query('SELECT status, starts_at FROM training_session WHERE id = $1', [sessionId]);
    expect(row.status).toBe('cancelled');
    expect(row.starts_at.toISOString()).toBe(days(50));
    const unknown = await reschedule(tokens.admin, { sessionId: randomUUID(), capacity: 5 });
    expect(fieldsOf(unknown.payload!.userErrors)).toEqual(['input.sessionId:NOT_FOUND']);
  });
});

describe('who is booked', () => {
  const ROSTER = `query($id: ID!) { session(id: $id) { id bookings { status person { name email } } } }`;
  it('lists the people on a session with their statuses for its provider, and no one else', async () => {
    const { payload } = await schedule(tokens.coordinator, { courseId: ids.course, startsAt: days(60), endsAt: days(60, 12), deliveryMode: 'ONLINE', capacity: 1 });
    const sessionId = payload!.session!.id;
    const [, , a, b] = people;
    await portal.graphql(BOOK, { input: { sessionId } }, { token: a.token });
    await portal.graphql(BOOK, { input: { sessionId } }, { token: b.token });
    const seen = await portal.graphql<{ session: { bookings: Array<{ status: string; person: { email: string } }> } }>(ROSTER, { id: sessionId }, { token: tokens.coordinator });
    expect(seen.data!.session.bookings).toEqual([
      { status: 'CONFIRMED', person: { name: expect.any(String), email: `person.${a.personId}@people.example` } },
      { status: 'WAITLISTED', person: { name: expect.any(String), email: `person.${b.personId}@people.example` } },
    ]);
    const courses = await portal.graphql<{ providedCourses: Array<{ id: string; sessions: Array<{ id: string }> }> }>(
      '{ providedCourses { id title sessions { id } } }', {}, { token: tokens.coordinator });
    expect(courses.data!.providedCourses.find((c) => c.id === ids.course)!.sessions.map((s) => s.id)).toContain(sessionId);
    expect(courses.data!.providedCourses.every((c) => c.id !== ids.otherCourse)).toBe(true);
    const other = await portal.graphql(ROSTER, { id: sessionId }, { token: tokens.otherCoordinator });
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const lead = await portal.graphql(ROSTER, { id: sessionId }, { token: tokens.lead });
    expect(lead.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('minimum numbers at booking close', () => {
  it('tells the provider and the leads holding allocations once, across concurrent runs, and delivers over SMTP', async () => {
    expect(cronItems.some((item) => item.task === SESSION_MINIMUMS_TASK)).toBe(true);
    expect(Object.keys(createTaskList({ dataSource: portal.dataSource } as Parameters<typeof createTaskList>[0]))).toContain(SESSION_MINIMUMS_TASK);
    const scheduled = async (minimumPlaces: number) => (await schedule(tokens.coordinator, {
      courseId: (await createCourse(tokens.coordinator, baseCourse())).payload!.course!.id, startsAt: days(20), endsAt: days(20, 12), deliveryMode: 'ONLINE', capacity: 10, minimumPlaces,
      bookingClosesAt: days(19), allocations: [{ organisationId: ids.employer, seats: 4 }],
    })).payload!.session!.id;
    const short = await scheduled(3);
    const enough = await scheduled(1);
    const [, , , , a] = people;
    await portal.graphql(BOOK, { input: { sessionId: short } }, { token: a.token });
    await portal.graphql(BOOK, { input: { sessionId: enough } }, { token: a.token });
    const kind = `SELECT count(*) AS n FROM email_outbox WHERE kind = 'session_below_minimum'`;
    const before = await count(kind);

    // Before booking closes, nothing.
    expect((await noticeSessionsBelowMinimum(portal.dataSource, new Date(), portal.notices)).checked).toBe(0);
    const afterClose = new Date(Date.now() + 19.5 * DAY);
    const runs = await Promise.all([noticeSessionsBelowMinimum(portal.dataSource, afterClose, portal.notices), noticeSessionsBelowMinimum(portal.dataSource, afterClose, portal.notices)]);
    expect(runs.reduce((n, r) => n + r.belowMinimum, 0)).toBe(1);
    expect(await count(kind)).toBe(before + 2);
    const told = await portal.dataSource.query(`SELECT person_id FROM email_outbox WHERE kind = 'session_below_minimum' ORDER BY person_id`);
    expect(told.map((r: { person_id: string }) => r.person_id).sort()).toEqual([ids.coordinator, ids.lead].sort());
    expect((await noticeSessionsBelowMinimum(portal.dataSource, afterClose, portal.notices)).checked).toBe(0);
    expect(await count(kind)).toBe(before + 2);

    await portal.runDueJobs();
    const toOf = (m: ParsedMail) => (Array.isArray(m.to) ? m.to[0] : m.to)?.text;
    const provider = await mail.waitFor((m) => toOf(m) === `person.${ids.coordinator}@people.example` && /^Below minimum numbers/.test(m.subject ?? ''));
    expect(provider.text).toContain('1 of the 3 places it needs');
    expect(provider.text).toContain(`https://portal.test/provider/sessions/${short}`);
    const lead = await mail.waitFor((m) => toOf(m) === `person.${ids.lead}@people.example` && /^Below minimum numbers/.test(m.subject ?? ''));
    expect(lead.text).toContain('Your organisation holds 4 seats on it');
  });
});

describe('the provider\'s pages cost the same statements however many courses, sessions and people', () => {
  const COURSES = `{ providedCourses { id title provider { name } costPerPlace { formatted } sessions { id startsAt capacity seatsTaken minimumPlaces venue { name town } } } }`;
  const SESSION = `query($id: ID!) { session(id: $id) { id course { title canManage provider { name } } allocations { organisation { name } seats seatsTaken }
    bookings { id status waitlistPosition person { name email organisation { name } } } } }`;
  type Counted = { extensions?: { sqlStatements?: number } };

  it('reads a page of courses and a session\'s people in a fixed number of statements', async () => {
    const before = (await portal.graphql(COURSES, {}, { token: tokens.coordinator })) as Counted;
    const session = (await schedule(tokens.coordinator, { courseId: ids.course, startsAt: days(70), endsAt: days(70, 12), deliveryMode: 'IN_PERSON',
      venueId: ids.partnershipVenue, capacity: 10, allocations: [{ organisationId: ids.employer, seats: 2 }] })).payload!.session!.id;
    const [first, ...others] = await makeSignedInPeople(portal.dataSource, ids.partnership, 5, { organisationId: ids.bystander });
    await portal.graphql(BOOK, { input: { sessionId: session } }, { token: first.token });
    const small = (await portal.graphql(SESSION, { id: session }, { token: tokens.coordinator })) as Counted;
    for (let i = 0; i < 3; i += 1) {
      const courseId = (await createCourse(tokens.coordinator, baseCourse())).payload!.course!.id;
      await schedule(tokens.coordinator, { courseId, startsAt: days(71 + i), endsAt: days(71 + i, 12), deliveryMode: 'ONLINE', capacity: 5 });
    }
    for (const person of others) await portal.graphql(BOOK, { input: { sessionId: session } }, { token: person.token });
    const after = (await portal.graphql(COURSES, {}, { token: tokens.coordinator })) as Counted;
    const large = (await portal.graphql(SESSION, { id: session }, { token: tokens.coordinator })) as Counted;
    expect(before.extensions!.sqlStatements).toBeGreaterThan(0);
    expect(after.extensions!.sqlStatements).toBe(before.extensions!.sqlStatements);
    expect(large.extensions!.sqlStatements).toBe(small.extensions!.sqlStatements);
    console.log(`provider pages: providedCourses ${after.extensions!.sqlStatements} statements, session with its people ${large.extensions!.sqlStatements}`);
  });
});
