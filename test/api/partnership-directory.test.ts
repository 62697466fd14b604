import { randomUUID } from 'node:crypto';
import { hashPasswordOnce } from '../../server/src/modules/auth/password-hasher';
import { startPortal, type GraphQLResponse, type RunningPortal } from '../support/start-portal';
import { DEMO_PASSWORD } from '../support/test-database';

/**
 * The partnership directory (Annex B): who may read it and change an entry, in both demo
 * partnerships, and what a bad change gets (field-level errors, nothing written).
 */
const GP = 'greater-peterborough';
const FEN = 'fenland-care-partnership';
const ACTORS = ['anonymous', 'volunteer', 'learner', 'manager', 'lead', 'provider', 'steering', 'admin', 'otherLead'] as const;
type Actor = (typeof ACTORS)[number];
type Outcome = 'allow' | 'unauthenticated' | 'forbidden' | 'hidden';

let portal: RunningPortal;
const tokens: Partial<Record<Actor, string>> = {};
const ids: Record<string, string> = {};

const DIRECTORY = `query Directory($slug: String!) { partnershipDirectory(partnershipSlug: $slug) {
  id description website contactEmail contactPhone updatedAt viewerCanEdit
  organisation { id name shortCode sector role deliversTraining orgId sectorGroup { name } }
  leads { id name jobTitle email } } }`;
const UPDATE = `mutation Update($input: UpdateOrganisationEntryInput!) { updateOrganisationEntry(input: $input) {
  entry { id description website contactEmail contactPhone updatedAt viewerCanEdit organisation { id orgId deliversTraining } leads { name email } }
  userErrors { field message code } } }`;

interface Entry {
  id: string; description: string | null; website: string | null; contactEmail: string | null; contactPhone: string | null;
  updatedAt: string | null; viewerCanEdit: boolean;
  organisation: { id: string; name: string; shortCode: string; sector: string; role: string; deliversTraining: boolean; orgId: string | null;
    sectorGroup: { name: string } | null };
  leads: Array<{ id: string; name: string; jobTitle: string | null; email: string }>;
}
type UpdateData = { updateOrganisationEntry: { entry: Entry | null; userErrors: Array<{ field: string[]; message: string; code: string }> } };

async function one<T = Record<string, string>>(sql: string, params: unknown[] = []): Promise<T> {
  const [row] = await portal.dataSource.query(sql, params);
  if (!row) throw new Error(`no row for ${sql}`);
  return row;
}

const directory = (actor: Actor, slug: string) => portal.graphql<{ partnershipDirectory: Entry[] }>(DIRECTORY, { slug }, { token: tokens[actor] });
const update = (actor: Actor, input: Record<string, unknown>) => portal.graphql<UpdateData>(UPDATE, { input }, { token: tokens[actor] });

/** The stored entry, to show that a refused change wrote nothing. */
const storedEntry = (organisationId: string) => one(`SELECT description, website, contact_email, contact_phone, delivers_training,
  org_id, sector, entry_updated_at FROM organisation WHERE id = $1`, [organisationId]);

function classify(response: GraphQLResponse<Record<string, unknown>>, pick: (data: Record<string, unknown>) => unknown): Outcome {
  const code = response.errors?.[0]?.extensions?.code;
  if (code === 'UNAUTHENTICATED') return 'unauthenticated';
  if (code === 'FORBIDDEN') return 'forbidden';
  if (response.errors?.length || !response.data) throw new Error(`unexpected answer: ${JSON.stringify(response.errors ?? response)}`);
  const value = pick(response.data) as { userErrors?: Array<{ code: string }>; entry?: unknown } | null;
  if (value === null || value === undefined) return 'hidden';
  if (value.userErrors?.some((e) => e.code === 'NOT_FOUND')) return 'hidden';
  if (value.userErrors?.length) throw new Error(`unexpected userErrors: ${JSON.stringify(value.userErrors)}`);
  return 'allow';
}

beforeAll(async () => {
  portal = await startPortal({ template: 'demo', config: { signInLimitPerAddress: 10_000 } });
  for (const actor of ACTORS.filter((a) => a !== 'anonymous' && a !== 'otherLead')) tokens[actor] = await portal.signIn(`${actor}@demo.portal`);
  // The other partnership has no demo accounts: its district council's L&D lead is given one for this test.
  const fenlandLead = await one(`SELECT p.id, o.id AS organisation_id FROM person p JOIN role_grant rg ON rg.person_id = p.id AND rg.role = 'ld_lead'
    JOIN organisation o ON o.id = rg.organisation_id JOIN partnership pa ON pa.id = p.partnership_id
    WHERE pa.slug = $1 AND o.short_code = 'FDC' ORDER BY p.email LIMIT 1`, [FEN]);
  await portal.dataSource.query(`UPDATE person SET password_hash = $2, email = 'fenland.lead@fenland.example' WHERE id = $1`,
    [fenlandLead.id, await hashPasswordOnce(DEMO_PASSWORD)]);
  tokens.otherLead = await portal.signIn('fenland.lead@fenland.example');
  const code = async (slug: string, shortCode: string) => (await one(`SELECT o.id FROM organisation o JOIN partnership p ON p.id = o.partnership_id
    WHERE p.slug = $1 AND o.short_code = $2`, [slug, shortCode])).id;
  ids.council = await code(GP, 'PCC');
  ids.trust = await code(GP, 'PSHNHSFT');
  ids.careHome = await code(GP, 'NVCH');
  ids.fenlandCouncil = await code(FEN, 'FDC');
  expect(ids.fenlandCouncil).toBe(fenlandLead.organisation_id);
}, 120_000);

afterAll(async () => {
  await portal?.stop();
});

describe('who may read and change the directory, in both partnerships', () => {
  const members: Record<string, readonly Actor[]> = {
    [GP]: ['volunteer', 'learner', 'manager', 'lead', 'provider', 'steering', 'admin'],
    [FEN]: ['otherLead'],
  };
  const readOutcome = (actor: Actor, slug: string): Outcome =>
    (actor === 'anonymous' ? 'unauthenticated' : members[slug].includes(actor) ? 'allow' : 'forbidden');

  it.each([GP, FEN])('reads %s\'s directory: every signed-in member, nobody else', async (slug) => {
    const unexpected: string[] = [];
    for (const actor of ACTORS) {
      const response = await directory(actor, slug);
      const actual = classify(response, (d) => d.partnershipDirectory);
      const expected = readOutcome(actor, slug);
      if (actual !== expected) unexpected.push(`${actor}: expected ${expected}, got ${actual}`);
      if (actual !== 'allow') {
        // Refused: no part of the directory, no lead's address, is in the answer.
        expect(response.data?.partnershipDirectory ?? null).toBeNull();
        expect(JSON.stringify(response)).not.toMatch(/@[a-z-]+\.example|@demo\.portal/);
      }
    }
    expect(unexpected).toEqual([]);
  });

  it('changes an entry: its own L&D lead and the partnership\'s administrators only', async () => {
    const cells: Array<[string, string, (actor: Actor) => Outcome]> = [
      ['the council (the lead\'s own)', ids.council,
        (a) => (a === 'anonymous' ? 'unauthenticated' : a === 'lead' || a === 'admin' ? 'allow' : 'forbidden')],
      ['the acute trust (another of the partnership)', ids.trust,
        (a) => (a === 'anonymous' ? 'unauthenticated' : a === 'admin' ? 'allow' : 'forbidden')],
      ['the other partnership\'s council', ids.fenlandCouncil,
        (a) => (a === 'anonymous' ? 'unauthenticated' : a === 'otherLead' ? 'allow' : a === 'admin' ? 'hidden' : 'forbidden')],
    ];
    const unexpected: string[] = [];
    for (const [what, organisationId, expectedFor] of cells) {
      for (const actor of ACTORS) {
        const before = await storedEntry(organisationId);
        const description = `Entry written by ${actor} ${randomUUID()}`;
        const response = await update(actor, { organisationId, description });
        const actual = classify(response, (d) => d.updateOrganisationEntry);
        const expected = expectedFor(actor);
        if (actual !== expected) unexpected.push(`${what} as ${actor}: expected ${expected}, got ${actual}`);
        const after = await storedEntry(organisationId);
        if (actual === 'allow') {
          expect(after.description).toBe(description);
          expect((response.data as UpdateData).updateOrganisationEntry.entry).toMatchObject({ id: organisationId, description, viewerCanEdit: true });
        } else {
          expect(after).toEqual(before);
        }
      }
    }
    expect(unexpected).toEqual([]);
  });

  it('shows a registered identifier to the members of its partnership only', async () => {
    const orgIds = async (actor: Actor, slug: string) => {
      const response = await portal.graphql<{ organisations: Array<{ shortCode: string; orgId: string | null }> }>(
        'query($s: String!) { organisations(partnershipSlug: $s) { shortCode orgId } }', { s: slug }, { token: tokens[actor] });
      return Object.fromEntries(response.data!.organisations.map((o) => [o.shortCode, o.orgId]));
    };
    for (const actor of ['volunteer', 'learner', 'lead', 'steering', 'admin'] as const) {
      expect(await orgIds(actor, GP)).toMatchObject({ PSHNHSFT: 'GB-NHS-RGN', CPMHPNHST: 'GB-NHS-RT1', PCC: 'GB-LAE-PTE' });
    }
    for (const [actor, slug] of [['anonymous', GP], ['otherLead', GP], ['lead', FEN]] as const) {
      expect(Object.values(await orgIds(actor, slug)).every((orgId) => orgId === null)).toBe(true);
    }
    expect(await orgIds('otherLead', FEN)).toMatchObject({ FDC: 'GB-LAE-FEN' });
  });
});

describe('what the directory says', () => {
  it('lists every organisation of the partnership with its sector, group, role, training and L&D leads', async () => {
    const response = await directory('volunteer', GP);
    const entries = response.data!.partnershipDirectory;
    const [{ count }] = await portal.dataSource.query(`SELECT count(*)::int AS count FROM organisation o JOIN partnership p ON p.id = o.partnership_id
      WHERE p.slug = $1`, [GP]);
    expect(entries).toHaveLength(count);
    expect(entries.map((e) => e.organisation.name)).toEqual([...entries.map((e) => e.organisation.name)].sort((a, b) => a.localeCompare(b, 'en-GB')));
    expect(entries.every((e) => e.id === e.organisation.id && e.leads.length >= 1 && !e.viewerCanEdit)).toBe(true);
    // Every organisation carries a registered identifier of one of the four registers.
    expect(entries.every((e) => /^GB-(NHS|CHC|COH|LAE)-[A-Z0-9]+$/.test(e.organisation.orgId ?? ''))).toBe(true);

    const council = entries.find((e) => e.organisation.shortCode === 'PCC')!;
    expect(council.organisation).toMatchObject({ name: 'Peterborough City Council', sector: 'LOCAL_AUTHORITY', role: 'CORE_STAKEHOLDER',
      deliversTraining: true, orgId: 'GB-LAE-PTE', sectorGroup: null });
    expect(council.leads).toContainEqual(expect.objectContaining({ name: 'Priya Whitaker', email: 'lead@demo.portal' }));
    expect(council.contactEmail).toBe('learning@peterborough-council.example');
    expect(council.website).toBe('https://www.peterborough-council.example');

    const careHome = entries.find((e) => e.organisation.shortCode === 'NVCH')!;
    expect(careHome.organisation).toMatchObject({ sector: 'CARE_HOME', deliversTraining: false, sectorGroup: { name: 'Care Sector Strategy Group' } });
    expect(careHome.leads[0]).toMatchObject({ jobTitle: 'Registered Manager' });
    expect(careHome.leads[0].email).toMatch(/@nenevalley-care\.example$/);

    // Leads are the people holding the L&D lead role for the organisation, as the database says.
    const leads = await portal.dataSource.query(`SELECT p.email FROM role_grant rg JOIN person p ON p.id = rg.person_id
      WHERE rg.role = 'ld_lead' AND rg.organisation_id = $1 AND p.disabled_at IS NULL ORDER BY p.email`, [ids.careHome]);
    expect(careHome.leads.map((l) => l.email).sort()).toEqual(leads.map((l: { email: string }) => l.email));

    // The other partnership's organisations are not in it.
    expect(entries.some((e) => e.organisation.shortCode === 'FDC')).toBe(false);
  });

  it('marks the entries the viewer may change', async () => {
    const lead = (await directory('lead', GP)).data!.partnershipDirectory;
    expect(lead.filter((e) => e.viewerCanEdit).map((e) => e.organisation.shortCode)).toEqual(['PCC']);
    const admin = (await directory('admin', GP)).data!.partnershipDirectory;
    expect(admin.every((e) => e.viewerCanEdit)).toBe(true);
  });

  it('costs the same few statements for 18 organisations as for 4', async () => {
    const big = await directory('admin', GP);
    const small = await directory('otherLead', FEN);
    expect(big.data!.partnershipDirectory.length).toBeGreaterThan(small.data!.partnershipDirectory.length);
    console.log(`partnershipDirectory: ${big.data!.partnershipDirectory.length} organisations in ${big.extensions?.sqlStatements} statements, `
      + `${small.data!.partnershipDirectory.length} in ${small.extensions?.sqlStatements}`);
    expect(big.extensions?.sqlStatements).toBe(small.extensions?.sqlStatements);
    expect(big.extensions?.sqlStatements).toBeLessThanOrEqual(5);
  });

  it('leaves out a lead whose account is disabled', async () => {
    const person = await one(`SELECT p.id FROM person p JOIN role_grant rg ON rg.person_id = p.id AND rg.role = 'ld_lead'
      WHERE rg.organisation_id = $1 LIMIT 1`, [ids.careHome]);
    await portal.dataSource.query(`UPDATE person SET disabled_at = now() WHERE id = $1`, [person.id]);
    try {
      const careHome = (await directory('admin', GP)).data!.partnershipDirectory.find((e) => e.id === ids.careHome)!;
      expect(careHome.leads.map((l) => l.id)).not.toContain(person.id);
    } finally {
      await portal.dataSource.query(`UPDATE person SET disabled_at = NULL WHERE id = $1`, [person.id]);
    }
  });
});

describe('a lead changing their organisation\'s entry', () => {
  it('saves the description, website, contact and whether it provides training, audited', async () => {
    const response = await update('lead', { organisationId: ids.council, description: '  Adult social care training for the city.  ',
      website: 'https://www.peterborough.gov.uk/learning', contactEmail: 'Learning@Peterborough.GOV.uk', contactPhone: '01632  960 001',
      deliversTraining: false });
    expect(response.data!.updateOrganisationEntry.userErrors).toEqual([]);
    expect(response.data!.updateOrganisationEntry.entry).toMatchObject({ description: 'Adult social care training for the city.',
      website: 'https://www.peterborough.gov.uk/learning', contactEmail: 'learning@peterborough.gov.uk', contactPhone: '01632 960 001',
      organisation: { deliversTraining: false, orgId: 'GB-LAE-PTE' } });
    expect(response.data!.updateOrganisationEntry.entry!.updatedAt).not.toBeNull();
    const readBack = (await directory('learner', GP)).data!.partnershipDirectory.find((e) => e.id === ids.council)!;
    expect(readBack).toMatchObject({ description: 'Adult social care training for the city.', organisation: { deliversTraining: false } });
    const audit = await one(`SELECT a.details, p.email FROM audit_log a JOIN person p ON p.id = a.actor_person_id
      WHERE a.action = 'organisations.entry_updated' AND a.subject_id = $1 ORDER BY a.id DESC LIMIT 1`, [ids.council]) as
      unknown as { details: { changed: string[] }; email: string };
    expect(audit.email).toBe('lead@demo.portal');
    expect(audit.details.changed).toEqual(['description', 'website', 'contactEmail', 'contactPhone', 'deliversTraining']);

    // A field left out stays; an empty text clears.
    const cleared = await update('lead', { organisationId: ids.council, website: '', deliversTraining: true });
    expect(cleared.data!.updateOrganisationEntry.entry).toMatchObject({ website: null, description: 'Adult social care training for the city.',
      organisation: { deliversTraining: true } });
  });

  it('cannot change the registered identifier, nor the sector, which administrators set', async () => {
    const before = await storedEntry(ids.council);
    const orgId = await update('lead', { organisationId: ids.council, orgId: 'GB-LAE-XYZ', description: 'Changed?' });
    expect(orgId.data!.updateOrganisationEntry).toEqual({ entry: null,
      userErrors: [{ field: ['input', 'orgId'], message: 'Only administrators can change the registered identifier', code: 'NOT_ALLOWED' }] });
    // The input has no sector at all: the request is refused before anything runs.
    const sector = await update('lead', { organisationId: ids.council, sector: 'ACUTE_TRUST' });
    expect(sector.status).toBe(400);
    expect(sector.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await storedEntry(ids.council)).toEqual(before);
  });

  it('hears of every bad field at once, one message each, and nothing is written', async () => {
    const before = await storedEntry(ids.council);
    const response = await update('lead', { organisationId: ids.council, description: 'x'.repeat(100_000), website: `https://${'a'.repeat(10_000)}.example`,
      contactEmail: 'not an email', contactPhone: 'call reception', deliversTraining: false });
    const { entry, userErrors } = response.data!.updateOrganisationEntry;
    expect(entry).toBeNull();
    expect(userErrors.map((e) => e.field.join('.')).sort()).toEqual(['input.contactEmail', 'input.contactPhone', 'input.description', 'input.website']);
    expect(userErrors.find((e) => e.field[1] === 'description')!.message).toBe('Description must be 2,000 characters or fewer');
    expect(userErrors.find((e) => e.field[1] === 'website')!.message).toBe('Website must be 500 characters or fewer');
    expect(userErrors.every((e) => !e.message.endsWith('.'))).toBe(true);
    const more = await update('lead', { organisationId: ids.council, description: 'Bell\u0007', website: 'www.example.org', contactPhone: '12' });
    expect(more.data!.updateOrganisationEntry.userErrors.map((e) => [e.field[1], e.message])).toEqual(expect.arrayContaining([
      ['description', 'Description cannot contain control characters'],
      ['website', 'Enter a website address in the correct format, like https://www.example.org.uk'],
      ['contactPhone', 'Enter a telephone number, like 01632 960 001 or +44 1632 960 001'],
    ]));
    expect(await storedEntry(ids.council)).toEqual(before);
  });

  it('is refused input of the wrong types, and bodies past the limit, before anything runs', async () => {
    const before = await storedEntry(ids.council);
    for (const input of [{ organisationId: ids.council, description: 42 }, { organisationId: ids.council, deliversTraining: 'yes' },
      { organisationId: ids.council, website: ['https://a.example'] }, { organisationId: null, description: 'x' }, { description: 'x' },
      { organisationId: ids.council, description: { text: 'x' } }]) {
      const response = await update('lead', input);
      expect(response.status).toBe(400);
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const nul = await update('lead', { organisationId: ids.council, description: 'before\u0000after' });
    expect(nul.status).toBe(400);
    const huge = await update('lead', { organisationId: ids.council, description: 'x'.repeat(5 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    expect(await storedEntry(ids.council)).toEqual(before);
  });

  it('cannot touch another organisation\'s entry, nor an unknown one', async () => {
    const trust = await storedEntry(ids.trust);
    for (const organisationId of [ids.trust, ids.fenlandCouncil, randomUUID(), 'not-an-id']) {
      const response = await update('lead', { organisationId, description: 'Not mine' });
      expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(response.errors?.[0]?.message).toBe('You can change only the directory entry of the organisation you lead.');
    }
    expect(await storedEntry(ids.trust)).toEqual(trust);
  });
});

describe('an administrator and the registered identifier', () => {
  it('sets it in its stored form, refuses a malformed one with the register\'s rule, and clears it', async () => {
    const set = await update('admin', { organisationId: ids.careHome, orgId: ' gb-coh-1234567 ' });
    expect(set.data!.updateOrganisationEntry).toMatchObject({ userErrors: [], entry: { organisation: { orgId: 'GB-COH-01234567' } } });
    const before = await storedEntry(ids.careHome);
    for (const [orgId, message] of [
      ['GB-NHS-1234567', 'An ODS code is 3 to 7 letters and digits, with at least one letter, like GB-NHS-RGN'],
      ['GB-CHC-12', 'A charity number is 6 or 7 digits, like GB-CHC-1234567'],
      ['GB-PARTNERSHIP-GREATER-PETERBOROUGH-NVCH', expect.stringContaining('starts with GB-NHS-')],
      [`GB-NHS-${'A'.repeat(10_000)}`, 'Registered identifier must be 40 characters or fewer'],
      ['12345678', expect.stringContaining('starts with GB-NHS-')],
    ] as const) {
      const response = await update('admin', { organisationId: ids.careHome, orgId });
      expect(response.data!.updateOrganisationEntry).toEqual({ entry: null, userErrors: [{ field: ['input', 'orgId'], message, code: 'INVALID' }] });
    }
    expect(await storedEntry(ids.careHome)).toEqual(before);
    const cleared = await update('admin', { organisationId: ids.careHome, orgId: '' });
    expect(cleared.data!.updateOrganisationEntry.entry!.organisation.orgId).toBeNull();
    await update('admin', { organisationId: ids.careHome, orgId: 'GB-COH-99000002' });
  });

  it('finds no organisation outside the partnership, nor an unknown or malformed id, and writes nothing', async () => {
    const fenland = await storedEntry(ids.fenlandCouncil);
    for (const organisationId of [ids.fenlandCouncil, randomUUID(), 'not-an-id']) {
      const response = await update('admin', { organisationId, description: 'Anyone there?', contactPhone: 'x' });
      const { entry, userErrors } = response.data!.updateOrganisationEntry;
      expect(entry).toBeNull();
      expect(userErrors).toContainEqual({ field: ['input', 'organisationId'], message: 'There is no such organisation in your partnership', code: 'NOT_FOUND' });
      // The other problems are told in the same reply.
      expect(userErrors.map((e) => e.field[1])).toContain('contactPhone');
    }
    expect(await storedEntry(ids.fenlandCouncil)).toEqual(fenland);
  });

  it('sets an identifier when adding an organisation', async () => {
    const response = await portal.graphql<{ createOrganisation: { organisation: { orgId: string | null } | null; userErrors: Array<{ field: string[]; code: string }> } }>(
      `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { orgId } userErrors { field code } } }`,
      { input: { name: 'Thorpe Wood Care', shortCode: 'TWC', sector: 'CARE_HOME', role: 'CORE_STAKEHOLDER', orgId: 'gb-coh-sc123456' } },
      { token: tokens.admin });
    expect(response.data!.createOrganisation).toEqual({ organisation: { orgId: 'GB-COH-SC123456' }, userErrors: [] });
    const bad = await portal.graphql<{ createOrganisation: { organisation: unknown; userErrors: Array<{ field: string[]; code: string }> } }>(
      `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { id } userErrors { field code } } }`,
      { input: { name: 'Thorpe Wood Care 2', shortCode: 'TWC2', sector: 'CARE_HOME', role: 'CORE_STAKEHOLDER', orgId: 'GB-COH-ABC' } },
      { token: tokens.admin });
    expect(bad.data!.createOrganisation).toEqual({ organisation: null, userErrors: [{ field: ['input', 'orgId'], code: 'INVALID' }] });
  });
});
