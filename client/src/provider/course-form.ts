import type {
  Accreditation, CourseAudience, CourseVisibility, CreateCourseInput, LearningCategory, LearningMethod, ProviderCourseFieldsFragment, Sector,
  UpdateCourseInput,
} from '../gql/graphql';
import type { FieldError } from '../ui/form-errors';

/** What the course form holds while it is filled in: text as typed, choices as codes. */
export interface CourseForm {
  providerOrganisationId: string;
  title: string;
  summary: string;
  /** One outcome a line. */
  learningOutcomes: string;
  method: LearningMethod | '';
  /** '' takes the category the method implies. */
  learningCategory: LearningCategory | '';
  durationHours: string;
  accreditation: Accreditation;
  cpdPoints: string;
  /** Comma or space separated, e.g. "C1, HWB2". */
  ksfDimensions: string;
  mandatorySubject: string;
  audience: CourseAudience | '';
  eligibleSectors: Sector[];
  visibility: CourseVisibility | '';
  visibilityOrganisationId: string;
  costPerPlace: string;
  isJoint: boolean;
}

export const COURSE_FIELDS = ['providerOrganisationId', 'title', 'summary', 'learningOutcomes', 'method', 'learningCategory', 'durationHours',
  'accreditation', 'cpdPoints', 'ksfDimensions', 'mandatorySubject', 'audience', 'eligibleSectors', 'visibility', 'visibilityOrganisationId',
  'costPerPlace', 'isJoint'] as const;
export type CourseField = (typeof COURSE_FIELDS)[number];

/** The id of each field's input, for the error summary's links. */
export const COURSE_INPUT_IDS: Record<CourseField, string> = {
  providerOrganisationId: 'course-provider', title: 'course-title', summary: 'course-summary', learningOutcomes: 'course-outcomes',
  method: 'course-method', learningCategory: 'course-category-method', durationHours: 'course-duration', accreditation: 'course-accreditation',
  cpdPoints: 'course-cpd-points', ksfDimensions: 'course-ksf', mandatorySubject: 'course-mandatory-subject', audience: 'course-audience-BOTH',
  eligibleSectors: 'course-sectors', visibility: 'course-visibility-PUBLIC', visibilityOrganisationId: 'course-visibility-organisation',
  costPerPlace: 'course-cost', isJoint: 'course-joint',
};

export function emptyCourseForm(providerOrganisationId = ''): CourseForm {
  return {
    providerOrganisationId, title: '', summary: '', learningOutcomes: '', method: '', learningCategory: '', durationHours: '',
    accreditation: 'NONE', cpdPoints: '', ksfDimensions: '', mandatorySubject: '', audience: '', eligibleSectors: [], visibility: '',
    visibilityOrganisationId: '', costPerPlace: '', isJoint: false,
  };
}

/** The form filled in with a course as it is, for editing. */
export function courseFormFrom(course: ProviderCourseFieldsFragment): CourseForm {
  return {
    providerOrganisationId: course.provider.id, title: course.title, summary: course.summary, learningOutcomes: course.learningOutcomes.join('\n'),
    method: course.method, learningCategory: course.learningCategoryOverridden ? course.learningCategory : '',
    durationHours: String(course.durationHours), accreditation: course.accreditation, cpdPoints: course.cpdPoints == null ? '' : String(course.cpdPoints),
    ksfDimensions: course.ksfDimensions.join(', '), mandatorySubject: course.mandatorySubject?.code ?? '', audience: course.audience,
    eligibleSectors: [...course.eligibleSectors], visibility: course.visibility, visibilityOrganisationId: course.visibilityOrganisation?.id ?? '',
    costPerPlace: course.costPerPlace.pence === 0 ? '0' : (course.costPerPlace.pence / 100).toFixed(2), isJoint: course.isJoint,
  };
}

/** A number typed as text: null when blank, NaN when it is not a number. */
function numberOf(text: string): number | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  return /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/**
 * The page's own checks (what must be filled in, numbers that are numbers) and the input for the
 * API. Everything else (lengths, ranges, pence, ids) is the API's to check: its answer joins these.
 */
export function courseInputFrom(form: CourseForm, options: { needsProvider: boolean }): {
  input: CreateCourseInput | null; errors: Array<FieldError<CourseField>>;
} {
  const errors: Array<FieldError<CourseField>> = [];
  if (options.needsProvider && !form.providerOrganisationId) errors.push({ field: 'providerOrganisationId', message: 'Choose the organisation that provides the course' });
  if (!form.title.trim()) errors.push({ field: 'title', message: 'Enter the title' });
  if (!form.method) errors.push({ field: 'method', message: 'Choose how the course is delivered' });
  const duration = numberOf(form.durationHours);
  if (duration === null) errors.push({ field: 'durationHours', message: 'Enter the duration in hours' });
  else if (Number.isNaN(duration)) errors.push({ field: 'durationHours', message: 'Enter the duration as a number of hours, like 3.5' });
  const cpd = numberOf(form.cpdPoints);
  if (cpd !== null && !Number.isInteger(cpd)) errors.push({ field: 'cpdPoints', message: 'Enter CPD points as a whole number, like 3' });
  if (!form.audience) errors.push({ field: 'audience', message: 'Choose who the course is for' });
  if (!form.visibility) errors.push({ field: 'visibility', message: 'Choose who can see the course' });
  if (form.visibility === 'ORGANISATION' && !form.visibilityOrganisationId) {
    errors.push({ field: 'visibilityOrganisationId', message: 'Choose the organisation whose people see the course' });
  }
  if (!form.costPerPlace.trim()) errors.push({ field: 'costPerPlace', message: 'Enter the cost of a place, or 0 if it is free' });
  if (errors.length) return { input: null, errors };
  const input: CreateCourseInput = {
    ...(form.providerOrganisationId ? { providerOrganisationId: form.providerOrganisationId } : {}),
    title: form.title.trim(), summary: form.summary.trim(),
    learningOutcomes: form.learningOutcomes.split('\n').map((line) => line.trim()).filter(Boolean),
    method: form.method as LearningMethod, learningCategory: form.learningCategory || null, durationHours: duration as number,
    accreditation: form.accreditation, cpdPoints: cpd, ksfDimensions: form.ksfDimensions.split(/[\s,]+/).map((d) => d.trim().toUpperCase()).filter(Boolean),
    mandatorySubject: form.mandatorySubject || null, audience: form.audience as CourseAudience, eligibleSectors: form.eligibleSectors,
    visibility: form.visibility as CourseVisibility, visibilityOrganisationId: form.visibility === 'ORGANISATION' ? form.visibilityOrganisationId : null,
    costPerPlace: form.costPerPlace.trim(), isJoint: form.isJoint,
  };
  return { input, errors };
}

/** The same input as an edit: every field sent (the form shows them all), the provider left as it is. */
export function updateInputFrom(courseId: string, input: CreateCourseInput): UpdateCourseInput {
  const { providerOrganisationId: _provider, ...fields } = input;
  return { courseId, ...fields };
}
