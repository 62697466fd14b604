import type { DataSource, EntityManager } from 'typeorm';
import { buildPartnership } from './build-partnership';
import { recomputeSeatCounters } from './counters';
import { FENLAND } from './fenland';
import { GREATER_PETERBOROUGH } from './greater-peterborough';
import { insertPartnership } from './tables';
import { hashPasswordOnce } from '../../modules/auth/password-hasher';
import { refreshNeedGrouping } from '../../modules/needs/need-grouping';
import { loadDemoEvaluation } from './evaluation';
import { loadComplianceDemo } from './compliance';
import { loadDemoInformalLearning } from './informal-learning';

/**
 * ledgerEntries: about this many ledger entries; bookings post theirs and entries recorded by
 * hand make up the rest. Given bookings but no ledgerEntries, it keeps the demo's proportion.
 */
export interface DemoSizes { people: number; courses: number; sessions: number; bookings: number; ledgerEntries: number }
export interface DemoOptions {
  now: Date;
  scale?: number;
  sizes?: Partial<DemoSizes>;
  /** The password of the demo accounts (…@demo.portal); without it they cannot sign in. */
  demoPassword?: string;
}
export interface DemoSummary {
  partnerships: number;
  organisations: number;
  people: number;
  courses: number;
  sessions: number;
  bookings: number;
  fundingStreams: number;
  ledgerEntries: number;
  publicUpcomingSessions: number;
}

/** Sizes of the main partnership at scale 1. */
export const DEMO_SIZES: Readonly<DemoSizes> = { people: 600, courses: 70, sessions: 320, bookings: 3200, ledgerEntries: 4000 };
/** The second partnership stays small: it is there to show that tenants are kept apart. */
const SECOND_PARTNERSHIP_SIZES: Readonly<DemoSizes> = { people: 40, courses: 6, sessions: 15, bookings: 40, ledgerEntries: 60 };

function scaled(sizes: Readonly<DemoSizes>, scale: number): DemoSizes {
  const times = (n: number) => Math.max(1, Math.round(n * scale));
  return {
    people: times(sizes.people),
    courses: times(sizes.courses),
    sessions: times(sizes.sessions),
    bookings: times(sizes.bookings),
    ledgerEntries: times(sizes.ledgerEntries),
  };
}

function validate(options: DemoOptions): void {
  if (!(options.now instanceof Date) || Number.isNaN(options.now.getTime())) {
    throw new Error('demo data: now must be a valid Date');
  }
  const scale = options.scale ?? 1;
  if (!Number.isFinite(scale) || scale <= 0) throw new Error(`demo data: scale must be a positive number, got ${scale}`);
  for (const [name, value] of Object.entries(options.sizes ?? {})) {
    if (value !== undefined && (!Number.isInteger(value) || value < 0)) {
      throw new Error(`demo data: sizes.${name} must be a whole number ≥ 0, got ${value}`);
    }
  }
}

async function summarise(manager: EntityManager, partnershipIds: string[], now: Date): Promise<DemoSummary> {
  const [row] = await manager.query(
    `SELECT (SELECT count(*) FROM partnership WHERE id = ANY($1::uuid[]))::int AS partnerships,
            (SELECT count(*) FROM organisation WHERE partnership_id = ANY($1::uuid[]))::int AS organisations,
            (SELECT count(*) FROM person WHERE partnership_id = ANY($1::uuid[]))::int AS people,
            (SELECT count(*) FROM course WHERE partnership_id = ANY($1::uuid[]))::int AS courses,
            (SELECT count(*) FROM training_session WHERE partnership_id = ANY($1::uuid[]))::int AS sessions,
            (SELECT count(*) FROM booking WHERE partnership_id = ANY($1::uuid[]))::int AS bookings,
            (SELECT count(*) FROM funding_stream WHERE partnership_id = ANY($1::uuid[]))::int AS "fundingStreams",
            (SELECT count(*) FROM ledger_entry WHERE partnership_id = ANY($1::uuid[]))::int AS "ledgerEntries",
            (SELECT count(*) FROM training_session s JOIN course c ON c.id = s.course_id
              WHERE s.partnership_id = ANY($1::uuid[]) AND c.visibility = 'public' AND s.status = 'scheduled'
                AND s.starts_at > $2)::int AS "publicUpcomingSessions"`,
    [partnershipIds, now.toISOString()],
  );
  return row as DemoSummary;
}

/**
 * Loads the demo: the Greater Peterborough partnership (sized by `scale` and `sizes`) and the
 * small Fenland one, dated relative to `now`, with their funding streams for the financial year
 * of `now` and the year before and the ledger their bookings and invoices wrote. The same
 * options always give the same rows, ids included. Everything goes in one transaction: a
 * failure leaves nothing behind. The summary counts what was loaded, both partnerships together.
 */
export async function loadDemoData(dataSource: DataSource, options: DemoOptions): Promise<DemoSummary> {
  validate(options);
  const scale = options.scale ?? 1;
  const base = scaled(DEMO_SIZES, scale);
  const given = options.sizes ?? {};
  const mainSizes: DemoSizes = {
    people: given.people ?? base.people,
    courses: given.courses ?? base.courses,
    sessions: given.sessions ?? base.sessions,
    bookings: given.bookings ?? base.bookings,
    ledgerEntries: given.ledgerEntries
      ?? (given.bookings === undefined ? base.ledgerEntries : Math.round((given.bookings * DEMO_SIZES.ledgerEntries) / DEMO_SIZES.bookings)),
  };
  const partnerships = [
    buildPartnership(GREATER_PETERBOROUGH, mainSizes, options.now),
    buildPartnership(FENLAND, scaled(SECOND_PARTNERSHIP_SIZES, scale), options.now),
  ];
  const ids = partnerships.map((p) => p.partnership.id);
  const passwordHash = options.demoPassword ? await hashPasswordOnce(options.demoPassword) : null;
  return dataSource.transaction(async (manager) => {
    for (const rows of partnerships) await insertPartnership(manager, rows);
    await loadComplianceDemo(manager, ids, options.now);
    await recomputeSeatCounters(manager, ids);
    for (const id of ids) await refreshNeedGrouping(manager, id);
    await loadDemoEvaluation(manager, ids, options.now);
    await loadDemoInformalLearning(manager, ids, options.now);
    // Approval policies: the council and the care sector ask the line manager; the rest need none.
    await manager.query(`UPDATE organisation SET approval_policy = 'line_manager'
      WHERE partnership_id = ANY($1::uuid[]) AND (short_code = 'PCC' OR sector IN ('care_home', 'domiciliary_care'))`, [ids]);
    if (passwordHash) {
      await manager.query(`UPDATE person SET password_hash = $1 WHERE email LIKE '%@demo.portal' AND partnership_id = ANY($2::uuid[])`,
        [passwordHash, ids]);
    }
    return summarise(manager, ids, options.now);
  });
}
