import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { bigintPence } from '../../db/bigint-pence.transformer';

@Entity('course')
export class CourseEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'partnership_id' }) partnershipId!: string;
  @Column('uuid', { name: 'provider_organisation_id' }) providerOrganisationId!: string;
  @Column('text') title!: string;
  @Column('text') summary!: string;
  @Column('text', { name: 'learning_outcomes', array: true }) learningOutcomes!: string[];
  @Column('text') method!: string;
  @Column('text', { name: 'learning_category' }) learningCategory!: string;
  @Column('boolean', { name: 'learning_category_overridden' }) learningCategoryOverridden!: boolean;
  @Column('integer', { name: 'duration_minutes' }) durationMinutes!: number;
  @Column('text') accreditation!: string;
  @Column('smallint', { name: 'cpd_points', nullable: true }) cpdPoints!: number | null;
  @Column('text', { name: 'ksf_dimensions', array: true }) ksfDimensions!: string[];
  @Column('text', { name: 'mandatory_subject', nullable: true }) mandatorySubject!: string | null;
  @Column('text') audience!: string;
  @Column('text', { name: 'eligible_sectors', array: true }) eligibleSectors!: string[];
  @Column('text') visibility!: string;
  @Column('uuid', { name: 'visibility_organisation_id', nullable: true }) visibilityOrganisationId!: string | null;
  @Column('bigint', { name: 'cost_per_place_pence', transformer: bigintPence }) costPerPlacePence!: number;
  @Column('uuid', { name: 'funding_stream_id', nullable: true }) fundingStreamId!: string | null;
  @Column('boolean', { name: 'is_joint' }) isJoint!: boolean;
  @Column('smallint', { name: 'impact_review_months', nullable: true }) impactReviewMonths!: number | null;
}
