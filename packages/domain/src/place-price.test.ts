import { placePricePence } from './place-price';

describe('the price of a place on a session', () => {
  it('is the course price on a session its provider scheduled', () => {
    expect(placePricePence(4000, false)).toBe(4000);
    expect(placePricePence(0, false)).toBe(0);
  });

  it('is nothing on a session a proposal commissioned, whatever the course costs elsewhere', () => {
    expect(placePricePence(4000, true)).toBe(0);
    expect(placePricePence(0, true)).toBe(0);
  });
});
