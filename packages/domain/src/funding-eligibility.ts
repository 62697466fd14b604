/**
 * A stream's restrictions: who it may pay for. Staff or volunteers (or both), and the sectors of
 * their organisations (none listed: every sector). A volunteer with no organisation has no sector,
 * so only a stream open to every sector pays for them.
 */
export interface FundingRestrictions { audience: 'staff' | 'volunteers' | 'both'; eligibleSectors: readonly string[] }
export interface FundedLearner { kind: 'staff' | 'volunteer'; sector: string | null }

export function streamMayPayFor(stream: FundingRestrictions, learner: FundedLearner): boolean {
  const audience = learner.kind === 'volunteer' ? 'volunteers' : 'staff';
  if (stream.audience !== 'both' && stream.audience !== audience) return false;
  if (!stream.eligibleSectors.length) return true;
  return learner.sector !== null && stream.eligibleSectors.includes(learner.sector);
}
