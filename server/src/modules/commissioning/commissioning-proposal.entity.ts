import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { bigintPence } from '../../db/bigint-pence.transformer';

/** A joint course proposed against needs (migration 1764800000000-commissioning). */
@Entity('commissioning_proposal')
export class CommissioningProposalEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'partnership_id' }) partnershipId!: string;
  @Column('uuid', { name: 'proposed_by_person_id' }) proposedByPersonId!: string;
  @Column('uuid', { name: 'proposing_organisation_id' }) proposingOrganisationId!: string;
  @Column('text') title!: string;
  @Column('text') summary!: string;
  @Column('uuid', { name: 'course_id', nullable: true }) courseId!: string | null;
  /** A new course's createCourse fields, until approval publishes it. */
  @Column('jsonb', { name: 'draft_course', nullable: true }) draftCourse!: Record<string, unknown> | null;
  @Column('text', { name: 'financial_year' }) financialYear!: string;
  @Column('integer', { name: 'sessions_planned' }) sessionsPlanned!: number;
  @Column('integer', { name: 'seats_per_session' }) seatsPerSession!: number;
  @Column({ type: 'integer', name: 'seats_planned', insert: false, update: false }) seatsPlanned!: number;
  @Column('bigint', { name: 'estimated_cost_pence', transformer: bigintPence }) estimatedCostPence!: number;
  @Column('timestamptz', { name: 'pledge_deadline' }) pledgeDeadline!: Date;
  @Column('text') status!: string;
  @Column('uuid', { name: 'decided_by_person_id', nullable: true }) decidedByPersonId!: string | null;
  @Column('timestamptz', { name: 'decided_at', nullable: true }) decidedAt!: Date | null;
  @Column('text', { name: 'decision_reason', nullable: true }) decisionReason!: string | null;
  @Column('bigint', { name: 'shortfall_accepted_pence', nullable: true, transformer: bigintPence }) shortfallAcceptedPence!: number | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
