import type {
  Accreditation, CourseAudience, DeliveryMode, LearningCategory, LearningMethod, SeatAvailability,
} from '../gql/graphql';

/** Words for what the API gives as codes and numbers, in the NHS.UK content style. */

export function seatsLeftText(seatsLeft: number): string {
  if (seatsLeft <= 0) return 'Fully booked';
  return seatsLeft === 1 ? '1 seat left' : `${seatsLeft} seats left`;
}

/** The tag a result carries when its seats are worth a glance; none when there are plenty (the server's rule). */
export const SEAT_TAG: Partial<Record<SeatAvailability, { text: string; colour: 'grey' | 'orange' }>> = {
  FULL: { text: 'Fully booked', colour: 'grey' },
  FEW_LEFT: { text: 'Few seats left', colour: 'orange' },
};

/** The format on a result card: short, since the place beside it says "(and online)" for blended. */
export const FORMAT_TEXT: Record<DeliveryMode, string> = { IN_PERSON: 'In person', ONLINE: 'Online', BLENDED: 'Blended' };

const LONDON_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });
const londonDayNumber = (instant: string | Date) => Date.parse(`${LONDON_DAY.format(new Date(instant))}T00:00:00Z`) / 86_400_000;

/** How long a session runs: "3 hours", "1 hour 30 minutes" under a day; else the UK calendar days it spans ("2 days"). */
export function sessionLengthText(startsAt: string | Date, endsAt: string | Date): string {
  const hours = (new Date(endsAt).getTime() - new Date(startsAt).getTime()) / 3_600_000;
  if (hours < 24) return durationText(hours);
  return `${londonDayNumber(endsAt) - londonDayNumber(startsAt) + 1} days`;
}

/** How far a venue is from the town searched for: tenths of a kilometre when near, whole kilometres beyond 10. */
export function distanceText(km: number): string {
  const tenths = Math.round(km * 10) / 10;
  if (tenths < 0.1) return 'Less than 0.1 km away';
  return tenths < 10 ? `${tenths.toFixed(1)} km away` : `${Math.round(km).toLocaleString('en-GB')} km away`;
}

export function costText(course: { isFree: boolean; costPerPlace: { formatted: string } }): string {
  return course.isFree ? 'Free' : course.costPerPlace.formatted;
}

/** "Online", or where to go: "Town Hall, Peterborough"; blended sessions say they are part online. */
export function placeText(session: { deliveryMode: DeliveryMode; venue: { name: string; town: string } | null }): string {
  const { venue, deliveryMode } = session;
  if (!venue || deliveryMode === 'ONLINE') return 'Online';
  const place = `${venue.name}, ${venue.town}`;
  return deliveryMode === 'BLENDED' ? `${place} (and online)` : place;
}

export const DELIVERY_MODE_TEXT: Record<DeliveryMode, string> = {
  ONLINE: 'Online', IN_PERSON: 'In person', BLENDED: 'Blended (online and in person)',
};

export const METHOD_TEXT: Record<LearningMethod, string> = {
  BLENDED: 'Blended learning', CLASSROOM: 'Classroom', COACHING: 'Coaching', DISTANCE: 'Distance learning',
  E_LEARNING: 'E-learning', MENTORING: 'Mentoring', OUTDOOR: 'Outdoor learning', SECONDMENT: 'Secondment',
  WEBINAR: 'Webinar', WORK_PLACEMENT: 'Work placement', WORK_SHADOWING: 'Work shadowing',
};

/** The 70:20:10 model: 70% from experience, 20% from others, 10% from formal learning. */
export const LEARNING_CATEGORY_TEXT: Record<LearningCategory, string> = {
  EXPERIENTIAL: 'Experiential (the 70: learning by doing)',
  SOCIAL: 'Social (the 20: learning from others)',
  FORMAL: 'Formal (the 10: courses and study)',
};

export const ACCREDITATION_TEXT: Record<Accreditation, string> = {
  NONE: 'None', BTEC: 'BTEC', CPD: 'CPD points', ILM: 'ILM', OCR: 'OCR', OTHER: 'Other accreditation',
  SFJ: 'Skills for Justice (SFJ)', UNIVERSITY: 'University credits',
};

export const COURSE_AUDIENCE_TEXT: Record<CourseAudience, string> = {
  BOTH: 'Staff and volunteers', STAFF: 'Staff only', VOLUNTEERS: 'Volunteers',
};

/** "3 hours", "1 hour 30 minutes", "45 minutes" */
export function durationText(hours: number): string {
  const totalMinutes = Math.round(hours * 60);
  const whole = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  const parts = [];
  if (whole) parts.push(whole === 1 ? '1 hour' : `${whole} hours`);
  if (minutes || !whole) parts.push(minutes === 1 ? '1 minute' : `${minutes} minutes`);
  return parts.join(' ');
}

export function accreditationText(accreditation: Accreditation, cpdPoints: number | null | undefined): string {
  if (accreditation === 'CPD' && cpdPoints) return cpdPoints === 1 ? '1 CPD point' : `${cpdPoints} CPD points`;
  return ACCREDITATION_TEXT[accreditation];
}
