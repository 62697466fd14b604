import { isDeliverableEmail, normaliseEmail, parseEmailAddress } from './email-address';

describe('parseEmailAddress', () => {
  it.each([
    ['name@example.org', 'name@example.org'],
    ['  Jo.Bloggs+training@Example.NHS.UK ', 'jo.bloggs+training@example.nhs.uk'],
    ["o'neil@example.org", "o'neil@example.org"],
    ['a!#$%&*/=?^_`{|}~-@example.org', 'a!#$%&*/=?^_`{|}~-@example.org'],
    ['ｊｏ@example.org', 'jo@example.org'],
    ['jo@bücher.example', 'jo@xn--bcher-kva.example'],
    [`${'a'.repeat(64)}@example.org`, `${'a'.repeat(64)}@example.org`],
  ])('accepts %j as %j', (input, address) => {
    expect(parseEmailAddress(input)).toEqual({ ok: true, address });
  });

  it.each([
    ['', 'REQUIRED'], ['   ', 'REQUIRED'],
    ['"a\r\nBcc: x@evil.example"@example.org', 'CONTROL_CHARACTERS'],
    ['jo\n@example.org', 'CONTROL_CHARACTERS'],
    ['"jo bloggs"@example.org', 'INVALID_FORMAT'],
    ['"jo"@example.org', 'INVALID_FORMAT'],
    ['josé@example.org', 'NOT_ASCII'],
    ['用户@example.org', 'NOT_ASCII'],
    ['jo..bloggs@example.org', 'INVALID_FORMAT'], ['.jo@example.org', 'INVALID_FORMAT'], ['jo.@example.org', 'INVALID_FORMAT'],
    ['jo@example', 'INVALID_FORMAT'], ['jo@-example.org', 'INVALID_FORMAT'], ['jo@example..org', 'INVALID_FORMAT'],
    ['jo@127.0.0.1', 'INVALID_FORMAT'], ['jo@[127.0.0.1]', 'INVALID_FORMAT'], ['jo@exa mple.org', 'INVALID_FORMAT'],
    ['jo@example.org/x', 'INVALID_FORMAT'], ['@example.org', 'INVALID_FORMAT'], ['jo@', 'INVALID_FORMAT'], ['jo', 'INVALID_FORMAT'],
    [`${'a'.repeat(65)}@example.org`, 'TOO_LONG'], [`jo@${'a'.repeat(250)}.org`, 'TOO_LONG'],
  ])('refuses %j with %s', (input, code) => {
    const parsed = parseEmailAddress(input);
    expect(parsed).toMatchObject({ ok: false, code });
    // GOV.UK wording: an error message is one sentence with no full stop.
    if (!parsed.ok) expect(parsed.message).not.toMatch(/\.$/);
  });

  it('accepts only what the calendar invite library (ics, through yup) accepts as an ATTENDEE', () => {
    // yup's email rule, which ics applies to every attendee and organiser.
    const yupEmail = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
    for (const input of ['name@example.org', "o'neil@example.org", 'jo@bücher.example', 'a+b.c@x-y.example.org']) {
      const parsed = parseEmailAddress(input);
      expect(parsed.ok && yupEmail.test(parsed.address)).toBe(true);
    }
  });
});

describe('normaliseEmail and isDeliverableEmail', () => {
  it('look up an address in its stored form, and keep old addresses that the rule refuses findable', () => {
    expect(normaliseEmail(' Jo@Example.ORG ')).toBe('jo@example.org');
    expect(normaliseEmail('"Jo Bloggs"@Example.org')).toBe('"jo bloggs"@example.org');
  });

  it('say whether a stored address can go into an email and an invite as it is', () => {
    expect(isDeliverableEmail('jo@example.org')).toBe(true);
    expect(isDeliverableEmail('Jo@example.org')).toBe(false);
    expect(isDeliverableEmail('"jo\r\nbcc"@example.org')).toBe(false);
    expect(isDeliverableEmail('josé@example.org')).toBe(false);
  });
});
