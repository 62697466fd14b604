import { passwordProblem } from './password-policy';

describe('passwordProblem', () => {
  it.each(['short', 'password123', 'Password123!', 'qwertyuiop1', 'aaaaaaaaaaaaaa'])('refuses %p', (password) => {
    expect(passwordProblem(password)).not.toBeNull();
  });

  it('refuses a password built from the person\'s own name or email', () => {
    expect(passwordProblem('janesmith2026', ['Jane Smith', 'jane.smith@example.org'])).not.toBeNull();
  });

  it.each(['correct horse battery staple', 'violet-kettle-harbour-91', 'ünïcödé pässphrase wörks'])('accepts %p', (password) => {
    expect(passwordProblem(password)).toBeNull();
  });

  it('accepts long passphrases and refuses absurd lengths', () => {
    expect(passwordProblem('the quick brown fox jumps over the lazy dog by the river in spring')).toBeNull();
    expect(passwordProblem('x'.repeat(257))).not.toBeNull();
  });
});
