import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { bigintPence } from '../../db/bigint-pence.transformer';

@Entity('booking')
export class BookingEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'partnership_id' }) partnershipId!: string;
  @Column('uuid', { name: 'session_id' }) sessionId!: string;
  @Column('uuid', { name: 'person_id' }) personId!: string;
  @Column('uuid', { name: 'organisation_id', nullable: true }) organisationId!: string | null;
  @Column('text') status!: string;
  /** Whose allocation the seat came from; null: the shared pool. */
  @Column('uuid', { name: 'seat_organisation_id', nullable: true }) seatOrganisationId!: string | null;
  @Column('uuid', { name: 'booked_by_person_id', nullable: true }) bookedByPersonId!: string | null;
  @Column('bigint', { name: 'cost_pence', transformer: bigintPence }) costPence!: number;
  @Column('timestamptz', { name: 'waitlisted_at', nullable: true }) waitlistedAt!: Date | null;
  @Column('timestamptz', { name: 'cancelled_at', nullable: true }) cancelledAt!: Date | null;
  @Column('boolean', { name: 'cancelled_late', nullable: true }) cancelledLate!: boolean | null;
  @Column('text', { array: true }) approvals!: string[];
  @Column('text', { name: 'decision_note', nullable: true }) decisionNote!: string | null;
  @Column('uuid', { name: 'cancelled_by_person_id', nullable: true }) cancelledByPersonId!: string | null;
  @Column('text', { name: 'cancellation_reason', nullable: true }) cancellationReason!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
