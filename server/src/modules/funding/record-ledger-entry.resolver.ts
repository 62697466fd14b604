import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { inputErrors } from '../../graphql/input-errors';
import { LedgerEntryPayload } from './funding.types';
import { requireEntryRecorder } from './funding.policy';
import { LedgerEntryService, type RecordEntryResult } from './ledger-entry.service';
import { RecordLedgerEntryInput } from './record-ledger-entry.input';

/** The entry's fields are resolved by ledger-entries.resolver.ts, from the LedgerEntryEntity returned here. */
@Resolver()
export class RecordLedgerEntryResolver {
  @Mutation(() => LedgerEntryPayload, {
    description: 'Administrators, and L&D leads on the streams their organisation manages: appends an entry. Nothing is edited or deleted; a mistake is corrected by an ADJUSTMENT that reverses it. No stream is ever committed or spent past its budget.',
  })
  async recordLedgerEntry(@Arg('input', () => RecordLedgerEntryInput, { validate: false }) input: RecordLedgerEntryInput,
    @Ctx() ctx: Context): Promise<RecordEntryResult> {
    const viewer = requireEntryRecorder(ctx.viewer);
    return new LedgerEntryService(ctx.dataSource).record(viewer, input, ctx.origin, ctx.now, await inputErrors(input));
  }
}
