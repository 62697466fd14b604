/**
 * Every address the client answers, as router patterns. The router (app-routes.tsx) is built from
 * these names, and the build writes them to dist/routes.json so that the server answers any other
 * address with HTTP 404 (and the same helpful page), as a crawler or a link checker expects.
 * Pages link to a fixed address by its pattern; one with parameters or a query is built by
 * `paths` (paths.ts). This file imports nothing, so any folder may use it.
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
  /** The partnership directory, for every member signed in. */
  directory: '/directory',
  directoryEntryEdit: '/directory/:organisationId/edit',
} as const;

/** Where each area lives; pages and the header take their addresses from here. */
export const AREA_PATHS = {
  adminOrganisations: '/admin/organisations',
  adminNewOrganisation: '/admin/organisations/new',
  adminPeople: '/admin/people',
  adminImport: '/admin/import-people',
  adminAudit: '/admin/audit-log',
  organisationPeople: '/organisation/people',
  team: '/team',
  myBookings: '/bookings',
  bookingRequests: '/bookings/requests',
  organisationBookings: '/organisation/bookings',
} as const;

/**
 * Where the funding pages live. The financial year travels in the address as "2025-26", so a
 * page can be bookmarked and shared for a given year; links between the pages keep it.
 */
export const FUNDING_PATHS = {
  overview: '/funding',
  entries: '/funding/entries',
  myOrganisation: '/funding/my-organisation',
  admin: '/admin/funding',
  adminNewStream: '/admin/funding/streams/new',
  adminRecordEntry: '/admin/funding/entries/new',
} as const;

/** Where the provider's pages live: their courses, each course's form and sessions, each session's people. */
export const PROVIDER_PATHS = {
  courses: '/provider/courses',
  newCourse: '/provider/courses/new',
  editCourse: '/provider/courses/:id/edit',
  newSession: '/provider/courses/:id/sessions/new',
  /** The server's emails link here too (server/src/modules/catalogue/session-minimums.service.ts). */
  session: '/provider/sessions/:id',
  changeSession: '/provider/sessions/:id/change',
  /** The session's register: marking who came, and correcting a mark with a reason. */
  register: '/provider/sessions/:id/register',
  newVenue: '/provider/venues/new',
} as const;

/**
 * Shared commissioning, under the partnership: its start is shared demand (needs grouped across
 * organisations, with the sessions already on offer); needs are raised and listed below it.
 */
export const COMMISSIONING_PATHS = {
  sharedDemand: '/p/:slug/commissioning',
  needs: '/p/:slug/commissioning/needs',
  raiseNeed: '/p/:slug/commissioning/needs/new',
  proposals: '/p/:slug/commissioning/proposals',
  propose: '/p/:slug/commissioning/proposals/new',
  proposal: '/p/:slug/commissioning/proposals/:id',
  pledge: '/p/:slug/commissioning/proposals/:id/pledge',
  decideProposal: '/p/:slug/commissioning/proposals/:id/decide',
} as const;

/**
 * Evaluation: the learner's feedback form (the morning-after email links to it, as does My
 * bookings), the impact reviews to record, and the outcome report beside funding.
 */
export const EVALUATION_PATHS = {
  feedback: '/bookings/:id/feedback',
  impactReviews: '/impact-reviews',
  impactReview: '/impact-reviews/:id',
  outcomes: '/outcomes',
} as const;

/** Mandatory-training compliance: an organisation's matrix (its L&D leads), a team's (line managers), the partnership's percentages (steering). */
export const COMPLIANCE_PATHS = {
  organisation: '/organisation/compliance',
  /** An organisation's renewal periods, staff groups' subjects and refused completions (its leads; administrators choose it by `?organisation=`). */
  settings: '/organisation/compliance/settings',
  team: '/team/compliance',
  partnership: '/compliance',
} as const;

/** Learning records: the viewer's own, the form to log informal learning, and a report's or an organisation's person's. */
export const RECORDS_PATHS = {
  myRecord: '/learning-record',
  logLearning: '/learning-record/log',
  personRecord: '/learning-record/people/:personId',
  /** An L&D lead's organisation's people, each with what their record holds. */
  organisationRecords: '/organisation/learning-records',
  /** The partnership's learning as counts, naming no one: beside funding and outcomes. */
  activity: '/learning-activity',
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
  ...Object.values(COMMISSIONING_PATHS),
  ...Object.values(EVALUATION_PATHS),
  ...Object.values(COMPLIANCE_PATHS),
  ...Object.values(RECORDS_PATHS),
];
