import { startPortal, type GraphQLResponse, type RunningPortal } from '../support/start-portal';
import { makeCourse, makeOrganisation, makePartnership, makeSession } from '../support/catalogue-fixtures';
import { makeSignedInPeople } from '../support/people-fixtures';

/**
 * Training needs and shared demand as the API's clients use them: who raises what for whom, every
 * mistake of the input answered at once with nothing written, withdrawing and meeting, the lists
 * each caller sees, the groups across organisations with the sessions already on offer, and the
 * statements a list and the groups cost. Every row asserted on is made here, in a partnership of
 * the test's own.
 */
let portal: RunningPortal;
const ids: Record<string, string> = {};
const tokens: Record<string, string> = {};
const DAY = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

interface Need {
  id: string; scope: string; status: string; topic: string; peopleCount: number; wantedBy: string; withdrawnReason: string | null;
  organisation: { id: string; name: string }; mandatorySubject: { code: string } | null; metByCourse: { id: string } | null;
  canWithdraw: boolean; canMarkMet: boolean;
}
type Payload = { trainingNeed: Need | null; userErrors: Array<{ field: string[]; message: string; code: string }> };
const NEED = `id scope status topic peopleCount wantedBy withdrawnReason organisation { id name } mandatorySubject { code } metByCourse { id }
  canWithdraw canMarkMet`;
const RAISE = `mutation($input: RaiseTrainingNeedInput!) { raiseTrainingNeed(input: $input) { trainingNeed { ${NEED} } userErrors { field message code } } }`;
const WITHDRAW = `mutation($input: WithdrawTrainingNeedInput!) { withdrawTrainingNeed(input: $input) { trainingNeed { ${NEED} } userErrors { field message code } } }`;
const MEET = `mutation($input: MeetTrainingNeedInput!) { meetTrainingNeed(input: $input) { trainingNeed { ${NEED} } userErrors { field message code } } }`;
const LIST = `query($slug: String!, $filter: TrainingNeedFilter, $first: Int, $after: String) {
  trainingNeeds(partnershipSlug: $slug, filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${NEED} raisedBy { name } } } } }`;
const GROUPS = `query($slug: String!) { trainingNeedGroups(partnershipSlug: $slug) {
  key kind label ksfDimension mandatorySubject { code name } needCount peopleCount earliestWantedBy
  needs { id organisation { name } peopleCount }
  organisations { organisation { id name } needCount peopleCount needIds }
  sessions { id startsAt bookingClosesAt course { id title provider { name } } venue { name } } } }`;

async function mutate(name: string, query: string, token: string, input: Record<string, unknown>): Promise<Payload> {
  const response = await portal.graphql<Record<string, Payload>>(query, { input }, { token });
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data![name];
}
const raise = (token: string, input: Record<string, unknown>) => mutate('raiseTrainingNeed', RAISE, token, input);
const withdraw = (token: string, input: Record<string, unknown>) => mutate('withdrawTrainingNeed', WITHDRAW, token, input);
const meet = (token: string, input: Record<string, unknown>) => mutate('meetTrainingNeed', MEET, token, input);
const base = (values: Record<string, unknown> = {}) => ({
  scope: 'ORGANISATION', topic: 'Fire warden training', peopleCount: 12, audience: 'STAFF', priority: 'MEDIUM', wantedBy: inDays(60), ...values,
});
type Listed = { trainingNeeds: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ cursor: string; node: Need & { raisedBy: { name: string } | null } }> } };
const list = (token: string, variables: Record<string, unknown> = {}) =>
  portal.graphql<Listed>(LIST, { slug: ids.slug, ...variables }, { token });
interface Group {
  key: string; kind: string; label: string; needCount: number; peopleCount: number; earliestWantedBy: string;
  needs: Array<{ id: string; organisation: { name: string } }>; organisations: Array<{ organisation: { id: string; name: string }; needCount: number; peopleCount: number; needIds: string[] }>;
  sessions: Array<{ id: string; course: { id: string } }>;
}
const groups = (token: string) => portal.graphql<{ trainingNeedGroups: Group[] }>(GROUPS, { slug: ids.slug }, { token });
const countRows = async (table: string) => Number((await portal.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);

async function person(organisationId: string | null, roles: Array<[string, string | null]>, kind?: 'staff' | 'volunteer'): Promise<{ id: string; token: string }> {
  const [made] = await makeSignedInPeople(portal.dataSource, ids.partnership, 1, { organisationId, kind });
  for (const [role, organisation] of roles) {
    await portal.dataSource.query('INSERT INTO role_grant (partnership_id, person_id, role, organisation_id) VALUES ($1, $2, $3, $4)',
      [ids.partnership, made.personId, role, organisation]);
  }
  return { id: made.personId, token: made.token };
}

beforeAll(async () => {
  portal = await startPortal({ template: 'empty' });
  const partnership = await makePartnership(portal.dataSource);
  ids.partnership = partnership.id;
  ids.slug = partnership.slug;
  ids.council = await makeOrganisation(portal.dataSource, partnership.id, { name: 'Riverside Council' });
  ids.carehome = await makeOrganisation(portal.dataSource, partnership.id, { name: 'Meadow Care Home', sector: 'care_home' });
  ids.hospice = await makeOrganisation(portal.dataSource, partnership.id, { name: 'Willow Hospice', sector: 'voluntary' });
  const lead = await person(ids.council, [['ld_lead', ids.council]]);
  tokens.lead = lead.token;
  ids.lead = lead.id;
  tokens.carehomeLead = (await person(ids.carehome, [['ld_lead', ids.carehome]])).token;
  tokens.hospiceLead = (await person(ids.hospice, [['ld_lead', ids.hospice]])).token;
  const manager = await person(ids.council, [['line_manager', ids.council]]);
  tokens.manager = manager.token;
  ids.manager = manager.id;
  const learner = await person(ids.council, []);
  tokens.learner = learner.token;
  ids.learner = learner.id;
  await portal.dataSource.query('UPDATE person SET line_manager_id = $2 WHERE id = $1', [learner.id, manager.id]);
  tokens.colleague = (await person(ids.council, [])).token;
  tokens.independent = (await person(null, [], 'volunteer')).token;
  tokens.steering = (await person(ids.hospice, [['steering_group', null]])).token;
  tokens.admin = (await person(ids.hospice, [['partnership_admin', null]])).token;

  const other = await makePartnership(portal.dataSource);
  ids.otherSlug = other.slug;
  ids.otherOrganisation = await makeOrganisation(portal.dataSource, other.id, { name: 'Elsewhere Trust' });
  ids.otherCourse = await makeCourse(portal.dataSource, other.id, ids.otherOrganisation, { title: 'Fire Safety Elsewhere', mandatorySubject: 'fire-safety' });
  ids.course = await makeCourse(portal.dataSource, partnership.id, ids.hospice, { title: 'Fire Safety Awareness', mandatorySubject: 'fire-safety' });
}, 120_000);

afterAll(async () => {
  await portal?.stop();
});

describe('raising a need', () => {
  it('is a lead\'s for their organisation, a line manager\'s for their team, and a person\'s for themselves, which goes to their lead', async () => {
    const own = await raise(tokens.lead, base({ topic: 'Fire warden training for offices', mandatorySubject: 'fire-safety' }));
    expect(own.userErrors).toEqual([]);
    expect(own.trainingNeed).toMatchObject({ scope: 'ORGANISATION', status: 'OPEN', peopleCount: 12, organisation: { id: ids.council },
      mandatorySubject: { code: 'fire-safety' }, canWithdraw: true, canMarkMet: true });

    const team = await raise(tokens.manager, base({ scope: 'TEAM', topic: 'Report writing for the reablement team', peopleCount: 6 }));
    expect(team.userErrors).toEqual([]);
    expect(team.trainingNeed).toMatchObject({ scope: 'TEAM', organisation: { id: ids.council }, canWithdraw: true, canMarkMet: false });
    const [teamRow] = await portal.dataSource.query('SELECT team_manager_person_id, raised_by_person_id FROM training_need WHERE id = $1', [team.trainingNeed!.id]);
    expect(teamRow).toEqual({ team_manager_person_id: ids.manager, raised_by_person_id: ids.manager });

    const mine = await raise(tokens.learner, base({ scope: 'PERSON', topic: 'Level 3 Diploma in Adult Care', peopleCount: null }));
    expect(mine.userErrors).toEqual([]);
    expect(mine.trainingNeed).toMatchObject({ scope: 'PERSON', peopleCount: 1, organisation: { id: ids.council } });
    const [mineRow] = await portal.dataSource.query('SELECT for_person_id FROM training_need WHERE id = $1', [mine.trainingNeed!.id]);
    expect(mineRow.for_person_id).toBe(ids.learner);
    // It goes to their lead: the council's lead lists it and may withdraw it, the learner's colleague does not see it.
    const leads = await list(tokens.lead);
    expect(leads.data!.trainingNeeds.edges.map((e) => e.node.id)).toEqual(expect.arrayContaining([own.trainingNeed!.id, team.trainingNeed!.id, mine.trainingNeed!.id]));
    expect(leads.data!.trainingNeeds.edges.find((e) => e.node.id === mine.trainingNeed!.id)!.node.canWithdraw).toBe(true);
    expect((await list(tokens.colleague)).data!.trainingNeeds.totalCount).toBe(0);

    const audited = await portal.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'needs.raised' AND subject_id = ANY($1)`,
      [[own.trainingNeed!.id, team.trainingNeed!.id, mine.trainingNeed!.id]]);
    expect(audited[0].n).toBe(3);
  });

  it('refuses a team need from someone who manages no one, an organisation need from a non-lead, and any need from an independent volunteer', async () => {
    for (const [token, scope] of [[tokens.learner, 'TEAM'], [tokens.manager, 'ORGANISATION'], [tokens.independent, 'PERSON'], [tokens.lead, 'TEAM']]) {
      const response = await portal.graphql(RAISE, { input: base({ scope, organisationId: scope === 'ORGANISATION' ? ids.council : null }) }, { token });
      expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const signedOut = await portal.graphql(RAISE, { input: base() });
    expect(signedOut.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // Another organisation of the partnership is not the lead's to raise for.
    const another = await portal.graphql(RAISE, { input: base({ organisationId: ids.carehome }) }, { token: tokens.lead });
    expect(another.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('answers every mistake at once, field by field, and writes nothing', async () => {
    const before = [await countRows('training_need'), await countRows('audit_log')];
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ topic: '   ' }, 'topic', 'REQUIRED'],
      [{ topic: 'x'.repeat(201) }, 'topic', 'INVALID'],
      [{ peopleCount: 0 }, 'peopleCount', 'OUT_OF_RANGE'],
      [{ peopleCount: -4 }, 'peopleCount', 'OUT_OF_RANGE'],
      [{ peopleCount: 2.5 }, 'peopleCount', 'NOT_WHOLE'],
      [{ peopleCount: 1e12 }, 'peopleCount', 'OUT_OF_RANGE'],
      [{ peopleCount: null }, 'peopleCount', 'REQUIRED'],
      [{ wantedBy: inDays(-2) }, 'wantedBy', 'DATE_PAST'],
      [{ wantedBy: '31/12/2027' }, 'wantedBy', 'MALFORMED_DATE'],
      [{ wantedBy: '2027-02-30' }, 'wantedBy', 'MALFORMED_DATE'],
      [{ mandatorySubject: 'juggling' }, 'mandatorySubject', 'NOT_FOUND'],
      [{ ksfDimension: 'Core three' }, 'ksfDimension', 'INVALID'],
      [{ organisationId: ids.otherOrganisation }, 'organisationId', 'NOT_FOUND'],
      [{ organisationId: 'not-an-id' }, 'organisationId', 'INVALID'],
    ];
    for (const [values, field, code] of cases) {
      const { trainingNeed, userErrors } = await raise(tokens.lead, base(values));
      expect([trainingNeed, userErrors.map((e) => [e.field.join('.'), e.code])]).toEqual([null, [[`input.${field}`, code]]]);
    }
    const all = await raise(tokens.lead, base({ topic: ' ', peopleCount: 2.5, wantedBy: 'soon', mandatorySubject: 'juggling' }));
    expect(all.userErrors.map((e) => e.field.join('.')).sort()).toEqual(['input.mandatorySubject', 'input.peopleCount', 'input.topic', 'input.wantedBy']);
    expect(all.userErrors.find((e) => e.field[1] === 'peopleCount')!.message).toBe('The number of people must be a whole number, like 12');
    const person = await raise(tokens.learner, base({ scope: 'PERSON', peopleCount: 5, organisationId: ids.carehome }));
    expect(person.userErrors.map((e) => [e.field.join('.'), e.code]).sort()).toEqual([['input.organisationId', 'NOT_ALLOWED'], ['input.peopleCount', 'NOT_ALLOWED']]);
    expect([await countRows('training_need'), await countRows('audit_log')]).toEqual(before);
  });
});

describe('withdrawing and meeting', () => {
  it('withdraws with a reason, once, by whoever raised it or the lead, and regroups what is left', async () => {
    const council = (await raise(tokens.lead, base({ topic: 'Infection control refresher', mandatorySubject: 'infection-prevention' }))).trainingNeed!;
    const carehome = (await raise(tokens.carehomeLead, base({ topic: 'Infection prevention for carers', mandatorySubject: 'infection-prevention' }))).trainingNeed!;
    expect(carehome.status).toBe('GROUPED');
    const statusOf = async (id: string) => (await portal.dataSource.query('SELECT status FROM training_need WHERE id = $1', [id]))[0].status;
    expect(await statusOf(council.id)).toBe('grouped');

    expect((await portal.graphql(WITHDRAW, { input: { needId: council.id, reason: 'Not ours' } }, { token: tokens.carehomeLead })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await portal.graphql(WITHDRAW, { input: { needId: council.id, reason: 'Not ours' } }, { token: tokens.manager })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const blank = await withdraw(tokens.lead, { needId: council.id, reason: '  ' });
    expect(blank.userErrors.map((e) => [e.field.join('.'), e.code])).toEqual([['input.reason', 'INVALID']]);
    const unknown = await withdraw(tokens.lead, { needId: '00000000-0000-4000-8000-000000000000', reason: 'Gone' });
    expect(unknown.userErrors.map((e) => [e.field.join('.'), e.code])).toEqual([['input.needId', 'NOT_FOUND']]);

    const done = await withdraw(tokens.lead, { needId: council.id, reason: 'Covered by our own e-learning' });
    expect(done.userErrors).toEqual([]);
    expect(done.trainingNeed).toMatchObject({ status: 'WITHDRAWN', withdrawnReason: 'Covered by our own e-learning' });
    expect(await statusOf(carehome.id)).toBe('open');
    const again = await withdraw(tokens.lead, { needId: council.id, reason: 'Again' });
    expect(again.userErrors.map((e) => [e.field.join('.'), e.code])).toEqual([['input.needId', 'ALREADY_WITHDRAWN']]);

    // The learner withdraws their own; the council's lead may withdraw a team need of the council.
    const mine = (await raise(tokens.learner, base({ scope: 'PERSON', topic: 'Makaton signing', peopleCount: null }))).trainingNeed!;
    expect((await withdraw(tokens.learner, { needId: mine.id, reason: 'Booked it myself' })).userErrors).toEqual([]);
    const team = (await raise(tokens.manager, base({ scope: 'TEAM', topic: 'Team resilience', peopleCount: 5 }))).trainingNeed!;
    expect((await withdraw(tokens.lead, { needId: team.id, reason: 'Met by the wellbeing offer' })).userErrors).toEqual([]);
    const audited = await portal.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'needs.withdrawn' AND subject_id = ANY($1)`,
      [[council.id, mine.id, team.id]]);
    expect(audited[0].n).toBe(3);
  });

  it('is met by a course of the partnership, marked by the organisation\'s lead', async () => {
    const need = (await raise(tokens.lead, base({ topic: 'Fire safety for night staff', mandatorySubject: 'fire-safety' }))).trainingNeed!;
    expect((await portal.graphql(MEET, { input: { needId: need.id, courseId: ids.course } }, { token: tokens.manager })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const foreign = await meet(tokens.lead, { needId: need.id, courseId: ids.otherCourse });
    expect(foreign.userErrors.map((e) => [e.field.join('.'), e.code])).toEqual([['input.courseId', 'NOT_FOUND']]);
    const malformed = await meet(tokens.lead, { needId: need.id, courseId: 'fire' });
    expect(malformed.userErrors.map((e) => [e.field.join('.'), e.code])).toEqual([['input.courseId', 'INVALID']]);
    const met = await meet(tokens.lead, { needId: need.id, courseId: ids.course });
    expect(met.userErrors).toEqual([]);
    expect(met.trainingNeed).toMatchObject({ status: 'MET', metByCourse: { id: ids.course } });
    expect((await meet(tokens.lead, { needId: need.id, courseId: ids.course })).userErrors.map((e) => e.code)).toEqual(['ALREADY_MET']);
    expect((await withdraw(tokens.lead, { needId: need.id, reason: 'Late' })).userErrors.map((e) => e.code)).toEqual(['ALREADY_MET']);
    const [audit] = await portal.dataSource.query(`SELECT details FROM audit_log WHERE action = 'needs.met' AND subject_id = $1`, [need.id]);
    expect(audit.details).toMatchObject({ courseId: ids.course });
  });

  it('leaves a need in commissioning to its proposal', async () => {
    const need = (await raise(tokens.lead, base({ topic: 'Held by a proposal' }))).trainingNeed!;
    await portal.dataSource.query(`UPDATE training_need SET status = 'in_proposal' WHERE id = $1`, [need.id]);
    expect((await withdraw(tokens.lead, { needId: need.id, reason: 'No' })).userErrors.map((e) => e.code)).toEqual(['IN_COMMISSIONING']);
    expect((await meet(tokens.lead, { needId: need.id, courseId: ids.course })).userErrors.map((e) => e.code)).toEqual(['IN_COMMISSIONING']);
  });
});

describe('listing needs', () => {
  it('shows each caller their own scope, in pages, newest first', async () => {
    const everyone = (await list(tokens.admin, { first: 100 })).data!.trainingNeeds;
    expect(everyone.totalCount).toBe(await countRows('training_need WHERE partnership_id = \'' + ids.partnership + '\''));
    expect((await list(tokens.steering, { first: 100 })).data!.trainingNeeds.totalCount).toBe(everyone.totalCount);
    const carehome = (await list(tokens.carehomeLead, { first: 100 })).data!.trainingNeeds;
    expect(new Set(carehome.edges.map((e) => e.node.organisation.name))).toEqual(new Set(['Meadow Care Home']));
    const manager = (await list(tokens.manager, { first: 100 })).data!.trainingNeeds;
    expect(manager.edges.every((e) => e.node.scope === 'TEAM')).toBe(true);
    const learner = (await list(tokens.learner, { first: 100 })).data!.trainingNeeds;
    expect(learner.edges.every((e) => e.node.scope === 'PERSON')).toBe(true);
    expect(learner.totalCount).toBe(2);

    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: Listed['trainingNeeds'] = (await list(tokens.admin, { first: 2, after })).data!.trainingNeeds;
      expect(page.edges.length).toBeLessThanOrEqual(2);
      seen.push(...page.edges.map((e) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(everyone.edges.map((e) => e.node.id));

    const withdrawn = (await list(tokens.admin, { filter: { status: ['WITHDRAWN'] }, first: 100 })).data!.trainingNeeds;
    expect(withdrawn.totalCount).toBe(3);
    const bad = await list(tokens.admin, { after: 'bm90LWEtY3Vyc29y' });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await list(tokens.lead, { slug: ids.otherSlug })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await list(tokens.lead, { slug: 'no-such-partnership' })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await portal.graphql(LIST, { slug: ids.slug })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('costs the same statements for a page of 2 and a page of 20', async () => {
    const small = await list(tokens.admin, { first: 2 });
    const large = await list(tokens.admin, { first: 20 });
    expect(large.data!.trainingNeeds.edges.length).toBeGreaterThan(small.data!.trainingNeeds.edges.length);
    expect(large.extensions!.sqlStatements).toBe(small.extensions!.sqlStatements);
    console.log(`trainingNeeds: ${large.extensions!.sqlStatements} statements a page`);
  });
});

describe('shared demand', () => {
  it('groups open needs of two or more organisations by subject, KSF dimension and topic, with the sessions that could meet them', async () => {
    await raise(tokens.carehomeLead, base({ topic: 'Fire safety for care staff', mandatorySubject: 'fire-safety', peopleCount: 20, wantedBy: inDays(40) }));
    await raise(tokens.hospiceLead, base({ topic: 'Communicating bad news', ksfDimension: 'C1', peopleCount: 9 }));
    await raise(tokens.carehomeLead, base({ topic: 'Talking with families', ksfDimension: 'C1', peopleCount: 4 }));
    const signing = (await raise(tokens.hospiceLead, base({ topic: 'British Sign Language basics', peopleCount: 3 }))).trainingNeed!;
    await raise(tokens.lead, base({ topic: 'Basic British Sign Language for reception staff', peopleCount: 7 }));
    await raise(tokens.carehomeLead, base({ topic: 'Gardening therapy', peopleCount: 2 }));

    // The sessions of the catalogue: upcoming and bookable ones of public courses are listed, no others.
    const soon = await makeSession(portal.dataSource, ids.partnership, ids.course, { startsInDays: 10 });
    await makeSession(portal.dataSource, ids.partnership, ids.course, { startsInDays: 12, status: 'cancelled' });
    await makeSession(portal.dataSource, ids.partnership, ids.course, { startsInDays: -3, status: 'completed' });
    const closed = await makeSession(portal.dataSource, ids.partnership, ids.course, { startsInDays: 14 });
    await portal.dataSource.query(`UPDATE training_session SET booking_closes_at = now() - interval '1 hour' WHERE id = $1`, [closed]);
    const internal = await makeCourse(portal.dataSource, ids.partnership, ids.hospice, { title: 'Fire Safety (staff only)', mandatorySubject: 'fire-safety', visibility: 'partnership' });
    await makeSession(portal.dataSource, ids.partnership, internal, { startsInDays: 11 });
    const signCourse = await makeCourse(portal.dataSource, ids.partnership, ids.hospice, { title: 'British Sign Language Level 1', summary: 'Signing for beginners' });
    const signSession = await makeSession(portal.dataSource, ids.partnership, signCourse, { startsInDays: 20 });

    const response = await groups(tokens.admin);
    expect(response.errors).toBeUndefined();
    const byKey = new Map(response.data!.trainingNeedGroups.map((g) => [g.key, g]));
    const fire = byKey.get('mandatory_subject:fire-safety')!;
    // The council's first fire need (12 people) and the care home's (20); the one met by a course has left.
    expect(fire).toMatchObject({ kind: 'MANDATORY_SUBJECT', label: 'Fire safety', needCount: 2, peopleCount: 32, earliestWantedBy: inDays(40) });
    expect(fire.organisations.map((o) => [o.organisation.name, o.needCount, o.peopleCount])).toEqual([['Meadow Care Home', 1, 20], ['Riverside Council', 1, 12]]);
    expect(fire.sessions.map((s) => s.id)).toEqual([soon]);
    expect(byKey.get('ksf_dimension:C1')).toMatchObject({ kind: 'KSF_DIMENSION', label: 'KSF C1', needCount: 2, peopleCount: 13 });
    const sign = byKey.get(`topic:${signing.id}`)!;
    expect(sign).toMatchObject({ kind: 'TOPIC', label: 'British Sign Language basics', needCount: 2, peopleCount: 10 });
    expect(sign.sessions.map((s) => s.id)).toEqual([signSession]);
    // A need alone, or only one organisation's, is not shared demand; each need is in one group at most.
    const grouped = response.data!.trainingNeedGroups.flatMap((g) => g.needs.map((n) => n.id));
    expect(new Set(grouped).size).toBe(grouped.length);
    expect(response.data!.trainingNeedGroups.some((g) => g.label === 'Gardening therapy')).toBe(false);
    expect(response.data!.trainingNeedGroups.every((g) => g.organisations.length >= 2)).toBe(true);
  });

  it('shows a lead their own organisation\'s needs and the others only as counts; the steering group everything', async () => {
    const lead = (await groups(tokens.lead)).data!.trainingNeedGroups;
    const fire = lead.find((g) => g.key === 'mandatory_subject:fire-safety')!;
    expect(fire.needs.map((n) => n.organisation.name)).toEqual(['Riverside Council']);
    expect(fire.organisations.map((o) => o.organisation.name).sort()).toEqual(['Meadow Care Home', 'Riverside Council']);
    expect(fire.needCount).toBe(2);
    const steering = (await groups(tokens.steering)).data!.trainingNeedGroups;
    const steeringFire = steering.find((g) => g.key === 'mandatory_subject:fire-safety')!;
    expect(steeringFire.needs).toHaveLength(2);
    // The other organisation's needs reach the lead by id alone, to propose a course for the whole group: the same ids the steering group reads.
    const idsOf = (group: Group) => Object.fromEntries(group.organisations.map((o) => [o.organisation.name, [...o.needIds].sort()]));
    expect(idsOf(fire)).toEqual(idsOf(steeringFire));
    expect(idsOf(steeringFire)['Meadow Care Home']).toEqual(steeringFire.needs.filter((n) => n.organisation.name === 'Meadow Care Home').map((n) => n.id));
    for (const token of [tokens.learner, tokens.manager, tokens.independent]) {
      expect((await groups(token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect((await portal.graphql(GROUPS, { slug: ids.slug })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await portal.graphql(GROUPS, { slug: ids.otherSlug }, { token: tokens.admin })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('costs the same statements however many groups there are', async () => {
    const before = await groups(tokens.admin);
    for (const subject of ['resuscitation', 'conflict-resolution', 'equality-and-diversity']) {
      await raise(tokens.lead, base({ topic: `Need for ${subject}`, mandatorySubject: subject }));
      await raise(tokens.hospiceLead, base({ topic: `Hospice need for ${subject}`, mandatorySubject: subject }));
      const course = await makeCourse(portal.dataSource, ids.partnership, ids.hospice, { title: `Course for ${subject}`, mandatorySubject: subject });
      await makeSession(portal.dataSource, ids.partnership, course, { startsInDays: 30, venueId: null });
    }
    const after = await groups(tokens.admin);
    expect(after.data!.trainingNeedGroups.length).toBe(before.data!.trainingNeedGroups.length + 3);
    expect(after.extensions!.sqlStatements).toBe(before.extensions!.sqlStatements);
    console.log(`trainingNeedGroups: ${after.extensions!.sqlStatements} statements for ${after.data!.trainingNeedGroups.length} groups`);
  });
});

describe('shared demand at demo size and at benchmark scale', () => {
  let demo: RunningPortal;
  afterAll(async () => {
    await demo?.stop();
  });

  it('shows journey 6\'s Moving and Handling group of four organisations and 230 people, and reports its cost', async () => {
    demo = await startPortal({ template: 'demo' });
    const token = await demo.signIn('steering@demo.portal');
    await demo.graphql(GROUPS, { slug: 'greater-peterborough' }, { token });
    const started = process.hrtime.bigint();
    const response: GraphQLResponse<{ trainingNeedGroups: Group[] }> = await demo.graphql(GROUPS, { slug: 'greater-peterborough' }, { token });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    expect(response.errors).toBeUndefined();
    const moving = response.data!.trainingNeedGroups.find((g) => g.key === 'mandatory_subject:moving-and-handling')!;
    expect(moving).toMatchObject({ needCount: 4, peopleCount: 230 });
    expect(moving.organisations).toHaveLength(4);
    expect(moving.sessions.length).toBeGreaterThan(0);
    expect(response.data!.trainingNeedGroups[0].key).toBe('mandatory_subject:moving-and-handling');
    console.log(`trainingNeedGroups at demo size: ${response.data!.trainingNeedGroups.length} groups, ${response.extensions!.sqlStatements} statements, ${ms.toFixed(0)} ms`);

    // At benchmark scale: 10,000 more live needs, a quarter by subject, a quarter by KSF dimension, half by topic.
    await demo.dataSource.query(`
      INSERT INTO training_need (partnership_id, organisation_id, raised_by_person_id, scope, topic, mandatory_subject, ksf_dimension,
        people_count, audience, priority, wanted_by)
      SELECT o.partnership_id, o.id, o.lead, 'organisation',
        CASE WHEN g % 4 = 0 THEN (ARRAY['Dementia awareness', 'Lone working safety', 'Sign language basics', 'Report writing', 'Customer care',
          'Time management', 'Coaching conversations', 'Diabetes awareness'])[1 + g % 8] || ' for team ' || g % 37 ELSE 'Need number ' || g END,
        CASE WHEN g % 4 = 1 THEN (SELECT code FROM mandatory_subject ORDER BY code OFFSET g % 12 LIMIT 1) END,
        CASE WHEN g % 4 = 2 THEN 'C' || (1 + g % 6) END, 1 + g % 50, 'staff', 'medium', current_date + 30 + g % 200
      FROM generate_series(1, 10000) g
      JOIN LATERAL (SELECT x.partnership_id, x.id, (SELECT id FROM person WHERE organisation_id = x.id ORDER BY id LIMIT 1) AS lead
        FROM organisation x JOIN partnership p ON p.id = x.partnership_id WHERE p.slug = 'greater-peterborough'
        ORDER BY x.id OFFSET g % 18 LIMIT 1) o ON true`);
    const timed = process.hrtime.bigint();
    const large: GraphQLResponse<{ trainingNeedGroups: Group[] }> = await demo.graphql(GROUPS, { slug: 'greater-peterborough' }, { token });
    const largeMs = Number(process.hrtime.bigint() - timed) / 1e6;
    expect(large.errors).toBeUndefined();
    // No more statements than at demo size (fewer when every provider's name is already loaded as a group's organisation).
    expect(large.extensions!.sqlStatements).toBeLessThanOrEqual(response.extensions!.sqlStatements!);
    console.log(`trainingNeedGroups at 10,000 more needs: ${large.data!.trainingNeedGroups.length} groups, ${large.extensions!.sqlStatements} statements, ${largeMs.toFixed(0)} ms`);
  }, 180_000);
});
