import { personToPromote, waitlistPositions } from './waitlist-promotion';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 10, minute));
const waiting = [
  { id: 'c', organisationId: 'council', waitlistedAt: at(3) },
  { id: 'a', organisationId: 'trust', waitlistedAt: at(1) },
  { id: 'v', organisationId: null, waitlistedAt: at(2) },
];

describe('waitlist promotion', () => {
  it('gives a pool seat to the first person waiting', () => {
    expect(personToPromote(waiting, { organisationId: null, released: false })?.id).toBe('a');
  });

  it('keeps an allocated seat inside its organisation until release', () => {
    expect(personToPromote(waiting, { organisationId: 'council', released: false })?.id).toBe('c');
    expect(personToPromote(waiting, { organisationId: 'care-home', released: false })).toBeNull();
  });

  it('gives any seat to the first person waiting after release', () => {
    expect(personToPromote(waiting, { organisationId: 'council', released: true })?.id).toBe('a');
  });

  it('numbers positions from 1 in order of waiting', () => {
    expect([...waitlistPositions(waiting)]).toEqual([['a', 1], ['v', 2], ['c', 3]]);
    expect(personToPromote([], { organisationId: null, released: true })).toBeNull();
  });
});
