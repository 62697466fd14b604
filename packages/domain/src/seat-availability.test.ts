import { FEW_SEATS_LEFT, seatAvailability } from './seat-availability';

describe('seat availability', () => {
  it.each([
    [-1, 'full'], [0, 'full'], [1, 'few_left'], [2, 'few_left'], [3, 'few_left'], [4, 'available'], [200, 'available'],
  ] as const)('%i seats left is %s', (seatsLeft, expected) => {
    expect(seatAvailability(seatsLeft)).toBe(expected);
  });

  it('calls three seats or fewer few', () => {
    expect(FEW_SEATS_LEFT).toBe(3);
  });
});
