import { registerEnumType } from 'type-graphql';

// GraphQL shows the keys; the values are what the database stores.
export enum DeliveryMode { IN_PERSON = 'in_person', ONLINE = 'online', BLENDED = 'blended' }
export enum SessionStatus { SCHEDULED = 'scheduled', CANCELLED = 'cancelled', COMPLETED = 'completed' }
/** Who a search is for. A course for BOTH matches either. */
export enum Audience { STAFF = 'staff', VOLUNTEERS = 'volunteers' }
export enum CourseAudience { STAFF = 'staff', VOLUNTEERS = 'volunteers', BOTH = 'both' }
export enum LearningMethod {
  CLASSROOM = 'classroom', E_LEARNING = 'e_learning', BLENDED = 'blended', WEBINAR = 'webinar',
  COACHING = 'coaching', MENTORING = 'mentoring', WORK_SHADOWING = 'work_shadowing', SECONDMENT = 'secondment',
  WORK_PLACEMENT = 'work_placement', OUTDOOR = 'outdoor', DISTANCE = 'distance',
}
export enum LearningCategory { EXPERIENTIAL = 'experiential', SOCIAL = 'social', FORMAL = 'formal' }
export enum Accreditation {
  NONE = 'none', BTEC = 'btec', ILM = 'ilm', SFJ = 'sfj', OCR = 'ocr', CPD = 'cpd', UNIVERSITY = 'university', OTHER = 'other',
}
/** The order of search results: soonest first, or nearest first (a town or a point to measure from). */
export enum SessionSort { DATE = 'date', DISTANCE = 'distance' }
/** How a session's seats stand for the caller, by one rule (packages/domain/src/seat-availability.ts). */
export enum SeatAvailability { AVAILABLE = 'available', FEW_LEFT = 'few_left', FULL = 'full' }
export enum CourseVisibility { PUBLIC = 'public', PARTNERSHIP = 'partnership', ORGANISATION = 'organisation' }

registerEnumType(DeliveryMode, { name: 'DeliveryMode' });
registerEnumType(SessionSort, { name: 'SessionSort', description: 'DATE: soonest first. DISTANCE: nearest venue first, online sessions last; needs filter.town or filter.near.' });
registerEnumType(SeatAvailability, { name: 'SeatAvailability', description: 'FEW_LEFT: 3 seats or fewer left for the caller.' });
registerEnumType(SessionStatus, { name: 'SessionStatus' });
registerEnumType(Audience, { name: 'Audience', description: 'Staff or volunteers; a course for both matches either.' });
registerEnumType(CourseAudience, { name: 'CourseAudience' });
registerEnumType(LearningMethod, { name: 'LearningMethod' });
registerEnumType(LearningCategory, { name: 'LearningCategory', description: 'The 70:20:10 category.' });
registerEnumType(Accreditation, { name: 'Accreditation' });
registerEnumType(CourseVisibility, { name: 'CourseVisibility' });
