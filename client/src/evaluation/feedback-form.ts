import { tooLong, tooLongMessage } from '../ui/field-checks';
import type { FieldError } from '../ui/form-errors';

/** The feedback form's fields, named as the API's input. */
export const FEEDBACK_FIELDS = ['rating', 'wouldRecommend', 'whatWorked', 'whatToImprove'] as const;
export type FeedbackField = (typeof FEEDBACK_FIELDS)[number];

export interface FeedbackForm {
  rating: string;
  wouldRecommend: string;
  whatWorked: string;
  whatToImprove: string;
}

export const EMPTY_FEEDBACK_FORM: FeedbackForm = { rating: '', wouldRecommend: '', whatWorked: '', whatToImprove: '' };

/** The API's limit for each free-text answer (packages/domain evaluation-rules.ts). */
export const FEEDBACK_TEXT_MAX = 2000;

const textProblem = (text: string, label: string) => (tooLong(text, FEEDBACK_TEXT_MAX) ? { message: tooLongMessage(label, FEEDBACK_TEXT_MAX) } : null);

/** The form's own checks, every field at once: the API's rules (packages/domain evaluation-rules.ts); the radios allow only whole numbers in range. */
export function feedbackInputFrom(bookingId: string, form: FeedbackForm): {
  input: { bookingId: string; rating: number; wouldRecommend: number; whatWorked: string | null; whatToImprove: string | null } | null;
  errors: Array<FieldError<FeedbackField>>;
} {
  const rating = form.rating === '' ? null : Number(form.rating);
  const wouldRecommend = form.wouldRecommend === '' ? null : Number(form.wouldRecommend);
  const problems: Array<[FeedbackField, { message: string } | null]> = [
    ['rating', rating === null ? { message: 'Choose how good the course was, from 1 to 5' } : null],
    ['wouldRecommend', wouldRecommend === null ? { message: 'Choose how likely you are to recommend it, from 0 to 10' } : null],
    ['whatWorked', textProblem(form.whatWorked, 'What worked well')],
    ['whatToImprove', textProblem(form.whatToImprove, 'What could be better')],
  ];
  const errors = problems.flatMap(([field, problem]) => (problem ? [{ field, message: problem.message }] : []));
  if (errors.length) return { input: null, errors };
  return { input: { bookingId, rating: rating!, wouldRecommend: wouldRecommend!, whatWorked: form.whatWorked.trim() || null,
    whatToImprove: form.whatToImprove.trim() || null }, errors: [] };
}
