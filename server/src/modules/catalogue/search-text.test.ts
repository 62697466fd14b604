import { prefixTsQuery } from './search-text';

describe('prefixTsQuery', () => {
  it('makes every word a prefix', () => {
    expect(prefixTsQuery('Safeguard adults')).toBe('safeguard:* & adults:*');
  });

  it('drops tsquery syntax and punctuation', () => {
    expect(prefixTsQuery("fire & !safety | ' <-> (x)")).toBe('fire:* & safety:* & x:*');
    expect(prefixTsQuery('e-learning')).toBe('e:* & learning:*');
  });

  it('is null when nothing searchable is left', () => {
    expect(prefixTsQuery('  &|!  ')).toBeNull();
    expect(prefixTsQuery('')).toBeNull();
  });

  it('keeps letters of other alphabets and caps the number of words', () => {
    expect(prefixTsQuery('Café')).toBe('café:*');
    expect(prefixTsQuery(Array.from({ length: 30 }, (_, i) => `w${i}`).join(' '))!.split('&')).toHaveLength(12);
  });
});
