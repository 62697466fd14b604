import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('sector_group')
export class SectorGroupEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'partnership_id' }) partnershipId!: string;
  @Column('text') name!: string;
}
