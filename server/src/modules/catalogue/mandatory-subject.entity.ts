import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('mandatory_subject')
export class MandatorySubjectEntity {
  @PrimaryColumn('text') code!: string;
  @Column('text') name!: string;
  @Column('smallint', { name: 'renewal_months' }) renewalMonths!: number;
  /** The subject its levels share (safeguarding-adults for levels 1 to 3). */
  @Column('text') subject!: string;
  @Column('text', { name: 'subject_name' }) subjectName!: string;
  /** null for a subject without levels. */
  @Column('smallint', { nullable: true }) level!: number | null;
}
