import type { DataSource } from 'typeorm';
import { PartnershipEntity } from './partnership.entity';
import { badArgument } from './partnership.errors';

export class PartnershipService {
  constructor(private readonly dataSource: DataSource) {}

  list(): Promise<PartnershipEntity[]> {
    return this.dataSource.getRepository(PartnershipEntity).find({ order: { name: 'ASC' } });
  }

  findBySlug(slug: string): Promise<PartnershipEntity | null> {
    return this.dataSource.getRepository(PartnershipEntity).findOneBy({ slug });
  }

  /** For arguments that must name a partnership: an unknown slug is the caller's mistake. */
  async requireBySlug(slug: string, field: string[] = ['partnershipSlug']): Promise<PartnershipEntity> {
    const partnership = await this.findBySlug(slug);
    if (!partnership) throw badArgument(field, `There is no partnership "${slug}".`, 'NOT_FOUND');
    return partnership;
  }
}
