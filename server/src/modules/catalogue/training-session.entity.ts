import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('training_session')
export class TrainingSessionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'partnership_id' }) partnershipId!: string;
  @Column('uuid', { name: 'course_id' }) courseId!: string;
  @Column('timestamptz', { name: 'starts_at' }) startsAt!: Date;
  @Column('timestamptz', { name: 'ends_at' }) endsAt!: Date;
  @Column('text', { name: 'delivery_mode' }) deliveryMode!: string;
  @Column('uuid', { name: 'venue_id', nullable: true }) venueId!: string | null;
  @Column('integer') capacity!: number;
  /** Sum of the per-organisation allocations; the rest of the capacity is the shared pool. */
  @Column('integer', { name: 'allocated_seats' }) allocatedSeats!: number;
  @Column('integer', { name: 'seats_taken' }) seatsTaken!: number;
  @Column('integer', { name: 'pool_seats_taken' }) poolSeatsTaken!: number;
  @Column('timestamptz', { name: 'booking_closes_at' }) bookingClosesAt!: Date;
  @Column('timestamptz', { name: 'release_at' }) releaseAt!: Date;
  /** When the release job returned the unused allocated seats to the pool; null until then. */
  @Column('timestamptz', { name: 'released_at', nullable: true }) releasedAt!: Date | null;
  @Column('text') status!: string;
  /** Fewer places held than this at booking close and the provider and the allocation holders are told. */
  @Column('integer', { name: 'minimum_places', nullable: true }) minimumPlaces!: number | null;
  /** When the minimum-numbers job looked at the session at its cut-off; null until then. */
  @Column('timestamptz', { name: 'minimum_checked_at', nullable: true }) minimumCheckedAt!: Date | null;
  /** The commissioning proposal whose approval scheduled it; null for a session its provider scheduled. */
  @Column('uuid', { name: 'proposal_id', nullable: true }) proposalId!: string | null;
  /** Not a column: kilometres from the place a catalogue search measured from, set by that search only. */
  distanceKm?: number | null;
}
