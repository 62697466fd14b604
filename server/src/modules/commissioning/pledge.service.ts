import type { DataSource, EntityManager } from 'typeorm';
import { formatPence, parsePounds } from '@portal/domain';
import { unlessRefused } from '../../graphql/refusal';
import { refusedField, withInputErrors } from '../../graphql/input-errors';
import type { UserError } from '../../graphql/user-error';
import { recordAudit, type RequestOrigin } from '../audit/audit.service';
import type { Viewer } from '../auth/viewer';
import { refuse, refuseAll, userError } from './commissioning.errors';
import { canPledgeFromStream, requireActingFor, requireWithdrawing } from './commissioning.policy';
import { CommissioningPledgeEntity } from './commissioning-pledge.entity';
import { CommissioningProposalEntity } from './commissioning-proposal.entity';
import type { PledgeInput, WithdrawPledgeInput } from './commissioning.inputs';
import { claimPledgeKey, rememberPledgeKey } from './pledge-keys';
import { commitPledge, releasePledge } from './pledge-ledger';

export type PledgeResult = { proposal: CommissioningProposalEntity | null; pledge: CommissioningPledgeEntity | null; userErrors: UserError[] };

interface ProposalRow {
  id: string; partnership_id: string; title: string; status: string; pledge_deadline: Date; financial_year: string;
  seats_planned: number; course_id: string | null; seats_pledged: number;
}

const DECIDED: Record<string, string> = {
  approved: 'This proposal has been approved: its sessions are in the catalogue',
  declined: 'This proposal has been declined',
  lapsed: 'This proposal lapsed at its pledge deadline',
};

/**
 * Pledges and their withdrawal, one transaction each. The proposal's row is locked first (so
 * pledges to one proposal are counted one after another and an approval or decline is either
 * before or after, never between), then the stream's, by postEntry's conditional UPDATE.
 */
export class PledgeService {
  constructor(private readonly dataSource: DataSource) {}

  async pledge(viewer: Viewer, input: PledgeInput, origin: RequestOrigin, now: Date, inputProblems: readonly UserError[]): Promise<PledgeResult> {
    const { result, userErrors } = await unlessRefused(() => this.dataSource.transaction(async (manager) => {
      const organisationId = requireActingFor(viewer, refusedField(inputProblems, 'organisationId') ? null : input.organisationId, 'pledge');
      const replay = inputProblems.length ? null : await claimPledgeKey(manager, viewer, 'pledge_to_proposal', input.idempotencyKey, {
        proposalId: input.proposalId, organisationId, seats: input.seats, amount: input.amount, streamId: input.streamId });
      if (replay) return this.answer(manager, replay);

      const proposal = refusedField(inputProblems, 'proposalId') ? null : await this.lockProposal(manager, viewer, input.proposalId);
      const errors: UserError[] = [];
      if (!proposal && !refusedField(inputProblems, 'proposalId')) errors.push(userError(['input', 'proposalId'], 'There is no such proposal in your partnership', 'NOT_FOUND'));
      if (proposal && proposal.status !== 'open') errors.push(userError(['input', 'proposalId'], DECIDED[proposal.status], 'PROPOSAL_DECIDED'));
      else if (proposal && proposal.pledge_deadline <= now) errors.push(userError(['input', 'proposalId'], 'Pledges to this proposal closed at its deadline', 'DEADLINE_PASSED'));

      const seats = input.seats ?? 0;
      const hasAmount = input.amount != null && input.amount.trim() !== '';
      if (!input.seats && !hasAmount && !refusedField(inputProblems, 'seats')) {
        errors.push(userError(['input', 'seats'], 'Pledge seats, money or both', 'REQUIRED'));
      }
      const amount = hasAmount ? parsePounds(input.amount!) : null;
      if (amount && !amount.ok) errors.push(userError(['input', 'amount'], amount.message.replace(/\.$/, ''), amount.code));
      if (hasAmount && !input.streamId) errors.push(userError(['input', 'streamId'], 'Choose the funding stream the money comes from', 'REQUIRED'));
      if (!hasAmount && input.streamId) errors.push(userError(['input', 'streamId'], 'A stream is named only with an amount of money', 'NOT_ALLOWED'));

      const stream = hasAmount && input.streamId && !refusedField(inputProblems, 'streamId') ? await this.stream(manager, viewer, input.streamId) : null;
      if (hasAmount && input.streamId && !refusedField(inputProblems, 'streamId')) {
        if (!stream) errors.push(userError(['input', 'streamId'], 'There is no such funding stream in your partnership', 'NOT_FOUND'));
        else if (!canPledgeFromStream(organisationId, { managingOrganisationId: stream.managing_organisation_id, funderOrganisationId: stream.funder_organisation_id })) {
          errors.push(userError(['input', 'streamId'], 'Pledge from a stream your organisation manages or funds', 'NOT_OWN_STREAM'));
        } else if (proposal && stream.financial_year !== proposal.financial_year) {
          errors.push(userError(['input', 'streamId'], `This stream is for ${stream.financial_year}: the proposal is paid from ${proposal.financial_year}`, 'WRONG_YEAR'));
        }
      }
      if (proposal && seats > 0 && proposal.seats_pledged + seats > proposal.seats_planned) {
        const left = Math.max(proposal.seats_planned - proposal.seats_pledged, 0);
        errors.push(userError(['input', 'seats'], `${proposal.seats_pledged} of the ${proposal.seats_planned} seats planned are pledged: pledge at most ${left}`, 'OVER_SEATS'));
      }
      refuseAll(withInputErrors(inputProblems, errors));

      const pence = amount?.ok ? amount.pence : 0;
      const [row] = await manager.query(
        `INSERT INTO commissioning_pledge (partnership_id, proposal_id, organisation_id, pledged_by_person_id, seats, amount_pence, stream_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [viewer.partnershipId, proposal!.id, organisationId, viewer.personId, seats, pence, pence ? stream!.id : null, now]);
      if (pence) {
        const posted = await commitPledge(manager, { partnershipId: viewer.partnershipId, proposalId: proposal!.id, pledgeId: row.id, organisationId,
          streamId: stream!.id, amountPence: pence, courseId: proposal!.course_id }, `Pledged to "${proposal!.title}"`, viewer.personId, origin, now);
        if (!posted.ok) {
          const [left] = await manager.query('SELECT budget_pence - committed_pence - spent_pence AS left FROM funding_stream WHERE id = $1', [stream!.id]);
          refuse(['input', 'amount'], `This stream has ${formatPence(Math.max(Number(left?.left ?? 0), 0))} left to commit: pledge at most that`, 'FUNDS_EXHAUSTED');
        }
      }
      await rememberPledgeKey(manager, viewer, 'pledge_to_proposal', input.idempotencyKey, row.id);
      await recordAudit(manager, origin, { partnershipId: viewer.partnershipId, actorPersonId: viewer.personId, action: 'commissioning.pledged',
        subjectType: 'commissioning_pledge', subjectId: row.id, details: { proposalId: proposal!.id, organisationId, seats, amountPence: pence,
          streamId: pence ? stream!.id : null } });
      return this.answer(manager, row.id);
    }));
    return result ?? { proposal: null, pledge: null, userErrors };
  }

  async withdraw(viewer: Viewer, input: WithdrawPledgeInput, origin: RequestOrigin, now: Date, inputProblems: readonly UserError[]): Promise<PledgeResult> {
    const { result, userErrors } = await unlessRefused(() => this.dataSource.transaction(async (manager) => {
      const replay = inputProblems.length ? null : await claimPledgeKey(manager, viewer, 'withdraw_pledge', input.idempotencyKey, { pledgeId: input.pledgeId });
      if (replay) return this.answer(manager, replay);
      const [found]: Array<{ proposal_id: string; organisation_id: string }> = refusedField(inputProblems, 'pledgeId') ? [] : await manager.query(
        'SELECT proposal_id, organisation_id FROM commissioning_pledge WHERE id = $1 AND partnership_id = $2', [input.pledgeId, viewer.partnershipId]);
      if (!found) refuse(['input', 'pledgeId'], 'There is no such pledge in your partnership', 'NOT_FOUND', inputProblems);
      requireWithdrawing(viewer, { organisationId: found.organisation_id });
      refuseAll(inputProblems);
      // The proposal first, as pledging and deciding lock it, then the pledge.
      const proposal = (await this.lockProposal(manager, viewer, found.proposal_id))!;
      const pledge = await manager.getRepository(CommissioningPledgeEntity).createQueryBuilder('p').setLock('pessimistic_write')
        .where('p.id = :id', { id: input.pledgeId }).getOneOrFail();
      if (proposal.status !== 'open') refuse(['input', 'pledgeId'], `${DECIDED[proposal.status]}: its pledges can no longer be withdrawn`, 'PROPOSAL_DECIDED');
      if (pledge.status !== 'active') refuse(['input', 'pledgeId'], 'This pledge has already been withdrawn', 'ALREADY_ENDED');

      await manager.query(`UPDATE commissioning_pledge SET status = 'withdrawn', ended_at = $2, ended_by_person_id = $3 WHERE id = $1`,
        [pledge.id, now, viewer.personId]);
      if (pledge.amountPence > 0) {
        await releasePledge(manager, { partnershipId: pledge.partnershipId, proposalId: pledge.proposalId, pledgeId: pledge.id,
          organisationId: pledge.organisationId, streamId: pledge.streamId!, amountPence: pledge.amountPence, courseId: proposal.course_id },
        'Pledge withdrawn', viewer.personId, origin, now);
      }
      await rememberPledgeKey(manager, viewer, 'withdraw_pledge', input.idempotencyKey, pledge.id);
      await recordAudit(manager, origin, { partnershipId: viewer.partnershipId, actorPersonId: viewer.personId, action: 'commissioning.pledge_withdrawn',
        subjectType: 'commissioning_pledge', subjectId: pledge.id, details: { proposalId: pledge.proposalId, organisationId: pledge.organisationId,
          seats: pledge.seats, amountPence: pledge.amountPence } });
      return this.answer(manager, pledge.id);
    }));
    return result ?? { proposal: null, pledge: null, userErrors };
  }

  private async answer(manager: EntityManager, pledgeId: string): Promise<PledgeResult> {
    const pledge = await manager.getRepository(CommissioningPledgeEntity).findOneByOrFail({ id: pledgeId });
    const proposal = await manager.getRepository(CommissioningProposalEntity).findOneByOrFail({ id: pledge.proposalId });
    return { proposal, pledge, userErrors: [] };
  }

  /** The proposal, locked, with the seats its active pledges hold. */
  private async lockProposal(manager: EntityManager, viewer: Viewer, id: string): Promise<ProposalRow | null> {
    const [row]: ProposalRow[] = await manager.query(
      `SELECT p.id, p.partnership_id, p.title, p.status, p.pledge_deadline, p.financial_year, p.seats_planned, p.course_id,
         (SELECT coalesce(sum(g.seats), 0)::int FROM commissioning_pledge g WHERE g.proposal_id = p.id AND g.status = 'active') AS seats_pledged
       FROM commissioning_proposal p WHERE p.id = $1 AND p.partnership_id = $2 FOR UPDATE OF p`, [id, viewer.partnershipId]);
    return row ?? null;
  }

  private async stream(manager: EntityManager, viewer: Viewer, id: string): Promise<{
    id: string; managing_organisation_id: string; funder_organisation_id: string | null; financial_year: string } | null> {
    const [row] = await manager.query(
      'SELECT id, managing_organisation_id, funder_organisation_id, financial_year FROM funding_stream WHERE id = $1 AND partnership_id = $2',
      [id, viewer.partnershipId]);
    return row ?? null;
  }
}
