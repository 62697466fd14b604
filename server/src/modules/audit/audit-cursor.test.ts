import 'reflect-metadata';
import { decodeAuditCursor, encodeAuditCursor } from './audit-cursor';

describe('audit cursors', () => {
  it('keep the time to the microsecond', () => {
    const cursor = { occurredAt: '2026-03-01T09:15:02.123456Z', id: '42' };
    expect(decodeAuditCursor(encodeAuditCursor(cursor))).toEqual(cursor);
  });

  it.each([
    'garbage', Buffer.from('["2026-03-01T09:15:02.123Z","1"]').toString('base64url'),
    Buffer.from('["2026-03-01T09:15:02.123456Z","1; DROP TABLE"]').toString('base64url'),
  ])('refuses %p', (text) => {
    expect(decodeAuditCursor(text)).toBeNull();
  });
});
