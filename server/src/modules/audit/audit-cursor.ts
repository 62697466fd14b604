import { decodeKeysetCursor, encodeKeysetCursor, isKeysetTimestamp } from '../../graphql/keyset-cursor';

/** The audit log, newest first (time to the microsecond, then id). */
export interface AuditCursor {
  occurredAt: string;
  id: string;
}

export const AUDIT_CURSOR_CHECKS = [isKeysetTimestamp, (id: string) => /^\d{1,18}$/.test(id)];

export function encodeAuditCursor(cursor: AuditCursor): string {
  return encodeKeysetCursor([cursor.occurredAt, cursor.id]);
}

export function decodeAuditCursor(text: string): AuditCursor | null {
  const values = decodeKeysetCursor(text, AUDIT_CURSOR_CHECKS);
  return values ? { occurredAt: values[0], id: values[1] } : null;
}
