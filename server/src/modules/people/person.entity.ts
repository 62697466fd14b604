import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('person')
export class PersonEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'partnership_id' }) partnershipId!: string;
  @Column('uuid', { name: 'organisation_id', nullable: true }) organisationId!: string | null;
  @Column('text') kind!: 'staff' | 'volunteer';
  @Column('uuid', { name: 'line_manager_id', nullable: true }) lineManagerId!: string | null;
  @Column('text') name!: string;
  @Column('text') email!: string;
  @Column('text', { name: 'job_title', nullable: true }) jobTitle!: string | null;
  @Column('text', { nullable: true }) team!: string | null;
  @Column('timestamptz', { name: 'disabled_at', nullable: true }) disabledAt!: Date | null;
}
