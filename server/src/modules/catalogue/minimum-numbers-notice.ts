import { whenText } from '../notifications/render-booking-email';

/** What the email about a session short of its minimum numbers says: pure, so tested without a database. */
export interface MinimumNumbersFacts {
  courseTitle: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  partnershipName: string;
  minimumPlaces: number;
  confirmed: number;
  awaitingApproval: number;
  /** Where the reader sees the session: the provider's page for the provider, the catalogue's for a lead. */
  link: string;
  recipient: { name: string; isProvider: boolean; organisationSeats: number | null };
}

export function renderMinimumNumbersNotice(f: MinimumNumbersFacts): { subject: string; text: string } {
  const held = f.confirmed + f.awaitingApproval;
  const when = whenText(f.startsAt, f.endsAt, f.timeZone || 'Europe/London');
  const lines = [
    `Dear ${f.recipient.name},`,
    '',
    `Booking has closed for ${f.courseTitle} on ${when}, and it has ${held} of the ${f.minimumPlaces} places it needs to run.`,
    `Places: ${f.confirmed} confirmed${f.awaitingApproval ? `, ${f.awaitingApproval} awaiting approval` : ''}. Minimum numbers: ${f.minimumPlaces}.`,
    '',
    f.recipient.isProvider
      ? 'As its provider, decide whether it goes ahead: keep it, move it to another date, or cancel it (everyone booked is told).'
      : `Your organisation holds ${f.recipient.organisationSeats ?? 0} seats on it. Talk to the provider if your people still need it.`,
    '',
    f.link,
    '',
    `${f.partnershipName} learning portal`,
  ];
  return { subject: `Below minimum numbers: ${f.courseTitle}, ${when}`, text: lines.join('\n') };
}
