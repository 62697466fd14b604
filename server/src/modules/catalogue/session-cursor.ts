/**
 * Keyset cursors for the catalogue's order (start time, then id): stable while sessions are
 * added, unlike offsets. Opaque to clients; anything that does not decode is refused.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface SessionCursor {
  startsAt: Date;
  id: string;
}

export function encodeSessionCursor(cursor: SessionCursor): string {
  return Buffer.from(JSON.stringify([cursor.startsAt.toISOString(), cursor.id])).toString('base64url');
}

export function decodeSessionCursor(text: string): SessionCursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [startsAt, id] = value;
    if (typeof startsAt !== 'string' || typeof id !== 'string' || !UUID.test(id)) return null;
    const date = new Date(startsAt);
    return Number.isNaN(date.getTime()) ? null : { startsAt: date, id };
  } catch {
    return null;
  }
}
