import type { EntityManager } from 'typeorm';
import { formatPence } from '@portal/domain';
import { queueEmail } from '../notifications/outbox-writer';
import type { NoticeSettings } from '../notifications/booking-notice-data';

export type ProposalOutcome = 'approved' | 'declined' | 'lapsed';

export interface ProposalNoticeData {
  partnershipSlug: string;
  proposalTitle: string;
  outcome: ProposalOutcome;
  reason: string | null;
  lead: { name: string };
  organisation: { name: string; seats: number; pledgedPence: number; costSharePence: number };
  /** The sessions scheduled, by start (approved only). */
  sessions: ReadonlyArray<{ id: string; startsAt: Date; seats: number }>;
}

const UK_DATE = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** The email to a lead whose organisation pledged, when the proposal is decided or lapses. Pure. */
export function renderProposalNotice(data: ProposalNoticeData, settings: Pick<NoticeSettings, 'publicUrl'>): { subject: string; text: string } {
  const { organisation: o } = data;
  const pledged = [o.seats ? `${o.seats} seat${o.seats === 1 ? '' : 's'}` : null, o.pledgedPence ? formatPence(o.pledgedPence) : null]
    .filter(Boolean).join(' and ');
  if (data.outcome === 'approved') {
    const lines = data.sessions.map((s) => `- ${UK_DATE.format(s.startsAt)}: ${s.seats} seat${s.seats === 1 ? '' : 's'} held for ${o.name}\n  ${settings.publicUrl}/p/${encodeURIComponent(data.partnershipSlug)}/sessions/${s.id}`);
    return {
      subject: `Approved: ${data.proposalTitle}`,
      text: [`Dear ${data.lead.name},`, '',
        `"${data.proposalTitle}" has been approved. ${o.name} pledged ${pledged}.`,
        `Its share of the cost, pro rata to its seats, is ${formatPence(o.costSharePence)}.`, '',
        'The sessions are in the catalogue now, with your seats held until each one\'s release time:', ...lines, '',
        ...(data.reason ? [`The approver's note: ${data.reason}`, ''] : []),
        'Book your people onto them from the session pages.'].join('\n'),
    };
  }
  const why = data.outcome === 'declined' ? `has been declined${data.reason ? `: ${data.reason}` : ''}` : 'has lapsed: it was not decided by its pledge deadline';
  return {
    subject: `${data.outcome === 'declined' ? 'Declined' : 'Lapsed'}: ${data.proposalTitle}`,
    text: [`Dear ${data.lead.name},`, '', `"${data.proposalTitle}" ${why}.`, '',
      `${o.name}'s pledge of ${pledged} is released${o.pledgedPence ? ': the money is back in its stream, free to commit again' : ''}.`,
      'The needs it answered are open again.'].join('\n'),
  };
}

/**
 * One email per lead who pledged (their organisation's pledges added up), in the decision's
 * transaction: it is sent if and only if the decision commits.
 */
export async function noticePledgingLeads(manager: EntityManager, partnershipId: string, items: ReadonlyArray<ProposalNoticeData & { personId: string; to: string }>,
  settings: NoticeSettings): Promise<number> {
  for (const item of items) {
    const { subject, text } = renderProposalNotice(item, settings);
    await queueEmail(manager, { partnershipId, personId: item.personId, kind: `proposal_${item.outcome}`, to: item.to, subject, text });
  }
  return items.length;
}
