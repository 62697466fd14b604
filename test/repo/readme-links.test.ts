import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The README is read from a clone: every file it links to or names must be in the clone. */
const root = path.resolve(__dirname, '..', '..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');

const linked = [...readme.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1]).filter((target) => !/^[a-z]+:/i.test(target));
const named = [...readme.matchAll(/`((?:\.\.\/|docs\/|server\/|client\/|test\/|packages\/|scripts\/)[^`\s*<>]+)`/g)].map((m) => m[1])
  .filter((target) => !target.includes('…'));

it('links only to files that exist in the repository', () => {
  expect(linked.length).toBeGreaterThan(0);
  expect(linked.filter((target) => !existsSync(path.join(root, target)))).toEqual([]);
});

it('names no path outside the repository and none that is missing', () => {
  expect(named.filter((target) => target.startsWith('../'))).toEqual([]);
  const missing = named.filter((target) => !existsSync(path.join(root, target.replace(/\/$/, ''))));
  expect(missing).toEqual([]);
});
