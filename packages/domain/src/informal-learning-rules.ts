import { parseCalendarDate } from './training-need-rules';
import type { LearningCategory } from './learning-category';

/**
 * Informal learning a person logs for their own record, the same rules for the API and the
 * client's form: a kind, a real date not after today (in the partnership's calendar), more than
 * 0 and fewer than 1,000 hours in hundredths, and evidence as a link or a file of at most 5 MB
 * that is, by its content (not its name), a PDF, a PNG or a JPEG.
 */
export const INFORMAL_LEARNING_KINDS = ['shadowing', 'coaching', 'mentoring', 'e_learning', 'reading'] as const;
export type InformalLearningKind = (typeof INFORMAL_LEARNING_KINDS)[number];

export const MAX_INFORMAL_HOURS_EXCLUSIVE = 1_000;
export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;
export const EVIDENCE_MEDIA_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type EvidenceMediaType = (typeof EVIDENCE_MEDIA_TYPES)[number];

/**
 * Where a kind of informal learning sits in 70:20:10: shadowing is learning on the job
 * (experiential), coaching and mentoring learning from others (social), e-learning and reading
 * structured study (formal).
 */
export function informalLearningCategory(kind: InformalLearningKind): LearningCategory {
  switch (kind) {
    case 'shadowing': return 'experiential';
    case 'coaching':
    case 'mentoring': return 'social';
    case 'e_learning':
    case 'reading': return 'formal';
    default: {
      const unreachable: never = kind;
      throw new Error(`unknown kind of informal learning ${String(unreachable)}`);
    }
  }
}

export interface InformalLearningProblem {
  code: 'REQUIRED' | 'MALFORMED_DATE' | 'DATE_FUTURE' | 'OUT_OF_RANGE' | 'TOO_PRECISE' | 'WRONG_FILE_TYPE' | 'FILE_TOO_LARGE' | 'FILE_EMPTY';
  message: string;
}

/** `today` is YYYY-MM-DD in the partnership's calendar (calendarDateIn). */
export function learnedOnProblem(text: string | null | undefined, today: string): InformalLearningProblem | null {
  if (!text || !text.trim()) return { code: 'REQUIRED', message: 'Enter the date you did the learning' };
  if (!parseCalendarDate(text)) return { code: 'MALFORMED_DATE', message: 'The date you did the learning must be a real date' };
  if (text.trim() > today) return { code: 'DATE_FUTURE', message: 'The date you did the learning must be today or in the past' };
  return null;
}

export function informalHoursProblem(hours: number | null | undefined): InformalLearningProblem | null {
  if (hours === null || hours === undefined || Number.isNaN(hours)) return { code: 'REQUIRED', message: 'Enter the number of hours' };
  if (hours <= 0) return { code: 'OUT_OF_RANGE', message: 'The number of hours must be more than 0' };
  if (hours >= MAX_INFORMAL_HOURS_EXCLUSIVE) return { code: 'OUT_OF_RANGE', message: 'The number of hours must be less than 1,000' };
  if (Math.round(hours * 100) !== Number((hours * 100).toFixed(6))) {
    return { code: 'TOO_PRECISE', message: 'The number of hours must have 2 decimal places or fewer, like 1.5' };
  }
  return null;
}

const startsWith = (bytes: Uint8Array, signature: readonly number[]) =>
  bytes.length >= signature.length && signature.every((byte, i) => bytes[i] === byte);

/** What a file is by its first bytes (its "magic number"), whatever it is called: one of the three kinds, or null. */
export function evidenceMediaType(bytes: Uint8Array): EvidenceMediaType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  return null;
}

export function evidenceFileProblem(bytes: Uint8Array): InformalLearningProblem | null {
  if (bytes.length === 0) return { code: 'FILE_EMPTY', message: 'The selected file is empty' };
  if (bytes.length > MAX_EVIDENCE_BYTES) return { code: 'FILE_TOO_LARGE', message: 'The selected file must be smaller than 5 MB' };
  if (!evidenceMediaType(bytes)) return { code: 'WRONG_FILE_TYPE', message: 'The selected file must be a PDF, PNG or JPEG' };
  return null;
}
