import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { financialYearOf } from '@portal/domain';
import { makeSignedInPeople } from './people-fixtures';
import { ledgerInvariantProblems } from './ledger-invariants';
import type { GraphQLResponse, RunningPortal } from './start-portal';

/**
 * Shared commissioning for tests: needs and L&D leads written straight to the database, the
 * operations as a client sends them, and what must hold of proposals, pledges and the ledger
 * after anything a test does (commissioningProblems, beside the funding invariants).
 */
const DAY = 86_400_000;

/** Signed-in L&D leads of one organisation. */
export async function makeLeads(db: DataSource, partnershipId: string, organisationId: string, count: number): Promise<Array<{ personId: string; token: string }>> {
  const people = await makeSignedInPeople(db, partnershipId, count, { organisationId });
  await db.query(`INSERT INTO role_grant (partnership_id, person_id, role, organisation_id) SELECT $2, id, 'ld_lead', $3 FROM unnest($1::uuid[]) AS t(id)`,
    [people.map((p) => p.personId), partnershipId, organisationId]);
  return people;
}

export async function makeNeed(db: DataSource, values: {
  partnershipId: string; organisationId: string; raisedByPersonId: string; topic?: string; peopleCount?: number; mandatorySubject?: string | null;
  status?: string;
}): Promise<string> {
  const [row] = await db.query(
    `INSERT INTO training_need (partnership_id, organisation_id, raised_by_person_id, scope, topic, mandatory_subject, people_count, audience,
       priority, wanted_by, status, withdrawn_at)
     VALUES ($1, $2, $3, 'organisation', $4, $5, $6, 'staff', 'high', (now() + interval '90 days')::date, $7,
       CASE WHEN $7 = 'withdrawn' THEN now() END) RETURNING id`,
    [values.partnershipId, values.organisationId, values.raisedByPersonId, values.topic ?? `Need ${randomUUID().slice(0, 6)}`,
      values.mandatorySubject === undefined ? 'moving-and-handling' : values.mandatorySubject, values.peopleCount ?? 20, values.status ?? 'open']);
  return row.id as string;
}

export const YEAR = () => financialYearOf(new Date()).label;

/** Days from now at an hour (UTC), inside the current financial year when days are few. */
export const daysFromNow = (days: number, hour = 9) => new Date(Math.floor(Date.now() / DAY) * DAY + days * DAY + hour * 3_600_000);

export const PROPOSAL_FIELDS = `id title status financialYear sessionsPlanned seatsPerSession seatsPlanned pledgeDeadline
  estimatedCost { pence } shortfallAccepted { pence } decisionReason
  proposingOrganisation { id } course { id title } draftCourse { title providerOrganisation { id } }
  progress { seatsPledged seatsPlanned moneyPledged { pence } moneyTarget { pence } shortfall { pence } covered }
  needs { id status } deliveryOptions { id kind providerName quotedCost { pence } chosen providerOrganisation { id } }
  pledges { id seats amount { pence } status organisation { id } stream { id name } }
  pledgesByOrganisation { organisation { id } seats amount { pence } costShare { pence } }
  sessions { id capacity startsAt allocations { organisation { id } seats } }
  pledgeableStreams { id name organisation { id } remaining { pence } }`;

export const PROPOSE = `mutation($input: ProposeCommissioningInput!) { proposeCommissioning(input: $input) {
  proposal { ${PROPOSAL_FIELDS} } userErrors { field message code } } }`;
export const PLEDGE = `mutation($input: PledgeInput!) { pledgeToProposal(input: $input) {
  proposal { id progress { seatsPledged moneyPledged { pence } } } pledge { id seats amount { pence } status } userErrors { field message code } } }`;
export const WITHDRAW = `mutation($input: WithdrawPledgeInput!) { withdrawPledge(input: $input) {
  proposal { id progress { seatsPledged moneyPledged { pence } } } pledge { id status } userErrors { field message code } } }`;
export const APPROVE = `mutation($input: ApproveProposalInput!) { approveProposal(input: $input) {
  proposal { ${PROPOSAL_FIELDS} } userErrors { field message code } } }`;
export const DECLINE = `mutation($input: DeclineProposalInput!) { declineProposal(input: $input) {
  proposal { id status decisionReason pledges { id status } needs { id status } } userErrors { field message code } } }`;
export const PROPOSAL = `query($id: ID!) { commissioningProposal(id: $id) { ${PROPOSAL_FIELDS} } }`;
export const PROPOSALS = `query($slug: String!) { commissioningProposals(partnershipSlug: $slug) { ${PROPOSAL_FIELDS} } }`;

export interface UserErrorShape { field: string[]; message: string; code: string }
type Id = { id: string };
type Pence = { pence: number };
/** A proposal as PROPOSAL_FIELDS reads it; smaller selections leave fields out. */
export interface ProposalShape {
  id: string; title: string; status: string; financialYear: string; sessionsPlanned: number; seatsPerSession: number; seatsPlanned: number;
  pledgeDeadline: string; estimatedCost: Pence; shortfallAccepted: Pence | null; decisionReason: string | null;
  proposingOrganisation: Id; course: { id: string; title: string } | null; draftCourse: { title: string; providerOrganisation: Id | null } | null;
  progress: { seatsPledged: number; seatsPlanned: number; moneyPledged: Pence; moneyTarget: Pence; shortfall: Pence; covered: boolean };
  needs: Array<{ id: string; status: string }>;
  deliveryOptions: Array<{ id: string; kind: string; providerName: string; quotedCost: Pence; chosen: boolean; providerOrganisation: Id | null }>;
  pledges: Array<{ id: string; seats: number; amount: Pence; status: string; organisation: Id & { name?: string }; stream: { id: string; name: string } | null }>;
  pledgesByOrganisation: Array<{ organisation: Id; seats: number; amount: Pence; costShare: Pence }>;
  sessions: Array<{ id: string; capacity: number; startsAt: string; allocations: Array<{ organisation: Id; seats: number }> }>;
  pledgeableStreams: Array<{ id: string; name: string; organisation: Id; remaining: Pence }>;
}
export interface PledgeShape { id: string; seats: number; amount: Pence; status: string }
export type Payload<K extends string> = { [key in K]: { proposal: ProposalShape; pledge: PledgeShape; userErrors: UserErrorShape[] } };

export function call<K extends string>(portal: RunningPortal, query: string, input: Record<string, unknown>, token: string): Promise<GraphQLResponse<Payload<K>>> {
  return portal.graphql<Payload<K>>(query, { input }, { token });
}

/** A proposal's input: an existing course, one external option, 2 sessions of 10, £1,000.00, deadline in a week. */
export function proposalInput(needIds: string[], courseId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: `Moving and handling ${randomUUID().slice(0, 6)}`, needIds, courseId, sessionsPlanned: 2, seatsPerSession: 10,
    deliveryOptions: [{ providerName: 'Handling Matters Ltd', quotedCost: '1000.00' }],
    estimatedCost: '1000.00', financialYear: YEAR(), pledgeDeadline: daysFromNow(7).toISOString(), ...overrides,
  };
}

/** Two sessions' dates for approveProposal, a few days out (so inside this financial year unless it ends within days). */
export function approvedSessions(count: number, firstInDays = 20): Array<Record<string, unknown>> {
  return Array.from({ length: count }, (_, i) => ({
    startsAt: daysFromNow(firstInDays + i, 9).toISOString(), endsAt: daysFromNow(firstInDays + i, 16).toISOString(), deliveryMode: 'ONLINE' }));
}

/**
 * What must hold of commissioning after anything: each pledge's money on the ledger is where its
 * status says (an active pledge's amount committed against its proposal and on no session, a
 * converted one's moved in full onto sessions of its proposal, any other's released); active
 * pledges never hold more seats than planned; an approved proposal has its planned sessions, each
 * of its seats per session, with allocations per organisation adding up to the seats it pledged.
 */
export async function commissioningProblems(db: DataSource): Promise<string[]> {
  const problems: string[] = [];
  const pledges: Array<{ id: string; status: string; amount: string; on_proposal: string; on_sessions: string; foreign_sessions: number }> = await db.query(
    `SELECT g.id, g.status, g.amount_pence AS amount,
       coalesce(sum(e.committed_effect_pence) FILTER (WHERE e.session_id IS NULL), 0) AS on_proposal,
       coalesce(sum(e.committed_effect_pence) FILTER (WHERE e.session_id IS NOT NULL), 0) AS on_sessions,
       count(*) FILTER (WHERE e.session_id IS NOT NULL AND s.proposal_id IS DISTINCT FROM g.proposal_id)::int AS foreign_sessions
     FROM commissioning_pledge g LEFT JOIN ledger_entry e ON e.pledge_id = g.id LEFT JOIN training_session s ON s.id = e.session_id
     GROUP BY g.id`);
  for (const p of pledges) {
    const [amount, onProposal, onSessions] = [Number(p.amount), Number(p.on_proposal), Number(p.on_sessions)];
    const want = p.status === 'active' ? [amount, 0] : p.status === 'converted' ? [0, amount] : [0, 0];
    if (onProposal !== want[0] || onSessions !== want[1]) {
      problems.push(`pledge ${p.id} (${p.status}, ${amount}p): ${onProposal}p committed on its proposal, ${onSessions}p on sessions; expected ${want[0]}p and ${want[1]}p`);
    }
    if (p.foreign_sessions) problems.push(`pledge ${p.id}: money on a session of another proposal`);
  }
  const overSeats: Array<{ id: string }> = await db.query(
    `SELECT p.id FROM commissioning_proposal p WHERE (SELECT coalesce(sum(g.seats), 0) FROM commissioning_pledge g
       WHERE g.proposal_id = p.id AND g.status IN ('active', 'converted')) > p.seats_planned`);
  for (const { id } of overSeats) problems.push(`proposal ${id}: more seats pledged than planned`);
  const approved: Array<{ id: string; sessions_planned: number; seats_per_session: number; sessions: number; wrong_capacity: number }> = await db.query(
    `SELECT p.id, p.sessions_planned, p.seats_per_session, count(s.id)::int AS sessions,
       count(s.id) FILTER (WHERE s.capacity <> p.seats_per_session)::int AS wrong_capacity
     FROM commissioning_proposal p LEFT JOIN training_session s ON s.proposal_id = p.id WHERE p.status = 'approved' GROUP BY p.id`);
  for (const p of approved) {
    if (p.sessions !== p.sessions_planned) problems.push(`proposal ${p.id}: ${p.sessions} sessions, ${p.sessions_planned} planned`);
    if (p.wrong_capacity) problems.push(`proposal ${p.id}: sessions whose capacity is not the seats per session`);
  }
  const seats: Array<{ proposal_id: string; organisation_id: string; pledged: number; allocated: number }> = await db.query(
    `WITH pledged AS (SELECT proposal_id, organisation_id, sum(seats)::int AS pledged FROM commissioning_pledge WHERE status = 'converted'
                      GROUP BY proposal_id, organisation_id),
          allocated AS (SELECT s.proposal_id, a.organisation_id, sum(a.seats)::int AS allocated FROM seat_allocation a
                        JOIN training_session s ON s.id = a.session_id WHERE s.proposal_id IS NOT NULL GROUP BY s.proposal_id, a.organisation_id)
     SELECT coalesce(p.proposal_id, a.proposal_id) AS proposal_id, coalesce(p.organisation_id, a.organisation_id) AS organisation_id,
       coalesce(p.pledged, 0) AS pledged, coalesce(a.allocated, 0) AS allocated
     FROM pledged p FULL JOIN allocated a ON a.proposal_id = p.proposal_id AND a.organisation_id = p.organisation_id
     WHERE coalesce(p.pledged, 0) <> coalesce(a.allocated, 0)`);
  for (const s of seats) problems.push(`proposal ${s.proposal_id}: organisation ${s.organisation_id} pledged ${s.pledged} seats, holds ${s.allocated}`);
  return problems;
}

export async function expectCommissioningInvariants(db: DataSource): Promise<void> {
  expect([...await ledgerInvariantProblems(db), ...await commissioningProblems(db)]).toEqual([]);
}

/** An open proposal written straight to the database (no needs, no options): for tests that need many. */
export async function makeProposal(db: DataSource, values: {
  partnershipId: string; organisationId: string; personId: string; courseId: string; sessionsPlanned?: number; seatsPerSession?: number;
  estimatedCostPence?: number; deadlineInDays?: number;
}): Promise<string> {
  const [row] = await db.query(
    `INSERT INTO commissioning_proposal (partnership_id, proposed_by_person_id, proposing_organisation_id, title, course_id, financial_year,
       sessions_planned, seats_per_session, estimated_cost_pence, pledge_deadline)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now() + make_interval(days => $10)) RETURNING id`,
    [values.partnershipId, values.personId, values.organisationId, `Proposal ${randomUUID().slice(0, 6)}`, values.courseId, YEAR(),
      values.sessionsPlanned ?? 2, values.seatsPerSession ?? 100, values.estimatedCostPence ?? 0, values.deadlineInDays ?? 7]);
  return row.id as string;
}

/** A seats-only pledge written straight to the database (it moves no money). */
export async function makeSeatPledge(db: DataSource, values: { partnershipId: string; proposalId: string; organisationId: string; personId: string; seats: number }): Promise<string> {
  const [row] = await db.query(
    `INSERT INTO commissioning_pledge (partnership_id, proposal_id, organisation_id, pledged_by_person_id, seats, amount_pence)
     VALUES ($1, $2, $3, $4, $5, 0) RETURNING id`, [values.partnershipId, values.proposalId, values.organisationId, values.personId, values.seats]);
  return row.id as string;
}
