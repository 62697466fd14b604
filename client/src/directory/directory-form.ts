import type { UpdateOrganisationEntryInput } from '../gql/graphql';

/** What the entry form holds while it is filled in: text, as typed. */
export interface EntryForm {
  description: string;
  website: string;
  contactEmail: string;
  contactPhone: string;
  deliversTraining: boolean;
  /** Shown to administrators only. */
  orgId: string;
}

export type EntryField = keyof EntryForm;
export const ENTRY_FIELDS: EntryField[] = ['description', 'website', 'contactEmail', 'contactPhone', 'deliversTraining', 'orgId'];

export function entryFormFrom(entry: {
  description: string | null; website: string | null; contactEmail: string | null; contactPhone: string | null;
  organisation: { deliversTraining: boolean; orgId: string | null };
}): EntryForm {
  return {
    description: entry.description ?? '', website: entry.website ?? '', contactEmail: entry.contactEmail ?? '',
    contactPhone: entry.contactPhone ?? '', deliversTraining: entry.organisation.deliversTraining, orgId: entry.organisation.orgId ?? '',
  };
}

/**
 * The API's input: every field the form shows, a blank one clearing what was there. The
 * identifier is sent only by an administrator's form (the API refuses it from anyone else).
 * The API checks every field and its messages link back to them.
 */
export function entryInputFrom(organisationId: string, form: EntryForm, withIdentifier: boolean): UpdateOrganisationEntryInput {
  return {
    organisationId,
    description: form.description,
    website: form.website.trim(),
    contactEmail: form.contactEmail.trim(),
    contactPhone: form.contactPhone.trim(),
    deliversTraining: form.deliversTraining,
    ...(withIdentifier ? { orgId: form.orgId.trim() } : {}),
  };
}

/** "GB-NHS-RGN" → "NHS ODS code RGN", so a reader knows which register the number is from. */
export function orgIdText(orgId: string | null): string | null {
  if (!orgId) return null;
  const registers: Record<string, string> = {
    'GB-NHS': 'NHS ODS code', 'GB-CHC': 'Registered charity number', 'GB-COH': 'Company number', 'GB-LAE': 'Local authority code',
  };
  const scheme = orgId.slice(0, 6);
  return registers[scheme] ? `${registers[scheme]} ${orgId.slice(7)}` : orgId;
}
