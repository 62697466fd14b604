import { learningBalance } from './learning-balance';

describe('the 70:20:10 balance', () => {
  it('sums hours per category in hundredths, with shares of the whole', () => {
    const balance = learningBalance([
      { category: 'experiential', hours: 0.1 }, { category: 'experiential', hours: 0.2 },
      { category: 'social', hours: 0.3 }, { category: 'formal', hours: 2.4 },
    ]);
    expect(balance.totalHours).toBe(3);
    expect(balance.categories).toEqual([
      { category: 'experiential', hours: 0.3, share: 0.1, target: 0.7 },
      { category: 'social', hours: 0.3, share: 0.1, target: 0.2 },
      { category: 'formal', hours: 2.4, share: 0.8, target: 0.1 },
    ]);
  });

  it('shows no shares with no learning', () => {
    expect(learningBalance([]).categories.map((c) => c.share)).toEqual([0, 0, 0]);
  });
});
