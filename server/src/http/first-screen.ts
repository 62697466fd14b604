import { escapeHtml } from './page-head';

/**
 * The first screen of a public page (the header, the page's heading and its lead paragraph),
 * written into the HTML the server sends, so a phone paints it as soon as the styles arrive
 * instead of after the client's script has loaded, run and asked the API. The client replaces
 * it on its first render with the same markup (client/src/ui/site-header.tsx and the page's own
 * component), from the same figures: the data block beside it fills the client's cache with
 * the partnership (and, for a visitor without a session cookie, "nobody is signed in"), so
 * nothing moves and nothing is asked twice.
 */

export interface FirstScreenPartnership {
  id: string;
  name: string;
  slug: string;
}

export interface FirstScreen {
  html: string;
  /** What the client writes into its cache before it renders (client/src/first-screen.ts). */
  data: {
    partnership: FirstScreenPartnership;
    /** No session cookie came with the request: the client need not ask who is signed in. */
    signedOut: boolean;
    session?: { id: string; title: string; summary: string; providerName: string };
  };
}

const partnershipPath = (slug: string) => `/p/${encodeURIComponent(slug)}`;
const findTrainingPath = (slug: string) => `${partnershipPath(slug)}/find-training`;

/** The NHS.UK header as SiteHeader renders it for a visitor (or while it asks who is signed in). */
function header(partnership: FirstScreenPartnership, address: string, signedOut: boolean): string {
  const findTraining = findTrainingPath(partnership.slug);
  const pathname = address.split('?')[0];
  const current = pathname === findTraining || pathname.startsWith(`${findTraining}/`);
  const signIn = `/sign-in?${new URLSearchParams({ next: address }).toString()}`;
  const account = signedOut
    ? '<nav class="nhsuk-header__account" aria-label="Account"><ul class="nhsuk-header__account-list">'
      + `<li class="nhsuk-header__account-item"><a class="nhsuk-header__account-link" href="${escapeHtml(signIn)}">Sign in</a></li>`
      + '</ul></nav>'
    : '';
  const item = current
    ? `<li class="nhsuk-header__navigation-item nhsuk-header__navigation-item--current"><a class="nhsuk-header__navigation-link" href="${escapeHtml(findTraining)}" aria-current="page"><strong class="nhsuk-header__navigation-item-current-fallback">Find training</strong></a></li>`
    : `<li class="nhsuk-header__navigation-item"><a class="nhsuk-header__navigation-link" href="${escapeHtml(findTraining)}">Find training</a></li>`;
  return '<a href="#maincontent" class="nhsuk-skip-link" data-module="nhsuk-skip-link">Skip to main content</a>'
    + '<header class="nhsuk-header" role="banner" data-module="nhsuk-header">'
    + '<div class="nhsuk-header__container nhsuk-width-container"><div class="nhsuk-header__service">'
    + `<a class="nhsuk-header__service-name" href="${escapeHtml(findTraining)}"><span class="portal-header__name">${escapeHtml(partnership.name)}</span>`
    + '<span class="portal-header__descriptor">Learning and development</span></a></div>'
    + `${account}</div>`
    + '<nav class="nhsuk-header__navigation portal-header__navigation" aria-label="Menu">'
    + '<div class="nhsuk-header__navigation-container nhsuk-width-container"><ul class="nhsuk-header__navigation-list">'
    + `${item}<li class="nhsuk-header__menu" hidden><button class="nhsuk-header__menu-toggle nhsuk-header__navigation-link" type="button" aria-expanded="false"><span class="nhsuk-u-visually-hidden">Browse </span>More</button></li>`
    + '</ul></div></nav></header>';
}

function page(partnership: FirstScreenPartnership, address: string, signedOut: boolean, main: string): string {
  return `${header(partnership, address, signedOut)}<div class="nhsuk-width-container">`
    + `<main class="nhsuk-main-wrapper" id="maincontent" tabindex="-1">${main}</main></div>`;
}

/** Keep these texts as the client's pages write them (partnership-start-page.tsx, find-training-page.tsx). */
export function startPageScreen(partnership: FirstScreenPartnership, address: string, signedOut: boolean): FirstScreen {
  const main = '<div class="nhsuk-grid-row"><div class="nhsuk-grid-column-two-thirds">'
    + '<h1>Training for health and social care</h1>'
    + '<p class="nhsuk-body-l">Find and book courses shared by the NHS trusts, the council, voluntary organisations and care '
    + `providers of ${escapeHtml(partnership.name)}. Many are free and open to volunteers.</p></div></div>`;
  return { html: page(partnership, address, signedOut, main), data: { partnership, signedOut } };
}

export function findTrainingScreen(partnership: FirstScreenPartnership, address: string, signedOut: boolean): FirstScreen {
  const main = '<h1>Find training</h1>'
    + `<p class="nhsuk-body-l">Courses open to people who work or volunteer across ${escapeHtml(partnership.name)}.</p>`;
  return { html: page(partnership, address, signedOut, main), data: { partnership, signedOut } };
}

/** session-page.tsx shows the same while it loads the rest of the session. */
export function sessionScreen(partnership: FirstScreenPartnership, address: string, signedOut: boolean,
  session: { id: string; title: string; summary: string; providerName: string }): FirstScreen {
  const main = `<a class="nhsuk-back-link nhsuk-u-margin-bottom-5" href="${escapeHtml(findTrainingPath(partnership.slug))}">Find training</a>`
    + '<div class="nhsuk-grid-row"><div class="nhsuk-grid-column-two-thirds">'
    + `<span class="nhsuk-caption-l">${escapeHtml(session.providerName)}</span>`
    + `<h1>${escapeHtml(session.title)}</h1>`
    + `<p class="nhsuk-body-l">${escapeHtml(session.summary)}</p>`
    + '<p role="status" class="portal-loading-details">Loading the session…</p></div></div>';
  return { html: page(partnership, address, signedOut, main), data: { partnership, signedOut, session } };
}

/**
 * The data block: JSON in <script type="application/json">, which the Content-Security-Policy
 * allows because it never runs. A "</script>" or "<!--" in a course's title must not end it, so
 * <, > and & are written as JSON escapes (the parsed data is the same).
 */
export function firstScreenDataScript(data: FirstScreen['data']): string {
  const json = JSON.stringify(data).replace(/[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `<script type="application/json" id="first-screen-data">${json}</script>`;
}

/** The page with its first screen inside #root and the data block after it. */
export function withFirstScreen(indexHtml: string, screen: FirstScreen): string {
  return indexHtml.replace('<div id="root"></div>',
    () => `<div id="root">${screen.html}</div>\n    ${firstScreenDataScript(screen.data)}`);
}
