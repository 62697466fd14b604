import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { BackLink, Button, Checkboxes, Radios, Select, Textarea, TextInput } from 'nhsuk-react-components';
import type { SignedInViewer } from '../ui/use-viewer';
import { SECTOR_TEXT, SECTORS } from '../admin/admin-text';
import { ACCREDITATION_TEXT, COURSE_AUDIENCE_TEXT, LEARNING_CATEGORY_TEXT, METHOD_TEXT } from '../find-training/session-text';
import type { Accreditation, CourseAudience, CourseVisibility, LearningCategory, LearningMethod, ProviderCourseFieldsFragment } from '../gql/graphql';
import { accessProblemOf, type AccessProblem } from '../ui/access-errors';
import { AccessProblemPage } from '../ui/access-problem';
import { FormErrorSummary } from '../ui/form-error-summary';
import { fieldErrorsFrom, messagesByField, SERVICE_PROBLEM, type FieldError } from '../ui/form-errors';
import { useDocumentTitle } from '../ui/use-document-title';
import type { CourseSavedState } from './courses-page';
import { COURSE_FIELDS, COURSE_INPUT_IDS, courseFormFrom, courseInputFrom, emptyCourseForm, updateInputFrom, type CourseField, type CourseForm } from './course-form';
import { CourseChoicesQuery, CreateCourseMutation, ProviderCourseQuery, UpdateCourseMutation } from './provider.operations';
import { PROVIDER_PATHS } from '../route-patterns';
import { isAdministrator, PROVIDER_AUDIENCE, providerOrganisations, RequireProvider } from './require-provider';

const METHODS = Object.keys(METHOD_TEXT) as LearningMethod[];
const CATEGORIES = Object.keys(LEARNING_CATEGORY_TEXT) as LearningCategory[];
const ACCREDITATIONS = Object.keys(ACCREDITATION_TEXT) as Accreditation[];
const AUDIENCES = Object.keys(COURSE_AUDIENCE_TEXT) as CourseAudience[];
const VISIBILITY_TEXT: Record<CourseVisibility, string> = {
  PUBLIC: 'Anyone, signed in or not', PARTNERSHIP: 'Members of the partnership', ORGANISATION: 'The people of one organisation',
};
/** The category each method implies (packages/domain learning-category.ts), to say what "take it from the method" means. */
const IMPLIED: Record<LearningMethod, LearningCategory> = {
  WORK_SHADOWING: 'EXPERIENTIAL', SECONDMENT: 'EXPERIENTIAL', WORK_PLACEMENT: 'EXPERIENTIAL', OUTDOOR: 'EXPERIENTIAL',
  COACHING: 'SOCIAL', MENTORING: 'SOCIAL', CLASSROOM: 'FORMAL', E_LEARNING: 'FORMAL', BLENDED: 'FORMAL', WEBINAR: 'FORMAL', DISTANCE: 'FORMAL',
};

function CourseFormView({ viewer, course }: { viewer: SignedInViewer; course: ProviderCourseFieldsFragment | null }) {
  const navigate = useNavigate();
  const own = providerOrganisations(viewer);
  const admin = isAdministrator(viewer);
  const needsProvider = !course && (admin || own.length > 1);
  const [form, setForm] = useState<CourseForm>(() => (course ? courseFormFrom(course) : emptyCourseForm(own.length === 1 && !admin ? own[0].id : '')));
  const [errors, setErrors] = useState<Array<FieldError<CourseField>>>([]);
  const [refused, setRefused] = useState<AccessProblem | null>(null);
  const { data: choices } = useQuery(CourseChoicesQuery, { variables: { partnershipSlug: viewer.partnership.slug } });
  const organisations = [...(choices?.organisations ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  const providers = admin ? organisations : own;
  const [createCourse, creating] = useMutation(CreateCourseMutation, { refetchQueries: ['ProvidedCourses'] });
  const [updateCourse, updating] = useMutation(UpdateCourseMutation, { refetchQueries: ['ProvidedCourses'] });
  const title = course ? `Change ${course.title}` : 'Publish a course';
  useDocumentTitle([title, viewer.partnership.name], errors.length > 0);
  const byField = messagesByField(errors);

  if (refused) return <AccessProblemPage problem={refused} {...PROVIDER_AUDIENCE} />;
  const set = <K extends keyof CourseForm>(key: K, value: CourseForm[K]) => setForm((current) => ({ ...current, [key]: value }));
  const text = (key: 'title' | 'summary' | 'learningOutcomes' | 'durationHours' | 'cpdPoints' | 'ksfDimensions' | 'costPerPlace') => ({
    value: form[key], onChange: (event: { currentTarget: { value: string } }) => set(key, event.currentTarget.value),
  });

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (creating.loading || updating.loading) return;
    const { input, errors: blanks } = courseInputFrom(form, { needsProvider });
    setErrors(blanks);
    if (!input) return;
    try {
      const result = course
        ? (await updateCourse({ variables: { input: updateInputFrom(course.id, input) } })).data?.updateCourse
        : (await createCourse({ variables: { input } })).data?.createCourse;
      const saved = result?.course;
      if (saved) {
        const state: CourseSavedState = { courseSaved: { title: saved.title, created: !course } };
        await navigate(PROVIDER_PATHS.courses, { state });
        return;
      }
      setErrors(result?.userErrors.length ? fieldErrorsFrom(result.userErrors, COURSE_FIELDS) : [{ field: null, message: SERVICE_PROBLEM }]);
    } catch (error) {
      const problem = accessProblemOf(error);
      if (problem) setRefused(problem);
      else setErrors([{ field: null, message: SERVICE_PROBLEM }]);
    }
  };

  const toggle = (sector: (typeof SECTORS)[number], on: boolean) =>
    set('eligibleSectors', on ? [...form.eligibleSectors, sector] : form.eligibleSectors.filter((s) => s !== sector));
  return (
    <>
      <BackLink className="nhsuk-u-margin-bottom-5" asElement={Link} to={PROVIDER_PATHS.courses}>Your courses and sessions</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <FormErrorSummary errors={errors} inputIds={COURSE_INPUT_IDS} />
          <h1>{title}</h1>
          <form noValidate onSubmit={submit}>
            {needsProvider ? (
              <Select id={COURSE_INPUT_IDS.providerOrganisationId} label="Provided by" value={form.providerOrganisationId}
                error={byField.providerOrganisationId} onChange={(e) => set('providerOrganisationId', e.currentTarget.value)}>
                <Select.Option value="">Choose an organisation</Select.Option>
                {providers.map((o) => <Select.Option key={o.id} value={o.id}>{o.name}</Select.Option>)}
              </Select>
            ) : <p>Provided by {course?.provider.name ?? own[0]?.name}</p>}
            <TextInput id={COURSE_INPUT_IDS.title} label="Title" autoComplete="off" {...text('title')} error={byField.title} />
            <Textarea id={COURSE_INPUT_IDS.summary} label="Summary (optional)" rows={4} hint="What the course covers, in a few sentences"
              {...text('summary')} error={byField.summary} />
            <Textarea id={COURSE_INPUT_IDS.learningOutcomes} label="Learning outcomes (optional)" rows={4}
              hint="What a learner will be able to do afterwards, one outcome on each line" {...text('learningOutcomes')} error={byField.learningOutcomes} />
            <Select id={COURSE_INPUT_IDS.method} label="Method" hint="How the learning happens" value={form.method} error={byField.method}
              onChange={(e) => set('method', e.currentTarget.value as LearningMethod | '')}>
              <Select.Option value="">Choose a method</Select.Option>
              {METHODS.map((m) => <Select.Option key={m} value={m}>{METHOD_TEXT[m]}</Select.Option>)}
            </Select>
            <Radios name="learningCategory" legend="70:20:10 category" legendProps={{ size: 's' }} error={byField.learningCategory}
              hint="Usually the one the method implies; choose another only if this course is different">
              <Radios.Item id={COURSE_INPUT_IDS.learningCategory} value="" checked={form.learningCategory === ''} onChange={() => set('learningCategory', '')}>
                The method’s category{form.method ? `: ${LEARNING_CATEGORY_TEXT[IMPLIED[form.method]]}` : ''}
              </Radios.Item>
              {CATEGORIES.map((c) => (
                <Radios.Item key={c} id={`course-category-${c}`} value={c} checked={form.learningCategory === c} onChange={() => set('learningCategory', c)}>
                  {LEARNING_CATEGORY_TEXT[c]}
                </Radios.Item>
              ))}
            </Radios>
            <TextInput id={COURSE_INPUT_IDS.durationHours} label="Duration" suffix="hours" width={4} inputMode="decimal" autoComplete="off"
              hint="For example, 3.5" {...text('durationHours')} error={byField.durationHours} />
            <Select id={COURSE_INPUT_IDS.accreditation} label="Accreditation" value={form.accreditation} error={byField.accreditation}
              onChange={(e) => set('accreditation', e.currentTarget.value as Accreditation)}>
              {ACCREDITATIONS.map((a) => <Select.Option key={a} value={a}>{ACCREDITATION_TEXT[a]}</Select.Option>)}
            </Select>
            <TextInput id={COURSE_INPUT_IDS.cpdPoints} label="CPD points (optional)" width={4} inputMode="numeric" autoComplete="off"
              {...text('cpdPoints')} error={byField.cpdPoints} />
            <TextInput id={COURSE_INPUT_IDS.ksfDimensions} label="KSF dimensions (optional)" width={20} autoComplete="off" spellCheck={false}
              hint="NHS Knowledge and Skills Framework dimensions, separated by commas, for example C1, HWB2" {...text('ksfDimensions')} error={byField.ksfDimensions} />
            <Select id={COURSE_INPUT_IDS.mandatorySubject} label="Mandatory subject it satisfies (optional)" value={form.mandatorySubject}
              error={byField.mandatorySubject} onChange={(e) => set('mandatorySubject', e.currentTarget.value)}>
              <Select.Option value="">None</Select.Option>
              {(choices?.mandatorySubjects ?? []).map((s) => <Select.Option key={s.code} value={s.code}>{s.name}</Select.Option>)}
            </Select>
            <Radios name="audience" legend="Who it is for" legendProps={{ size: 's' }} error={byField.audience}>
              {AUDIENCES.map((a) => (
                <Radios.Item key={a} id={`course-audience-${a}`} value={a} checked={form.audience === a} onChange={() => set('audience', a)}>
                  {COURSE_AUDIENCE_TEXT[a]}
                </Radios.Item>
              ))}
            </Radios>
            <Checkboxes name="eligibleSectors" legend="Sectors whose people may book (optional)" legendProps={{ size: 's' }}
              hint="Leave them all unticked if any sector may book" error={byField.eligibleSectors} small>
              {SECTORS.map((sector, index) => (
                <Checkboxes.Item key={sector} id={index === 0 ? COURSE_INPUT_IDS.eligibleSectors : `course-sector-${sector}`} value={sector}
                  checked={form.eligibleSectors.includes(sector)} onChange={(e) => toggle(sector, e.currentTarget.checked)}>
                  {SECTOR_TEXT[sector]}
                </Checkboxes.Item>
              ))}
            </Checkboxes>
            <Radios name="visibility" legend="Who can see it" legendProps={{ size: 's' }} error={byField.visibility}>
              {(Object.keys(VISIBILITY_TEXT) as CourseVisibility[]).map((v) => (
                <Radios.Item key={v} id={`course-visibility-${v}`} value={v} checked={form.visibility === v} onChange={() => set('visibility', v)}>
                  {VISIBILITY_TEXT[v]}
                </Radios.Item>
              ))}
            </Radios>
            {form.visibility === 'ORGANISATION' ? (
              <Select id={COURSE_INPUT_IDS.visibilityOrganisationId} label="Which organisation" value={form.visibilityOrganisationId}
                error={byField.visibilityOrganisationId} onChange={(e) => set('visibilityOrganisationId', e.currentTarget.value)}>
                <Select.Option value="">Choose an organisation</Select.Option>
                {organisations.map((o) => <Select.Option key={o.id} value={o.id}>{o.name}</Select.Option>)}
              </Select>
            ) : null}
            <TextInput id={COURSE_INPUT_IDS.costPerPlace} label="Cost of a place" prefix="£" width={10} inputMode="decimal" autoComplete="off"
              hint="In pounds and pence, for example 45.00; 0 if it is free" {...text('costPerPlace')} error={byField.costPerPlace} />
            <Checkboxes name="joint" legend="Joint training" legendProps={{ size: 's' }} error={byField.isJoint}>
              <Checkboxes.Item id={COURSE_INPUT_IDS.isJoint} value="yes" checked={form.isJoint} onChange={(e) => set('isJoint', e.currentTarget.checked)}>
                Commissioned or offered across organisations
              </Checkboxes.Item>
            </Checkboxes>
            <Button type="submit">{course ? 'Save changes' : 'Publish course'}</Button>
          </form>
        </div>
      </div>
    </>
  );
}

function EditCourse({ viewer, id }: { viewer: SignedInViewer; id: string }) {
  const { data, loading, error } = useQuery(ProviderCourseQuery, { variables: { id } });
  const problem = accessProblemOf(error);
  if (problem) return <AccessProblemPage problem={problem} {...PROVIDER_AUDIENCE} />;
  if (loading && !data) return <p role="status">Loading the course…</p>;
  if (!data?.course) return <><h1>Course not found</h1><p>There is no such course, or it is not yours to change.</p></>;
  if (!data.course.canManage) return <AccessProblemPage problem="FORBIDDEN" {...PROVIDER_AUDIENCE} />;
  return <CourseFormView viewer={viewer} course={data.course} />;
}

/** A provider's course form: a new course, or (with an id) the course as it is. */
export function CourseFormPage() {
  const { id } = useParams();
  return <RequireProvider>{(viewer) => (id ? <EditCourse viewer={viewer} id={id} /> : <CourseFormView viewer={viewer} course={null} />)}</RequireProvider>;
}
