import type {
  Accreditation, Audience, DeliveryMode, FunderKind, FundingPurpose, LearningCategory, Method, OrganisationRole, Role, Sector,
  Visibility,
} from './rows';

/**
 * What a demo partnership is made of, as hand-written data. The generators turn a spec plus
 * target sizes into rows, so the main partnership and the small second one share all the code.
 */
export interface OrganisationSpec {
  code: string;
  name: string;
  sector: Sector;
  role: OrganisationRole;
  deliversTraining: boolean;
  sectorGroup?: string;
  /** Real-world headcounts; generated people are spread across organisations in proportion. */
  staff: number;
  volunteers: number;
  /** Email domain of its people, before `.example`. */
  domain: string;
  leadTitle: string;
  /** Its registered identifier, as org-id.guide writes it (GB-NHS-RGN, GB-CHC-…, GB-COH-…, GB-LAE-…). */
  orgId: string;
  /**
   * Where the identifier comes from. 'real': the body's own code; 'successor': the code of the body
   * that took it over (the strategy names bodies since merged); 'unverified': the register's code as
   * it is believed to be; 'invented': made up for the demo, well-formed but no real body's (company
   * numbers 99000001 up and charity numbers 1999001 up are beyond any yet issued; ODS codes start with Z).
   */
  orgIdIs: 'real' | 'successor' | 'unverified' | 'invented';
  /** What its directory entry says it does. */
  about: string;
}

export interface VenueSpec {
  name: string;
  address: string;
  town: string;
  postcode: string;
  latitude: number;
  longitude: number;
  /** Organisation codes that train here by preference. */
  usedBy: readonly string[];
}

export interface CourseTemplate {
  title: string;
  summary: string;
  outcomes: readonly string[];
  method: Method;
  minutes: number;
  provider: string;
  audience: Audience;
  /** Cost per place in whole pounds; 0 is free. */
  pounds: number;
  visibility?: Visibility;
  /** For visibility 'organisation': the organisation code the course is visible to. */
  visibleTo?: string;
  joint?: boolean;
  mandatory?: string;
  ksf: readonly string[];
  accreditation?: Accreditation;
  cpdPoints?: number;
  sectors?: readonly Sector[];
  /** Overrides the 70:20:10 category the method implies. */
  category?: LearningCategory;
}

/** A hand-placed session a journey depends on, created whatever the random draw does. */
export interface SessionAnchor {
  courseTitle: string;
  daysFromNow: number;
  mode: DeliveryMode;
  /** Venue name, for in-person and blended sessions. */
  venue?: string;
  capacity: number;
  startHour: number;
  startMinute: number;
  allocations?: readonly { code: string; seats: number }[];
  /** How many bookings it gets; beyond capacity they wait. */
  bookings: number;
  /** Organisations whose people are not booked on it (so their allocation stays free). */
  excludeBookersFrom?: readonly string[];
}

/** Which generated person a demo account takes over. */
export type DemoSlot =
  | 'lead' | 'coordinator' | 'first-team-manager' | 'first-team-member' | 'first-volunteer' | 'spare-member';

export interface DemoAccountSpec {
  email: string;
  name: string;
  organisation: string;
  slot: DemoSlot;
  jobTitle?: string;
  team?: string;
  /** Exactly the roles the account holds; organisation null: partnership-wide. */
  roles: readonly { role: Role; organisation: string | null }[];
}

/**
 * A funding stream, set up for the current financial year and (by default) the one before it
 * under the same name. Amounts are the current year's in whole pounds; the year before had a
 * little less. Either `pounds` (one BUDGET entry from the funder) or `contributions` (a pooled
 * stream: one CONTRIBUTION entry per partner). A budget is raised when the demo's bookings need
 * more, so that no stream is ever committed past its budget.
 */
export interface FundingStreamSpec {
  name: string;
  description: string;
  funderKind: FunderKind;
  /** For a partner funder, the organisation's code; otherwise the outside funder's name. */
  funder: string;
  /** The organisation whose budget holder manages the stream. */
  managedBy: string;
  audience: Audience;
  /** Empty or absent: every sector. */
  sectors?: readonly Sector[];
  /** Empty: any learning. */
  purposes: readonly FundingPurpose[];
  pounds?: number;
  contributions?: readonly { code: string; pounds: number }[];
  /** 'current': new this year, with no stream last year. Streams that pay for courses run both years. */
  years?: 'both' | 'current';
  /** The paid courses (and their variants) charged to it, by catalogue title. Each paid course has exactly one stream. */
  courses?: readonly string[];
  /** Free courses whose delivery it pays for by invoice (trainer days, venues, licences). */
  delivers?: readonly string[];
  /** Organisations its invoices and allocations name, by code; absent: any organisation it may pay for. */
  organisations?: readonly string[];
  /**
   * What its invoices say. {course} names one of its courses (and makes the entry the course's,
   * paid to its provider), {organisation} one of its organisations, {month} the month, {invoice}
   * an invoice number.
   */
  invoices: readonly string[];
  /** What its allocations earmark money for; each names a {course} or an {organisation}. */
  allocations: readonly string[];
}

export interface PartnershipSpec {
  slug: string;
  name: string;
  sectorGroups: readonly string[];
  organisations: readonly OrganisationSpec[];
  /** Volunteers who belong to no organisation. */
  independentVolunteers: boolean;
  venues: readonly VenueSpec[];
  /** In priority order: with fewer courses requested, the first ones are kept. */
  courses: readonly CourseTemplate[];
  anchors: readonly SessionAnchor[];
  demoAccounts: readonly DemoAccountSpec[];
  funding: readonly FundingStreamSpec[];
}

export interface TargetSizes {
  people: number;
  courses: number;
  sessions: number;
  bookings: number;
  /** About this many ledger entries: bookings post theirs, and invoices and allocations recorded by hand make up the rest. */
  ledgerEntries: number;
}
