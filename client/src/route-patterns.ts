import { AREA_PATHS, DIRECTORY_PATH } from './account/navigation';
import { FUNDING_PATHS } from './funding/funding-paths';
import { PROVIDER_PATHS } from './provider/provider-paths';

/**
 * Every address the client answers, as router patterns. The router (app-routes.tsx) is built from
 * these names, and the build writes them to dist/routes.json so that the server answers any other
 * address with HTTP 404 (and the same helpful page), as a crawler or a link checker expects.
 */
export const PARTNERSHIP_PAGES = {
  home: '/p/:slug',
  findTraining: '/p/:slug/find-training',
  session: '/p/:slug/sessions/:id',
  register: '/p/:slug/register',
  confirmRegistration: '/p/:slug/confirm-registration',
  signedOut: '/p/:slug/signed-out',
} as const;

export const SITE_PAGES = {
  home: '/',
  signIn: '/sign-in',
  forgotPassword: '/forgot-password',
  resetPassword: '/reset-password',
  acceptInvitation: '/accept-invitation',
  admin: '/admin',
  fundingStream: '/funding/streams/:id',
  fundingOrganisation: '/funding/organisations/:id',
  directory: DIRECTORY_PATH,
  directoryEntryEdit: '/directory/:organisationId/edit',
} as const;

/** A child route's path below the partnership layout ('/p/:slug/find-training' → 'find-training'). */
export function partnershipChild(pattern: string): string {
  return pattern.slice(PARTNERSHIP_PAGES.home.length + 1);
}

export const CLIENT_ROUTE_PATTERNS: readonly string[] = [
  ...Object.values(PARTNERSHIP_PAGES),
  ...Object.values(SITE_PAGES),
  ...Object.values(AREA_PATHS),
  ...Object.values(FUNDING_PATHS),
  ...Object.values(PROVIDER_PATHS),
];
