import type { CreateOrganisationInput, OrganisationRole, Sector } from '../gql/graphql';
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

function headcount(text: string, label: string, field: OrganisationField, errors: Array<FieldError<OrganisationField>>): number | null {
  const value = text.replace(/,/g, '').trim();
  if (!value) return null;
  if (!/^\d+$/.test(value)) {
    errors.push({ field, message: `${label} must be a whole number, like 250` });
    return null;
  }
  return Number(value);
}

/**
 * The API's input from the form, or what must be fixed first. Checks only what a person would
 * want told at once (blanks, numbers, a lead half filled in); the API checks the rest (short
 * code format and uniqueness, email addresses) and its messages link to the same fields.
 */
export function organisationInputFrom(form: OrganisationForm): { input: CreateOrganisationInput | null; errors: Array<FieldError<OrganisationField>> } {
  const errors: Array<FieldError<OrganisationField>> = [];
  if (!form.name.trim()) errors.push({ field: 'name', message: "Enter the organisation's name" });
  if (!form.shortCode.trim()) errors.push({ field: 'shortCode', message: 'Enter a short code, like PCC' });
  if (!form.sector) errors.push({ field: 'sector', message: 'Select the sector' });
  if (!form.role) errors.push({ field: 'role', message: "Select the organisation's role in the partnership" });
  const staffHeadcount = headcount(form.staffHeadcount, 'Number of staff', 'staffHeadcount', errors);
  const volunteerHeadcount = headcount(form.volunteerHeadcount, 'Number of volunteers', 'volunteerHeadcount', errors);
  const leadGiven = [form.leadName, form.leadEmail, form.leadJobTitle].some((value) => value.trim());
  if (leadGiven && !form.leadName.trim()) errors.push({ field: 'lead.name', message: "Enter the L&D lead's name" });
  if (leadGiven && !form.leadEmail.trim()) errors.push({ field: 'lead.email', message: "Enter the L&D lead's work email address" });
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
