/**
 * What a learner's feedback and an impact review must be, the same for the API and the client's
 * forms: a rating a whole number from 1 to 5, would-you-recommend a whole number from 0 to 10, and
 * free text of at most 2,000 characters. Reports show free text (and anything that could name a
 * person) only for a cell of at least EVALUATION_MIN_CELL responses.
 */
export const FEEDBACK_TEXT_MAX = 2000;
export const EVALUATION_MIN_CELL = 5;

export interface EvaluationProblem {
  code: 'REQUIRED' | 'NOT_WHOLE' | 'OUT_OF_RANGE' | 'TOO_LONG';
  message: string;
}

function wholeProblem(value: number | null | undefined, name: string, min: number, max: number): EvaluationProblem | null {
  if (value === null || value === undefined || Number.isNaN(value)) return { code: 'REQUIRED', message: `Choose ${name}` };
  if (!Number.isInteger(value)) return { code: 'NOT_WHOLE', message: `${name[0].toUpperCase()}${name.slice(1)} must be a whole number from ${min} to ${max}` };
  if (value < min || value > max) return { code: 'OUT_OF_RANGE', message: `${name[0].toUpperCase()}${name.slice(1)} must be from ${min} to ${max}` };
  return null;
}

export function ratingProblem(value: number | null | undefined): EvaluationProblem | null {
  return wholeProblem(value, 'a rating', 1, 5);
}

export function recommendProblem(value: number | null | undefined): EvaluationProblem | null {
  return wholeProblem(value, 'how likely you are to recommend it', 0, 10);
}

/** `label` as GOV.UK words put it at the start of a sentence, e.g. "What worked well". */
export function freeTextProblem(text: string | null | undefined, label: string, required = false): EvaluationProblem | null {
  if (!text || !text.trim()) return required ? { code: 'REQUIRED', message: `Enter ${label.toLowerCase()}` } : null;
  if (text.length > FEEDBACK_TEXT_MAX) return { code: 'TOO_LONG', message: `${label} must be ${FEEDBACK_TEXT_MAX.toLocaleString('en-GB')} characters or fewer` };
  return null;
}

/** Whether a report's cell of this many responses may show free text and names. */
export function cellShowsDetail(responses: number): boolean {
  return responses >= EVALUATION_MIN_CELL;
}

/** Responses over those asked, 0..1; nobody asked: null. */
export function responseRate(responses: number, asked: number): number | null {
  return asked > 0 ? Math.min(1, responses / asked) : null;
}
