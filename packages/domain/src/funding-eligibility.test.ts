import { streamMayPayFor } from './funding-eligibility';

describe('streamMayPayFor', () => {
  const open = { audience: 'both' as const, eligibleSectors: [] };
  it('pays for anyone when unrestricted', () => {
    expect(streamMayPayFor(open, { kind: 'staff', sector: 'care_home' })).toBe(true);
    expect(streamMayPayFor(open, { kind: 'volunteer', sector: null })).toBe(true);
  });
  it('keeps to its audience', () => {
    expect(streamMayPayFor({ ...open, audience: 'staff' }, { kind: 'volunteer', sector: 'voluntary' })).toBe(false);
    expect(streamMayPayFor({ ...open, audience: 'volunteers' }, { kind: 'volunteer', sector: 'voluntary' })).toBe(true);
    expect(streamMayPayFor({ ...open, audience: 'volunteers' }, { kind: 'staff', sector: 'voluntary' })).toBe(false);
  });
  it('keeps to its sectors; a volunteer with no organisation has none', () => {
    const sectors = { audience: 'both' as const, eligibleSectors: ['care_home', 'domiciliary_care'] };
    expect(streamMayPayFor(sectors, { kind: 'staff', sector: 'care_home' })).toBe(true);
    expect(streamMayPayFor(sectors, { kind: 'staff', sector: 'acute_trust' })).toBe(false);
    expect(streamMayPayFor(sectors, { kind: 'volunteer', sector: null })).toBe(false);
  });
});
