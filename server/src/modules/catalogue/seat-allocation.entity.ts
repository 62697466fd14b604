import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('seat_allocation')
export class SeatAllocationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'partnership_id' }) partnershipId!: string;
  @Column('uuid', { name: 'session_id' }) sessionId!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('integer') seats!: number;
  @Column('integer', { name: 'seats_taken' }) seatsTaken!: number;
}
