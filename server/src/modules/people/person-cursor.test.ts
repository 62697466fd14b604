import 'reflect-metadata';
import { decodePersonCursor, encodePersonCursor } from './person-cursor';

describe('person cursors', () => {
  it('round-trip names of any script', () => {
    const cursor = { name: 'Zoë O\'Brien-Łukasz', id: '8c5b8f8e-1f1a-4c1e-9d55-0b5c1b1a2f3e' };
    expect(decodePersonCursor(encodePersonCursor(cursor))).toEqual(cursor);
  });

  it.each(['', 'not base64 at all', Buffer.from('{"a":1}').toString('base64url'),
    Buffer.from('["Ada","not-a-uuid"]').toString('base64url'), Buffer.from('[1,2]').toString('base64url')])('refuses %p', (text) => {
    expect(decodePersonCursor(text)).toBeNull();
  });
});
