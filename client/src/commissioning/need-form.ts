import type { CourseAudience, RaiseTrainingNeedInput, TrainingNeedPriority, TrainingNeedScope } from '../gql/graphql';
import { tooLong, tooLongMessage } from '../ui/field-checks';
import type { FieldError } from '../ui/form-errors';
import { isRealCalendarDate, toIsoCalendarDate, UK_TIME_ZONE, type CalendarDate } from '../ui/uk-date-time';

/** What the "Raise a training need" form holds while it is filled in: text, as typed. */
export interface NeedForm {
  scope: TrainingNeedScope | '';
  topic: string;
  detail: string;
  mandatorySubject: string;
  ksfDimension: string;
  peopleCount: string;
  audience: CourseAudience | '';
  priority: TrainingNeedPriority | '';
  wantedBy: { day: string; month: string; year: string };
}

/** The form's fields by the API's path under input. */
export type NeedField = 'scope' | 'organisationId' | 'topic' | 'detail' | 'mandatorySubject' | 'ksfDimension' | 'peopleCount'
  | 'audience' | 'priority' | 'wantedBy';

export const NEED_FIELDS: NeedField[] = [
  'scope', 'organisationId', 'topic', 'detail', 'mandatorySubject', 'ksfDimension', 'peopleCount', 'audience', 'priority', 'wantedBy',
];

export const EMPTY_NEED_FORM: NeedForm = {
  scope: '', topic: '', detail: '', mandatorySubject: '', ksfDimension: '', peopleCount: '', audience: '', priority: '',
  wantedBy: { day: '', month: '', year: '' },
};

const KSF_DIMENSION = /^[A-Z]{1,3}[0-9]{1,2}$/;
const MAX_PEOPLE = 100_000;

/**
 * The API's input from the form, or what must be fixed first: every field's problem at once, each
 * the API's rule (the same words) or looser. `today` is London's date; the API judges the past again.
 */
export function needInputFrom(form: NeedForm, today: CalendarDate): { input: RaiseTrainingNeedInput | null; errors: Array<FieldError<NeedField>> } {
  const errors: Array<FieldError<NeedField>> = [];
  if (!form.scope) errors.push({ field: 'scope', message: 'Select who the training is for' });
  if (!form.topic.trim()) errors.push({ field: 'topic', message: 'Enter the topic' });
  else if (tooLong(form.topic, 200)) errors.push({ field: 'topic', message: tooLongMessage('Topic', 200) });
  if (tooLong(form.detail, 2000)) errors.push({ field: 'detail', message: tooLongMessage('Detail', 2000) });
  const ksf = form.ksfDimension.trim().toUpperCase();
  if (ksf && !KSF_DIMENSION.test(ksf)) errors.push({ field: 'ksfDimension', message: 'Write the KSF dimension like C3 or HWB5' });

  let peopleCount: number | null = null;
  if (form.scope !== 'PERSON') {
    const typed = form.peopleCount.replace(/,/g, '').trim();
    if (!typed) errors.push({ field: 'peopleCount', message: 'Enter the number of people' });
    else if (!/^-?\d+(\.\d+)?$/.test(typed)) errors.push({ field: 'peopleCount', message: 'The number of people must be a whole number, like 12' });
    else if (!Number.isInteger(Number(typed))) errors.push({ field: 'peopleCount', message: 'The number of people must be a whole number, like 12' });
    else if (Number(typed) < 1) errors.push({ field: 'peopleCount', message: 'The number of people must be 1 or more' });
    else if (Number(typed) > MAX_PEOPLE) errors.push({ field: 'peopleCount', message: 'The number of people must be 100,000 or fewer' });
    else peopleCount = Number(typed);
  }
  if (!form.audience) errors.push({ field: 'audience', message: 'Select whether it is for staff, volunteers or both' });
  if (!form.priority) errors.push({ field: 'priority', message: 'Select the priority' });

  const { day, month, year } = form.wantedBy;
  let wantedBy: string | null = null;
  if (!day.trim() && !month.trim() && !year.trim()) {
    errors.push({ field: 'wantedBy', message: 'Enter the date the training is wanted by' });
  } else {
    const date = { day: Number(day.trim()), month: Number(month.trim()), year: Number(year.trim()) };
    if (!isRealCalendarDate(date)) {
      errors.push({ field: 'wantedBy', message: 'The date the training is wanted by must be a real date, like 31 3 2027' });
    } else if (toIsoCalendarDate(date) < toIsoCalendarDate(today)) {
      errors.push({ field: 'wantedBy', message: 'The date the training is wanted by must be today or in the future' });
    } else {
      wantedBy = toIsoCalendarDate(date);
    }
  }
  if (errors.length || !form.scope || !form.audience || !form.priority || !wantedBy) return { input: null, errors };
  return {
    input: {
      scope: form.scope, topic: form.topic.trim(), detail: form.detail.trim() || null, mandatorySubject: form.mandatorySubject || null,
      ksfDimension: ksf || null, peopleCount, audience: form.audience, priority: form.priority, wantedBy,
    },
    errors,
  };
}

/** Today on London's calendar, whatever the device's zone. */
export function londonToday(now: Date = new Date()): CalendarDate {
  const [year, month, day] = new Intl.DateTimeFormat('en-CA', { timeZone: UK_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(now).split('-').map(Number);
  return { year, month, day };
}
