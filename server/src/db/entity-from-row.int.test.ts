import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { entityFromRow } from './entity-from-row';
import { openTestDataSource } from '../../../test/support/test-database';
import { CourseEntity } from '../modules/catalogue/course.entity';
import { TrainingSessionEntity } from '../modules/catalogue/training-session.entity';
import { VenueEntity } from '../modules/catalogue/venue.entity';
import { OrganisationEntity } from '../modules/organisations/organisation.entity';
import { BookingEntity } from '../modules/bookings/booking.entity';
import { LedgerEntryEntity } from '../modules/funding/ledger-entry.entity';

/**
 * entityFromRow builds from a raw row the entity TypeORM's own repository would: checked on the
 * demo data for entities with every kind of column the portal uses (uuid, text, text[], integers,
 * bigint money through its transformer, booleans, doubles, timestamps, nulls), plain and prefixed.
 */
describe('entityFromRow', () => {
  let dataSource: DataSource;
  beforeAll(async () => { dataSource = await openTestDataSource('demo'); });
  afterAll(() => dataSource?.destroy());

  const cases: Array<[string, EntityTarget<ObjectLiteral>, string]> = [
    ['training_session', TrainingSessionEntity, 'training_session'],
    ['course', CourseEntity, 'course'],
    ['organisation', OrganisationEntity, 'organisation'],
    ['venue', VenueEntity, 'venue'],
    ['booking', BookingEntity, 'booking'],
    ['ledger_entry', LedgerEntryEntity, 'ledger_entry'],
  ];

  it.each(cases)('%s: the same entity as the repository reads, plain and prefixed', async (_name, entity, table) => {
    const rows: Array<Record<string, unknown>> = await dataSource.query(`SELECT * FROM ${table} ORDER BY id LIMIT 25`);
    expect(rows.length).toBeGreaterThan(0);
    const ids = rows.map((row) => row.id);
    const byRepository = await dataSource.getRepository(entity).createQueryBuilder('x')
      .where('x.id IN (:...ids)', { ids }).orderBy('x.id').getMany();
    const built = rows.map((row) => entityFromRow(dataSource, entity, row));
    expect(built).toEqual(byRepository);
    expect(built[0]).toBeInstanceOf(entity as new () => unknown);
    const prefixed = rows.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [`x_${key}`, value])));
    expect(prefixed.map((row) => entityFromRow(dataSource, entity, row, 'x_'))).toEqual(byRepository);
  });

  it('refuses a row that lacks one of the columns, naming it', () => {
    const row = { id: '00000000-0000-4000-8000-000000000000', partnership_id: '00000000-0000-4000-8000-000000000001', name: 'Hall' };
    expect(() => entityFromRow(dataSource, VenueEntity, row)).toThrow('venue: the row has no column organisation_id');
  });

  it('keeps a null that the row holds (a column present but empty is not missing)', async () => {
    const [row] = await dataSource.query('SELECT * FROM training_session WHERE released_at IS NULL LIMIT 1');
    expect(entityFromRow(dataSource, TrainingSessionEntity, row).releasedAt).toBeNull();
  });
});
