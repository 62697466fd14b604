import { costPerLearningHour, hoursOf, unitCosts } from './learning-cost';

describe('learning cost', () => {
  it('divides by hours worked out from minutes, rounding the pence half up', () => {
    // £100 over 90 minutes: £66.666… an hour.
    expect(costPerLearningHour(10_000, 90)).toBe(6_667);
    // 1p over 2 hours: 0.5p rounds up.
    expect(costPerLearningHour(1, 120)).toBe(1);
    expect(costPerLearningHour(12_000, 180)).toBe(4_000);
  });

  it('is null with no hours', () => {
    expect(costPerLearningHour(500, 0)).toBeNull();
  });

  it('shows hours to two places, half up', () => {
    expect(hoursOf(100)).toBe(1.67);
    expect(hoursOf(180)).toBe(3);
    expect(hoursOf(90)).toBe(1.5);
    expect(hoursOf(20)).toBe(0.33);
    expect(hoursOf(0)).toBe(0);
  });
});

describe('unit costs of delivered learning', () => {
  it('divides the spend on delivered learning by learners and by hours, worked out by hand', () => {
    // £350 on sessions, 2 learners, 300 minutes (5 hours): £175 a learner, £70 an hour.
    expect(unitCosts({ deliveredSpendPence: 35_000, learners: 2, learningMinutes: 300 })).toEqual({ costPerLearner: 17_500, costPerLearningHour: 7_000 });
    // £100 over 3 learners and 200 minutes: £33.333… and £30 an hour.
    expect(unitCosts({ deliveredSpendPence: 10_000, learners: 3, learningMinutes: 200 })).toEqual({ costPerLearner: 3_333, costPerLearningHour: 3_000 });
    // 5p over 2 learners: 2.5p rounds half up.
    expect(unitCosts({ deliveredSpendPence: 5, learners: 2, learningMinutes: 60 }).costPerLearner).toBe(3);
  });

  it('has no unit cost without learners or hours', () => {
    expect(unitCosts({ deliveredSpendPence: 10_000, learners: 0, learningMinutes: 0 })).toEqual({ costPerLearner: null, costPerLearningHour: null });
  });
});
