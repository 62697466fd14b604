import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

/**
 * NCSC and NIST advice: long passphrases welcome, no composition rules, refuse passwords that
 * are short or guessable (common passwords, keyboard runs, the person's own name or email).
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

const estimator = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });

/** A message a person can act on, or null when the password is acceptable. */
export function passwordProblem(password: string, personal: string[] = []): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return `Enter a password of at least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words make a good one.`;
  }
  if (password.length > PASSWORD_MAX_LENGTH) return `Enter a password of at most ${PASSWORD_MAX_LENGTH} characters.`;
  const inputs = personal.flatMap((value) => value.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length >= 3);
  // zxcvbn discounts personal words only a little: also refuse a password that is little but them.
  const rest = inputs.reduce((left, word) => left.split(word).join(''), password.toLowerCase()).replace(/[^\p{L}\p{N}]/gu, '');
  if (inputs.length && rest.length < 6) return 'Do not base your password on your name or email address. Try a few unrelated words.';
  if (estimator.check(password, [...inputs, 'portal', 'partnership']).score < 3) {
    return 'This password is too common or too easy to guess. Try a few unrelated words.';
  }
  return null;
}
