import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { bigintPence } from '../../db/bigint-pence.transformer';

/** Seats and/or money an organisation pledged to a proposal; the money itself is the ledger's (proposal_id, pledge_id). */
@Entity('commissioning_pledge')
export class CommissioningPledgeEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'partnership_id' }) partnershipId!: string;
  @Column('uuid', { name: 'proposal_id' }) proposalId!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('uuid', { name: 'pledged_by_person_id' }) pledgedByPersonId!: string;
  @Column('integer') seats!: number;
  @Column('bigint', { name: 'amount_pence', transformer: bigintPence }) amountPence!: number;
  @Column('uuid', { name: 'stream_id', nullable: true }) streamId!: string | null;
  @Column('text') status!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'ended_at', nullable: true }) endedAt!: Date | null;
  @Column('uuid', { name: 'ended_by_person_id', nullable: true }) endedByPersonId!: string | null;
}
