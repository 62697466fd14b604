import type { CreateOrganisationInput, OrganisationRole, Sector } from '../gql/graphql';
import { EMAIL_FORMAT_MESSAGE, looksLikeEmail, tooLong, tooLongMessage } from '../ui/field-checks';
import type { FieldError } from '../ui/form-errors';

/** What the "Add an organisation" form holds while it is filled in: text, as typed. */
export interface OrganisationForm {
  name: string;
  shortCode: string;
  sector: Sector | '';
  role: OrganisationRole | '';
  deliversTraining: boolean;
  staffHeadcount: string;
  volunteerHeadcount: string;
  sectorGroupId: string;
  leadName: string;
  leadEmail: string;
  leadJobTitle: string;
}

/** Form fields by the API's path under input: the lead's are "lead.name" and so on. */
export type OrganisationField =
  | 'name' | 'shortCode' | 'sector' | 'role' | 'deliversTraining' | 'staffHeadcount' | 'volunteerHeadcount'
  | 'sectorGroupId' | 'lead.name' | 'lead.email' | 'lead.jobTitle';

export const ORGANISATION_FIELDS: OrganisationField[] = [
  'name', 'shortCode', 'sector', 'role', 'deliversTraining', 'staffHeadcount', 'volunteerHeadcount', 'sectorGroupId',
  'lead.name', 'lead.email', 'lead.jobTitle',
];

export const EMPTY_ORGANISATION_FORM: OrganisationForm = {
  name: '', shortCode: '', sector: '', role: '', deliversTraining: false, staffHeadcount: '', volunteerHeadcount: '',
  sectorGroupId: '', leadName: '', leadEmail: '', leadJobTitle: '',
};

const SHORT_CODE = /^[A-Z0-9-]{2,20}$/;
const MAX_HEADCOUNT = 1_000_000;
const MAX_TEXT = 200;

function headcount(text: string, label: string, field: OrganisationField, errors: Array<FieldError<OrganisationField>>): number | null {
  const value = text.replace(/,/g, '').trim();
  if (!value) return null;
  if (!/^\d+$/.test(value)) {
    errors.push({ field, message: `${label} must be a whole number, like 250` });
    return null;
  }
  if (Number(value) > MAX_HEADCOUNT) {
    errors.push({ field, message: `${label} must be 1,000,000 or fewer` });
    return null;
  }
  return Number(value);
}

/**
 * The API's input from the form, or what must be fixed first: every field's problem at once
 * (blanks, lengths, the short code's form, numbers, an address's shape, a lead half filled in).
 * The API checks the rest (a short code already taken, the address rule) and its messages link
 * to the same fields.
 */
export function organisationInputFrom(form: OrganisationForm): { input: CreateOrganisationInput | null; errors: Array<FieldError<OrganisationField>> } {
  const errors: Array<FieldError<OrganisationField>> = [];
  if (!form.name.trim()) errors.push({ field: 'name', message: "Enter the organisation's name" });
  else if (tooLong(form.name, MAX_TEXT)) errors.push({ field: 'name', message: tooLongMessage('Name', MAX_TEXT) });
  if (!form.shortCode.trim()) errors.push({ field: 'shortCode', message: 'Enter a short code, like PCC' });
  else if (!SHORT_CODE.test(form.shortCode.trim().toUpperCase())) {
    errors.push({ field: 'shortCode', message: 'Short code must be 2 to 20 capital letters, digits or hyphens, like PCC or NWAFT-2' });
  }
  if (!form.sector) errors.push({ field: 'sector', message: 'Select the sector' });
  if (!form.role) errors.push({ field: 'role', message: "Select the organisation's role in the partnership" });
  const staffHeadcount = headcount(form.staffHeadcount, 'Number of staff', 'staffHeadcount', errors);
  const volunteerHeadcount = headcount(form.volunteerHeadcount, 'Number of volunteers', 'volunteerHeadcount', errors);
  const leadGiven = [form.leadName, form.leadEmail, form.leadJobTitle].some((value) => value.trim());
  if (leadGiven && !form.leadName.trim()) errors.push({ field: 'lead.name', message: "Enter the L&D lead's name" });
  else if (tooLong(form.leadName, MAX_TEXT)) errors.push({ field: 'lead.name', message: tooLongMessage('Full name', MAX_TEXT) });
  if (leadGiven && !form.leadEmail.trim()) errors.push({ field: 'lead.email', message: "Enter the L&D lead's work email address" });
  else if (leadGiven && !looksLikeEmail(form.leadEmail)) errors.push({ field: 'lead.email', message: EMAIL_FORMAT_MESSAGE });
  if (tooLong(form.leadJobTitle, MAX_TEXT)) errors.push({ field: 'lead.jobTitle', message: tooLongMessage('Job title', MAX_TEXT) });
  if (errors.length || !form.sector || !form.role) return { input: null, errors };
  return {
    input: {
      name: form.name.trim(),
      shortCode: form.shortCode.trim().toUpperCase(),
      sector: form.sector,
      role: form.role,
      deliversTraining: form.deliversTraining,
      staffHeadcount,
      volunteerHeadcount,
      sectorGroupId: form.sectorGroupId || null,
      lead: leadGiven
        ? { name: form.leadName.trim(), email: form.leadEmail.trim(), jobTitle: form.leadJobTitle.trim() || null }
        : null,
    },
    errors: [],
  };
}
