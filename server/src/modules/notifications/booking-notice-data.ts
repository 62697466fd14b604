/** Every change to a booking that its person must know about. */
export type BookingNoticeKind = 'confirmed' | 'requested' | 'approved' | 'declined' | 'waitlisted' | 'promoted'
  | 'cancelled' | 'session_changed' | 'session_cancelled';

export const BOOKING_NOTICE_KINDS: readonly BookingNoticeKind[] = ['confirmed', 'requested', 'approved', 'declined', 'waitlisted',
  'promoted', 'cancelled', 'session_changed', 'session_cancelled'];

/** What an email about a booking says, as plain data: the rendering functions need nothing else. */
export interface BookingNoticeData {
  kind: BookingNoticeKind;
  bookingId: string;
  /** The booking's status after the change. */
  status: string;
  /** The invite's SEQUENCE: 0 for the first notice of the booking, one more for each later one. */
  sequence: number;
  /** Whether an earlier notice of this booking carried an invite (so there is an event to cancel). */
  invited: boolean;
  /** Place in the waiting list (1 = next) while waitlisted. */
  waitlistPosition: number | null;
  person: { name: string; email: string };
  course: { title: string };
  session: { id: string; startsAt: Date; endsAt: Date; deliveryMode: string };
  /** Null for an online session. */
  venue: { name: string; address: string; town: string; postcode: string } | null;
  partnership: { name: string; slug: string; timeZone: string };
}

/**
 * What a booking's invite is built from, kept on its outbox row (invite_facts) by the booking's
 * transaction and turned into iCalendar by the delivery job: building an invite can fail (an
 * address it cannot carry), and that must fail the email, never the booking.
 */
export interface InviteFacts {
  data: BookingNoticeData;
  settings: NoticeSettings;
  /** The invite's DTSTAMP: when the change was made, not when the email went out. */
  madeAt: string;
}

/** The facts as read back from jsonb: dates were written as ISO strings. */
export function inviteFactsFromJson(json: InviteFacts): { data: BookingNoticeData; settings: NoticeSettings; madeAt: Date } {
  const { session } = json.data;
  return {
    data: { ...json.data, session: { ...session, startsAt: new Date(session.startsAt), endsAt: new Date(session.endsAt) } },
    settings: json.settings,
    madeAt: new Date(json.madeAt),
  };
}

/** Settings of the deployment that emails need. */
export interface NoticeSettings {
  /** Where links point, without a trailing slash. */
  publicUrl: string;
  /** The sender, e.g. `Partnership Portal <no-reply@portal.example>`: the invite's ORGANIZER too. */
  mailFrom: string;
}

/** The settings from the deployment's config (config.ts): every caller passes them, nothing keeps them. */
export function noticeSettingsOf(config: { publicUrl: string; mailFrom: string }): NoticeSettings {
  return { publicUrl: config.publicUrl.replace(/\/$/, ''), mailFrom: config.mailFrom };
}

export function sessionLink(data: { partnership: { slug: string }; session: { id: string } }, settings: Pick<NoticeSettings, 'publicUrl'>): string {
  return `${settings.publicUrl}/p/${encodeURIComponent(data.partnership.slug)}/sessions/${data.session.id}`;
}

export function whereText(data: Pick<BookingNoticeData, 'venue' | 'session'>): string {
  if (!data.venue) return 'Online';
  const place = [data.venue.name, data.venue.address, [data.venue.town, data.venue.postcode].filter(Boolean).join(' ')]
    .map((part) => part.trim()).filter(Boolean);
  const where = [...new Set(place)].join(', ');
  return data.session.deliveryMode === 'blended' ? `${where} (and online)` : where;
}
