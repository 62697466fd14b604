import { parseFinancialYear } from '@portal/domain';
import { poundsFromPence, ukDate } from './funding-export.format';

/**
 * Funding streams as 360Giving grants (https://standard.threesixtygiving.org): a package
 * `{ "grants": [ … ] }` whose grants carry the fields the standard's schema requires — id, title,
 * description, currency, amountAwarded, awardDate, recipientOrganization and fundingOrganization,
 * each organisation with an id and a name.
 *
 * Identifiers. A grant is `360G-<partnership slug>-<stream id>`. An organisation is named by its
 * registered identifier (`Organisation.orgId`, an org-id.guide identifier such as GB-NHS-RGN or
 * GB-CHC-1234567), so its grants can be matched with the same body in other funders' data. An
 * organisation with none recorded falls back to an id made from the partnership and its short code,
 * `GB-PARTNERSHIP-<PARTNERSHIP SLUG>-<SHORT CODE>` (e.g. GB-PARTNERSHIP-GREATER-PETERBOROUGH-PCC):
 * short codes are unique only within a partnership, and the slug keeps two partnerships' "PCC" apart.
 * An outside funder (no organisation in the portal) is `GB-PARTNERSHIP-<PARTNERSHIP SLUG>-FUNDER-<ITS NAME>`,
 * its name in capitals and hyphens.
 * The recipient is the organisation that manages the stream; the award date is the first day of
 * the stream's financial year; amountAwarded is the stream's amount (its budget) in pounds.
 */

export const STREAMS_QUERY = `query FundingExportStreams($partnershipSlug: String!, $financialYear: String!) {
  fundingStreams(partnershipSlug: $partnershipSlug, financialYear: $financialYear) {
    id name description financialYear amount { pence } funderName funderKind
    funderOrganisation { name shortCode orgId } managingOrganisation { name shortCode orgId }
  }
}`;

export interface StreamData {
  id: string; name: string; description: string; financialYear: string; amount: { pence: number };
  funderName: string; funderKind: string;
  funderOrganisation: ExportedOrganisation | null; managingOrganisation: ExportedOrganisation;
}

export interface ExportedOrganisation { name: string; shortCode: string; orgId: string | null }

const identifierPart = (text: string): string => text.toUpperCase().replace(/[^A-Z0-9]+/g, '-').replace(/^-+|-+$/g, '');

/** Its registered identifier; without one, the partnership's own id for it. */
export function organisationIdentifier(partnershipSlug: string, organisation: Pick<ExportedOrganisation, 'shortCode' | 'orgId'>): string {
  return organisation.orgId ?? `GB-PARTNERSHIP-${identifierPart(partnershipSlug)}-${identifierPart(organisation.shortCode)}`;
}

export function outsideFunderIdentifier(partnershipSlug: string, funderName: string): string {
  return `GB-PARTNERSHIP-${identifierPart(partnershipSlug)}-FUNDER-${identifierPart(funderName) || 'UNNAMED'}`;
}

/** One grant as JSON text. amountAwarded is written from pence as a decimal literal, so no float rounds it. */
export function grantJson(partnershipSlug: string, stream: StreamData): string {
  const year = parseFinancialYear(stream.financialYear);
  if (!year) throw new Error(`funding export: stream ${stream.id} has the financial year "${stream.financialYear}"`);
  const funder = stream.funderOrganisation
    ? { id: organisationIdentifier(partnershipSlug, stream.funderOrganisation), name: stream.funderOrganisation.name }
    : { id: outsideFunderIdentifier(partnershipSlug, stream.funderName), name: stream.funderName };
  const fields: Array<[string, string]> = [
    ['id', JSON.stringify(`360G-${partnershipSlug}-${stream.id}`)],
    ['title', JSON.stringify(stream.name)],
    // The standard requires a description; a stream set up without one is described by what it is.
    ['description', JSON.stringify(stream.description.trim()
      || `${stream.name}: funding for learning from ${stream.funderName}, financial year ${stream.financialYear}.`)],
    ['currency', '"GBP"'],
    ['amountAwarded', poundsFromPence(stream.amount.pence)],
    ['awardDate', JSON.stringify(ukDate(year.start))],
    ['recipientOrganization', JSON.stringify([{
      id: organisationIdentifier(partnershipSlug, stream.managingOrganisation), name: stream.managingOrganisation.name,
    }])],
    ['fundingOrganization', JSON.stringify([funder])],
  ];
  return `{${fields.map(([key, value]) => `${JSON.stringify(key)}:${value}`).join(',')}}`;
}

/** The package as chunks: the opening, each grant, the closing. */
export function* grantPackageChunks(partnershipSlug: string, streams: StreamData[]): Generator<string> {
  yield '{"grants":[';
  for (const [i, stream] of streams.entries()) yield `${i ? ',' : ''}\n${grantJson(partnershipSlug, stream)}`;
  yield '\n]}\n';
}
