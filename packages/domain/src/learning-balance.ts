import type { LearningCategory } from './learning-category';

/** Hours of learning in each 70:20:10 category and each one's share of the whole (0..1; all 0 when there are no hours). */
export interface LearningBalance {
  totalHours: number;
  categories: Array<{ category: LearningCategory; hours: number; share: number; target: number }>;
}

const TARGETS: ReadonlyArray<[LearningCategory, number]> = [['experiential', 0.7], ['social', 0.2], ['formal', 0.1]];

/** Hours are summed in hundredths, so 0.1 + 0.2 is 0.3 and the parts add up to the total. */
export function learningBalance(items: Iterable<{ category: LearningCategory; hours: number }>): LearningBalance {
  const hundredths = new Map<LearningCategory, number>(TARGETS.map(([category]) => [category, 0]));
  for (const item of items) hundredths.set(item.category, (hundredths.get(item.category) ?? 0) + Math.round(item.hours * 100));
  const total = [...hundredths.values()].reduce((sum, h) => sum + h, 0);
  return {
    totalHours: total / 100,
    categories: TARGETS.map(([category, target]) => {
      const h = hundredths.get(category) ?? 0;
      return { category, hours: h / 100, share: total === 0 ? 0 : h / total, target };
    }),
  };
}
