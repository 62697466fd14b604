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
  @Column('text', { name: 'approval_policy' }) approvalPolicy!: 'none' | 'line_manager' | 'ld_lead' | 'line_manager_then_ld_lead';
}
