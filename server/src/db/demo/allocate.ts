/**
 * Splits a whole number into parts: at least `min` each, the rest in proportion to the weights
 * (largest remainder), so the parts always add up to exactly the total asked for.
 */
export function apportion(total: number, weights: readonly number[], mins: readonly number[]): number[] {
  const parts = mins.slice();
  const rest = total - mins.reduce((a, b) => a + b, 0);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  if (rest <= 0 || weightSum <= 0) return parts;
  const exact = weights.map((w) => (rest * w) / weightSum);
  let given = 0;
  exact.forEach((x, i) => {
    parts[i] += Math.floor(x);
    given += Math.floor(x);
  });
  const byRemainder = exact
    .map((x, i) => ({ i, r: x - Math.floor(x) }))
    .sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; k < rest - given; k++) parts[byRemainder[k % byRemainder.length].i] += 1;
  return parts;
}

/**
 * Distributes `total` items over buckets in proportion to their weights without exceeding any
 * bucket's cap ("water filling"): what a full bucket cannot take goes to the others. Returns
 * less than `total` only when every bucket is full.
 */
export function fillToCaps(total: number, weights: readonly number[], caps: readonly number[]): number[] {
  const counts = caps.map(() => 0);
  let remaining = total;
  for (;;) {
    const open = caps.map((_cap, i) => i).filter((i) => counts[i] < caps[i] && weights[i] > 0);
    if (remaining <= 0 || open.length === 0) return counts;
    const weightSum = open.reduce((sum, i) => sum + weights[i], 0);
    let given = 0;
    for (const i of open) {
      const share = Math.min(caps[i] - counts[i], Math.floor((remaining * weights[i]) / weightSum));
      counts[i] += share;
      given += share;
    }
    if (given === 0) {
      // Shares rounded down to nothing: hand out the last few one by one, heaviest first.
      const heaviest = open.slice().sort((a, b) => weights[b] - weights[a] || a - b);
      for (const i of heaviest) {
        if (given >= remaining) break;
        counts[i] += 1;
        given += 1;
      }
    }
    remaining -= given;
  }
}
