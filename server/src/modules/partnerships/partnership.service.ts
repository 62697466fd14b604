import type { DataSource } from 'typeorm';
import { entityFromRow } from '../../db/entity-from-row';
import { PartnershipEntity } from './partnership.entity';
import { badArgument } from './partnership.errors';

export class PartnershipService {
  constructor(private readonly dataSource: DataSource) {}

  // Plain statements, not the repository's find: nearly every request looks a partnership up, and
  // building the query through TypeORM cost more of the server's time than PostgreSQL took to answer it.
  async list(): Promise<PartnershipEntity[]> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query('SELECT * FROM partnership ORDER BY name');
    return rows.map((row) => entityFromRow(this.dataSource, PartnershipEntity, row));
  }

  async findBySlug(slug: string): Promise<PartnershipEntity | null> {
    const [row]: Array<Record<string, unknown>> = await this.dataSource.query('SELECT * FROM partnership WHERE slug = $1', [slug]);
    return row ? entityFromRow(this.dataSource, PartnershipEntity, row) : null;
  }

  /** For arguments that must name a partnership: an unknown slug is the caller's mistake. */
  async requireBySlug(slug: string, field: string[] = ['partnershipSlug']): Promise<PartnershipEntity> {
    const partnership = await this.findBySlug(slug);
    if (!partnership) throw badArgument(field, `There is no partnership "${slug}".`, 'NOT_FOUND');
    return partnership;
  }
}
