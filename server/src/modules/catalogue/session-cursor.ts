import { decodeKeysetCursor, encodeKeysetCursor, isKeysetTimestamp } from '../../graphql/keyset-cursor';
import { isUuid } from '../../graphql/uuid';
import { SessionSort } from './catalogue.enums';

/**
 * The catalogue's orders, stable while sessions are added, unlike offsets: by date (start time,
 * then id) or by distance (kilometres as PostgreSQL wrote the float, "Infinity" for online,
 * then start time and id). The cursor names its order, so one from the other order is told apart.
 */
export type SessionCursor =
  | { sort: SessionSort.DATE; startsAt: string; id: string }
  | { sort: SessionSort.DISTANCE; distance: string; startsAt: string; id: string };

// float8 as PostgreSQL writes it: shortest exact digits, maybe an exponent; Infinity for no venue.
const isDistance = (text: string) => text === 'Infinity' || (/^\d+(\.\d+)?(e[+-]?\d+)?$/.test(text) && Number.isFinite(Number(text)));

export function encodeSessionCursor(cursor: SessionCursor): string {
  return encodeKeysetCursor(cursor.sort === SessionSort.DATE
    ? [cursor.sort, cursor.startsAt, cursor.id]
    : [cursor.sort, cursor.distance, cursor.startsAt, cursor.id]);
}

/** The cursor, or null when this server did not make it. */
export function decodeSessionCursor(text: string): SessionCursor | null {
  const byDate = decodeKeysetCursor(text, [(sort) => sort === SessionSort.DATE, isKeysetTimestamp, isUuid]);
  if (byDate) return { sort: SessionSort.DATE, startsAt: byDate[1], id: byDate[2] };
  const byDistance = decodeKeysetCursor(text, [(sort) => sort === SessionSort.DISTANCE, isDistance, isKeysetTimestamp, isUuid]);
  return byDistance ? { sort: SessionSort.DISTANCE, distance: byDistance[1], startsAt: byDistance[2], id: byDistance[3] } : null;
}
