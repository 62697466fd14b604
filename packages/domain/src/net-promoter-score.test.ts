import { netPromoterScore, netPromoterScoreOf, recommendCounts, recommendGroup } from './net-promoter-score';

describe('recommend groups', () => {
  it('puts 9 and 10 in promoters, 7 and 8 in passives, 0 to 6 in detractors', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(recommendGroup)).toEqual([
      'detractor', 'detractor', 'detractor', 'detractor', 'detractor', 'detractor', 'detractor', 'passive', 'passive', 'promoter', 'promoter']);
  });

  it('refuses an answer that is not a whole number from 0 to 10', () => {
    for (const bad of [-1, 11, 8.5, Number.NaN]) expect(() => recommendGroup(bad)).toThrow(RangeError);
  });
});

describe('Net Promoter Score', () => {
  it('has no score when nobody answered', () => {
    expect(netPromoterScoreOf([])).toBeNull();
    expect(netPromoterScore({ promoters: 0, passives: 0, detractors: 0 })).toBeNull();
  });

  it('is 100 when everyone promotes, -100 when everyone detracts, 0 when all are passive', () => {
    expect(netPromoterScoreOf([9, 10, 10])).toBe(100);
    expect(netPromoterScoreOf([0, 6, 3])).toBe(-100);
    expect(netPromoterScoreOf([7, 8, 7, 8])).toBe(0);
  });

  it('matches hand-computed cases', () => {
    // 10 answers: 5 promoters (50 %), 3 passives, 2 detractors (20 %): 50 - 20 = 30.
    expect(netPromoterScoreOf([10, 9, 9, 10, 9, 8, 7, 8, 6, 2])).toBe(30);
    // 4 answers: 1 promoter (25 %), 3 detractors (75 %): -50.
    expect(netPromoterScoreOf([9, 6, 5, 0])).toBe(-50);
    // 7 answers: 4 promoters, 2 passives, 1 detractor: (4 - 1) / 7 = 42.857… → 43.
    expect(netPromoterScoreOf([10, 10, 9, 9, 8, 7, 4])).toBe(43);
    // 3 answers: 2 promoters, 1 passive: 66.67 → 67.
    expect(netPromoterScoreOf([9, 10, 8])).toBe(67);
    // 3 answers: 1 promoter, 2 passives: 33.33 → 33.
    expect(netPromoterScore({ promoters: 1, passives: 2, detractors: 0 })).toBe(33);
  });

  it('rounds halves away from zero, so a score and its mirror image round alike', () => {
    // 8 answers: 1 promoter, 7 passives: 12.5 → 13; 1 detractor, 7 passives: -12.5 → -13.
    expect(netPromoterScore({ promoters: 1, passives: 7, detractors: 0 })).toBe(13);
    expect(netPromoterScore({ promoters: 0, passives: 7, detractors: 1 })).toBe(-13);
    // 200 answers, 1 more detractor than promoters: -0.5 → -1, never -0.
    expect(netPromoterScore({ promoters: 50, passives: 99, detractors: 51 })).toBe(-1);
    // Equal promoters and detractors: exactly 0 (not -0).
    expect(Object.is(netPromoterScore({ promoters: 2, passives: 1, detractors: 2 }), 0)).toBe(true);
    // 6 answers: 1 more detractor: -16.67 → -17.
    expect(netPromoterScore({ promoters: 1, passives: 3, detractors: 2 })).toBe(-17);
  });

  it('counts answers by group', () => {
    expect(recommendCounts([10, 9, 8, 7, 6, 0])).toEqual({ promoters: 2, passives: 2, detractors: 2 });
  });

  it('refuses counts that are not whole and not negative', () => {
    expect(() => netPromoterScore({ promoters: -1, passives: 0, detractors: 0 })).toThrow(RangeError);
    expect(() => netPromoterScore({ promoters: 1.5, passives: 0, detractors: 0 })).toThrow(RangeError);
  });
});
