import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Layers point one way on the client too: `client/src/ui/` is shared by every area of use, so it
 * imports none of them (an area passes what it needs into a ui/ component, or the generic part
 * moves into ui/). ui/ may use `gql/` and the top-level route-patterns.ts and paths.ts.
 */
const src = path.resolve(__dirname, '..', '..', 'client', 'src');
const ALLOWED = new Set(['ui', 'gql']);
const featureFolders = readdirSync(src, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !ALLOWED.has(entry.name)).map((entry) => entry.name);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

/** Every module a file names: `import … from`, `export … from`, `import('…')` and `jest.mock('…')`. */
function specifiers(text: string): string[] {
  return [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\bmock\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]);
}

export function featureImportsOf(file: string, text: string): string[] {
  return specifiers(text).filter((specifier) => {
    if (!specifier.startsWith('.')) return false;
    const target = path.relative(src, path.resolve(path.dirname(file), specifier)).split(path.sep)[0];
    return featureFolders.includes(target);
  });
}

it('knows the feature folders', () => {
  expect(featureFolders).toEqual(expect.arrayContaining(['account', 'find-training', 'funding']));
});

it('sees a feature import when there is one', () => {
  const file = path.join(src, 'ui', 'x.tsx');
  expect(featureImportsOf(file, "import { useViewer } from '../account/use-viewer';")).toEqual(['../account/use-viewer']);
  expect(featureImportsOf(file, "const page = import('../funding/page');")).toEqual(['../funding/page']);
  expect(featureImportsOf(file, "import { paths } from '../paths';\nimport { a } from './paging';")).toEqual([]);
});

it('keeps client/src/ui a leaf: no file in it imports from a feature folder', () => {
  const offences = sourceFiles(path.join(src, 'ui')).flatMap((file) =>
    featureImportsOf(file, readFileSync(file, 'utf8')).map((specifier) => `${path.relative(src, file)} → ${specifier}`));
  expect(offences).toEqual([]);
});

it('keeps the route patterns and the path builder free of feature folders too (ui/ uses them)', () => {
  const offences = ['route-patterns.ts', 'paths.ts'].flatMap((name) => {
    const file = path.join(src, name);
    return featureImportsOf(file, readFileSync(file, 'utf8')).map((specifier) => `${name} → ${specifier}`);
  });
  expect(offences).toEqual([]);
});
