/**
 * How a sector is written for people (breakdowns, exports), by its stored value. "independent"
 * is not a sector of any organisation: it is where money spent on people with no organisation
 * (independent volunteers) is counted, so every breakdown by sector adds up to the whole.
 */
export const NO_SECTOR_KEY = 'independent';

const SECTOR_LABELS: Readonly<Record<string, string>> = {
  acute_trust: 'Acute trust',
  primary_care: 'Primary care',
  mental_health: 'Mental health',
  ambulance: 'Ambulance service',
  local_authority: 'Local authority',
  childrens_services: "Children's services",
  voluntary: 'Voluntary sector',
  general_practice: 'Independent: general practice',
  dentistry: 'Independent: dentistry',
  pharmacy: 'Independent: pharmacy',
  optometry: 'Independent: optometry',
  care_home: 'Independent: care home',
  domiciliary_care: 'Independent: domiciliary care',
  education_provider: 'Education provider',
  fire_and_rescue: 'Fire and rescue',
  [NO_SECTOR_KEY]: 'No organisation (independent volunteers)',
};

export const SECTOR_KEYS: readonly string[] = Object.keys(SECTOR_LABELS);

/** An unknown value (a sector added without a label) is shown as stored rather than hidden. */
export function sectorLabel(sector: string): string {
  return SECTOR_LABELS[sector] ?? sector;
}
