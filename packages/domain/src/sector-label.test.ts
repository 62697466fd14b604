import { NO_SECTOR_KEY, SECTOR_KEYS, sectorLabel } from './sector-label';

describe('sector labels', () => {
  it('writes stored sectors for people', () => {
    expect(sectorLabel('acute_trust')).toBe('Acute trust');
    expect(sectorLabel('childrens_services')).toBe("Children's services");
  });

  it('has a row for money with no organisation, and shows an unknown value as stored', () => {
    expect(SECTOR_KEYS).toContain(NO_SECTOR_KEY);
    expect(sectorLabel(NO_SECTOR_KEY)).toBe('No organisation (independent volunteers)');
    expect(sectorLabel('space_agency')).toBe('space_agency');
  });
});
