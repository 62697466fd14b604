/**
 * Keyset cursors for the audit log, newest first (time, then id). The time travels as
 * PostgreSQL wrote it, to the microsecond: a JavaScript Date would round it to the millisecond
 * and skip or repeat entries made within the same millisecond.
 */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export interface AuditCursor {
  occurredAt: string;
  id: string;
}

export function encodeAuditCursor(cursor: AuditCursor): string {
  return Buffer.from(JSON.stringify([cursor.occurredAt, cursor.id])).toString('base64url');
}

export function decodeAuditCursor(text: string): AuditCursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [occurredAt, id] = value;
    if (typeof occurredAt !== 'string' || !TIMESTAMP.test(occurredAt) || typeof id !== 'string' || !/^\d{1,18}$/.test(id)) return null;
    return { occurredAt, id };
  } catch {
    return null;
  }
}
