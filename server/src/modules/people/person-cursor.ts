import { decodeKeysetCursor, encodeKeysetCursor } from '../../graphql/keyset-cursor';
import { isUuid } from '../../graphql/uuid';

/** People in name order (name, then id): stable while people are added. */
export interface PersonCursor {
  name: string;
  id: string;
}

export function encodePersonCursor(cursor: PersonCursor): string {
  return encodeKeysetCursor([cursor.name, cursor.id]);
}

export function decodePersonCursor(text: string): PersonCursor | null {
  const values = decodeKeysetCursor(text, [(name) => name.length <= 200, (id) => isUuid(id)]);
  return values ? { name: values[0], id: values[1] } : null;
}
