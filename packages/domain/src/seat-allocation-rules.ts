/**
 * Whether a session's capacity and per-organisation allocations may be replaced. Seats already
 * taken stay where they are: the capacity never drops below them, an allocation never below its
 * own, and before the release time the shared pool keeps room for the pool seats taken.
 */
export interface SeatsNow {
  capacity: number;
  seatsTaken: number;
  poolSeatsTaken: number;
  /** From the release time the pool is every free seat, so allocations no longer bound it. */
  released: boolean;
  allocations: ReadonlyArray<{ organisationId: string; organisationName: string; seatsTaken: number }>;
}

export interface WantedSeats {
  /** Omitted: the capacity stays. */
  capacity?: number | null;
  allocations: ReadonlyArray<{ organisationId: string; seats: number }>;
}

export interface AllocationProblem {
  /** Path below the input: ['capacity'], ['allocations'] or ['allocations', index, 'seats' | 'organisationId']. */
  field: Array<string | number>;
  code: 'BELOW_SEATS_TAKEN' | 'DUPLICATE' | 'ALLOCATION_IN_USE' | 'OVER_CAPACITY' | 'POOL_IN_USE';
  message: string;
}

const seats = (n: number) => `${n} seat${n === 1 ? '' : 's'}`;

export function seatAllocationProblems(now: SeatsNow, wanted: WantedSeats): AllocationProblem[] {
  const problems: AllocationProblem[] = [];
  const capacity = wanted.capacity ?? now.capacity;
  if (capacity < now.seatsTaken) {
    problems.push({ field: ['capacity'], code: 'BELOW_SEATS_TAKEN',
      message: `${seats(now.seatsTaken)} of this session are taken: the capacity must be at least ${now.seatsTaken}.` });
  }

  const current = new Map(now.allocations.map((a) => [a.organisationId, a]));
  const seen = new Set<string>();
  wanted.allocations.forEach((allocation, index) => {
    if (seen.has(allocation.organisationId)) {
      problems.push({ field: ['allocations', index, 'organisationId'], code: 'DUPLICATE',
        message: 'This organisation is already in the list: give each organisation one allocation.' });
      return;
    }
    seen.add(allocation.organisationId);
    const taken = current.get(allocation.organisationId)?.seatsTaken ?? 0;
    if (allocation.seats < taken) {
      problems.push({ field: ['allocations', index, 'seats'], code: 'BELOW_SEATS_TAKEN',
        message: `${seats(taken)} of this allocation are taken: allocate at least ${taken}.` });
    }
  });

  for (const allocation of now.allocations) {
    if (allocation.seatsTaken > 0 && !seen.has(allocation.organisationId)) {
      problems.push({ field: ['allocations'], code: 'ALLOCATION_IN_USE',
        message: `${allocation.organisationName} has ${seats(allocation.seatsTaken)} taken from its allocation: keep it, with at least ${allocation.seatsTaken}.` });
    }
  }

  const allocated = wanted.allocations.reduce((sum, a) => sum + a.seats, 0);
  if (allocated > capacity) {
    problems.push({ field: ['allocations'], code: 'OVER_CAPACITY',
      message: `The allocations add up to ${seats(allocated)}, more than the capacity of ${capacity}.` });
  } else if (!now.released && capacity - allocated < now.poolSeatsTaken) {
    problems.push({ field: ['allocations'], code: 'POOL_IN_USE',
      message: `${seats(now.poolSeatsTaken)} of the shared pool are taken: the allocations can add up to at most ${capacity - now.poolSeatsTaken}.` });
  }
  return problems;
}
