import { describe, expect, it } from '@jest/globals';
import { safeNextPath, signInPath } from './safe-next';

describe('safeNextPath', () => {
  it('follows a path on this site, keeping its query and fragment', () => {
    expect(safeNextPath('/p/greater-peterborough/find-training?q=first+aid#results'))
      .toBe('/p/greater-peterborough/find-training?q=first+aid#results');
    expect(safeNextPath('/admin/people')).toBe('/admin/people');
  });

  it('refuses other sites, however they are written', () => {
    for (const next of ['https://evil.example/', 'http:evil.example', '//evil.example', '///evil.example',
      '/\\evil.example', '\\\\evil.example', '/\t/evil.example', '/\n/evil.example', 'javascript:alert(1)',
      'data:text/html,hi', 'evil.example', ' /admin', '']) {
      expect(safeNextPath(next)).toBeNull();
    }
  });

  it('gives nothing for a missing parameter or one too long to be real', () => {
    expect(safeNextPath(null)).toBeNull();
    expect(safeNextPath(undefined)).toBeNull();
    expect(safeNextPath(`/${'a'.repeat(2001)}`)).toBeNull();
  });

  it('normalises dot segments and refuses the sign-in page itself', () => {
    expect(safeNextPath('/p/../admin/./people')).toBe('/admin/people');
    expect(safeNextPath('/sign-in?next=/sign-in')).toBeNull();
  });
});

describe('signInPath', () => {
  it('carries the page to come back to', () => {
    expect(signInPath('/admin/people?search=ann')).toBe('/sign-in?next=%2Fadmin%2Fpeople%3Fsearch%3Dann');
    expect(signInPath('https://evil.example')).toBe('/sign-in');
    expect(signInPath(undefined)).toBe('/sign-in');
  });
});
