import type { EntityManager } from 'typeorm';
import { effectsOf, splitCostProRata } from '@portal/domain';
import type { RequestOrigin } from '../audit/audit.service';
import { postEntry, type Posted } from '../funding/ledger';

/**
 * A money pledge's life on the ledger, through its one writer (postEntry), in the caller's
 * transaction. Pledging commits the amount to the stream against the proposal (proposal_id and
 * pledge_id, no session); withdrawing, declining or lapsing releases it with the same ids;
 * approving releases it from the proposal and commits it again on each session it pays for.
 * postEntry's conditional UPDATE is the guard: no stream is ever committed past its budget,
 * however many pledges run at once.
 */
export interface PledgeMoney {
  partnershipId: string;
  proposalId: string;
  pledgeId: string;
  organisationId: string;
  streamId: string;
  amountPence: number;
  courseId: string | null;
}

export function commitPledge(manager: EntityManager, pledge: PledgeMoney, reason: string, actorPersonId: string | null,
  origin: RequestOrigin, now: Date): Promise<Posted> {
  return postEntry(manager, {
    partnershipId: pledge.partnershipId, streamId: pledge.streamId, kind: 'commitment', amountPence: pledge.amountPence,
    effects: effectsOf('commitment', pledge.amountPence), organisationId: pledge.organisationId, courseId: pledge.courseId,
    proposalId: pledge.proposalId, pledgeId: pledge.pledgeId, occurredAt: now, reason, recordedByPersonId: actorPersonId, recordedAt: now,
  }, origin);
}

/** Releases what an active pledge holds against its proposal: all of it. */
export async function releasePledge(manager: EntityManager, pledge: PledgeMoney, reason: string, actorPersonId: string | null,
  origin: RequestOrigin, now: Date): Promise<void> {
  const posted = await postEntry(manager, {
    partnershipId: pledge.partnershipId, streamId: pledge.streamId, kind: 'release', amountPence: pledge.amountPence,
    effects: effectsOf('release', pledge.amountPence), organisationId: pledge.organisationId, courseId: pledge.courseId,
    proposalId: pledge.proposalId, pledgeId: pledge.pledgeId, occurredAt: now, reason, recordedByPersonId: actorPersonId, recordedAt: now,
  }, origin);
  // A release lowers committed by what the pledge itself committed: only a broken ledger refuses it.
  if (!posted.ok) throw new Error(`releasing pledge ${pledge.pledgeId} was refused: ${posted.problem}`);
}

/**
 * An approved pledge's money moves from the proposal to the sessions it pays for: released from
 * the proposal, then committed on each session (session_id) in
 * proportion to the organisation's seats on it, or evenly when it pledged money only, dated when
 * approved (the money is committed then, as a pledge's is when pledged). The parts
 * are whole pence adding up to the pledge exactly (the pro-rata rule); a session whose part is
 * nothing gets no entry.
 */
export async function movePledgeToSessions(manager: EntityManager, pledge: PledgeMoney, courseId: string,
  sessions: ReadonlyArray<{ id: string; startsAt: Date; seats: number }>, actorPersonId: string | null, origin: RequestOrigin, now: Date): Promise<void> {
  // Released as it was committed (a draft's pledge named no course), committed again on the published course's sessions.
  await releasePledge(manager, pledge, 'Moved to the commissioned sessions', actorPersonId, origin, now);
  const bySeats = sessions.some((s) => s.seats > 0);
  const split = splitCostProRata(pledge.amountPence, sessions.map((s, index) => ({
    organisationId: String(index).padStart(4, '0'), seats: bySeats ? s.seats : 1 })));
  if (!split.ok) throw new Error(`could not share pledge ${pledge.pledgeId} over its sessions: ${split.message}`);
  for (const [index, part] of split.parts.entries()) {
    if (part.pence === 0) continue;
    const session = sessions[index];
    const posted = await postEntry(manager, {
      partnershipId: pledge.partnershipId, streamId: pledge.streamId, kind: 'commitment', amountPence: part.pence,
      effects: effectsOf('commitment', part.pence), organisationId: pledge.organisationId, courseId, sessionId: session.id,
      proposalId: pledge.proposalId, pledgeId: pledge.pledgeId, occurredAt: now, reason: 'Commissioned session',
      recordedByPersonId: actorPersonId, recordedAt: now,
    }, origin);
    // The release just freed at least this much on the same stream, which this transaction holds.
    if (!posted.ok) throw new Error(`committing pledge ${pledge.pledgeId} to session ${session.id} was refused: ${posted.problem}`);
  }
}
