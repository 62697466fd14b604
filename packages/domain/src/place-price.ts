import type { Pence } from './money';

/**
 * What a place on a session costs the organisation whose person takes it: the course's price,
 * except on a session a commissioning proposal scheduled, whose places the partners' pledges
 * already pay for (the approval moved each pledge's commitment onto those sessions), so a booking
 * there commits nothing more. Charging the course price as well would count the money twice.
 */
export function placePricePence(coursePricePence: Pence, commissionedByProposal: boolean): Pence {
  return commissionedByProposal ? 0 : coursePricePence;
}
