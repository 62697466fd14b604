import DataLoader from 'dataloader';
import type { Context } from '../../graphql/context';

/** Per request: whether each booking has its feedback, one statement for a page of bookings. */
const perRequest = new WeakMap<Context, DataLoader<string, boolean>>();

export function feedbackGivenLoader(ctx: Context): DataLoader<string, boolean> {
  let loader = perRequest.get(ctx);
  if (!loader) {
    loader = new DataLoader<string, boolean>(async (ids) => {
      const rows: Array<{ booking_id: string }> = await ctx.dataSource.query('SELECT booking_id FROM feedback WHERE booking_id = ANY($1::uuid[])', [ids]);
      const given = new Set(rows.map((r) => r.booking_id));
      return ids.map((id) => given.has(id));
    });
    perRequest.set(ctx, loader);
  }
  return loader;
}
