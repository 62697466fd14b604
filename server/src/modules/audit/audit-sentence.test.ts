import { auditSentence, namesMentioned, type AuditFacts, type NameKind } from './audit-sentence';

const NAMES: Record<string, string> = {
  'person:p1': 'Sam Jones', 'person:p2': 'Priya Shah', 'organisation:o1': 'Peterborough City Council',
  'organisation:o2': 'Sue Ryder Thorpe Hall', 'session:s1': 'Safeguarding Adults Level 2 on 13 January 2027',
  'booking:b1': 'Sam Jones’s place on Safeguarding Adults Level 2 on 13 January 2027', 'funding_stream:f1': 'Better Care Fund',
};
const nameOf = (kind: NameKind, id: unknown) => NAMES[`${kind}:${String(id)}`] ?? null;
const say = (facts: Partial<AuditFacts> & { action: string }) =>
  auditSentence({ actorName: 'Martin Crowe', subjectType: null, subjectId: null, details: {}, ...facts }, nameOf);

describe('the audit log as sentences', () => {
  it('names the people, sessions and organisations instead of their ids', () => {
    expect(say({ action: 'bookings.created', subjectType: 'booking', subjectId: 'b1',
      details: { status: 'confirmed', sessionId: 's1', personId: 'p1', seatFrom: 'o1' } }))
      .toBe('Martin Crowe booked a place on Safeguarding Adults Level 2 on 13 January 2027 for Sam Jones from Peterborough City Council’s allocation.');
    expect(say({ action: 'bookings.created', actorName: 'Sam Jones', details: { status: 'waitlisted', sessionId: 's1', personId: 'p1', seatFrom: null } }))
      .toBe('Sam Jones joined the waiting list for Safeguarding Adults Level 2 on 13 January 2027.');
    expect(say({ action: 'roles.granted', subjectType: 'person', subjectId: 'p2', details: { role: 'ld_lead', organisationId: 'o2' } }))
      .toBe('Martin Crowe made Priya Shah an L&D lead of Sue Ryder Thorpe Hall.');
    expect(say({ action: 'roles.revoked', subjectType: 'person', subjectId: 'p2', details: { role: 'line_manager', organisationId: 'o1' } }))
      .toBe('Martin Crowe removed Priya Shah as a line manager of Peterborough City Council.');
    expect(say({ action: 'sessions.allocations_set', subjectType: 'training_session', subjectId: 's1', details: {
      before: { capacity: 20, allocations: [{ organisationId: 'o1', seats: 5 }] },
      after: { capacity: 24, allocations: [{ organisationId: 'o1', seats: 5 }, { organisationId: 'o2', seats: 3 }] }, promoted: [] } }))
      .toBe('Martin Crowe set the seats of Safeguarding Adults Level 2 on 13 January 2027: capacity 20 → 24; allocations Peterborough City Council 5'
        + ' → Peterborough City Council 5, Sue Ryder Thorpe Hall 3.');
  });

  it('tells of training needs raised, withdrawn and met, by topic and organisation', () => {
    expect(say({ action: 'needs.raised', subjectType: 'training_need', subjectId: 'n1',
      details: { organisationId: 'o1', topic: 'Moving and handling', peopleCount: 60, scope: 'organisation' } }))
      .toBe('Martin Crowe raised the training need “Moving and handling” of Peterborough City Council for 60 people.');
    expect(say({ action: 'needs.withdrawn', details: { organisationId: 'o2', topic: 'Fire safety', reason: 'Covered by e-learning' } }))
      .toBe('Martin Crowe withdrew the training need “Fire safety” of Sue Ryder Thorpe Hall: “Covered by e-learning”.');
    expect(say({ action: 'needs.met', details: { organisationId: 'o1', topic: 'Basic life support', courseId: 'c1' } }))
      .toBe('Martin Crowe marked the training need “Basic life support” of Peterborough City Council as met by an existing course.');
  });

  it('tells of commissioning: proposals, pledges and decisions', () => {
    expect(say({ action: 'commissioning.proposed', details: { title: 'Moving and handling', organisationId: 'o1', sessionsPlanned: 4,
      seatsPerSession: 12, estimatedCostPence: 240_000 } }))
      .toBe('Martin Crowe proposed “Moving and handling” for Peterborough City Council: 4 sessions of 12 seats at £2,400.00.');
    expect(say({ action: 'commissioning.pledged', details: { organisationId: 'o2', seats: 6, amountPence: 30_000 } }))
      .toBe('Martin Crowe pledged 6 seats and £300.00 for Sue Ryder Thorpe Hall to a commissioning proposal.');
    expect(say({ action: 'commissioning.pledge_withdrawn', details: { organisationId: 'o2', seats: 1, amountPence: 0 } }))
      .toBe('Martin Crowe withdrew the pledge of 1 seat by Sue Ryder Thorpe Hall from a commissioning proposal.');
    expect(say({ action: 'commissioning.approved', details: { sessionIds: ['s1', 's2'], shortfallAcceptedPence: null } }))
      .toBe('Martin Crowe approved a commissioning proposal, scheduling 2 sessions.');
    expect(say({ action: 'commissioning.declined', details: { reason: 'Runs already' } }))
      .toBe('Martin Crowe declined a commissioning proposal: “Runs already”. Its pledges were released.');
    expect(say({ action: 'commissioning.lapsed', actorName: null })).toBe('A commissioning proposal lapsed at its pledge deadline. Its pledges were released.');
  });

  it('shows money in pounds and counts in words', () => {
    expect(say({ action: 'funding.stream_created', subjectType: 'funding_stream', subjectId: 'f1',
      details: { name: 'Better Care Fund', financialYear: '2026/27', amountPence: 12_500_050, pooled: true } }))
      .toBe('Martin Crowe created the pooled funding stream Better Care Fund for 2026/27 worth £125,000.50.');
    expect(say({ action: 'people.imported', details: { organisationId: 'o1', imported: 1, staff: 1, volunteers: 0, withLineManager: 1 } }))
      .toBe('Martin Crowe imported 1 person into Peterborough City Council (1 staff, 0 volunteers; 1 with a line manager).');
    expect(say({ action: 'people.imported', details: { organisationId: 'o1', imported: 3000, staff: 2999, volunteers: 1, withLineManager: 0 } }))
      .toBe('Martin Crowe imported 3,000 people into Peterborough City Council (2,999 staff, 1 volunteer; 0 with a line manager).');
    expect(say({ action: 'people.disabled', subjectType: 'person', subjectId: 'p1' }))
      .toBe('Martin Crowe disabled the account of Sam Jones, ending their sign-ins.');
    expect(say({ action: 'sessions.seats_released', actorName: null, subjectType: 'training_session', subjectId: 's1',
      details: { seatsReturned: 2, byOrganisation: [{ organisationId: 'o1', seats: 2 }], promoted: [{ bookingId: 'b1' }] } }))
      .toBe('2 unused allocated seats of Safeguarding Adults Level 2 on 13 January 2027 returned to the shared pool (Peterborough City Council 2);'
        + ' 1 person given a place from the waiting list.');
  });

  it('reads a ledger entry with its stream and whose place it paid for', () => {
    expect(say({ action: 'funding.commitment_recorded', subjectType: 'ledger_entry', subjectId: 'l1',
      details: { streamId: 'f1', amountPence: 4000, reason: 'Place confirmed', bookingId: 'b1', reversesEntryId: null } }))
      .toBe('Martin Crowe recorded a commitment of £40.00 on Better Care Fund for Sam Jones’s place on Safeguarding Adults Level 2 on 13 January 2027'
        + ' (“Place confirmed”).');
    expect(say({ action: 'funding.adjustment_recorded', details: { streamId: 'f1', amountPence: -1250, reason: 'Typo', reversesEntryId: 'l0' } }))
      .toBe('Martin Crowe recorded an adjustment of -£12.50 on Better Care Fund (“Typo”), correcting an earlier entry.');
  });

  it('says something sensible for a missing name, a missing actor or an action it does not know', () => {
    expect(say({ action: 'bookings.cancelled', subjectType: 'booking', subjectId: 'gone', details: { late: true, reason: 'Ill' } }))
      .toBe('Martin Crowe cancelled a booking, late: “Ill”.');
    expect(say({ action: 'auth.sign_in_failed', actorName: null, details: { email: 'x@example.org' } })).toBe('A sign-in as x@example.org failed.');
    expect(say({ action: 'people.exported', subjectType: 'person', subjectId: 'p1' })).toBe('Martin Crowe: exported (Sam Jones).');
    expect(say({ action: 'roles.granted', actorName: null, subjectType: 'person', subjectId: 'p1', details: {} }))
      .toBe('Someone not signed in changed the roles of Sam Jones.');
  });

  it('lists every name a sentence will need, so a page loads them at once', () => {
    expect(namesMentioned({ subjectType: 'booking', subjectId: 'b1', details: { sessionId: 's1', personId: 'p1', seatFrom: 'o1' } }))
      .toEqual([['booking', 'b1'], ['person', 'p1'], ['session', 's1'], ['organisation', 'o1']]);
    expect(namesMentioned({ subjectType: 'people_import', subjectId: 'i1', details: { seatFrom: 'pool' } })).toEqual([]);
  });
});
