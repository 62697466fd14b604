import { paths } from '../paths';
import { SITE_PAGES } from '../route-patterns';

/**
 * Where to go after signing in. `?next=` comes from the address, which anyone can craft, so it
 * is only followed when it is a path on this site: "/p/x/find-training?q=a" yes;
 * "https://evil.example", "//evil.example", "/\evil.example" and "javascript:…" no.
 */
export function safeNextPath(next: string | null | undefined): string | null {
  if (!next || next.length > 2000) return null;
  // Browsers treat "\" as "/" and drop tabs and newlines, so "/\evil" and "/\t/evil" would leave the site.
  if (!next.startsWith('/') || /[\\\u0000-\u001f\u007f]/.test(next)) return null;
  if (next.startsWith('//')) return null;
  const base = 'https://portal.invalid';
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return null;
  }
  if (url.origin !== base) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Coming back to the sign-in page itself would be a loop.
  return url.pathname === SITE_PAGES.signIn ? null : path;
}

/** The address of the sign-in page that comes back here afterwards. */
export function signInPath(returnTo?: string | null): string {
  const next = safeNextPath(returnTo);
  return paths.signIn(next);
}
