import { describe, expect, it } from '@jest/globals';
import { formatUkDate, formatUkDateTime, formatUkTime, formatUkTimeRange, londonMidnight } from './uk-date-time';

describe('UK date and time formats', () => {
  it('shows a winter session in GMT', () => {
    expect(formatUkTimeRange('2026-12-08T09:30:00Z', '2026-12-08T12:30:00Z'))
      .toBe('Tuesday 8 December 2026, 9:30am to 12:30pm');
  });

  it('shows a summer session in BST, whatever zone the device is in', () => {
    expect(formatUkTimeRange('2026-07-01T08:00:00Z', '2026-07-01T15:00:00Z'))
      .toBe('Wednesday 1 July 2026, 9am to 4pm');
  });

  it('names midday and midnight', () => {
    expect(formatUkTime('2026-12-08T12:00:00Z')).toBe('midday');
    expect(formatUkTime('2026-12-08T00:00:00Z')).toBe('midnight');
  });

  it('names both days when a session runs overnight', () => {
    expect(formatUkTimeRange('2026-12-08T20:00:00Z', '2026-12-09T08:00:00Z'))
      .toBe('Tuesday 8 December 2026, 8pm to Wednesday 9 December 2026, 8am');
  });

  it('uses the London day, not the UTC day', () => {
    expect(formatUkDate('2026-06-30T23:30:00Z')).toBe('Wednesday 1 July 2026');
    expect(formatUkDateTime('2026-06-30T23:30:00Z')).toBe('Wednesday 1 July 2026 at 12:30am');
  });

  it('finds London midnight', () => {
    expect(londonMidnight({ year: 2027, month: 1, day: 15 }).toISOString()).toBe('2027-01-15T00:00:00.000Z');
    expect(londonMidnight({ year: 2026, month: 8, day: 15 }).toISOString()).toBe('2026-08-14T23:00:00.000Z');
  });
});
