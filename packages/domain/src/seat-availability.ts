/**
 * How a session's seats stand for one caller, for the "Fully booked" and "Few seats left" tags.
 * "Few" is a fixed count, not a share of the capacity: a person deciding whether to book now
 * reads "3 seats left" the same on a room of 12 and a hall of 200.
 */
export const FEW_SEATS_LEFT = 3;

export type SeatAvailability = 'available' | 'few_left' | 'full';

export function seatAvailability(seatsLeft: number): SeatAvailability {
  if (seatsLeft <= 0) return 'full';
  return seatsLeft <= FEW_SEATS_LEFT ? 'few_left' : 'available';
}
