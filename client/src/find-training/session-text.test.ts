import { describe, expect, it } from '@jest/globals';
import { accreditationText, costText, durationText, placeText, seatsLeftText } from './session-text';

describe('session text', () => {
  it('counts seats', () => {
    expect(seatsLeftText(0)).toBe('Fully booked');
    expect(seatsLeftText(1)).toBe('1 seat left');
    expect(seatsLeftText(3)).toBe('3 seats left');
  });

  it('says Free rather than £0.00', () => {
    expect(costText({ isFree: true, costPerPlace: { formatted: '£0.00' } })).toBe('Free');
    expect(costText({ isFree: false, costPerPlace: { formatted: '£45.00' } })).toBe('£45.00');
  });

  it('says where a session is', () => {
    const venue = { name: 'Town Hall', town: 'Peterborough' };
    expect(placeText({ deliveryMode: 'ONLINE', venue: null })).toBe('Online');
    expect(placeText({ deliveryMode: 'IN_PERSON', venue })).toBe('Town Hall, Peterborough');
    expect(placeText({ deliveryMode: 'BLENDED', venue })).toBe('Town Hall, Peterborough (and online)');
  });

  it('writes durations in hours and minutes', () => {
    expect(durationText(3)).toBe('3 hours');
    expect(durationText(1)).toBe('1 hour');
    expect(durationText(1.5)).toBe('1 hour 30 minutes');
    expect(durationText(0.75)).toBe('45 minutes');
  });

  it('counts CPD points', () => {
    expect(accreditationText('CPD', 6)).toBe('6 CPD points');
    expect(accreditationText('ILM', null)).toBe('ILM');
  });
});
