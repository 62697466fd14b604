import { decodeKeysetCursor, encodeKeysetCursor } from '../../graphql/keyset-cursor';
import { isUuid } from '../../graphql/uuid';

/** People in name order (name, then id): stable while people are added. */
export interface PersonCursor {
  name: string;
  id: string;
}

export const PERSON_CURSOR_CHECKS = [(name: string) => name.length <= 200, (id: string) => isUuid(id)];

export function encodePersonCursor(cursor: PersonCursor): string {
  return encodeKeysetCursor([cursor.name, cursor.id]);
}

export function decodePersonCursor(text: string): PersonCursor | null {
  const values = decodeKeysetCursor(text, PERSON_CURSOR_CHECKS);
  return values ? { name: values[0], id: values[1] } : null;
}
