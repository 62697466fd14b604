import type { CourseAudience, CreateFundingStreamInput, FunderKind, FundingPurpose, Sector } from '../gql/graphql';
import { isPounds, tooLong, tooLongMessage } from '../ui/field-checks';
import type { FieldError } from '../ui/form-errors';

/** What the "Add a funding stream" form holds while it is filled in: text, as typed. */
export interface StreamForm {
  name: string;
  description: string;
  funderKind: FunderKind | '';
  funderName: string;
  funderOrganisationId: string;
  financialYear: string;
  amount: string;
  managingOrganisationId: string;
  pooled: boolean;
  contributions: Array<{ organisationId: string; amount: string }>;
  audience: CourseAudience;
  eligibleSectors: Sector[];
  purposes: FundingPurpose[];
}

/** Form fields by the API's path under input: a contribution's are "contributions.0.amount". */
export type StreamField =
  | 'name' | 'description' | 'funderKind' | 'funderName' | 'funderOrganisationId' | 'financialYear' | 'amount'
  | 'managingOrganisationId' | 'pooled' | 'contributions' | `contributions.${number}.organisationId`
  | `contributions.${number}.amount` | 'audience' | 'eligibleSectors' | 'purposes';

/** Every field the form shows, for this many contribution rows: what the API's paths may link to. */
export function streamFields(contributionRows: number): StreamField[] {
  const rows = Array.from({ length: contributionRows }, (_, i) => [`contributions.${i}.organisationId`, `contributions.${i}.amount`] as const).flat();
  return ['name', 'description', 'funderKind', 'funderName', 'funderOrganisationId', 'financialYear', 'amount',
    'managingOrganisationId', 'pooled', 'contributions', ...rows, 'audience', 'eligibleSectors', 'purposes'];
}

/** The id of the input each field's error links to. */
export function streamInputId(field: StreamField): string {
  const contribution = /^contributions\.(\d+)\.(organisationId|amount)$/.exec(field);
  if (contribution) return `contribution-${contribution[1]}-${contribution[2] === 'amount' ? 'amount' : 'organisation'}`;
  const ids: Partial<Record<StreamField, string>> = {
    name: 'stream-name', description: 'stream-description', funderKind: 'funder-kind', funderName: 'funder-name',
    funderOrganisationId: 'funder-organisation', financialYear: 'financial-year-input', amount: 'stream-amount',
    managingOrganisationId: 'managing-organisation', pooled: 'stream-pooled', contributions: 'contribution-0-organisation',
    audience: 'audience-BOTH', eligibleSectors: 'eligible-sectors', purposes: 'purposes',
  };
  return ids[field] ?? field;
}

export function emptyStreamForm(financialYear: string): StreamForm {
  return {
    name: '', description: '', funderKind: '', funderName: '', funderOrganisationId: '', financialYear, amount: '',
    managingOrganisationId: '', pooled: false, contributions: [{ organisationId: '', amount: '' }], audience: 'BOTH',
    eligibleSectors: [], purposes: [],
  };
}

/**
 * The API's input from the form, or what must be fixed first: every field's problem at once
 * (blanks, lengths, amounts that are not numbers, a financial year not written like 2026/27).
 * The API checks the rest (a negative or too large amount, years that do not follow each other,
 * contributions adding up) and its
 * messages link to the same fields.
 */
export function streamInputFrom(form: StreamForm): { input: CreateFundingStreamInput | null; errors: Array<FieldError<StreamField>> } {
  const errors: Array<FieldError<StreamField>> = [];
  const partner = form.funderKind === 'PARTNER';
  if (!form.name.trim()) errors.push({ field: 'name', message: 'Enter the stream’s name' });
  else if (tooLong(form.name, 200)) errors.push({ field: 'name', message: tooLongMessage('Name', 200) });
  if (tooLong(form.description, 2000)) errors.push({ field: 'description', message: tooLongMessage('Description', 2000) });
  if (!form.funderKind) errors.push({ field: 'funderKind', message: 'Select who funds the stream' });
  else if (partner && !form.funderOrganisationId) errors.push({ field: 'funderOrganisationId', message: 'Select the partner organisation that funds the stream' });
  else if (!partner && !form.funderName.trim()) errors.push({ field: 'funderName', message: 'Enter the funder’s name' });
  else if (!partner && tooLong(form.funderName, 200)) errors.push({ field: 'funderName', message: tooLongMessage('Funder’s name', 200) });
  if (!form.financialYear.trim()) errors.push({ field: 'financialYear', message: 'Enter the financial year, like 2026/27' });
  else if (!/^\d{4}\/\d{2}$/.test(form.financialYear.trim())) {
    errors.push({ field: 'financialYear', message: 'Financial year must be written like 2026/27: the year it starts and the next' });
  }
  if (!form.amount.trim()) errors.push({ field: 'amount', message: 'Enter the amount, like 12500.00' });
  else if (!isPounds(form.amount)) errors.push({ field: 'amount', message: 'Amount must be a number, like 12500.00' });
  if (!form.managingOrganisationId) errors.push({ field: 'managingOrganisationId', message: 'Select the organisation that manages the stream' });
  // Every row is sent, in order, so the API's paths ("contributions.1.amount") name the rows shown.
  if (form.pooled) {
    if (!form.contributions.length) errors.push({ field: 'contributions', message: 'Add each partner’s contribution to the pooled stream' });
    form.contributions.forEach((c, i) => {
      if (!c.organisationId) errors.push({ field: `contributions.${i}.organisationId`, message: `Select the partner for contribution ${i + 1}` });
      if (!c.amount.trim()) errors.push({ field: `contributions.${i}.amount`, message: `Enter the amount of contribution ${i + 1}` });
      else if (!isPounds(c.amount)) errors.push({ field: `contributions.${i}.amount`, message: `The amount of contribution ${i + 1} must be a number, like 5000.00` });
    });
  }
  if (errors.length || !form.funderKind) return { input: null, errors };
  return {
    input: {
      name: form.name.trim(),
      description: form.description.trim() || null,
      funderKind: form.funderKind,
      funderName: partner ? null : form.funderName.trim(),
      funderOrganisationId: partner ? form.funderOrganisationId : null,
      financialYear: form.financialYear.trim(),
      amount: stripPound(form.amount),
      managingOrganisationId: form.managingOrganisationId,
      pooled: form.pooled,
      contributions: form.pooled ? form.contributions.map((c) => ({ organisationId: c.organisationId, amount: stripPound(c.amount) })) : null,
      audience: form.audience,
      eligibleSectors: form.eligibleSectors,
      purposes: form.purposes,
    },
    errors: [],
  };
}

/** "£12,500" and "12,500" mean the same: the API reads pounds, with or without commas. */
export function stripPound(amount: string): string {
  return amount.trim().replace(/^(-?)\s*£\s*/, '$1');
}
