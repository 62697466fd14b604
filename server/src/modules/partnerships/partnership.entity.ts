import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('partnership')
export class PartnershipEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') slug!: string;
  @Column('text') name!: string;
  @Column('smallint', { name: 'financial_year_start_month' }) financialYearStartMonth!: number;
  @Column('text', { name: 'time_zone' }) timeZone!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
