import { seatAllocationProblems, type SeatsNow } from './seat-allocation-rules';

const session: SeatsNow = {
  capacity: 20, seatsTaken: 9, poolSeatsTaken: 4, released: false,
  allocations: [
    { organisationId: 'council', organisationName: 'Peterborough City Council', seatsTaken: 3 },
    { organisationId: 'trust', organisationName: 'North West Anglia NHS Foundation Trust', seatsTaken: 2 },
    { organisationId: 'gp', organisationName: 'GP Partnership', seatsTaken: 0 },
  ],
};
const keep = [{ organisationId: 'council', seats: 5 }, { organisationId: 'trust', seats: 6 }];
const codes = (wanted: Parameters<typeof seatAllocationProblems>[1], now = session) =>
  seatAllocationProblems(now, wanted).map((p) => [p.field.join('.'), p.code]);

describe('seat allocation rules', () => {
  it('accepts a change that keeps every taken seat (an unused allocation may go)', () => {
    expect(codes({ allocations: keep })).toEqual([]);
    expect(codes({ capacity: 9, allocations: [{ organisationId: 'council', seats: 3 }, { organisationId: 'trust', seats: 2 }] })).toEqual([]);
  });

  it('keeps the capacity at or above the seats taken', () => {
    expect(codes({ capacity: 8, allocations: [{ organisationId: 'council', seats: 3 }, { organisationId: 'trust', seats: 2 }] }))
      .toEqual([['capacity', 'BELOW_SEATS_TAKEN'], ['allocations', 'POOL_IN_USE']]);
  });

  it('keeps each allocation at or above its own seats taken, and refuses to drop one in use', () => {
    expect(codes({ allocations: [{ organisationId: 'council', seats: 2 }, { organisationId: 'trust', seats: 6 }] }))
      .toEqual([['allocations.0.seats', 'BELOW_SEATS_TAKEN']]);
    const dropped = seatAllocationProblems(session, { allocations: [{ organisationId: 'council', seats: 5 }] });
    expect(dropped).toEqual([expect.objectContaining({ field: ['allocations'], code: 'ALLOCATION_IN_USE' })]);
    expect(dropped[0].message).toContain('North West Anglia NHS Foundation Trust has 2 seats taken');
  });

  it('refuses an organisation listed twice, at the second place', () => {
    expect(codes({ allocations: [...keep, { organisationId: 'council', seats: 1 }] })).toEqual([['allocations.2.organisationId', 'DUPLICATE']]);
  });

  it('keeps the allocations within the capacity, and room in the pool for its taken seats until release', () => {
    expect(codes({ allocations: [{ organisationId: 'council', seats: 15 }, { organisationId: 'trust', seats: 6 }] }))
      .toEqual([['allocations', 'OVER_CAPACITY']]);
    expect(codes({ allocations: [{ organisationId: 'council', seats: 10 }, { organisationId: 'trust', seats: 7 }] }))
      .toEqual([['allocations', 'POOL_IN_USE']]);
    expect(codes({ allocations: [{ organisationId: 'council', seats: 10 }, { organisationId: 'trust', seats: 7 }] }, { ...session, released: true }))
      .toEqual([]);
    expect(codes({ capacity: 24, allocations: [{ organisationId: 'council', seats: 10 }, { organisationId: 'trust', seats: 10 }] })).toEqual([]);
  });
});
