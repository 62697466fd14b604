import { describe, expect, it } from '@jest/globals';
import { npsText, percentText, ratingText } from './outcome-text';

describe('outcome figures in words', () => {
  it('writes scores with their sign and withheld figures as a dash', () => {
    expect([npsText(29), npsText(0), npsText(-12), npsText(null)]).toEqual(['+29', '0', '-12', '—']);
    expect([percentText(0.756), percentText(null), ratingText(4.2), ratingText(null)]).toEqual(['76%', '—', '4.2', '—']);
  });
});
