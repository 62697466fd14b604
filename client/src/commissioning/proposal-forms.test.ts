import { describe, expect, it } from '@jest/globals';
import { approvalInputFrom, pledgeInputFrom } from './proposal-forms';

describe('pledgeInputFrom', () => {
  it('makes seats, money or both', () => {
    expect(pledgeInputFrom({ seats: '6', amount: '', streamId: '' })).toEqual({ input: { seats: 6, amount: null, streamId: null }, errors: [] });
    expect(pledgeInputFrom({ seats: '', amount: '£250.00', streamId: 's' })).toEqual({ input: { seats: null, amount: '£250.00', streamId: 's' }, errors: [] });
  });

  it('tells every problem at once', () => {
    expect(pledgeInputFrom({ seats: '', amount: '', streamId: '' }).errors.map((e) => e.field)).toEqual(['seats']);
    expect(pledgeInputFrom({ seats: '0', amount: 'lots', streamId: '' }).errors.map((e) => e.field)).toEqual(['seats', 'amount', 'streamId']);
    expect(pledgeInputFrom({ seats: '2.5', amount: '', streamId: 's' }).errors.map((e) => e.field)).toEqual(['seats', 'amount']);
  });
});

describe('approvalInputFrom', () => {
  const row = { date: '2027-01-12', startTime: '09:30', endTime: '13:00' };
  it('turns UK dates and times into the API\'s instants', () => {
    const { input } = approvalInputFrom({ sessions: [row], deliveryOptionId: 'o', shortfall: '', reason: '' }, 'p', { needsShortfall: false });
    expect(input).toEqual({ proposalId: 'p', sessions: [{ startsAt: '2027-01-12T09:30:00.000Z', endsAt: '2027-01-12T13:00:00.000Z', deliveryMode: 'ONLINE',
      venueId: null }], deliveryOptionId: 'o', shortfallAccepted: null, reason: null });
    expect(approvalInputFrom({ sessions: [{ ...row, venueId: 'v' }], deliveryOptionId: '', shortfall: '', reason: '' }, 'p', { needsShortfall: false })
      .input?.sessions[0]).toMatchObject({ deliveryMode: 'IN_PERSON', venueId: 'v' });
  });

  it('asks for every missing time, and a reason with a shortfall', () => {
    const { errors } = approvalInputFrom({ sessions: [{ date: '', startTime: '', endTime: '' }, row], deliveryOptionId: '', shortfall: '', reason: '' },
      'p', { needsShortfall: true });
    expect(errors.map((e) => e.field)).toEqual(['sessions.0.startsAt', 'sessions.0.endsAt', 'shortfallAccepted']);
    expect(approvalInputFrom({ sessions: [row], deliveryOptionId: '', shortfall: '100', reason: ' ' }, 'p', { needsShortfall: true }).errors
      .map((e) => e.field)).toEqual(['reason']);
  });
});
