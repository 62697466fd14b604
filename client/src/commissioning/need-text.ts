import type { CourseAudience, TrainingNeedPriority, TrainingNeedScope, TrainingNeedStatus } from '../gql/graphql';

type TagColour = 'white' | 'grey' | 'green' | 'aqua-green' | 'blue' | 'purple' | 'pink' | 'red' | 'orange' | 'yellow';

/** A need's status as a tag. IN_PROPOSAL reads "In commissioning": a proposal is being pledged to or has been approved. */
export const NEED_STATUS: Record<TrainingNeedStatus, { text: string; tag: TagColour }> = {
  OPEN: { text: 'Open', tag: 'blue' },
  GROUPED: { text: 'Grouped', tag: 'purple' },
  IN_PROPOSAL: { text: 'In commissioning', tag: 'orange' },
  MET: { text: 'Met', tag: 'green' },
  WITHDRAWN: { text: 'Withdrawn', tag: 'grey' },
};

export const NEED_SCOPE_TEXT: Record<TrainingNeedScope, string> = {
  ORGANISATION: 'Organisation', TEAM: 'Team', PERSON: 'One person (from a 1:1)',
};

export const PRIORITY_TEXT: Record<TrainingNeedPriority, string> = { HIGH: 'High', MEDIUM: 'Medium', LOW: 'Low' };

export const AUDIENCE_TEXT: Record<CourseAudience, string> = { STAFF: 'Staff', VOLUNTEERS: 'Volunteers', BOTH: 'Staff and volunteers' };

export const COMMISSIONING_AUDIENCE = {
  roles: ['LD_LEAD', 'STEERING_GROUP', 'PARTNERSHIP_ADMIN'],
  needs: 'an L&D lead, a steering group member or an administrator',
  who: 'L&D leads, steering group members and partnership administrators',
} as const;

export const NEEDS_AUDIENCE = { needs: 'signed in', who: 'Members of the partnership who are signed in' };

/** "2027-03-31" → "31 March 2027": a calendar date, with no zone to shift it. */
export function formatCalendarDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' })
    .format(new Date(Date.UTC(year, month - 1, day)));
}

export const peopleText = (count: number) => `${count.toLocaleString('en-GB')} ${count === 1 ? 'person' : 'people'}`;
