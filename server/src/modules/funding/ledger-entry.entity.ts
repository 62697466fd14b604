import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { bigintPence } from '../../db/bigint-pence.transformer';

/** One append-only posting to a stream; the database refuses UPDATE and DELETE. */
@Entity('ledger_entry')
export class LedgerEntryEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'partnership_id' }) partnershipId!: string;
  @Column('uuid', { name: 'stream_id' }) streamId!: string;
  @Column('integer') sequence!: number;
  @Column('text') kind!: string;
  @Column('bigint', { name: 'amount_pence', transformer: bigintPence }) amountPence!: number;
  @Column('bigint', { name: 'budget_effect_pence', transformer: bigintPence }) budgetEffectPence!: number;
  @Column('bigint', { name: 'committed_effect_pence', transformer: bigintPence }) committedEffectPence!: number;
  @Column('bigint', { name: 'spent_effect_pence', transformer: bigintPence }) spentEffectPence!: number;
  @Column('bigint', { name: 'budget_after_pence', transformer: bigintPence }) budgetAfterPence!: number;
  @Column('bigint', { name: 'committed_after_pence', transformer: bigintPence }) committedAfterPence!: number;
  @Column('bigint', { name: 'spent_after_pence', transformer: bigintPence }) spentAfterPence!: number;
  @Column('uuid', { name: 'organisation_id', nullable: true }) organisationId!: string | null;
  @Column('uuid', { name: 'course_id', nullable: true }) courseId!: string | null;
  @Column('uuid', { name: 'session_id', nullable: true }) sessionId!: string | null;
  @Column('uuid', { name: 'booking_id', nullable: true }) bookingId!: string | null;
  @Column('uuid', { name: 'proposal_id', nullable: true }) proposalId!: string | null;
  @Column('uuid', { name: 'pledge_id', nullable: true }) pledgeId!: string | null;
  @Column('uuid', { name: 'reverses_entry_id', nullable: true }) reversesEntryId!: string | null;
  @Column('boolean') wasted!: boolean;
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt!: Date;
  @Column('smallint') quarter!: number;
  @Column('text') reason!: string;
  @Column('text', { name: 'idempotency_key', nullable: true }) idempotencyKey!: string | null;
  @Column('bytea', { name: 'idempotency_hash', nullable: true }) idempotencyHash!: Buffer | null;
  @Column('uuid', { name: 'recorded_by_person_id', nullable: true }) recordedByPersonId!: string | null;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt!: Date;
}
