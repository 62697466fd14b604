import { describe, expect, it } from '@jest/globals';
import { isPounds, looksLikeEmail, tooLong, tooLongMessage } from './field-checks';

describe('field checks', () => {
  it('counts the trimmed text against the limit, and says it in GOV.UK words', () => {
    expect(tooLong(` ${'a'.repeat(200)} `, 200)).toBe(false);
    expect(tooLong('a'.repeat(201), 200)).toBe(true);
    expect(tooLongMessage('Full name', 200)).toBe('Full name must be 200 characters or fewer');
    expect(tooLongMessage('Description', 2000)).toBe('Description must be 2,000 characters or fewer');
  });

  it('takes amounts as people type them and refuses words', () => {
    for (const ok of ['480', '480.00', '£1,250.50', '12500', '£ 25,000,000.00', '-5']) expect(isPounds(ok)).toBe(true);
    for (const bad of ['abc', '12,50', '1.2.3', '£', '', '12 500']) expect(isPounds(bad)).toBe(false);
  });

  it('asks for something, an @ and a domain with a dot', () => {
    for (const ok of ['name@example.com', 'a.b@nhs.net', 'x@bücher.example']) expect(looksLikeEmail(ok)).toBe(true);
    for (const bad of ['name', 'name@', 'name@example', '@example.com', 'a b@example.com', 'a@b@c.com']) expect(looksLikeEmail(bad)).toBe(false);
  });
});
