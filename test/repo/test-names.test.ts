import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Tests say what they are: beside the code, a test that opens a database is `*.int.test.ts`, and
 * one named so opens one; a plain `*.test.ts` there runs without I/O. (test/api, test/load and
 * the rest are database and browser tests by their folder.)
 */
const root = path.resolve(__dirname, '..', '..');
const USES_DATABASE = /test\/support\/(test-database|start-portal)'/;

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'dist' ? [] : testFiles(full);
    return /\.test\.tsx?$/.test(entry.name) ? [path.relative(root, full)] : [];
  });
}

const files = ['server/src', 'client/src', ...readdirSync(path.join(root, 'packages')).map((p) => `packages/${p}/src`)]
  .flatMap((dir) => { try { return testFiles(path.join(root, dir)); } catch { return []; } });

it('finds the tests beside the code', () => {
  expect(files.length).toBeGreaterThan(20);
});

it('names every test beside the code that opens a database *.int.test.ts, and only those', () => {
  const misnamed = files.filter((file) => USES_DATABASE.test(readFileSync(path.join(root, file), 'utf8')) !== file.endsWith('.int.test.ts'));
  expect(misnamed).toEqual([]);
});

it('keeps the domain package free of database tests', () => {
  expect(files.filter((file) => file.startsWith('packages/domain/') && file.endsWith('.int.test.ts'))).toEqual([]);
});
