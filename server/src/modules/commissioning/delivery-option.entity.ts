import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { bigintPence } from '../../db/bigint-pence.transformer';

/** One way a proposal could be delivered, with its quote; approval marks the chosen one. */
@Entity('commissioning_delivery_option')
export class DeliveryOptionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'partnership_id' }) partnershipId!: string;
  @Column('uuid', { name: 'proposal_id' }) proposalId!: string;
  @Column('smallint') position!: number;
  @Column('text') kind!: string;
  @Column('uuid', { name: 'provider_organisation_id', nullable: true }) providerOrganisationId!: string | null;
  @Column('text', { name: 'provider_name', nullable: true }) providerName!: string | null;
  @Column('bigint', { name: 'quoted_cost_pence', transformer: bigintPence }) quotedCostPence!: number;
  @Column('text') notes!: string;
  @Column('boolean') chosen!: boolean;
}
