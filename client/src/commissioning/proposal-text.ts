import type { ProposalStatus, PledgeStatus } from '../gql/graphql';

type TagColour = 'white' | 'grey' | 'green' | 'aqua-green' | 'blue' | 'purple' | 'pink' | 'red' | 'orange' | 'yellow';

export const PROPOSAL_STATUS: Record<ProposalStatus, { text: string; tag: TagColour }> = {
  OPEN: { text: 'Open for pledges', tag: 'blue' },
  APPROVED: { text: 'Approved', tag: 'green' },
  DECLINED: { text: 'Declined', tag: 'red' },
  LAPSED: { text: 'Lapsed', tag: 'grey' },
};

export const PLEDGE_STATUS: Record<PledgeStatus, string> = {
  ACTIVE: 'Pledged', WITHDRAWN: 'Withdrawn', RELEASED: 'Released', CONVERTED: 'On the sessions',
};

/** A share of a target as a whole percentage, 0 to 100 (a target of nothing is met). */
export function percentOf(part: number, whole: number): number {
  if (whole <= 0) return 100;
  return Math.min(100, Math.max(0, Math.floor((part * 100) / whole)));
}

export const seatsText = (count: number) => `${count.toLocaleString('en-GB')} ${count === 1 ? 'seat' : 'seats'}`;
