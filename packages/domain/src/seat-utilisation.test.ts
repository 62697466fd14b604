import { seatUtilisation } from './seat-utilisation';

describe('seat utilisation', () => {
  it('is used over offered', () => {
    expect(seatUtilisation(15, 20)).toBe(0.75);
    expect(seatUtilisation(0, 20)).toBe(0);
  });

  it('is 0 with nothing offered and never more than 1', () => {
    expect(seatUtilisation(3, 0)).toBe(0);
    expect(seatUtilisation(7, 5)).toBe(1);
  });
});
