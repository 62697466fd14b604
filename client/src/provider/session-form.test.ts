import { describe, expect, it } from '@jest/globals';
import { emptySessionForm, rescheduleInputFrom, scheduleInputFrom } from './session-form';

describe('scheduleInputFrom', () => {
  it('says everything that is missing at once', () => {
    const { input, errors } = scheduleInputFrom('c', { ...emptySessionForm(), deliveryMode: 'IN_PERSON', allocations: [{ organisationId: '', seats: 'x' }] });
    expect(input).toBeNull();
    expect(errors.map((e) => e.field)).toEqual(['startsAt', 'endsAt', 'venueId', 'capacity', 'allocations.0.organisationId', 'allocations.0.seats']);
  });

  it('reads UK dates and times and leaves unset defaults to the API', () => {
    const { input, errors } = scheduleInputFrom('course-1', { ...emptySessionForm(), date: '2026-07-01', startTime: '09:30', endTime: '12:30',
      deliveryMode: 'ONLINE', venueId: 'kept-out', capacity: '20', minimumPlaces: '8', allocations: [{ organisationId: 'o', seats: '5' }] });
    expect(errors).toEqual([]);
    expect(input).toEqual({ courseId: 'course-1', startsAt: '2026-07-01T08:30:00.000Z', endsAt: '2026-07-01T11:30:00.000Z', deliveryMode: 'ONLINE',
      venueId: null, capacity: 20, minimumPlaces: 8, bookingClosesAt: null, releaseAt: null, allocations: [{ organisationId: 'o', seats: 5 }] });
  });

  it('sends a change without allocations', () => {
    const { input } = rescheduleInputFrom('s', { ...emptySessionForm(), date: '2026-12-08', startTime: '10:00', endTime: '16:00', deliveryMode: 'IN_PERSON',
      venueId: 'v', capacity: '12', closesDate: '2026-12-07', closesTime: '17:00', releaseDate: '2026-11-24', allocations: [{ organisationId: 'o', seats: '2' }] });
    expect(input).toEqual({ sessionId: 's', startsAt: '2026-12-08T10:00:00.000Z', endsAt: '2026-12-08T16:00:00.000Z', deliveryMode: 'IN_PERSON', venueId: 'v',
      capacity: 12, minimumPlaces: null, bookingClosesAt: '2026-12-07T17:00:00.000Z', releaseAt: '2026-11-24T10:00:00.000Z' });
  });
});
