import { parseFinancialYear, type FinancialYear } from '@portal/domain';
import type { Context } from '../../graphql/context';
import { BadUserInputError } from '../../graphql/user-error';
import { PartnershipService } from '../partnerships/partnership.service';
import { fundingScope, requirePartnershipInScope, type FundingScope } from './funding.policy';
import { financialYearError } from './funding-stream.service';

export interface FundingYearScope { scope: FundingScope; year: FinancialYear; partnershipName: string }

/**
 * The checks every funding report starts with: who may see which money (refused before anything
 * is read), the year, and that the partnership asked for is the caller's own. The slug only
 * confirms what the session says: the scope comes from the viewer, never from the argument.
 * `path` is where the arguments sit (["filter"] for a filter input), so errors name the field.
 */
export async function fundingYearScope(ctx: Context, partnershipSlug: string, financialYear: string, path: string[] = []): Promise<FundingYearScope> {
  const scope = fundingScope(ctx.viewer);
  const year = fundingYear(financialYear, path);
  const partnership = await requireOwnPartnership(ctx, scope, partnershipSlug, path);
  return { scope, year, partnershipName: partnership.name };
}

/** A financial year argument; a bad one is BAD_USER_INPUT naming the field. */
export function fundingYear(financialYear: string, path: string[] = []): FinancialYear {
  // Quarters and their labels follow the streams' years, which are set up from April (parseFinancialYear's default).
  const year = parseFinancialYear(financialYear.trim());
  if (!year) throw new BadUserInputError([financialYearError([...path, 'financialYear'])]);
  return year;
}

/** An unknown slug is BAD_USER_INPUT; another partnership's is FORBIDDEN. */
export async function requireOwnPartnership(ctx: Context, scope: FundingScope, partnershipSlug: string, path: string[] = []): Promise<{ name: string }> {
  const partnership = await new PartnershipService(ctx.dataSource).requireBySlug(partnershipSlug, [...path, 'partnershipSlug']);
  requirePartnershipInScope(scope, partnership.id);
  return partnership;
}
