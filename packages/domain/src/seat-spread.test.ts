import fc from 'fast-check';
import { spreadSeats, type SpreadSession } from './seat-spread';

function spread(sessions: number, capacity: number, pledges: Array<[string, number]>): SpreadSession[] {
  const result = spreadSeats(sessions, capacity, pledges.map(([organisationId, seats]) => ({ organisationId, seats })));
  if (!result.ok) throw new Error(result.message);
  return result.sessions;
}

describe('spreadSeats', () => {
  it('spreads each organisation evenly and fills sessions in turn', () => {
    const sessions = spread(2, 10, [['a', 11], ['b', 9]]);
    expect(sessions.map((s) => s.allocated)).toEqual([10, 10]);
    expect(sessions.map((s) => Object.fromEntries(s.allocations.map((a) => [a.organisationId, a.seats])))).toEqual([{ a: 6, b: 4 }, { a: 5, b: 5 }]);
  });

  it('leaves out organisations with no seat on a session', () => {
    expect(spread(3, 10, [['a', 1]]).map((s) => s.allocations)).toEqual([[{ organisationId: 'a', seats: 1 }], [], []]);
  });

  it('refuses more seats than the sessions hold, no sessions, and seats that are not whole', () => {
    expect(spreadSeats(2, 10, [{ organisationId: 'a', seats: 21 }])).toMatchObject({ ok: false, code: 'OVER_CAPACITY' });
    expect(spreadSeats(0, 10, [])).toMatchObject({ ok: false, code: 'NO_SESSIONS' });
    expect(spreadSeats(1, 10, [{ organisationId: 'a', seats: 1.5 }])).toMatchObject({ ok: false, code: 'INVALID_SEATS' });
  });

  it('keeps every seat, never passes the capacity, and gives each organisation its whole share or one more per session', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 40 }), fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 8 }),
      (sessionCount, capacity, seats) => {
        const pledges = seats.map((s, i) => ({ organisationId: `org-${i}`, seats: s }));
        const result = spreadSeats(sessionCount, capacity, pledges);
        const total = seats.reduce((a, b) => a + b, 0);
        if (total > sessionCount * capacity) return !result.ok;
        if (!result.ok) return false;
        if (result.sessions.some((s) => s.allocated > capacity || s.allocated !== s.allocations.reduce((a, b) => a + b.seats, 0))) return false;
        return pledges.every((p) => {
          const per = result.sessions.map((s) => s.allocations.find((a) => a.organisationId === p.organisationId)?.seats ?? 0);
          const whole = Math.floor(p.seats / sessionCount);
          return per.reduce((a, b) => a + b, 0) === p.seats && per.every((n) => n === whole || n === whole + 1);
        });
      }));
  });
});
