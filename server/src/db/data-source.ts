import { DataSource } from 'typeorm';
import type { Config } from '../config';
import { CatalogueFoundation1763900000000 } from './migrations/1763900000000-catalogue-foundation';
import { IdentityAndAudit1763910000000 } from './migrations/1763910000000-identity-and-audit';
import { PeopleImport1763920000000 } from './migrations/1763920000000-people-import';
import { SharedBooking1763930000000 } from './migrations/1763930000000-shared-booking';
import { EmailOutbox1763940000000 } from './migrations/1763940000000-email-outbox';
import { SeatRelease1763950000000 } from './migrations/1763950000000-seat-release';
import { FundingLedger1763960000000 } from './migrations/1763960000000-funding-ledger';
import { InviteBuiltAtDelivery1763972000000 } from './migrations/1763972000000-invite-built-at-delivery';
import { VolunteerRegistration1763972100000 } from './migrations/1763972100000-volunteer-registration';
import { IdempotencyRequestHash1763974000000 } from './migrations/1763974000000-idempotency-request-hash';
import { SessionLastSeen1763974100000 } from './migrations/1763974100000-session-last-seen';
import { CoursePublishing1764700000000 } from './migrations/1764700000000-course-publishing';
import { Commissioning1764800000000 } from './migrations/1764800000000-commissioning';
import { PledgeIdempotency1764850000000 } from './migrations/1764850000000-pledge-idempotency';
import { LedgerCells1764900000000 } from './migrations/1764900000000-ledger-cells';
import { XapiStatements1765300000000 } from './migrations/1765300000000-xapi-statements';
import { FundingOverviewPlaces1765420000000 } from './migrations/1765420000000-funding-overview-places';
import { Compliance1765100000000 } from './migrations/1765100000000-compliance';
import { LearningRecords1765000000000 } from './migrations/1765000000000-learning-records';
import { OrganisationDirectoryEntry1764600000000 } from './migrations/1764600000000-organisation-directory-entry';
import { Evaluation1765200000000 } from './migrations/1765200000000-evaluation';
import type { Logger } from '../observability/logger';
import { preparingClient, StatementNames } from './prepared-statements';
import { queryErrorLevel, sqlState, SqlCountingLogger, type QueryErrorHandler } from './sql-statement-counter';
import { PartnershipEntity } from '../modules/partnerships/partnership.entity';
import { OrganisationEntity } from '../modules/organisations/organisation.entity';
import { SectorGroupEntity } from '../modules/organisations/sector-group.entity';
import { PersonEntity } from '../modules/people/person.entity';
import { RoleGrantEntity } from '../modules/people/role-grant.entity';
import { CourseEntity } from '../modules/catalogue/course.entity';
import { VenueEntity } from '../modules/catalogue/venue.entity';
import { TrainingSessionEntity } from '../modules/catalogue/training-session.entity';
import { SeatAllocationEntity } from '../modules/catalogue/seat-allocation.entity';
import { BookingEntity } from '../modules/bookings/booking.entity';
import { MandatorySubjectEntity } from '../modules/catalogue/mandatory-subject.entity';
import { FundingStreamEntity } from '../modules/funding/funding-stream.entity';
import { LedgerEntryEntity } from '../modules/funding/ledger-entry.entity';
import { TrainingNeedEntity } from '../modules/needs/training-need.entity';
import { CommissioningProposalEntity } from '../modules/commissioning/commissioning-proposal.entity';
import { CommissioningPledgeEntity } from '../modules/commissioning/commissioning-pledge.entity';
import { DeliveryOptionEntity } from '../modules/commissioning/delivery-option.entity';

export const migrations = [CatalogueFoundation1763900000000, IdentityAndAudit1763910000000, PeopleImport1763920000000,
  SharedBooking1763930000000, EmailOutbox1763940000000, SeatRelease1763950000000, FundingLedger1763960000000,
  InviteBuiltAtDelivery1763972000000, VolunteerRegistration1763972100000, IdempotencyRequestHash1763974000000,
  SessionLastSeen1763974100000, OrganisationDirectoryEntry1764600000000, CoursePublishing1764700000000,
  Commissioning1764800000000, PledgeIdempotency1764850000000, LedgerCells1764900000000,
  LearningRecords1765000000000, Compliance1765100000000, Evaluation1765200000000, XapiStatements1765300000000,
  FundingOverviewPlaces1765420000000];

export const entities = [
  PartnershipEntity, OrganisationEntity, SectorGroupEntity, PersonEntity, RoleGrantEntity,
  CourseEntity, VenueEntity, TrainingSessionEntity, SeatAllocationEntity, BookingEntity, MandatorySubjectEntity,
  FundingStreamEntity, LedgerEntryEntity, TrainingNeedEntity,
  CommissioningProposalEntity, CommissioningPledgeEntity, DeliveryOptionEntity,
];

/** Logs a failed statement at the level its SQLSTATE deserves (a user's mistake is not an error). */
export function logQueryErrors(log: Logger): QueryErrorHandler {
  return (error, query) => {
    const message = typeof error === 'string' ? error : error.message;
    log[queryErrorLevel(error)]({ code: sqlState(error), message, query }, 'query failed');
  };
}

type DbConfig = Pick<Config, 'dbPoolSize' | 'dbStatementTimeoutMs' | 'dbConnectTimeoutMs'> & Partial<Pick<Config, 'dbPreparedStatements'>>;

/** Distinct statements a data source prepares, at most: each of its connections then holds no more than this many. */
const PREPARED_STATEMENTS_LIMIT = 250;

export function createDataSource(
  url: string,
  db: DbConfig,
  onQueryError: QueryErrorHandler = () => {},
): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['query', 'error'],
    logger: new SqlCountingLogger(onQueryError),
    extra: {
      max: db.dbPoolSize,
      // The pg defaults wait forever: a lost database must fail requests, not hang them.
      connectionTimeoutMillis: db.dbConnectTimeoutMs,
      statement_timeout: db.dbStatementTimeoutMs,
      idle_in_transaction_session_timeout: db.dbStatementTimeoutMs * 2,
      application_name: 'partnership-portal',
      ...(db.dbPreparedStatements === false ? {} : { Client: preparingClient(new StatementNames(PREPARED_STATEMENTS_LIMIT)) }),
    },
  });
}

/** Names of migrations the code knows that the database has not run: empty means migrated. */
export async function pendingMigrations(dataSource: DataSource): Promise<string[]> {
  const [{ exists }] = await dataSource.query(`SELECT to_regclass('schema_migration') IS NOT NULL AS exists`);
  if (!exists) return migrations.map((m) => m.name);
  const rows: Array<{ name: string }> = await dataSource.query('SELECT name FROM schema_migration');
  const done = new Set(rows.map((r) => r.name));
  return migrations.map((m) => m.name).filter((name) => !done.has(name));
}
