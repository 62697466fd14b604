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

/** Statuses in which a booking occupies a seat (and commits its cost). */
export const SEAT_HOLDING_STATUSES: readonly BookingStatus[] = ['requested', 'confirmed', 'attended', 'no_show'];

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

/** Everything generated for one partnership, in insertion (foreign key) order. */
export interface PartnershipRows {
  partnership: PartnershipRow;
  sectorGroups: SectorGroupRow[];
  organisations: OrganisationRow[];
  people: PersonRow[];
  roleGrants: RoleGrantRow[];
  venues: VenueRow[];
  courses: CourseRow[];
  sessions: TrainingSessionRow[];
  seatAllocations: SeatAllocationRow[];
  bookings: BookingRow[];
}
