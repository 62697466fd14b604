import type { DemoSizes } from '../../server/src/db/demo/load-demo-data';

/**
 * The main partnership at benchmark scale, the same for every benchmark: bookings post about a
 * third of the ledger entries, entries recorded by hand (invoices, allocations, corrections) the rest.
 */
export const BENCHMARK_SIZES: Partial<DemoSizes> = { people: 10_000, sessions: 2_000, bookings: 50_000, ledgerEntries: 100_000 };
