import type { DataSource } from 'typeorm';
import { OrganisationEntity } from './organisation.entity';

export class OrganisationService {
  constructor(private readonly dataSource: DataSource) {}

  listForPartnership(partnershipId: string): Promise<OrganisationEntity[]> {
    return this.dataSource.getRepository(OrganisationEntity).find({ where: { partnershipId }, order: { name: 'ASC' } });
  }
}
