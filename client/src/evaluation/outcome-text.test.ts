import { describe, expect, it } from '@jest/globals';
import { countText, npsText, percentText, ratingText, responsesText } from './outcome-text';

describe('outcome figures in words', () => {
  it('writes scores with their sign and withheld figures as a dash', () => {
    expect([npsText(29), npsText(0), npsText(-12), npsText(null)]).toEqual(['+29', '0', '-12', '—']);
    expect([percentText(0.756), percentText(null), ratingText(4.2), ratingText(null)]).toEqual(['76%', '—', '4.2', '—']);
  });
  it('writes counts with thousands separators', () => {
    expect(responsesText({ responses: 4131, asked: 6518 })).toBe('4,131 of 6,518');
    expect([countText(0), countText(999), countText(1000), countText(1234567)]).toEqual(['0', '999', '1,000', '1,234,567']);
  });
});
