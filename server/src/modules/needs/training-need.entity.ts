import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A training need raised for an organisation, a team or one person (migration 1764800000000-commissioning). */
@Entity('training_need')
export class TrainingNeedEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'partnership_id' }) partnershipId!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('uuid', { name: 'raised_by_person_id' }) raisedByPersonId!: string;
  @Column('text') scope!: string;
  @Column('uuid', { name: 'team_manager_person_id', nullable: true }) teamManagerPersonId!: string | null;
  @Column('uuid', { name: 'for_person_id', nullable: true }) forPersonId!: string | null;
  @Column('text') topic!: string;
  @Column('text') detail!: string;
  @Column('text', { name: 'mandatory_subject', nullable: true }) mandatorySubject!: string | null;
  @Column('text', { name: 'ksf_dimension', nullable: true }) ksfDimension!: string | null;
  @Column('integer', { name: 'people_count' }) peopleCount!: number;
  @Column('text') audience!: string;
  @Column('text') priority!: string;
  /** A calendar date, 'YYYY-MM-DD'. */
  @Column('date', { name: 'wanted_by' }) wantedBy!: string;
  @Column('text') status!: string;
  @Column('uuid', { name: 'met_by_course_id', nullable: true }) metByCourseId!: string | null;
  @Column('text', { name: 'withdrawn_reason', nullable: true }) withdrawnReason!: string | null;
  @Column('timestamptz', { name: 'withdrawn_at', nullable: true }) withdrawnAt!: Date | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
