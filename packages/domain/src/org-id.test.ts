import { isOrgId, MAX_ORG_ID_INPUT_LENGTH, parseOrgId } from './org-id';

describe('parseOrgId', () => {
  it.each([
    // ODS codes: a trust, a mental health trust, an ICB, a sub-ICB location, a site, a pharmacy, a GP practice, a dental practice.
    ['GB-NHS-RGN', 'GB-NHS-RGN', 'GB-NHS', 'RGN'],
    ['GB-NHS-RT1', 'GB-NHS-RT1', 'GB-NHS', 'RT1'],
    ['gb-nhs-que', 'GB-NHS-QUE', 'GB-NHS', 'QUE'],
    ['GB-NHS-06H', 'GB-NHS-06H', 'GB-NHS', '06H'],
    ['GB-NHS-RGN80', 'GB-NHS-RGN80', 'GB-NHS', 'RGN80'],
    ['GB-NHS-FA123', 'GB-NHS-FA123', 'GB-NHS', 'FA123'],
    ['GB-NHS-D81001', 'GB-NHS-D81001', 'GB-NHS', 'D81001'],
    ['GB-NHS-V012345', 'GB-NHS-V012345', 'GB-NHS', 'V012345'],
    // Charity numbers, old (6 digits) and new (7).
    ['GB-CHC-202918', 'GB-CHC-202918', 'GB-CHC', '202918'],
    [' GB-CHC-1 234 567 ', 'GB-CHC-1234567', 'GB-CHC', '1234567'],
    // Company numbers: England and Wales (padded when the leading zeros are left off), Scotland, an LLP, pre-1922 Northern Ireland.
    ['GB-COH-01234567', 'GB-COH-01234567', 'GB-COH', '01234567'],
    ['GB-COH-1234567', 'GB-COH-01234567', 'GB-COH', '01234567'],
    ['gb-coh-sc123456', 'GB-COH-SC123456', 'GB-COH', 'SC123456'],
    ['GB-COH-OC301540', 'GB-COH-OC301540', 'GB-COH', 'OC301540'],
    ['GB-COH-R0000123', 'GB-COH-R0000123', 'GB-COH', 'R0000123'],
    // Local authority codes.
    ['GB-LAE-PTE', 'GB-LAE-PTE', 'GB-LAE', 'PTE'],
    ['gb-lae-cams', 'GB-LAE-CAMS', 'GB-LAE', 'CAMS'],
  ])('reads %j as %s', (text, orgId, scheme, identifier) => {
    expect(parseOrgId(text)).toEqual({ ok: true, orgId, scheme, identifier });
  });

  it.each([
    ['', 'REQUIRED'], ['   ', 'REQUIRED'],
    ['x'.repeat(MAX_ORG_ID_INPUT_LENGTH + 1), 'TOO_LONG'],
    // The portal's own made-up form, another country's register, a register the rule does not know, no prefix at all.
    ['GB-PARTNERSHIP-GREATER-PETERBOROUGH-PCC', 'UNKNOWN_SCHEME'], ['US-EIN-123456789', 'UNKNOWN_SCHEME'],
    ['GB-SC-SC012345', 'UNKNOWN_SCHEME'], ['RGN', 'UNKNOWN_SCHEME'], ['GB-NHS', 'UNKNOWN_SCHEME'],
    // ODS: too short, too long, digits only (a charity number in the wrong scheme), punctuation.
    ['GB-NHS-RG', 'BAD_FORMAT'], ['GB-NHS-RGN12345', 'BAD_FORMAT'], ['GB-NHS-1234567', 'BAD_FORMAT'], ['GB-NHS-RG-N', 'BAD_FORMAT'],
    ['GB-NHS-', 'BAD_FORMAT'],
    // Charities: too short, too long, a leading zero, a letter, a linked charity's suffix.
    ['GB-CHC-12345', 'BAD_FORMAT'], ['GB-CHC-12345678', 'BAD_FORMAT'], ['GB-CHC-0123456', 'BAD_FORMAT'],
    ['GB-CHC-SC01234', 'BAD_FORMAT'], ['GB-CHC-1234567-1', 'BAD_FORMAT'],
    // Companies: too long, one letter, three letters, a prefix with too few digits.
    ['GB-COH-123456789', 'BAD_FORMAT'], ['GB-COH-S1234567', 'BAD_FORMAT'], ['GB-COH-SCO12345', 'BAD_FORMAT'],
    ['GB-COH-SC12345', 'BAD_FORMAT'], ['GB-COH-', 'BAD_FORMAT'],
    // Local authorities: digits, too short, too long.
    ['GB-LAE-E06000031', 'BAD_FORMAT'], ['GB-LAE-PT', 'BAD_FORMAT'], ['GB-LAE-PETER', 'BAD_FORMAT'],
  ])('refuses %j with %s', (text, code) => {
    const parsed = parseOrgId(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.code).toBe(code);
      expect(parsed.message).not.toMatch(/\.$/);
    }
  });

  it('says, for a known register, what its numbers look like', () => {
    expect(parseOrgId('GB-CHC-12')).toMatchObject({ ok: false, message: 'A charity number is 6 or 7 digits, like GB-CHC-1234567' });
    expect(parseOrgId('GB-XYZ-12')).toMatchObject({ ok: false, message: expect.stringContaining('GB-NHS- (an ODS code)') });
  });
});

describe('isOrgId', () => {
  it('holds for the stored form only', () => {
    expect(isOrgId('GB-NHS-RGN')).toBe(true);
    expect(isOrgId('GB-COH-01234567')).toBe(true);
    expect(isOrgId('gb-nhs-rgn')).toBe(false);
    expect(isOrgId('GB-COH-1234567')).toBe(false);
    expect(isOrgId('GB-NHS-RGN ')).toBe(false);
    expect(isOrgId('GB-PARTNERSHIP-X-PCC')).toBe(false);
  });
});
