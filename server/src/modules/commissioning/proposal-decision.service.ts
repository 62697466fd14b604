import type { DataSource, EntityManager } from 'typeorm';
import {
  defaultBookingClosesAt, defaultReleaseTime, formatPence, parseFinancialYear, parsePounds, sessionPlanProblems, splitCostProRata, spreadSeats,
} from '@portal/domain';
import { unlessRefused } from '../../graphql/refusal';
import { refusedField, withInputErrors } from '../../graphql/input-errors';
import type { UserError } from '../../graphql/user-error';
import { isUuid } from '../../graphql/uuid';
import { recordAudit, type RequestOrigin } from '../audit/audit.service';
import type { Viewer } from '../auth/viewer';
import { CoursePublishingService } from '../catalogue/course-publishing.service';
import { CreateCourseInput } from '../catalogue/course-publishing.inputs';
import type { NoticeSettings } from '../notifications/booking-notice-data';
import { refreshNeedGrouping } from '../needs/need-grouping';
import { refuse, refuseAll, userError } from './commissioning.errors';
import { CommissioningProposalEntity } from './commissioning-proposal.entity';
import { CommissioningPledgeEntity } from './commissioning-pledge.entity';
import type { ApproveProposalInput, DeclineProposalInput } from './commissioning.inputs';
import { movePledgeToSessions, releasePledge, type PledgeMoney } from './pledge-ledger';
import { noticePledgingLeads, type ProposalNoticeData, type ProposalOutcome } from './proposal-notices';
import type { ProposalResult } from './proposal.service';

const DECIDED: Record<string, string> = {
  approved: 'This proposal has already been approved', declined: 'This proposal has already been declined',
  lapsed: 'This proposal lapsed at its pledge deadline',
};

interface LeadRow { person_id: string; name: string; email: string; organisation_id: string; organisation_name: string; partnership_slug: string }

/** What a commissioned course's places cost its bookings: nothing, the pledged money pays for them. */
export const COMMISSIONED_COURSE_TERMS = { costPerPlace: '0', fundingStreamId: null, isJoint: true } as const;

/**
 * Deciding a proposal, each in one transaction that locks the proposal's row first (as pledging
 * and withdrawing do), so a decision and a withdrawal are one before the other, never between.
 *
 * Approving publishes the course (a draft through the catalogue's publishing service), schedules
 * the planned sessions with allocations per organisation equal to its pledged seats spread over
 * them (packages/domain seat-spread.ts) and the rest in the pool, shares the estimated cost pro
 * rata to pledged seats (pro-rata-split.ts), moves each money pledge from the proposal to the
 * sessions it pays for, marks the pledges converted and the needs met by the course (still in
 * commissioning), and emails the pledging leads. Declining and lapsing release every pledge and
 * open the needs again.
 */
export class ProposalDecisionService {
  constructor(private readonly dataSource: DataSource, private readonly notices: NoticeSettings) {}

  async approve(viewer: Viewer, input: ApproveProposalInput, origin: RequestOrigin, now: Date, inputProblems: readonly UserError[]): Promise<ProposalResult> {
    const { result, userErrors } = await unlessRefused(() => this.dataSource.transaction(async (manager) => {
      const proposal = refusedField(inputProblems, 'proposalId') ? null : await this.lockProposal(manager, viewer, input.proposalId);
      if (!proposal) refuse(['input', 'proposalId'], 'There is no such proposal in your partnership', 'NOT_FOUND', inputProblems);
      if (proposal.status !== 'open') refuse(['input', 'proposalId'], DECIDED[proposal.status], 'PROPOSAL_DECIDED');
      if (proposal.pledgeDeadline <= now) refuse(['input', 'proposalId'], 'The pledge deadline has passed: the proposal lapses', 'DEADLINE_PASSED');
      const pledges = await this.lockActivePledges(manager, proposal.id);
      const errors: UserError[] = [];

      const sessions = input.sessions ?? [];
      if (!refusedField(inputProblems, 'sessions') && sessions.length !== proposal.sessionsPlanned) {
        errors.push(userError(['input', 'sessions'], `Give the dates of the ${proposal.sessionsPlanned} session${proposal.sessionsPlanned === 1 ? '' : 's'} planned`, 'WRONG_SESSION_COUNT'));
      }
      errors.push(...await this.sessionProblems(manager, viewer, proposal, input, now, inputProblems));
      if (input.deliveryOptionId && !refusedField(inputProblems, 'deliveryOptionId')) {
        const found = await manager.query('SELECT 1 FROM commissioning_delivery_option WHERE id = $1 AND proposal_id = $2', [input.deliveryOptionId, proposal.id]);
        if (!found.length) errors.push(userError(['input', 'deliveryOptionId'], 'Choose one of the proposal\'s delivery options', 'NOT_FOUND'));
      }

      const pledged = pledges.reduce((sum, p) => sum + p.amountPence, 0);
      const short = Math.max(proposal.estimatedCostPence - pledged, 0);
      const hasShortfall = input.shortfallAccepted != null && input.shortfallAccepted.trim() !== '';
      let shortfallPence: number | null = null;
      if (hasShortfall && !refusedField(inputProblems, 'shortfallAccepted')) {
        const parsed = parsePounds(input.shortfallAccepted!);
        if (!parsed.ok) errors.push(userError(['input', 'shortfallAccepted'], parsed.message.replace(/\.$/, ''), parsed.code));
        else if (short === 0) errors.push(userError(['input', 'shortfallAccepted'], 'The pledges cover the estimated cost: there is no shortfall to accept', 'NOT_ALLOWED'));
        else if (parsed.pence !== short) errors.push(userError(['input', 'shortfallAccepted'], `The shortfall is ${formatPence(short)}: accept exactly that`, 'SHORTFALL_MISMATCH'));
        else shortfallPence = parsed.pence;
        if (!input.reason?.trim() && !refusedField(inputProblems, 'reason')) errors.push(userError(['input', 'reason'], 'Say why the shortfall is accepted', 'REQUIRED'));
      } else if (!hasShortfall && short > 0) {
        errors.push(userError(['input', 'shortfallAccepted'], `The pledges cover ${formatPence(pledged)} of ${formatPence(proposal.estimatedCostPence)}: accept the shortfall of ${formatPence(short)} with a reason, or wait for more pledges`, 'NOT_COVERED'));
      }

      const seatsByOrganisation = seatsPerOrganisation(pledges);
      if (!seatsByOrganisation.some((o) => o.seats > 0)) errors.push(userError(['input', 'proposalId'], 'No seats are pledged: the sessions would hold no partner\'s places', 'NO_SEATS_PLEDGED'));
      refuseAll(withInputErrors(inputProblems, errors));

      const spread = spreadSeats(proposal.sessionsPlanned, proposal.seatsPerSession, seatsByOrganisation);
      const split = splitCostProRata(proposal.estimatedCostPence, seatsByOrganisation);
      if (!spread.ok || !split.ok) throw new Error(`approval of ${proposal.id}: the checked pledges did not spread (${JSON.stringify({ spread, split })})`);

      // The pledges pay for the programme: a place on it costs a booking nothing more, so the draft is published free,
      // paid by no stream of its own, and joint.
      const courseId = proposal.courseId ?? (await new CoursePublishingService(this.dataSource).createCourseIn(manager, viewer,
        Object.assign(new CreateCourseInput(), proposal.draftCourse, COMMISSIONED_COURSE_TERMS), origin, [],
        { publishedBy: 'approval', root: ['input', 'draftCourse'] })).id;

      const planned = [...sessions].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
      const scheduled: Array<{ id: string; startsAt: Date; allocations: Map<string, number> }> = [];
      for (const [index, plan] of planned.entries()) {
        const seats = spread.sessions[index];
        const [row] = await manager.query(
          `INSERT INTO training_session (partnership_id, course_id, starts_at, ends_at, delivery_mode, venue_id, capacity, allocated_seats,
             booking_closes_at, release_at, proposal_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
          [viewer.partnershipId, courseId, plan.startsAt, plan.endsAt, plan.deliveryMode, plan.venueId ?? null, proposal.seatsPerSession,
            seats.allocated, defaultBookingClosesAt(plan.startsAt), defaultReleaseTime(plan.startsAt, now), proposal.id]);
        if (seats.allocations.length) {
          await manager.query(
            `INSERT INTO seat_allocation (partnership_id, session_id, organisation_id, seats)
             SELECT $1, $2, organisation_id, seats FROM unnest($3::uuid[], $4::int[]) AS t(organisation_id, seats)`,
            [viewer.partnershipId, row.id, seats.allocations.map((a) => a.organisationId), seats.allocations.map((a) => a.seats)]);
        }
        scheduled.push({ id: row.id, startsAt: plan.startsAt, allocations: new Map(seats.allocations.map((a) => [a.organisationId, a.seats])) });
      }

      for (const pledge of pledges.filter((p) => p.amountPence > 0)) {
        await movePledgeToSessions(manager, moneyOf(pledge, proposal.courseId), courseId,
          scheduled.map((s) => ({ id: s.id, startsAt: s.startsAt, seats: pledge.seats > 0 ? s.allocations.get(pledge.organisationId) ?? 0 : 0 })),
          viewer.personId, origin, now);
      }
      await manager.query(`UPDATE commissioning_pledge SET status = 'converted', ended_at = $2, ended_by_person_id = $3 WHERE proposal_id = $1 AND status = 'active'`,
        [proposal.id, now, viewer.personId]);
      await manager.query(
        `UPDATE commissioning_proposal SET status = 'approved', decided_by_person_id = $2, decided_at = $3, decision_reason = $4,
           shortfall_accepted_pence = $5, course_id = $6, draft_course = NULL WHERE id = $1`,
        [proposal.id, viewer.personId, now, input.reason?.trim() || null, shortfallPence, courseId]);
      if (input.deliveryOptionId) await manager.query('UPDATE commissioning_delivery_option SET chosen = (id = $2) WHERE proposal_id = $1', [proposal.id, input.deliveryOptionId]);
      await manager.query(
        `UPDATE training_need SET met_by_course_id = $2, updated_at = $3
         WHERE id IN (SELECT need_id FROM commissioning_proposal_need WHERE proposal_id = $1) AND status = 'in_proposal'`, [proposal.id, courseId, now]);

      const shares = new Map(split.parts.map((p) => [p.organisationId, p.pence]));
      const told = await this.tellLeads(manager, proposal, pledges, 'approved', input.reason?.trim() || null, shares,
        scheduled.map((s) => ({ id: s.id, startsAt: s.startsAt, allocations: s.allocations })));
      await recordAudit(manager, origin, { partnershipId: viewer.partnershipId, actorPersonId: viewer.personId, action: 'commissioning.approved',
        subjectType: 'commissioning_proposal', subjectId: proposal.id, details: {
          courseId, published: !proposal.courseId, sessionIds: scheduled.map((s) => s.id), pledgedPence: pledged, shortfallAcceptedPence: shortfallPence,
          reason: input.reason?.trim() || null, costShares: split.parts.map((p) => ({ organisationId: p.organisationId, seats: p.seats, pence: p.pence })),
          leadsTold: told,
        } });
      return manager.getRepository(CommissioningProposalEntity).findOneByOrFail({ id: proposal.id });
    }));
    return { proposal: result, userErrors };
  }

  async decline(viewer: Viewer, input: DeclineProposalInput, origin: RequestOrigin, now: Date, inputProblems: readonly UserError[]): Promise<ProposalResult> {
    const { result, userErrors } = await unlessRefused(() => this.dataSource.transaction(async (manager) => {
      const proposal = refusedField(inputProblems, 'proposalId') ? null : await this.lockProposal(manager, viewer, input.proposalId);
      if (!proposal) refuse(['input', 'proposalId'], 'There is no such proposal in your partnership', 'NOT_FOUND', inputProblems);
      if (proposal.status !== 'open') refuse(['input', 'proposalId'], DECIDED[proposal.status], 'PROPOSAL_DECIDED', inputProblems);
      refuseAll(inputProblems);
      await this.close(manager, proposal, 'declined', input.reason.trim(), viewer.personId, origin, now);
      return manager.getRepository(CommissioningProposalEntity).findOneByOrFail({ id: proposal.id });
    }));
    return { proposal: result, userErrors };
  }

  /**
   * The lapse job's step: every open proposal past its pledge deadline lapses and its pledges are
   * released. Each is claimed by its row lock (SKIP LOCKED) and its status, so replicas running
   * the job at once lapse each proposal once. Returns how many lapsed.
   */
  async lapseDue(now: Date, origin: RequestOrigin): Promise<number> {
    let lapsed = 0;
    for (;;) {
      const done = await this.dataSource.transaction(async (manager) => {
        const [due]: Array<{ id: string }> = await manager.query(
          `SELECT id FROM commissioning_proposal WHERE status = 'open' AND pledge_deadline <= $1 ORDER BY pledge_deadline, id
           LIMIT 1 FOR UPDATE SKIP LOCKED`, [now]);
        if (!due) return false;
        const proposal = await manager.getRepository(CommissioningProposalEntity).findOneByOrFail({ id: due.id });
        await this.close(manager, proposal, 'lapsed', null, null, origin, now);
        return true;
      });
      if (!done) return lapsed;
      lapsed += 1;
    }
  }

  /** Declined or lapsed: every active pledge released (its money back in its stream), the needs open again, the leads told. */
  private async close(manager: EntityManager, proposal: CommissioningProposalEntity, outcome: 'declined' | 'lapsed', reason: string | null,
    actorPersonId: string | null, origin: RequestOrigin, now: Date): Promise<void> {
    const pledges = await this.lockActivePledges(manager, proposal.id);
    for (const pledge of pledges.filter((p) => p.amountPence > 0)) {
      await releasePledge(manager, moneyOf(pledge, proposal.courseId), outcome === 'declined' ? 'Proposal declined' : 'Proposal lapsed', actorPersonId, origin, now);
    }
    await manager.query(`UPDATE commissioning_pledge SET status = 'released', ended_at = $2, ended_by_person_id = $3 WHERE proposal_id = $1 AND status = 'active'`,
      [proposal.id, now, actorPersonId]);
    await manager.query(`UPDATE commissioning_proposal SET status = $2, decided_by_person_id = $3, decided_at = $4, decision_reason = $5 WHERE id = $1`,
      [proposal.id, outcome, actorPersonId, now, reason]);
    await manager.query(
      `UPDATE training_need SET status = 'open', updated_at = $2
       WHERE id IN (SELECT need_id FROM commissioning_proposal_need WHERE proposal_id = $1) AND status = 'in_proposal'`, [proposal.id, now]);
    await refreshNeedGrouping(manager, proposal.partnershipId);
    const told = await this.tellLeads(manager, proposal, pledges, outcome, reason, new Map(), []);
    await recordAudit(manager, origin, { partnershipId: proposal.partnershipId, actorPersonId, action: `commissioning.${outcome}`,
      subjectType: 'commissioning_proposal', subjectId: proposal.id, details: {
        reason, releasedPledges: pledges.map((p) => p.id), releasedPence: pledges.reduce((sum, p) => sum + p.amountPence, 0), leadsTold: told,
      } });
  }

  private async tellLeads(manager: EntityManager, proposal: CommissioningProposalEntity, pledges: readonly CommissioningPledgeEntity[],
    outcome: ProposalOutcome, reason: string | null, shares: Map<string, number>,
    sessions: ReadonlyArray<{ id: string; startsAt: Date; allocations: Map<string, number> }>): Promise<number> {
    if (!pledges.length) return 0;
    const leads: LeadRow[] = await manager.query(
      `SELECT DISTINCT p.id AS person_id, p.name, p.email, o.id AS organisation_id, o.name AS organisation_name, pa.slug AS partnership_slug
       FROM person p JOIN organisation o ON o.id = ANY($2::uuid[]) JOIN partnership pa ON pa.id = p.partnership_id
       WHERE p.id = ANY($1::uuid[]) AND p.disabled_at IS NULL
         AND EXISTS (SELECT 1 FROM commissioning_pledge g WHERE g.proposal_id = $3 AND g.pledged_by_person_id = p.id AND g.organisation_id = o.id)
       ORDER BY p.id, o.id`,
      [[...new Set(pledges.map((p) => p.pledgedByPersonId))], [...new Set(pledges.map((p) => p.organisationId))], proposal.id]);
    const items: Array<ProposalNoticeData & { personId: string; to: string }> = leads.map((lead) => {
      const own = pledges.filter((p) => p.organisationId === lead.organisation_id);
      return {
        personId: lead.person_id, to: lead.email, partnershipSlug: lead.partnership_slug, proposalTitle: proposal.title, outcome, reason,
        lead: { name: lead.name },
        organisation: { name: lead.organisation_name, seats: own.reduce((s, p) => s + p.seats, 0), pledgedPence: own.reduce((s, p) => s + p.amountPence, 0),
          costSharePence: shares.get(lead.organisation_id) ?? 0 },
        sessions: sessions.map((s) => ({ id: s.id, startsAt: s.startsAt, seats: s.allocations.get(lead.organisation_id) ?? 0 })).filter((s) => s.seats > 0),
      };
    });
    return noticePledgingLeads(manager, proposal.partnershipId, items, this.notices);
  }

  private async sessionProblems(manager: EntityManager, viewer: Viewer, proposal: CommissioningProposalEntity, input: ApproveProposalInput, now: Date,
    inputProblems: readonly UserError[]): Promise<UserError[]> {
    if (refusedField(inputProblems, 'sessions') && !input.sessions?.length) return [];
    const year = parseFinancialYear(proposal.financialYear)!;
    const venueIds = (input.sessions ?? []).map((s) => s.venueId).filter((id): id is string => !!id && isUuid(id));
    const known: Array<{ id: string }> = venueIds.length
      ? await manager.query('SELECT id FROM venue WHERE partnership_id = $1 AND id = ANY($2::uuid[])', [viewer.partnershipId, venueIds]) : [];
    const knownIds = new Set(known.map((v) => v.id));
    return (input.sessions ?? []).flatMap((session, index) => {
      const at = (field: string) => ['input', 'sessions', String(index), field];
      const problems = sessionPlanProblems({
        startsAt: session.startsAt, endsAt: session.endsAt, deliveryMode: session.deliveryMode, hasVenue: !!session.venueId,
        capacity: proposal.seatsPerSession, allocated: 0, bookingClosesAt: defaultBookingClosesAt(session.startsAt),
        releaseAt: defaultReleaseTime(session.startsAt, now), minimumPlaces: null,
      }, now).map((p) => userError(at(p.field[0]), p.message, p.code));
      if (!problems.some((p) => p.field[3] === 'startsAt') && (session.startsAt < year.start || session.startsAt >= year.end)) {
        problems.push(userError(at('startsAt'), `The session must start in the proposal's financial year, ${year.label} (1 April to 31 March)`, 'OUT_OF_RANGE'));
      }
      if (session.venueId && isUuid(session.venueId) && !knownIds.has(session.venueId) && !problems.some((p) => p.field[3] === 'venueId')) {
        problems.push(userError(at('venueId'), 'There is no such venue in your partnership', 'NOT_FOUND'));
      }
      return problems.filter((p) => !refusedField(inputProblems, ...p.field.slice(1)));
    });
  }

  private async lockProposal(manager: EntityManager, viewer: Viewer, id: string): Promise<CommissioningProposalEntity | null> {
    return manager.getRepository(CommissioningProposalEntity).createQueryBuilder('p').setLock('pessimistic_write')
      .where('p.id = :id AND p.partnership_id = :partnershipId', { id, partnershipId: viewer.partnershipId }).getOne();
  }

  private lockActivePledges(manager: EntityManager, proposalId: string): Promise<CommissioningPledgeEntity[]> {
    return manager.getRepository(CommissioningPledgeEntity).createQueryBuilder('g').setLock('pessimistic_write')
      .where('g.proposal_id = :proposalId AND g.status = :status', { proposalId, status: 'active' }).orderBy('g.id').getMany();
  }
}

function moneyOf(pledge: CommissioningPledgeEntity, courseId: string | null = null): PledgeMoney {
  return { partnershipId: pledge.partnershipId, proposalId: pledge.proposalId, pledgeId: pledge.id, organisationId: pledge.organisationId,
    streamId: pledge.streamId!, amountPence: pledge.amountPence, courseId };
}

/** Each organisation's pledged seats (its pledges added up), by organisation id so the same pledges always split the same way. */
export function seatsPerOrganisation(pledges: ReadonlyArray<{ organisationId: string; seats: number }>): Array<{ organisationId: string; seats: number }> {
  const seats = new Map<string, number>();
  for (const p of pledges) seats.set(p.organisationId, (seats.get(p.organisationId) ?? 0) + p.seats);
  return [...seats.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([organisationId, n]) => ({ organisationId, seats: n }));
}
