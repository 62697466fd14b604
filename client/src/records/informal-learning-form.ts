import type { InformalLearningKind, LogInformalLearningInput } from '../gql/graphql';
import { tooLong, tooLongMessage } from '../ui/field-checks';
import type { FieldError } from '../ui/form-errors';
import { isRealCalendarDate, toIsoCalendarDate, type CalendarDate } from '../ui/uk-date-time';

/** What the "Log informal learning" form holds while it is filled in: text as typed, and the chosen file. */
export interface InformalLearningForm {
  kind: InformalLearningKind | '';
  learnedOn: { day: string; month: string; year: string };
  hours: string;
  description: string;
  evidenceUrl: string;
  file: { name: string; size: number } | null;
}

export type InformalLearningField = 'kind' | 'learnedOn' | 'hours' | 'description' | 'evidenceUrl' | 'evidenceFileId';
export const INFORMAL_LEARNING_FIELDS: InformalLearningField[] = ['kind', 'learnedOn', 'hours', 'description', 'evidenceUrl', 'evidenceFileId'];

export const EMPTY_INFORMAL_LEARNING_FORM: InformalLearningForm = {
  kind: '', learnedOn: { day: '', month: '', year: '' }, hours: '', description: '', evidenceUrl: '', file: null,
};

export const KIND_TEXT: Record<InformalLearningKind, { text: string; hint: string }> = {
  SHADOWING: { text: 'Work shadowing', hint: 'Learning on the job by watching a colleague (70: experience)' },
  COACHING: { text: 'Coaching', hint: 'Learning from others (20: social)' },
  MENTORING: { text: 'Mentoring', hint: 'Learning from others (20: social)' },
  E_LEARNING: { text: 'E-learning done elsewhere', hint: 'A module on another site, such as the e-Learning for Healthcare hub (10: formal)' },
  READING: { text: 'Reading', hint: 'Guidance, articles or books (10: formal)' },
};

export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;
const MAX_DESCRIPTION = 2000;

/**
 * The API's input from the form (without the file, which is uploaded first), or what must be fixed:
 * every field's problem at once, in the API's words. `today` is London's date; the API judges again,
 * and the file's type by its content.
 */
export function informalLearningInputFrom(form: InformalLearningForm, today: CalendarDate): {
  input: Omit<LogInformalLearningInput, 'evidenceFileId'> | null; errors: Array<FieldError<InformalLearningField>>;
} {
  const errors: Array<FieldError<InformalLearningField>> = [];
  if (!form.kind) errors.push({ field: 'kind', message: 'Select the kind of learning' });
  const { day, month, year } = form.learnedOn;
  let learnedOn: string | null = null;
  if (!day.trim() && !month.trim() && !year.trim()) errors.push({ field: 'learnedOn', message: 'Enter the date you did the learning' });
  else {
    const date = { day: Number(day.trim()), month: Number(month.trim()), year: Number(year.trim()) };
    if (!isRealCalendarDate(date)) errors.push({ field: 'learnedOn', message: 'The date you did the learning must be a real date' });
    else if (toIsoCalendarDate(date) > toIsoCalendarDate(today)) errors.push({ field: 'learnedOn', message: 'The date you did the learning must be today or in the past' });
    else learnedOn = toIsoCalendarDate(date);
  }
  const typed = form.hours.trim();
  let hours: number | null = null;
  if (!typed) errors.push({ field: 'hours', message: 'Enter the number of hours' });
  else if (!/^\d+(\.\d{1,2})?$/.test(typed)) errors.push({ field: 'hours', message: 'The number of hours must be a number with 2 decimal places or fewer, like 1.5' });
  else if (Number(typed) <= 0) errors.push({ field: 'hours', message: 'The number of hours must be more than 0' });
  else if (Number(typed) >= 1000) errors.push({ field: 'hours', message: 'The number of hours must be less than 1,000' });
  else hours = Number(typed);
  if (!form.description.trim()) errors.push({ field: 'description', message: 'Enter what you learned' });
  else if (tooLong(form.description, MAX_DESCRIPTION)) errors.push({ field: 'description', message: tooLongMessage('What you learned', MAX_DESCRIPTION) });
  const url = form.evidenceUrl.trim();
  if (url && !/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(url)) {
    errors.push({ field: 'evidenceUrl', message: 'Enter the evidence link as a web address, like https://example.org/certificate' });
  }
  if (form.file && form.file.size > MAX_EVIDENCE_BYTES) errors.push({ field: 'evidenceFileId', message: 'The selected file must be smaller than 5 MB' });
  if (form.file && form.file.size === 0) errors.push({ field: 'evidenceFileId', message: 'The selected file is empty' });
  if (errors.length || !form.kind || !learnedOn || hours === null) return { input: null, errors };
  return { input: { kind: form.kind, learnedOn, hours, description: form.description.trim(), evidenceUrl: url || null }, errors };
}
