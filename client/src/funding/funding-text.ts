import type { FunderKind, FundingPurpose, LedgerEntryKind } from '../gql/graphql';

/** Words for the funding API's codes and figures, in the NHS.UK content style. */

export const FUNDER_KIND_TEXT: Record<FunderKind, string> = {
  PARTNER: 'A partner organisation',
  NHS_EDUCATION: 'NHS education funding (for example, NHS England Workforce, Training and Education)',
  APPRENTICESHIP_LEVY: 'The apprenticeship levy',
  COUNCIL_GRANT: 'A council grant',
  CHARITY_GRANT: 'A charity or trust grant',
  IN_KIND: 'In kind (time, rooms or trainers given)',
  OTHER: 'Another outside body',
};

export const FUNDER_KINDS = Object.keys(FUNDER_KIND_TEXT) as FunderKind[];

export const FUNDING_PURPOSE_TEXT: Record<FundingPurpose, string> = {
  MANDATORY_TRAINING: 'Mandatory training',
  CLINICAL_SKILLS: 'Clinical skills',
  LEADERSHIP: 'Leadership and management',
  APPRENTICESHIPS: 'Apprenticeships',
  CARE_CERTIFICATE: 'The Care Certificate',
  VOLUNTEER_DEVELOPMENT: 'Volunteer development',
  DIGITAL_SKILLS: 'Digital skills',
  WELLBEING: 'Health and wellbeing',
};

export const FUNDING_PURPOSES = Object.keys(FUNDING_PURPOSE_TEXT) as FundingPurpose[];

export const ENTRY_KIND_TEXT: Record<LedgerEntryKind, { text: string; hint: string }> = {
  BUDGET: { text: 'Budget', hint: 'Adds to the stream’s budget' },
  CONTRIBUTION: { text: 'Contribution', hint: 'A partner’s payment into a pooled stream: adds to the budget' },
  ALLOCATION: { text: 'Allocation', hint: 'Earmarks money for a course or an organisation; moves no figure' },
  COMMITMENT: { text: 'Commitment', hint: 'Money promised, such as a booked place or a pledge' },
  RELEASE: { text: 'Release', hint: 'Gives committed money back, such as a cancelled place' },
  SPEND: { text: 'Spend', hint: 'Money paid out: an invoice, a trainer’s fee, a venue' },
  ADJUSTMENT: { text: 'Adjustment', hint: 'Reverses all or part of an earlier entry' },
};

/** The kinds a person records by hand, in the order a form offers them. Bookings post their own. */
export const RECORDABLE_KINDS: LedgerEntryKind[] = ['BUDGET', 'CONTRIBUTION', 'ALLOCATION', 'COMMITMENT', 'RELEASE', 'SPEND', 'ADJUSTMENT'];

/** "74%" from 0.7351; "0%" when nothing was offered. */
export function percentText(share: number): string {
  return `${Math.round(Math.max(0, share) * 100)}%`;
}

/** "1,234.5 hours" */
export function hoursText(hours: number): string {
  const rounded = Math.round(hours * 10) / 10;
  return `${rounded.toLocaleString('en-GB', { maximumFractionDigits: 1 })} ${rounded === 1 ? 'hour' : 'hours'}`;
}

export function countText(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}

/** "£12k", "£1.2m", "£450" for a chart's axis: pounds from pence, short. */
export function shortPounds(pence: number): string {
  const pounds = pence / 100;
  const abs = Math.abs(pounds);
  const sign = pounds < 0 ? '-' : '';
  if (abs >= 1_000_000) return `${sign}£${trim(abs / 1_000_000)}m`;
  if (abs >= 1_000) return `${sign}£${trim(abs / 1_000)}k`;
  return `${sign}£${Math.round(abs)}`;
}

function trim(value: number): string {
  return value >= 100 ? String(Math.round(value)) : String(Math.round(value * 10) / 10);
}
