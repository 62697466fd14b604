import type { CourseAudience, LearningMethod, ProposeCommissioningInput } from '../gql/graphql';
import type { ApiFieldError, FieldError } from '../ui/form-errors';
import { fieldErrorsFrom } from '../ui/form-errors';
import { isPounds, tooLong, tooLongMessage } from '../ui/field-checks';
import { londonInstant } from '../provider/london-time';

/**
 * The "Propose a joint course" form's own checks, each the API's rule or looser (the API judges the
 * rest: a need already in a proposal, a subject that does not exist, a deadline in the past), every
 * field at once. A commissioned course is paid for by the pledges, so a new one costs a place nothing.
 */
export interface DeliveryOptionRow {
  /** A partner organisation's id, or EXTERNAL for a provider outside the partnership. */
  provider: string;
  providerName: string;
  quotedCost: string;
}
export const EXTERNAL = 'external';

export interface ProposeForm {
  /** Each chosen option of the needs list; an option stands for one or more needs. */
  needOptions: string[];
  title: string;
  summary: string;
  course: 'existing' | 'new' | '';
  courseId: string;
  newCourse: {
    title: string; summary: string; method: LearningMethod | ''; durationHours: string; audience: CourseAudience | '';
    mandatorySubject: string; providerOrganisationId: string;
  };
  deliveryOptions: DeliveryOptionRow[];
  sessionsPlanned: string;
  seatsPerSession: string;
  estimatedCost: string;
  financialYear: string;
  /** YYYY-MM-DD: pledges close at the end of that day, London time. */
  pledgeDeadline: string;
}

export const emptyDeliveryOption = (): DeliveryOptionRow => ({ provider: '', providerName: '', quotedCost: '' });

/** The UK financial year a day falls in, like "2026/27" (years start on 1 April). */
export function financialYearOn(day: Date): string {
  const start = day.getUTCMonth() >= 3 ? day.getUTCFullYear() : day.getUTCFullYear() - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

export function emptyProposeForm(needOptions: string[], today = new Date()): ProposeForm {
  return {
    needOptions, title: '', summary: '', course: '', courseId: '',
    newCourse: { title: '', summary: '', method: '', durationHours: '', audience: '', mandatorySubject: '', providerOrganisationId: '' },
    deliveryOptions: [emptyDeliveryOption()], sessionsPlanned: '', seatsPerSession: '', estimatedCost: '', financialYear: financialYearOn(today),
    pledgeDeadline: '',
  };
}

const OPTION_FIELDS = ['providerOrganisationId', 'providerName', 'quotedCost'] as const;
export type ProposeField = 'needIds' | 'title' | 'summary' | 'courseId' | 'newCourse' | 'newCourse.title' | 'newCourse.summary'
  | 'newCourse.method' | 'newCourse.durationHours' | 'newCourse.audience' | 'newCourse.mandatorySubject' | 'newCourse.providerOrganisationId'
  | 'deliveryOptions' | `deliveryOptions.${number}.${(typeof OPTION_FIELDS)[number]}`
  | 'sessionsPlanned' | 'seatsPerSession' | 'estimatedCost' | 'financialYear' | 'pledgeDeadline';

export function proposeFields(optionCount: number): ProposeField[] {
  const options = Array.from({ length: optionCount }, (_, i) => OPTION_FIELDS.map((f) => `deliveryOptions.${i}.${f}` as ProposeField)).flat();
  return ['needIds', 'title', 'summary', 'courseId', 'newCourse', 'newCourse.title', 'newCourse.summary', 'newCourse.method',
    'newCourse.durationHours', 'newCourse.audience', 'newCourse.mandatorySubject', 'newCourse.providerOrganisationId', 'deliveryOptions',
    ...options, 'sessionsPlanned', 'seatsPerSession', 'estimatedCost', 'financialYear', 'pledgeDeadline'];
}

/**
 * The API's userErrors as this form's: a need named by its place in the list ("needIds.2") is the
 * needs question's, and a new course's field the page does not show (its cost, its visibility) is
 * the new course's as a whole.
 */
export function proposeErrorsFrom(userErrors: readonly ApiFieldError[], fields: readonly ProposeField[]): Array<FieldError<ProposeField>> {
  const tidied = userErrors.map((error) => {
    const [root, first, ...rest] = error.field;
    if (root !== 'input') return error;
    if (first === 'needIds') return { ...error, field: ['input', 'needIds'] };
    const name = [first, ...rest].join('.');
    if (first === 'newCourse' && !(fields as readonly string[]).includes(name)) return { ...error, field: ['input', 'newCourse'] };
    return error;
  });
  return fieldErrorsFrom(tidied, fields);
}

const WHOLE = /^\d+$/;
const FINANCIAL_YEAR = /^\d{4}\/\d{2}$/;

function wholeNumber(text: string, field: ProposeField, words: { blank: string; notWhole: string; least: string }, errors: Array<FieldError<ProposeField>>): number {
  const trimmed = text.trim().replace(/,/g, '');
  if (!trimmed) errors.push({ field, message: words.blank });
  else if (!WHOLE.test(trimmed)) errors.push({ field, message: words.notWhole });
  else if (Number(trimmed) < 1) errors.push({ field, message: words.least });
  return Number(trimmed);
}

/** Pounds as the API reads them: "£1,250.50" → "1250.50". */
const pounds = (text: string) => text.trim().replace(/[£,\s]/g, '');

export function proposeInputFrom(form: ProposeForm, needIdsOf: (option: string) => readonly string[]): {
  input: ProposeCommissioningInput | null; errors: Array<FieldError<ProposeField>>;
} {
  const errors: Array<FieldError<ProposeField>> = [];
  const needIds = [...new Set(form.needOptions.flatMap((option) => needIdsOf(option)))];
  if (!needIds.length) errors.push({ field: 'needIds', message: 'Choose at least one need the course answers' });
  if (!form.title.trim()) errors.push({ field: 'title', message: 'Enter the title of the proposal' });
  else if (tooLong(form.title, 200)) errors.push({ field: 'title', message: tooLongMessage('The title', 200) });
  if (tooLong(form.summary, 4000)) errors.push({ field: 'summary', message: tooLongMessage('The summary', 4000) });

  if (!form.course) errors.push({ field: 'courseId', message: 'Choose an existing course or describe a new one' });
  if (form.course === 'existing' && !form.courseId) errors.push({ field: 'courseId', message: 'Choose the course' });
  const draft = form.newCourse;
  let durationHours = 0;
  if (form.course === 'new') {
    if (!draft.title.trim()) errors.push({ field: 'newCourse.title', message: 'Enter the course title' });
    else if (tooLong(draft.title, 200)) errors.push({ field: 'newCourse.title', message: tooLongMessage('The course title', 200) });
    if (tooLong(draft.summary, 4000)) errors.push({ field: 'newCourse.summary', message: tooLongMessage('The course summary', 4000) });
    if (!draft.method) errors.push({ field: 'newCourse.method', message: 'Choose how the course is delivered' });
    const duration = draft.durationHours.trim();
    if (!duration) errors.push({ field: 'newCourse.durationHours', message: 'Enter the duration in hours' });
    else if (!/^\d+(\.\d+)?$/.test(duration)) errors.push({ field: 'newCourse.durationHours', message: 'Enter the duration as a number of hours, like 3.5' });
    durationHours = Number(duration);
    if (!draft.audience) errors.push({ field: 'newCourse.audience', message: 'Choose who the course is for' });
    if (!draft.providerOrganisationId) errors.push({ field: 'newCourse.providerOrganisationId', message: 'Choose the organisation that would provide the course' });
  }

  const deliveryOptions = form.deliveryOptions.map((row, index) => {
    const at = (field: (typeof OPTION_FIELDS)[number]) => `deliveryOptions.${index}.${field}` as ProposeField;
    const external = row.provider === EXTERNAL;
    if (!row.provider) errors.push({ field: at('providerOrganisationId'), message: `Choose who would deliver option ${index + 1}` });
    if (external && !row.providerName.trim()) errors.push({ field: at('providerName'), message: `Enter the name of the provider in option ${index + 1}` });
    else if (external && tooLong(row.providerName, 200)) errors.push({ field: at('providerName'), message: tooLongMessage('The provider\'s name', 200) });
    if (!row.quotedCost.trim()) errors.push({ field: at('quotedCost'), message: `Enter the quote for option ${index + 1}, or 0 if it costs nothing` });
    else if (!isPounds(row.quotedCost)) errors.push({ field: at('quotedCost'), message: 'Enter the quote in pounds, like 4800.00' });
    return {
      providerOrganisationId: row.provider && !external ? row.provider : null,
      providerName: external ? row.providerName.trim() : null,
      quotedCost: pounds(row.quotedCost),
    };
  });
  if (!deliveryOptions.length) errors.push({ field: 'deliveryOptions', message: 'Give at least one delivery option' });

  const sessionsPlanned = wholeNumber(form.sessionsPlanned, 'sessionsPlanned',
    { blank: 'Enter the number of sessions', notWhole: 'Sessions must be a whole number, like 4', least: 'Plan at least 1 session' }, errors);
  const seatsPerSession = wholeNumber(form.seatsPerSession, 'seatsPerSession',
    { blank: 'Enter the seats in each session', notWhole: 'Seats must be a whole number, like 12', least: 'Plan at least 1 seat a session' }, errors);
  if (!form.estimatedCost.trim()) errors.push({ field: 'estimatedCost', message: 'Enter the estimated cost of the whole programme' });
  else if (!isPounds(form.estimatedCost)) errors.push({ field: 'estimatedCost', message: 'Enter the estimated cost in pounds, like 4800.00' });
  if (!FINANCIAL_YEAR.test(form.financialYear.trim())) errors.push({ field: 'financialYear', message: 'Write the financial year like 2026/27' });
  const deadline = form.pledgeDeadline.trim() ? londonInstant(form.pledgeDeadline, '23:59') : null;
  if (!form.pledgeDeadline.trim()) errors.push({ field: 'pledgeDeadline', message: 'Enter the date pledges close' });
  else if (!deadline) errors.push({ field: 'pledgeDeadline', message: 'Enter the date pledges close as a real date' });

  if (errors.length) return { input: null, errors };
  return {
    input: {
      needIds, title: form.title.trim(), summary: form.summary.trim() || null,
      courseId: form.course === 'existing' ? form.courseId : null,
      newCourse: form.course === 'new' ? {
        title: draft.title.trim(), summary: draft.summary.trim() || null, method: draft.method as LearningMethod, durationHours,
        audience: draft.audience as CourseAudience, mandatorySubject: draft.mandatorySubject || null,
        providerOrganisationId: draft.providerOrganisationId,
        // Seen by the partnership, free to book: the pledges pay for its places.
        visibility: 'PARTNERSHIP', costPerPlace: '0', isJoint: true,
      } : null,
      deliveryOptions, sessionsPlanned, seatsPerSession, estimatedCost: pounds(form.estimatedCost), financialYear: form.financialYear.trim(),
      pledgeDeadline: deadline as string,
    },
    errors,
  };
}
