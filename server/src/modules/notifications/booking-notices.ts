import type { EntityManager } from 'typeorm';

/**
 * Every change to a booking that its person must know about. Called inside the transaction
 * that makes the change, so the notice is written (to the outbox) if and only if the change
 * commits.
 */
export type BookingNoticeKind = 'confirmed' | 'requested' | 'approved' | 'declined' | 'waitlisted' | 'promoted'
  | 'cancelled' | 'session_changed' | 'session_cancelled';

export async function noticeBookingChange(manager: EntityManager, change: { bookingId: string; kind: BookingNoticeKind }): Promise<void> {
  // The outbox and its delivery are being added; until then the change is recorded in the audit log only.
  void manager;
  void change;
}
