import { decodeKeysetCursor, encodeKeysetCursor } from '../../graphql/keyset-cursor';
import { isUuid } from '../../graphql/uuid';

/** The catalogue's order (start time, then id): stable while sessions are added, unlike offsets. */
export interface SessionCursor {
  startsAt: Date;
  id: string;
}

const isDate = (text: string) => !Number.isNaN(new Date(text).getTime());

export function encodeSessionCursor(cursor: SessionCursor): string {
  return encodeKeysetCursor([cursor.startsAt.toISOString(), cursor.id]);
}

export function decodeSessionCursor(text: string): SessionCursor | null {
  const values = decodeKeysetCursor(text, [isDate, (id) => isUuid(id)]);
  return values ? { startsAt: new Date(values[0]), id: values[1] } : null;
}
