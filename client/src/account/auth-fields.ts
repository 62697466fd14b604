/** Attributes that help people fill in account forms quickly on a phone, and password managers to help. */
export const EMAIL_INPUT = {
  type: 'email',
  autoComplete: 'email',
  spellCheck: false,
  autoCapitalize: 'none',
  inputMode: 'email',
} as const;

export const NEW_PASSWORD_HINT = 'Use at least 10 characters. A few unrelated words work well.';
