/**
 * An organisation's registered identifier, written as an org-id.guide identifier: the list's
 * prefix for the register, a hyphen, and the organisation's number or code in that register.
 * 360Giving data names organisations this way, so a grant's recipient can be matched with the
 * same body in anyone else's data.
 *
 * The registers a health and social care partnership's members are found in:
 *
 * - GB-NHS: the NHS Organisation Data Service (ODS). Trusts and integrated care boards have
 *   3-character codes (RGN, RT1, QUE), sites and pharmacies 5, GP practices 6 (D81001), dental
 *   practices 7 (V012345); every code has at least one letter.
 * - GB-CHC: the Charity Commission for England and Wales, registered charity numbers of 6 or 7
 *   digits (the register began at 200000).
 * - GB-COH: Companies House, company numbers of 8 characters: 8 digits (England and Wales, with
 *   leading zeros) or 2 letters and 6 digits (SC Scotland, NI Northern Ireland, OC LLPs…).
 * - GB-LAE: local authorities in England, the 3- or 4-letter codes of the local-authority-eng
 *   register (PTE for Peterborough).
 *
 * The rule reads what a person types ("gb-coh-1234567 ") into the stored form (GB-COH-01234567):
 * capitals, no spaces, a company number padded to 8 digits.
 */
export type OrgIdScheme = 'GB-NHS' | 'GB-CHC' | 'GB-COH' | 'GB-LAE';

export interface OrgIdSchemeRule {
  scheme: OrgIdScheme;
  /** The register, in words. */
  register: string;
  /** What the part after the prefix must be, in the stored form. */
  pattern: RegExp;
  /** What is wrong when the part after the prefix does not match, with an example. */
  formatMessage: string;
}

export const ORG_ID_SCHEMES: readonly OrgIdSchemeRule[] = [
  { scheme: 'GB-NHS', register: 'NHS Organisation Data Service (ODS) code', pattern: /^(?=[A-Z0-9]*[A-Z])[A-Z0-9]{3,7}$/,
    formatMessage: 'An ODS code is 3 to 7 letters and digits, with at least one letter, like GB-NHS-RGN' },
  { scheme: 'GB-CHC', register: 'registered charity number (England and Wales)', pattern: /^[1-9][0-9]{5,6}$/,
    formatMessage: 'A charity number is 6 or 7 digits, like GB-CHC-1234567' },
  { scheme: 'GB-COH', register: 'Companies House company number', pattern: /^(?:[0-9]{8}|[A-Z]{2}[0-9]{6}|R0[0-9]{6})$/,
    formatMessage: 'A company number is 8 digits, or 2 letters and 6 digits, like GB-COH-01234567 or GB-COH-SC123456' },
  { scheme: 'GB-LAE', register: 'local authority code (England)', pattern: /^[A-Z]{3,4}$/,
    formatMessage: 'A local authority code is 3 or 4 letters, like GB-LAE-PTE' },
];

/** Longer than any identifier of the four schemes, with room for the spaces a person may type. */
export const MAX_ORG_ID_INPUT_LENGTH = 40;

export type ParsedOrgId =
  | { ok: true; orgId: string; scheme: OrgIdScheme; identifier: string }
  | { ok: false; code: 'REQUIRED' | 'TOO_LONG' | 'UNKNOWN_SCHEME' | 'BAD_FORMAT'; message: string };

const UNKNOWN_SCHEME_MESSAGE = 'Enter an identifier that starts with GB-NHS- (an ODS code), GB-CHC- (a charity number), '
  + 'GB-COH- (a company number) or GB-LAE- (a local authority code)';

/** Reads a typed identifier into its stored form, or says what is wrong with it. */
export function parseOrgId(text: string): ParsedOrgId {
  if (text.length > MAX_ORG_ID_INPUT_LENGTH) {
    return { ok: false, code: 'TOO_LONG', message: `Registered identifier must be ${MAX_ORG_ID_INPUT_LENGTH} characters or fewer` };
  }
  const compact = text.replace(/\s+/g, '').toUpperCase();
  if (!compact) return { ok: false, code: 'REQUIRED', message: 'Enter the registered identifier, like GB-NHS-RGN' };
  const rule = ORG_ID_SCHEMES.find((r) => compact.startsWith(`${r.scheme}-`));
  if (!rule) return { ok: false, code: 'UNKNOWN_SCHEME', message: UNKNOWN_SCHEME_MESSAGE };
  let identifier = compact.slice(rule.scheme.length + 1);
  // Company numbers are often written without their leading zeros.
  if (rule.scheme === 'GB-COH' && /^[0-9]{1,7}$/.test(identifier)) identifier = identifier.padStart(8, '0');
  if (!rule.pattern.test(identifier)) return { ok: false, code: 'BAD_FORMAT', message: rule.formatMessage };
  return { ok: true, orgId: `${rule.scheme}-${identifier}`, scheme: rule.scheme, identifier };
}

/** Whether text is already a stored-form identifier (what the database's CHECK also says). */
export function isOrgId(text: string): boolean {
  const parsed = parseOrgId(text);
  return parsed.ok && parsed.orgId === text;
}
