import { Args, ArgsType, Ctx, Field, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import type { Context } from '../../graphql/context';
import { ComplianceMatrixService, DEFAULT_MATRIX_PAGE, MAX_MATRIX_PAGE } from './compliance-matrix.service';
import { complianceCsvPath } from './compliance-export';
import { ComplianceMatrix, ComplianceRow, ComplianceRowConnection } from './compliance.types';

@ArgsType()
class ComplianceRowsPageArgs {
  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_MATRIX_PAGE })
  @Min(1, { message: 'first must be at least 1.' }) @Max(MAX_MATRIX_PAGE, { message: `first must be at most ${MAX_MATRIX_PAGE}.` })
  first!: number;

  @Field({ nullable: true }) @IsOptional() @MaxLength(1200, { message: 'The cursor is not one this server gave.' })
  after?: string;
}

/**
 * A matrix's rows, read only when asked: a page at a time (`rowsPage`), or every row (the
 * deprecated `rows`), or the CSV (deprecated here; the download route streams it). The matrix's
 * access was checked by the query that made it.
 */
@Resolver(() => ComplianceMatrix)
export class ComplianceMatrixResolver {
  @FieldResolver(() => ComplianceRowConnection, { description: `The rows by name, ${DEFAULT_MATRIX_PAGE} at a time (at most ${MAX_MATRIX_PAGE}): the filters applied; the totals are of every row.` })
  async rowsPage(@Root() matrix: ComplianceMatrix, @Args(() => ComplianceRowsPageArgs) args: ComplianceRowsPageArgs, @Ctx() ctx: Context): Promise<ComplianceRowConnection> {
    const page = await new ComplianceMatrixService(ctx.dataSource).page(matrix.source, args);
    return { ...page, totalCount: matrix.rowCount };
  }

  @FieldResolver(() => [ComplianceRow])
  async rows(@Root() matrix: ComplianceMatrix, @Ctx() ctx: Context): Promise<ComplianceRow[]> {
    return new ComplianceMatrixService(ctx.dataSource).allRows(matrix.source);
  }

  @FieldResolver(() => String)
  async csv(@Root() matrix: ComplianceMatrix, @Ctx() ctx: Context): Promise<string> {
    return new ComplianceMatrixService(ctx.dataSource).csvText(matrix.source);
  }

  @FieldResolver(() => String, { description: 'Where to download these rows (the same filters) as CSV, streamed: for whoever may see the matrix.' })
  csvPath(@Root() matrix: ComplianceMatrix): string {
    return complianceCsvPath(matrix.source.query);
  }
}
