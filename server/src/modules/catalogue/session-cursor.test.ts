import { decodeSessionCursor, encodeSessionCursor } from './session-cursor';

describe('session cursors', () => {
  it('round-trip', () => {
    const cursor = { startsAt: new Date('2026-12-01T09:30:00.000Z'), id: '6f1c3a52-6a3e-4a83-9a4b-0f3a2b1c9d8e' };
    expect(decodeSessionCursor(encodeSessionCursor(cursor))).toEqual(cursor);
  });

  it.each(['', 'not-base64!', Buffer.from('{}').toString('base64url'),
    Buffer.from('["2026-01-01T00:00:00Z","1; DROP TABLE"]').toString('base64url'),
    Buffer.from('["yesterday","6f1c3a52-6a3e-4a83-9a4b-0f3a2b1c9d8e"]').toString('base64url')])('refuses %p', (text) => {
    expect(decodeSessionCursor(text)).toBeNull();
  });
});
