import { startPortal, type RunningPortal } from '../support/start-portal';
import { makeCourse, makeOrganisation, makePartnership, makeSession } from '../support/catalogue-fixtures';
import { makeSignedInPeople } from '../support/people-fixtures';
import { chargeCourseTo, makeStream, streamFigures } from '../support/funding-fixtures';
import { expectLedgerInvariants } from '../support/ledger-invariants';

/** A stream pays only for the people its restrictions name: the course may be open to more. */
let portal: RunningPortal;
const ids: Record<string, string> = {};

const BOOK = `mutation($input: BookSessionInput!) { bookSession(input: $input) { booking { id status } userErrors { field code message } } }`;
type BookData = { bookSession: { booking: { id: string; status: string } | null; userErrors: Array<{ field: string[]; code: string; message: string }> } };

beforeAll(async () => {
  portal = await startPortal({ template: 'empty' });
  const db = portal.dataSource;
  const p = await makePartnership(db, 'funding-restrictions');
  ids.partnership = p.id;
  ids.provider = await makeOrganisation(db, p.id, { shortCode: 'PROV' });
  ids.careHome = await makeOrganisation(db, p.id, { shortCode: 'CARE', sector: 'care_home' });
  ids.hospital = await makeOrganisation(db, p.id, { shortCode: 'HOSP', sector: 'acute_trust' });
  ids.course = await makeCourse(db, p.id, ids.provider, { title: 'Care Certificate Standards', audience: 'both', costPence: 5_000 });
  ids.stream = await makeStream(db, { partnershipId: p.id, managingOrganisationId: ids.careHome, budgetPence: 100_000 });
  await db.query(`UPDATE funding_stream SET audience = 'staff', eligible_sectors = '{care_home}' WHERE id = $1`, [ids.stream]);
  await chargeCourseTo(db, ids.course, ids.stream);
}, 120_000);

afterEach(() => expectLedgerInvariants(portal.dataSource));
afterAll(() => portal?.stop());

describe('a stream for care-home staff only', () => {
  it('pays for a care-home worker and refuses, with nothing written, a hospital worker and a volunteer', async () => {
    const db = portal.dataSource;
    const sessionId = await makeSession(db, ids.partnership, ids.course, { startsInDays: 30, capacity: 10 });
    const [carer] = await makeSignedInPeople(db, ids.partnership, 1, { organisationId: ids.careHome });
    const [nurse] = await makeSignedInPeople(db, ids.partnership, 1, { organisationId: ids.hospital });
    const [volunteer] = await makeSignedInPeople(db, ids.partnership, 1, { organisationId: null, kind: 'volunteer' });

    const booked = await portal.graphql<BookData>(BOOK, { input: { sessionId } }, { token: carer.token });
    expect(booked.data!.bookSession.booking?.status).toBe('CONFIRMED');
    for (const person of [nurse, volunteer]) {
      const refused = await portal.graphql<BookData>(BOOK, { input: { sessionId } }, { token: person.token });
      expect(refused.data!.bookSession).toEqual({ booking: null, userErrors: [expect.objectContaining({ field: ['input', 'sessionId'], code: 'NOT_FUNDABLE' })] });
    }
    const [counts] = await db.query(`SELECT seats_taken, (SELECT count(*)::int FROM booking WHERE session_id = $1) AS bookings
      FROM training_session WHERE id = $1`, [sessionId]);
    expect(counts).toEqual({ seats_taken: 1, bookings: 1 });
    expect((await streamFigures(db, ids.stream)).running).toMatchObject({ committed: 5_000 });
  });
});

describe("an L&D lead on another organisation's stream", () => {
  it("sees their own people's entries but not the stream's balance, which its manager sees", async () => {
    const db = portal.dataSource;
    const open = await makeStream(db, { partnershipId: ids.partnership, managingOrganisationId: ids.careHome, budgetPence: 100_000 });
    const course = await makeCourse(db, ids.partnership, ids.provider, { title: 'Open course', audience: 'both', costPence: 2_500 });
    await chargeCourseTo(db, course, open);
    const sessionId = await makeSession(db, ids.partnership, course, { startsInDays: 30, capacity: 10 });
    const [nurse] = await makeSignedInPeople(db, ids.partnership, 1, { organisationId: ids.hospital });
    expect((await portal.graphql<BookData>(BOOK, { input: { sessionId } }, { token: nurse.token })).data!.bookSession.booking?.status).toBe('CONFIRMED');
    const [hospitalLead, careHomeLead] = [...await makeSignedInPeople(db, ids.partnership, 1, { organisationId: ids.hospital }),
      ...await makeSignedInPeople(db, ids.partnership, 1, { organisationId: ids.careHome })];
    await db.query(`INSERT INTO role_grant (partnership_id, person_id, role, organisation_id) VALUES ($1, $2, 'ld_lead', $3), ($1, $4, 'ld_lead', $5)`,
      [ids.partnership, hospitalLead.personId, ids.hospital, careHomeLead.personId, ids.careHome]);
    const [{ financial_year: year }] = await db.query('SELECT financial_year FROM funding_stream WHERE id = $1', [open]);
    const ENTRIES = `query($f: LedgerEntryFilter!) { ledgerEntries(filter: $f) { edges { node { kind organisation { id } balanceAfter { committed { pence } } } } } }`;
    type EntriesData = { ledgerEntries: { edges: Array<{ node: { kind: string; organisation: { id: string }; balanceAfter: { committed: { pence: number } } | null } }> } };
    const asHospital = await portal.graphql<EntriesData>(ENTRIES, { f: { partnershipSlug: 'funding-restrictions', financialYear: year, sessionId } },
      { token: hospitalLead.token });
    expect(asHospital.data!.ledgerEntries.edges.map((e) => e.node)).toEqual([{ kind: 'COMMITMENT', organisation: { id: ids.hospital }, balanceAfter: null }]);
    const asManager = await portal.graphql<EntriesData>(ENTRIES, { f: { partnershipSlug: 'funding-restrictions', financialYear: year, sessionId } },
      { token: careHomeLead.token });
    expect(asManager.data!.ledgerEntries.edges.map((e) => e.node.balanceAfter)).toEqual([{ committed: { pence: 2_500 } }]);
  });
});
