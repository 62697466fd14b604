import { isLateCancellation } from './late-cancellation';

describe('isLateCancellation', () => {
  const startsAt = new Date('2026-12-10T09:30:00Z');

  it('is late within 48 hours of the start, and after it', () => {
    expect(isLateCancellation(startsAt, new Date('2026-12-08T09:30:01Z'))).toBe(true);
    expect(isLateCancellation(startsAt, new Date('2026-12-11T09:30:00Z'))).toBe(true);
  });

  it('is not late before that', () => {
    expect(isLateCancellation(startsAt, new Date('2026-12-08T09:30:00Z'))).toBe(false);
    expect(isLateCancellation(startsAt, new Date('2026-12-01T00:00:00Z'), 24)).toBe(false);
  });
});
