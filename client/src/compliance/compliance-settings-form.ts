import type { AddComplianceRequirementInput, PersonKind, RefuseCompletionsInput, SetRenewalPeriodInput } from '../gql/graphql';
import type { FieldError } from '../ui/form-errors';

export const RENEWAL_FIELDS = ['subjectCode', 'renewalMonths'] as const;
export type RenewalField = (typeof RENEWAL_FIELDS)[number];
export const REQUIREMENT_FIELDS = ['subjectCode', 'personKind', 'jobTitle', 'team'] as const;
export type RequirementField = (typeof REQUIREMENT_FIELDS)[number];
export const REFUSAL_FIELDS = ['fromOrganisationId', 'subjectCode', 'reason'] as const;
export type RefusalField = (typeof REFUSAL_FIELDS)[number];

const CHOOSE_SUBJECT = 'Choose a mandatory subject from the list';

export const PERSON_KIND_CHOICES: Array<[PersonKind | '', string]> = [['', 'Staff and volunteers'], ['STAFF', 'Staff only'], ['VOLUNTEER', 'Volunteers only']];

/**
 * The renewal form as the API's input. A blank period goes back to the framework's (null); a
 * number is sent as typed, so the API's rule (whole months, 1 to 120) judges it; what is not a
 * number at all is this form's own error.
 */
export function renewalInputFrom(organisationId: string, form: { subjectCode: string; renewalMonths: string }):
  { input: SetRenewalPeriodInput | null; errors: Array<FieldError<RenewalField>> } {
  const errors: Array<FieldError<RenewalField>> = [];
  if (!form.subjectCode) errors.push({ field: 'subjectCode', message: CHOOSE_SUBJECT });
  const text = form.renewalMonths.trim();
  const months = text === '' ? null : Number(text);
  if (months !== null && !Number.isFinite(months)) errors.push({ field: 'renewalMonths', message: 'Renewal period must be a number of months, like 12' });
  // Only a blank subject stops the request: the API answers every other field at once.
  const stop = errors.some((e) => e.field === 'renewalMonths');
  return { input: stop ? null : { organisationId, subjectCode: form.subjectCode, renewalMonths: months }, errors };
}

export function requirementInputFrom(organisationId: string, form: { subjectCode: string; personKind: PersonKind | ''; jobTitle: string; team: string }):
  { input: AddComplianceRequirementInput | null; errors: Array<FieldError<RequirementField>> } {
  const errors: Array<FieldError<RequirementField>> = [];
  if (!form.subjectCode) errors.push({ field: 'subjectCode', message: CHOOSE_SUBJECT });
  if (form.jobTitle.trim().length > 200) errors.push({ field: 'jobTitle', message: 'Job title must be 200 characters or fewer' });
  if (form.team.trim().length > 200) errors.push({ field: 'team', message: 'Team must be 200 characters or fewer' });
  return {
    input: errors.length ? null : {
      organisationId, subjectCode: form.subjectCode, personKind: form.personKind || null, jobTitle: form.jobTitle.trim() || null, team: form.team.trim() || null,
    },
    errors,
  };
}

export function refusalInputFrom(organisationId: string, form: { fromOrganisationId: string; subjectCode: string; reason: string }):
  { input: RefuseCompletionsInput | null; errors: Array<FieldError<RefusalField>> } {
  const errors: Array<FieldError<RefusalField>> = [];
  if (!form.fromOrganisationId) errors.push({ field: 'fromOrganisationId', message: 'Choose the organisation whose completions you do not accept' });
  if (!form.subjectCode) errors.push({ field: 'subjectCode', message: CHOOSE_SUBJECT });
  const reason = form.reason.trim();
  if (!reason) errors.push({ field: 'reason', message: 'Enter the reason (up to 500 characters)' });
  else if (reason.length > 500) errors.push({ field: 'reason', message: 'Reason must be 500 characters or fewer' });
  return { input: errors.length ? null : { organisationId, fromOrganisationId: form.fromOrganisationId, subjectCode: form.subjectCode, reason }, errors };
}
