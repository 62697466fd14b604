import type { LearningCategory, LearningMethod } from '@portal/domain';

/**
 * The demo's rows exactly as the tables hold them (snake_case columns), so that generating and
 * inserting need no mapping layer. Counters (seats_taken and friends) are absent on purpose:
 * they are recomputed from the bookings in SQL after the insert, so they cannot disagree.
 */
export type Sector =
  | 'acute_trust' | 'primary_care' | 'mental_health' | 'ambulance' | 'local_authority' | 'childrens_services'
  | 'voluntary' | 'general_practice' | 'dentistry' | 'pharmacy' | 'optometry' | 'care_home'
  | 'domiciliary_care' | 'education_provider' | 'fire_and_rescue';
export type OrganisationRole = 'core_stakeholder' | 'affected' | 'provider';
export type PersonKind = 'staff' | 'volunteer';
export type Role =
  | 'volunteer' | 'learner' | 'line_manager' | 'ld_lead' | 'provider_coordinator' | 'steering_group'
  | 'partnership_admin';
export type Method = LearningMethod;
export type { LearningCategory };
export type Accreditation = 'none' | 'btec' | 'ilm' | 'sfj' | 'ocr' | 'cpd' | 'university' | 'other';
export type Audience = 'staff' | 'volunteers' | 'both';
export type Visibility = 'public' | 'partnership' | 'organisation';
export type DeliveryMode = 'in_person' | 'online' | 'blended';
export type SessionStatus = 'scheduled' | 'cancelled' | 'completed';
export type BookingStatus = 'requested' | 'confirmed' | 'waitlisted' | 'declined' | 'cancelled' | 'attended' | 'no_show';
export type FunderKind = 'partner' | 'nhs_education' | 'apprenticeship_levy' | 'council_grant' | 'charity_grant' | 'in_kind' | 'other';
export type FundingPurpose =
  | 'mandatory_training' | 'clinical_skills' | 'leadership' | 'apprenticeships' | 'care_certificate' | 'volunteer_development'
  | 'digital_skills' | 'wellbeing';

export interface PartnershipRow {
  id: string;
  slug: string;
  name: string;
  financial_year_start_month: number;
  time_zone: string;
  created_at: Date;
}

export interface SectorGroupRow {
  id: string;
  partnership_id: string;
  name: string;
}

export interface OrganisationRow {
  id: string;
  partnership_id: string;
  name: string;
  short_code: string;
  sector: Sector;
  role: OrganisationRole;
  delivers_training: boolean;
  sector_group_id: string | null;
  staff_headcount: number;
  volunteer_headcount: number;
  org_id: string;
  description: string;
  website: string;
  contact_email: string;
  contact_phone: string;
  created_at: Date;
}

export interface PersonRow {
  id: string;
  partnership_id: string;
  organisation_id: string | null;
  kind: PersonKind;
  line_manager_id: string | null;
  name: string;
  email: string;
  job_title: string | null;
  team: string | null;
  created_at: Date;
}

export interface RoleGrantRow {
  id: string;
  partnership_id: string;
  person_id: string;
  role: Role;
  organisation_id: string | null;
  granted_at: Date;
}

export interface CourseRow {
  id: string;
  partnership_id: string;
  provider_organisation_id: string;
  title: string;
  summary: string;
  learning_outcomes: string[];
  method: Method;
  learning_category: LearningCategory;
  learning_category_overridden: boolean;
  duration_minutes: number;
  accreditation: Accreditation;
  cpd_points: number | null;
  ksf_dimensions: string[];
  mandatory_subject: string | null;
  audience: Audience;
  eligible_sectors: string[];
  visibility: Visibility;
  visibility_organisation_id: string | null;
  cost_per_place_pence: number;
  is_joint: boolean;
  /** Set by the funding generator after the streams exist (null: a free course, paid by no stream). */
  funding_stream_id?: string | null;
  created_at: Date;
}

export interface VenueRow {
  id: string;
  partnership_id: string;
  name: string;
  address: string;
  town: string;
  postcode: string;
  latitude: number;
  longitude: number;
}

export interface TrainingSessionRow {
  id: string;
  partnership_id: string;
  course_id: string;
  starts_at: Date;
  ends_at: Date;
  delivery_mode: DeliveryMode;
  venue_id: string | null;
  capacity: number;
  booking_closes_at: Date;
  release_at: Date;
  status: SessionStatus;
  /** Set only where it differs from the course's stream: sessions of the previous financial year. */
  funding_stream_id?: string | null;
  /** The approved commissioning proposal that scheduled it. */
  proposal_id?: string | null;
  created_at: Date;
}

export interface SeatAllocationRow {
  id: string;
  partnership_id: string;
  session_id: string;
  organisation_id: string;
  seats: number;
}

export interface BookingRow {
  id: string;
  partnership_id: string;
  session_id: string;
  person_id: string;
  organisation_id: string | null;
  status: BookingStatus;
  seat_organisation_id: string | null;
  booked_by_person_id: string | null;
  cost_pence: number;
  waitlisted_at: Date | null;
  cancelled_at: Date | null;
  cancelled_late: boolean | null;
  created_at: Date;
  updated_at: Date;
}

export interface FundingStreamRow {
  id: string;
  partnership_id: string;
  name: string;
  description: string;
  funder_kind: FunderKind;
  funder_name: string;
  funder_organisation_id: string | null;
  financial_year: string;
  year_starts_at: Date;
  year_ends_at: Date;
  audience: Audience;
  eligible_sectors: string[];
  purposes: string[];
  pooled: boolean;
  managing_organisation_id: string;
  /** The running totals: the sums of the stream's entries, as ledger.ts would have left them. */
  budget_pence: number;
  committed_pence: number;
  spent_pence: number;
  entry_count: number;
  created_by_person_id: string | null;
  created_at: Date;
}

export type LedgerKind = 'budget' | 'contribution' | 'allocation' | 'commitment' | 'release' | 'spend' | 'adjustment';

export interface LedgerEntryRow {
  id: string;
  partnership_id: string;
  stream_id: string;
  sequence: number;
  kind: LedgerKind;
  amount_pence: number;
  budget_effect_pence: number;
  committed_effect_pence: number;
  spent_effect_pence: number;
  budget_after_pence: number;
  committed_after_pence: number;
  spent_after_pence: number;
  organisation_id: string | null;
  course_id: string | null;
  session_id: string | null;
  booking_id: string | null;
  reverses_entry_id: string | null;
  wasted: boolean;
  occurred_at: Date;
  quarter: number;
  reason: string;
  idempotency_key: string | null;
  recorded_by_person_id: string | null;
  recorded_at: Date;
  /** A commissioning pledge's money: its proposal and pledge (both, or neither). */
  proposal_id?: string | null;
  pledge_id?: string | null;
}

export interface TrainingNeedRow {
  id: string;
  partnership_id: string;
  organisation_id: string;
  raised_by_person_id: string;
  scope: 'organisation' | 'team' | 'person';
  team_manager_person_id: string | null;
  for_person_id: string | null;
  topic: string;
  detail: string;
  mandatory_subject: string | null;
  ksf_dimension: string | null;
  people_count: number;
  audience: Audience;
  priority: 'high' | 'medium' | 'low';
  /** YYYY-MM-DD in the partnership's calendar. */
  wanted_by: string;
  /** OPEN here; GROUPED is set after the insert by the services' own rule (refreshNeedGrouping). */
  status: 'open' | 'in_proposal' | 'met' | 'withdrawn';
  met_by_course_id: string | null;
  withdrawn_reason: string | null;
  withdrawn_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface ProposalRow {
  id: string;
  partnership_id: string;
  proposed_by_person_id: string;
  proposing_organisation_id: string;
  title: string;
  summary: string;
  course_id: string | null;
  draft_course: Record<string, unknown> | null;
  financial_year: string;
  sessions_planned: number;
  seats_per_session: number;
  estimated_cost_pence: number;
  pledge_deadline: Date;
  status: 'open' | 'approved' | 'declined' | 'lapsed';
  decided_by_person_id: string | null;
  decided_at: Date | null;
  decision_reason: string | null;
  shortfall_accepted_pence: number | null;
  created_at: Date;
}

export interface DeliveryOptionRow {
  id: string;
  partnership_id: string;
  proposal_id: string;
  position: number;
  kind: 'internal' | 'external';
  provider_organisation_id: string | null;
  provider_name: string | null;
  quoted_cost_pence: number;
  notes: string;
  chosen: boolean;
}

export interface ProposalNeedRow {
  partnership_id: string;
  proposal_id: string;
  need_id: string;
}

export interface PledgeRow {
  id: string;
  partnership_id: string;
  proposal_id: string;
  organisation_id: string;
  pledged_by_person_id: string;
  seats: number;
  amount_pence: number;
  stream_id: string | null;
  status: 'active' | 'withdrawn' | 'released' | 'converted';
  created_at: Date;
  ended_at: Date | null;
  ended_by_person_id: string | null;
}

/** What the services write to the audit log along with a change (audit_log.id is generated). */
export interface AuditLogRow {
  partnership_id: string;
  actor_person_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  details: Record<string, unknown>;
  ip_address: string | null;
  request_id: string;
  occurred_at: Date;
}

/** Everything generated for one partnership, in insertion (foreign key) order. */
export interface PartnershipRows {
  partnership: PartnershipRow;
  sectorGroups: SectorGroupRow[];
  organisations: OrganisationRow[];
  people: PersonRow[];
  roleGrants: RoleGrantRow[];
  fundingStreams: FundingStreamRow[];
  venues: VenueRow[];
  courses: CourseRow[];
  sessions: TrainingSessionRow[];
  seatAllocations: SeatAllocationRow[];
  bookings: BookingRow[];
  ledgerEntries: LedgerEntryRow[];
  trainingNeeds: TrainingNeedRow[];
  proposals: ProposalRow[];
  deliveryOptions: DeliveryOptionRow[];
  proposalNeeds: ProposalNeedRow[];
  pledges: PledgeRow[];
  auditLog: AuditLogRow[];
}
