/**
 * Keyset cursors for people in name order (name, then id): stable while people are added.
 * Opaque to clients; anything that does not decode is refused.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface PersonCursor {
  name: string;
  id: string;
}

export function encodePersonCursor(cursor: PersonCursor): string {
  return Buffer.from(JSON.stringify([cursor.name, cursor.id])).toString('base64url');
}

export function decodePersonCursor(text: string): PersonCursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [name, id] = value;
    if (typeof name !== 'string' || typeof id !== 'string' || !UUID.test(id) || name.length > 200) return null;
    return { name, id };
  } catch {
    return null;
  }
}
