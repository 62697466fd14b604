/**
 * Net Promoter Score, from answers to "how likely are you to recommend this course?" (0–10):
 * promoters answer 9 or 10, passives 7 or 8, detractors 0 to 6. The score is the percentage of
 * promoters minus the percentage of detractors, from -100 to 100, rounded to a whole number
 * (halves away from zero, so a score and its mirror image round alike). No answers: no score.
 */
export type RecommendGroup = 'promoter' | 'passive' | 'detractor';

export interface RecommendCounts {
  promoters: number;
  passives: number;
  detractors: number;
}

export function recommendGroup(score: number): RecommendGroup {
  if (!Number.isInteger(score) || score < 0 || score > 10) throw new RangeError(`not a 0–10 answer: ${score}`);
  if (score >= 9) return 'promoter';
  if (score >= 7) return 'passive';
  return 'detractor';
}

export function recommendCounts(scores: readonly number[]): RecommendCounts {
  const counts: RecommendCounts = { promoters: 0, passives: 0, detractors: 0 };
  for (const score of scores) {
    const group = recommendGroup(score);
    if (group === 'promoter') counts.promoters += 1;
    else if (group === 'passive') counts.passives += 1;
    else counts.detractors += 1;
  }
  return counts;
}

/** The score of these counts; null when nobody answered. Exact in integers until the one rounding. */
export function netPromoterScore(counts: RecommendCounts): number | null {
  const { promoters, passives, detractors } = counts;
  for (const n of [promoters, passives, detractors]) {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`not a count: ${n}`);
  }
  const answers = promoters + passives + detractors;
  if (answers === 0) return null;
  const hundredfold = 100 * (promoters - detractors);
  const sign = hundredfold < 0 ? -1 : 1;
  const magnitude = Math.abs(hundredfold);
  // Round half away from zero: floor((2m + n) / 2n) on the magnitude.
  const rounded = Math.floor((2 * magnitude + answers) / (2 * answers));
  return rounded === 0 ? 0 : sign * rounded;
}

/** The score of a list of 0–10 answers. */
export function netPromoterScoreOf(scores: readonly number[]): number | null {
  return netPromoterScore(recommendCounts(scores));
}
