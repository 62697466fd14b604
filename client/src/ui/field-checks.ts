/**
 * The checks a form makes on its own before sending, each the same as the API's rule or looser,
 * so the page can tell every problem at once and the API stays the judge of the rest (a taken
 * short code, an address outside the portal's rule, a negative amount). Wording is GOV.UK's.
 */

/** More characters than the API keeps, once the ends are trimmed. */
export function tooLong(text: string, max: number): boolean {
  return text.trim().length > max;
}

/** "{label} must be {max} characters or fewer", with the number written as a person reads it. */
export function tooLongMessage(label: string, max: number): string {
  return `${label} must be ${max.toLocaleString('en-GB')} characters or fewer`;
}

const POUNDS = /^-?\s*£?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/**
 * An amount as a person types it ("480", "£1,250.50"): digits, commas between thousands, pence. A
 * minus sign passes: the API says why an amount must be positive.
 */
export function isPounds(text: string): boolean {
  return POUNDS.test(text.trim());
}

const EMAIL_SHAPE = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** Something, an @, and a domain with a dot: the API checks the rest of the address. */
export function looksLikeEmail(text: string): boolean {
  return EMAIL_SHAPE.test(text.trim());
}

export const EMAIL_FORMAT_MESSAGE = 'Enter an email address in the correct format, like name@example.com';
