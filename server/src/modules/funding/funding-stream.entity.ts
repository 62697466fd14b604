import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { bigintPence } from '../../db/bigint-pence.transformer';

/** Money for learning in one financial year. The running totals are the ledger's guard, kept by ledger.ts only. */
@Entity('funding_stream')
export class FundingStreamEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'partnership_id' }) partnershipId!: string;
  @Column('text') name!: string;
  @Column('text') description!: string;
  @Column('text', { name: 'funder_kind' }) funderKind!: string;
  @Column('text', { name: 'funder_name' }) funderName!: string;
  @Column('uuid', { name: 'funder_organisation_id', nullable: true }) funderOrganisationId!: string | null;
  @Column('text', { name: 'financial_year' }) financialYear!: string;
  @Column('timestamptz', { name: 'year_starts_at' }) yearStartsAt!: Date;
  @Column('timestamptz', { name: 'year_ends_at' }) yearEndsAt!: Date;
  @Column('text') audience!: string;
  @Column('text', { name: 'eligible_sectors', array: true }) eligibleSectors!: string[];
  @Column('text', { array: true }) purposes!: string[];
  @Column('boolean') pooled!: boolean;
  @Column('uuid', { name: 'managing_organisation_id' }) managingOrganisationId!: string;
  @Column('bigint', { name: 'budget_pence', transformer: bigintPence }) budgetPence!: number;
  @Column('bigint', { name: 'committed_pence', transformer: bigintPence }) committedPence!: number;
  @Column('bigint', { name: 'spent_pence', transformer: bigintPence }) spentPence!: number;
  @Column('integer', { name: 'entry_count' }) entryCount!: number;
  @Column('uuid', { name: 'created_by_person_id', nullable: true }) createdByPersonId!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
