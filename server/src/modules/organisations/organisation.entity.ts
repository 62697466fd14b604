import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('organisation')
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'partnership_id' }) partnershipId!: string;
  @Column('text') name!: string;
  @Column('text', { name: 'short_code' }) shortCode!: string;
  @Column('text') sector!: string;
  @Column('text') role!: string;
  @Column('boolean', { name: 'delivers_training' }) deliversTraining!: boolean;
  @Column('uuid', { name: 'sector_group_id', nullable: true }) sectorGroupId!: string | null;
  @Column('integer', { name: 'staff_headcount' }) staffHeadcount!: number;
  @Column('integer', { name: 'volunteer_headcount' }) volunteerHeadcount!: number;
  /** Its registered identifier as org-id.guide writes it (GB-NHS-RGN); null until an administrator sets one. */
  @Column('text', { name: 'org_id', nullable: true }) orgId!: string | null;
  /** The directory entry its L&D lead keeps. */
  @Column('text', { nullable: true }) description!: string | null;
  @Column('text', { nullable: true }) website!: string | null;
  @Column('text', { name: 'contact_email', nullable: true }) contactEmail!: string | null;
  @Column('text', { name: 'contact_phone', nullable: true }) contactPhone!: string | null;
  @Column('timestamptz', { name: 'entry_updated_at', nullable: true }) entryUpdatedAt!: Date | null;
  @Column('text', { name: 'approval_policy' }) approvalPolicy!: 'none' | 'line_manager' | 'ld_lead' | 'line_manager_then_ld_lead';
}
