import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('role_grant')
export class RoleGrantEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'partnership_id' }) partnershipId!: string;
  @Column('uuid', { name: 'person_id' }) personId!: string;
  @Column('text') role!: string;
  @Column('uuid', { name: 'organisation_id', nullable: true }) organisationId!: string | null;
  @Column('timestamptz', { name: 'granted_at' }) grantedAt!: Date;
}
