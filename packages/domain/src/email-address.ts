/**
 * The one rule for an email address, used wherever one comes in (registration, sign-in, password
 * reset, the people import, new organisations' leads) and wherever one goes out (booking emails
 * and their calendar invites), so every layer accepts exactly the addresses the others do.
 *
 * An address is `local@domain` where
 * - the local part is a dot-atom of ASCII characters (RFC 5321 without quoted strings): letters,
 *   digits and ! # $ % & ' * + - / = ? ^ _ ` { | } ~, with single dots between them;
 * - the domain is two or more letter-digit-hyphen labels of up to 63 characters, the last one not
 *   all digits; an internationalised domain (bücher.example) is accepted and kept in its ASCII
 *   form (xn--bcher-kva.example), which every mail server and calendar reads;
 * - there are no spaces or control characters, at most 64 characters before the @ and 254 in all.
 * Internationalised local parts (UTF-8 before the @) are refused: they need SMTPUTF8 on every
 * server on the way and calendar invites cannot carry them (see docs/architecture.md).
 *
 * The stored form is lower case throughout (person.email has a CHECK for it), after trimming and
 * NFKC normalisation (so a full-width "ａ" typed on a phone is an "a").
 */
export const MAX_EMAIL_LENGTH = 254;
export const MAX_EMAIL_LOCAL_LENGTH = 64;

export type EmailAddressProblem = 'REQUIRED' | 'CONTROL_CHARACTERS' | 'NOT_ASCII' | 'TOO_LONG' | 'INVALID_FORMAT';

export type ParsedEmailAddress =
  | { ok: true; address: string }
  | { ok: false; code: EmailAddressProblem; message: string };

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const ATOM = "[a-z0-9!#$%&'*+/=?^_`{|}~-]+";
const DOT_ATOM = new RegExp(`^${ATOM}(?:\\.${ATOM})*$`);
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** Characters the URL parser would read as something other than a host name. */
const NOT_HOST = /[\s/\\?#@:[\]%]/;
const ASCII = /^[\u0020-\u007e]*$/;

const FORMAT_MESSAGE = 'Enter an email address in the correct format, like name@example.com';

function problem(code: EmailAddressProblem, message: string): ParsedEmailAddress {
  return { ok: false, code, message };
}

/** The ASCII (A-label) form of a domain, or null when it is not a host name. */
function asciiDomain(domain: string): string | null {
  if (!domain || NOT_HOST.test(domain)) return null;
  if (ASCII.test(domain)) return domain;
  try {
    // The WHATWG URL parser applies UTS #46 (IDNA) to the host: the same conversion browsers make.
    return new URL(`http://${domain}/`).hostname;
  } catch {
    return null;
  }
}

function validDomain(domain: string): boolean {
  if (domain.length > 253) return false;
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) return false;
  return !/^\d+$/.test(labels[labels.length - 1]);
}

export function parseEmailAddress(input: string): ParsedEmailAddress {
  const text = input.trim().normalize('NFKC');
  if (!text) return problem('REQUIRED', 'Enter an email address');
  if (CONTROL.test(text)) return problem('CONTROL_CHARACTERS', 'An email address cannot contain line breaks or other control characters');
  if (text.length > MAX_EMAIL_LENGTH) return problem('TOO_LONG', `An email address must be ${MAX_EMAIL_LENGTH} characters or fewer`);
  const at = text.lastIndexOf('@');
  if (at <= 0) return problem('INVALID_FORMAT', FORMAT_MESSAGE);
  const local = text.slice(0, at).toLowerCase();
  if (!ASCII.test(local)) {
    return problem('NOT_ASCII', 'Use an email address with only letters a to z, digits and symbols such as . _ - + before the @: '
      + 'mail and calendar invites to addresses with accents or other scripts there do not arrive reliably');
  }
  if (local.length > MAX_EMAIL_LOCAL_LENGTH) {
    return problem('TOO_LONG', `The part before the @ must be ${MAX_EMAIL_LOCAL_LENGTH} characters or fewer`);
  }
  if (!DOT_ATOM.test(local)) return problem('INVALID_FORMAT', FORMAT_MESSAGE);
  const domain = asciiDomain(text.slice(at + 1).toLowerCase());
  if (domain === null || !validDomain(domain)) return problem('INVALID_FORMAT', FORMAT_MESSAGE);
  const address = `${local}@${domain}`;
  if (address.length > MAX_EMAIL_LENGTH) return problem('TOO_LONG', `An email address must be ${MAX_EMAIL_LENGTH} characters or fewer`);
  return { ok: true, address };
}

/**
 * The form an address is looked up by (signing in, asking for a reset): the parsed address when it
 * parses, else the same trimming and lower-casing, so accounts stored before this rule (which it
 * may refuse) can still sign in.
 */
export function normaliseEmail(input: string): string {
  const parsed = parseEmailAddress(input);
  return parsed.ok ? parsed.address : input.trim().normalize('NFKC').toLowerCase();
}

/** Whether a stored address can be written into an email's To and an invite's ATTENDEE as it is. */
export function isDeliverableEmail(address: string): boolean {
  const parsed = parseEmailAddress(address);
  return parsed.ok && parsed.address === address;
}
