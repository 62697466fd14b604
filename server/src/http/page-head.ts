import type { PublicSessionRow } from '../modules/catalogue/public-pages.queries';

/** What the server writes into a page's <head> so a crawler sees it without running the client. */
export interface PageHead {
  title: string;
  description: string;
  canonicalUrl?: string;
  /** schema.org data for the page, written as a JSON-LD data block. */
  jsonLd?: Record<string, unknown>;
}

export const PORTAL_NAME = 'Partnership Portal';
export const PORTAL_DESCRIPTION = 'Find and book learning and development shared by the health and social care '
  + 'organisations of your partnership: courses for staff and volunteers, many free, online or near you.';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);
}

/**
 * JSON inside <script type="application/ld+json">: a "</script>" or "<!--" in a course's title
 * must not end the block, so every <, > and & is written as a JSON escape (the parsed data is the
 * same); U+2028 and U+2029 too, for any reader that treats the block as script.
 */
export function jsonLdScript(data: Record<string, unknown>): string {
  const json = JSON.stringify(data).replace(/[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `<script type="application/ld+json">${json}</script>`;
}

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}

export function renderHead(head: PageHead): string {
  return [
    `<title>${escapeHtml(head.title)}</title>`,
    `<meta name="description" content="${escapeHtml(head.description)}" />`,
    head.canonicalUrl ? `<link rel="canonical" href="${escapeHtml(head.canonicalUrl)}" />` : '',
    head.jsonLd ? jsonLdScript(head.jsonLd) : '',
  ].filter(Boolean).join('\n    ');
}

/** The client's index.html with its title and description replaced by the page's own. */
export function withHead(indexHtml: string, head: PageHead): string {
  const rendered = renderHead(head);
  return indexHtml
    .replace(/\s*<meta name="description"[^>]*>/, '')
    .replace(/<title>[\s\S]*?<\/title>/, () => rendered);
}

export function pageTitle(...parts: Array<string | null | undefined>): string {
  return [...parts.filter(Boolean), PORTAL_NAME].join(' – ');
}

const COURSE_MODE: Record<string, string> = { in_person: 'onsite', online: 'online', blended: 'blended' };

/** schema.org Course with the session as its CourseInstance (what search engines show as a course). */
export function sessionJsonLd(session: PublicSessionRow, pageUrl: string): Record<string, unknown> {
  const provider = { '@type': 'Organization', name: session.providerName };
  const location = session.deliveryMode === 'online' || !session.venueName
    ? { '@type': 'VirtualLocation', url: pageUrl }
    : {
      '@type': 'Place',
      name: session.venueName,
      address: {
        '@type': 'PostalAddress', streetAddress: session.venueAddress, addressLocality: session.venueTown,
        postalCode: session.venuePostcode, addressCountry: 'GB',
      },
    };
  return {
    '@context': 'https://schema.org',
    '@type': 'Course',
    name: session.title,
    description: shorten(session.summary, 500),
    provider,
    url: pageUrl,
    offers: {
      '@type': 'Offer', category: session.costPerPlacePence === 0 ? 'Free' : 'Paid',
      price: (session.costPerPlacePence / 100).toFixed(2), priceCurrency: 'GBP', url: pageUrl,
    },
    hasCourseInstance: [{
      '@type': 'CourseInstance',
      courseMode: COURSE_MODE[session.deliveryMode] ?? session.deliveryMode,
      startDate: session.startsAt.toISOString(),
      endDate: session.endsAt.toISOString(),
      location,
      organizer: provider,
    }],
  };
}

export function sessionHead(session: PublicSessionRow, pageUrl: string): PageHead {
  const when = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric',
  }).format(session.startsAt);
  const where = session.deliveryMode === 'online' ? 'online' : session.venueTown ? `in ${session.venueTown}` : '';
  return {
    title: pageTitle(session.title, session.partnershipName),
    description: shorten(`${when}${where ? `, ${where}` : ''}, by ${session.providerName}. ${session.summary}`, 160),
    canonicalUrl: pageUrl,
    jsonLd: session.status === 'scheduled' ? sessionJsonLd(session, pageUrl) : undefined,
  };
}
