import { costPerLearningHour, learningHoursOf } from './learning-cost';

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

  it('shows hours to two places', () => {
    expect(learningHoursOf(100)).toBe(1.67);
    expect(learningHoursOf(180)).toBe(3);
  });
});
