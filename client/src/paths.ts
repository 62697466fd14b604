import { AREA_PATHS, COMMISSIONING_PATHS, COMPLIANCE_PATHS, EVALUATION_PATHS, FUNDING_PATHS, PARTNERSHIP_PAGES, PROVIDER_PATHS, RECORDS_PATHS, SITE_PAGES } from './route-patterns';

type Query = Readonly<Record<string, string | null | undefined>>;

/**
 * A route pattern with its `:name`s filled in, each encoded, and the query's non-blank keys after
 * it. Throws on a missing parameter: a link to "/p/undefined" is a bug, not an address.
 */
export function pathOf(pattern: string, params: Readonly<Record<string, string>> = {}, query: Query = {}): string {
  const path = pattern.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${pattern} needs :${name}`);
    return encodeURIComponent(value);
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/** What narrows the ledger, as address keys of the entries page. */
export interface EntriesQuery {
  year: string;
  stream?: string | null;
  organisation?: string | null;
  funder?: string | null;
  sector?: string | null;
  quarter?: string | null;
  kind?: string | null;
  wasted?: 'yes' | null;
  course?: string | null;
  session?: string | null;
}

/** What narrows the compliance matrix, and which subject or person it shows. */
export interface ComplianceQuery {
  subject?: string | null;
  status?: string | null;
  team?: string | null;
  person?: string | null;
}

/**
 * The one way the client builds an address with parameters or a query, a typed function per
 * route over its pattern in route-patterns.ts (fixed addresses are their patterns).
 */
export const paths = {
  partnership: (slug: string) => pathOf(PARTNERSHIP_PAGES.home, { slug }),
  findTraining: (slug: string) => pathOf(PARTNERSHIP_PAGES.findTraining, { slug }),
  session: (slug: string, id: string) => pathOf(PARTNERSHIP_PAGES.session, { slug, id }),
  /** Registering, then on to `next` (an address of this site). */
  register: (slug: string, next?: string | null) => pathOf(PARTNERSHIP_PAGES.register, { slug }, { next }),
  signedOut: (slug: string) => pathOf(PARTNERSHIP_PAGES.signedOut, { slug }),
  /** Signing in, then on to `next`; safe-next.ts's signInPath checks `next` first. */
  signIn: (next?: string | null) => pathOf(SITE_PAGES.signIn, {}, { next }),
  directoryEntryEdit: (organisationId: string) => pathOf(SITE_PAGES.directoryEntryEdit, { organisationId }),
  adminPeople: (query: { organisation?: string | null } = {}) => pathOf(AREA_PATHS.adminPeople, {}, query),
  organisationBookings: (query: { session?: string | null } = {}) => pathOf(AREA_PATHS.organisationBookings, {}, query),
  fundingOverview: (year: string | null) => pathOf(FUNDING_PATHS.overview, {}, { year }),
  fundingEntries: (query: EntriesQuery) => pathOf(FUNDING_PATHS.entries, {}, { ...query }),
  fundingStream: (id: string) => pathOf(SITE_PAGES.fundingStream, { id }),
  fundingOrganisation: (id: string, year: string | null) => pathOf(SITE_PAGES.fundingOrganisation, { id }, { year }),
  fundingAdmin: (year: string | null) => pathOf(FUNDING_PATHS.admin, {}, { year }),
  /** The server's exports of the funding page's tables (not a client page): GET, with the session cookie. */
  fundingExport: (slug: string, year: string, file: string) =>
    `/exports/funding/${encodeURIComponent(slug)}/${encodeURIComponent(year)}/${file}`,
  /** The compliance matrix, narrowed and shown one subject or one person at a time. */
  compliance: (query: ComplianceQuery = {}) => pathOf(COMPLIANCE_PATHS.organisation, {}, { ...query }),
  teamCompliance: (query: ComplianceQuery = {}) => pathOf(COMPLIANCE_PATHS.team, {}, { ...query }),
  sharedDemand: (slug: string) => pathOf(COMMISSIONING_PATHS.sharedDemand, { slug }),
  trainingNeeds: (slug: string) => pathOf(COMMISSIONING_PATHS.needs, { slug }),
  proposals: (slug: string) => pathOf(COMMISSIONING_PATHS.proposals, { slug }),
  /** "Propose a joint course", from a shared-demand group when given its key (its needs chosen). */
  propose: (slug: string, group?: string) => pathOf(COMMISSIONING_PATHS.propose, { slug }, { group }),
  proposal: (slug: string, id: string) => pathOf(COMMISSIONING_PATHS.proposal, { slug, id }),
  pledgeToProposal: (slug: string, id: string) => pathOf(COMMISSIONING_PATHS.pledge, { slug, id }),
  decideProposal: (slug: string, id: string) => pathOf(COMMISSIONING_PATHS.decideProposal, { slug, id }),
  raiseTrainingNeed: (slug: string) => pathOf(COMMISSIONING_PATHS.raiseNeed, { slug }),
  editCourse: (courseId: string) => pathOf(PROVIDER_PATHS.editCourse, { id: courseId }),
  feedback: (bookingId: string) => pathOf(EVALUATION_PATHS.feedback, { id: bookingId }),
  impactReview: (bookingId: string) => pathOf(EVALUATION_PATHS.impactReview, { id: bookingId }),
  newSession: (courseId: string) => pathOf(PROVIDER_PATHS.newSession, { id: courseId }),
  providerSession: (sessionId: string) => pathOf(PROVIDER_PATHS.session, { id: sessionId }),
  changeSession: (sessionId: string) => pathOf(PROVIDER_PATHS.changeSession, { id: sessionId }),
  providerRegister: (sessionId: string) => pathOf(PROVIDER_PATHS.register, { id: sessionId }),
  personLearningRecord: (personId: string) => pathOf(RECORDS_PATHS.personRecord, { personId }),
  /** An organisation's compliance settings; without one, the lead's own (an administrator chooses). */
  complianceSettings: (organisationId?: string | null) => pathOf(COMPLIANCE_PATHS.settings, {}, { organisation: organisationId }),
  /** A lead's organisation's people and their records, searched and paged. */
  organisationRecords: (query: { organisation?: string | null; search?: string | null; after?: string | null } = {}) =>
    pathOf(RECORDS_PATHS.organisationRecords, {}, { ...query }),
} as const;
