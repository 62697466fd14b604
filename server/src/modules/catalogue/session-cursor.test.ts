import 'reflect-metadata';
import { SessionSort } from './catalogue.enums';
import { decodeSessionCursor, encodeSessionCursor, type SessionCursor } from './session-cursor';

const ID = '6f1c3a52-6a3e-4a83-9a4b-0f3a2b1c9d8e';

describe('session cursors', () => {
  it.each<SessionCursor>([
    { sort: SessionSort.DATE, startsAt: '2026-12-01T09:30:00.000001Z', id: ID },
    { sort: SessionSort.DISTANCE, distance: '3.0487654321987654', startsAt: '2026-12-01T09:30:00.000000Z', id: ID },
    { sort: SessionSort.DISTANCE, distance: '1e-05', startsAt: '2026-12-01T09:30:00.000000Z', id: ID },
    { sort: SessionSort.DISTANCE, distance: 'Infinity', startsAt: '2026-12-01T09:30:00.123456Z', id: ID },
  ])('round-trip, naming their order: %p', (cursor) => {
    expect(decodeSessionCursor(encodeSessionCursor(cursor))).toEqual(cursor);
  });

  const raw = (values: unknown) => Buffer.from(JSON.stringify(values)).toString('base64url');
  it.each(['', 'not-base64!', raw({}),
    raw(['date', '2026-01-01T00:00:00.000000Z', '1; DROP TABLE']),
    raw(['date', 'yesterday', ID]),
    // Milliseconds only: a cursor must carry the time exactly as the database has it.
    raw(['date', '2026-12-01T09:30:00.000Z', ID]),
    raw(['date', '2026-02-30T09:30:00.000000Z', ID]),
    raw(['2026-12-01T09:30:00.000000Z', ID]),
    raw(['distance', '-1', '2026-12-01T09:30:00.000000Z', ID]),
    raw(['distance', 'NaN', '2026-12-01T09:30:00.000000Z', ID]),
    raw(['distance', '1; DROP TABLE', '2026-12-01T09:30:00.000000Z', ID]),
    raw(['price', '1', '2026-12-01T09:30:00.000000Z', ID])])('refuses %p', (text) => {
    expect(decodeSessionCursor(text)).toBeNull();
  });
});
