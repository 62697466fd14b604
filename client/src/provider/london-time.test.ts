import { describe, expect, it } from '@jest/globals';
import { londonDateAndTime, londonInstant } from './london-time';

describe('londonInstant', () => {
  it('reads summer times as British Summer Time and winter times as GMT', () => {
    expect(londonInstant('2026-07-01', '09:30')).toBe('2026-07-01T08:30:00.000Z');
    expect(londonInstant('2026-12-08', '17:00')).toBe('2026-12-08T17:00:00.000Z');
  });

  it('keeps the time typed on the days the clocks change', () => {
    expect(londonInstant('2026-03-29', '10:00')).toBe('2026-03-29T09:00:00.000Z');
    expect(londonInstant('2026-10-25', '10:00')).toBe('2026-10-25T10:00:00.000Z');
  });

  it('refuses dates and times that do not exist', () => {
    expect(londonInstant('2026-02-30', '10:00')).toBeNull();
    expect(londonInstant('2026-07-01', '25:00')).toBeNull();
    expect(londonInstant('', '10:00')).toBeNull();
  });

  it('goes back to the same date and time', () => {
    expect(londonDateAndTime('2026-07-01T08:30:00.000Z')).toEqual({ date: '2026-07-01', time: '09:30' });
  });
});
