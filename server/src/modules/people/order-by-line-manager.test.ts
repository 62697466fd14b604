import { orderByLineManager } from './order-by-line-manager';

const row = (email: string, lineManagerEmail: string | null = null) => ({ email, lineManagerEmail });

describe('orderByLineManager', () => {
  it('puts every line manager from the file before their reports, keeping file order otherwise', () => {
    const rows = [row('carer1', 'senior'), row('senior', 'lead'), row('lead', 'outside@existing'), row('carer2', 'senior'), row('solo')];
    const { ordered, inCircles } = orderByLineManager(rows);
    expect(ordered.map((r) => r.email)).toEqual(['lead', 'solo', 'senior', 'carer1', 'carer2']);
    expect(inCircles).toEqual([]);
  });

  it('sets aside people in a circle of line managers, and those below them', () => {
    const rows = [row('a', 'b'), row('b', 'a'), row('c', 'a'), row('d'), row('e', 'd')];
    const { ordered, inCircles } = orderByLineManager(rows);
    expect(ordered.map((r) => r.email)).toEqual(['d', 'e']);
    expect(inCircles.map((r) => r.email)).toEqual(['a', 'b', 'c']);
  });

  it('handles long chains without recursion', () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => row(`p${i}`, i === 0 ? null : `p${i - 1}`)).reverse();
    const { ordered } = orderByLineManager(rows);
    expect(ordered[0].email).toBe('p0');
    expect(ordered.at(-1)!.email).toBe('p19999');
  });
});
