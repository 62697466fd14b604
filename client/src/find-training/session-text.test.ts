import { describe, expect, it } from '@jest/globals';
import { accreditationText, costText, distanceText, durationText, placeText, seatsLeftText, sessionLengthText } from './session-text';

describe('session text', () => {
  it('says how far away a venue is, in tenths of a kilometre when near and whole kilometres beyond 10', () => {
    expect(distanceText(0)).toBe('Less than 0.1 km away');
    expect(distanceText(0.04)).toBe('Less than 0.1 km away');
    expect(distanceText(3.24)).toBe('3.2 km away');
    expect(distanceText(9.96)).toBe('10 km away');
    expect(distanceText(0.05)).toBe('0.1 km away');
    expect(distanceText(10)).toBe('10 km away');
    expect(distanceText(14.6)).toBe('15 km away');
    expect(distanceText(1234.4)).toBe('1,234 km away');
  });

  it('counts seats', () => {
    expect(seatsLeftText(0)).toBe('Fully booked');
    expect(seatsLeftText(1)).toBe('1 seat left');
    expect(seatsLeftText(3)).toBe('3 seats left');
  });

  it('says how long a session runs, in hours under a day and in UK calendar days beyond', () => {
    expect(sessionLengthText('2026-12-08T09:30:00Z', '2026-12-08T12:30:00Z')).toBe('3 hours');
    expect(sessionLengthText('2026-12-08T09:30:00Z', '2026-12-08T11:00:00Z')).toBe('1 hour 30 minutes');
    expect(sessionLengthText('2026-12-08T09:00:00Z', '2026-12-09T16:00:00Z')).toBe('2 days');
    expect(sessionLengthText('2026-12-07T09:00:00Z', '2026-12-09T16:00:00Z')).toBe('3 days');
    // An evening into the night is hours, though it ends on the next day.
    expect(sessionLengthText('2026-06-09T19:00:00Z', '2026-06-10T01:00:00Z')).toBe('6 hours');
    // 23:30 BST on 9 June to 00:30 BST on 11 June: three UK days, though 2026-06-09 to 2026-06-10 in UTC.
    expect(sessionLengthText('2026-06-09T22:30:00Z', '2026-06-10T23:30:00Z')).toBe('3 days');
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
