import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('venue')
export class VenueEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'partnership_id' }) partnershipId!: string;
  /** The organisation that added it; null: the partnership's own. */
  @Column('uuid', { name: 'organisation_id', nullable: true }) organisationId!: string | null;
  @Column('text') name!: string;
  @Column('text') address!: string;
  @Column('text') town!: string;
  @Column('text') postcode!: string;
  @Column('double precision') latitude!: number;
  @Column('double precision') longitude!: number;
}
