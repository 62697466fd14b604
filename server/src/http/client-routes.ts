import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { match } from 'path-to-regexp';

/**
 * The addresses the built client answers, read from the routes.json its build writes beside
 * index.html (client/src/route-patterns.ts). The server serves the client's page for every GET,
 * with 200 for a known address and 404 for any other, so that crawlers, link checkers and
 * monitoring see a missing page as missing. A build without the list knows no routes: every
 * address answers 200, as single-page apps usually do.
 */
export function clientRouteMatcher(clientDist: string): (pathname: string) => boolean {
  const file = path.join(clientDist, 'routes.json');
  if (!existsSync(file)) return () => true;
  const patterns = JSON.parse(readFileSync(file, 'utf8')) as string[];
  const matchers = patterns.map((pattern) => match(pattern, { decode: false, trailing: true }));
  return (pathname) => matchers.some((matches) => matches(pathname) !== false);
}
