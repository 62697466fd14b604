// One jest run for the whole portal. Every project that touches the database shares one
// PostgreSQL, started once by the global setup (embedded, or DATABASE_URL when given); each
// test file gets its own database cloned from a migrated template, so files run in parallel.
const { readFileSync } = require('node:fs');

const swc = JSON.parse(readFileSync(`${__dirname}/.swcrc.jest.json`, 'utf8'));
const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest', { ...swc, swcrc: false }] };
const moduleNameMapper = { '^@portal/domain$': '<rootDir>/packages/domain/src/index.ts' };
const base = { rootDir: __dirname, transform, moduleNameMapper, testEnvironment: 'node' };

module.exports = {
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
  maxWorkers: 2,
  // Longest files first (measured or, in a fresh clone, estimated), so the run does not end on one worker.
  testSequencer: '<rootDir>/test/support/slowest-first-sequencer.mjs',
  // Tests that start a server or a browser need more than the default 5 s on a loaded 2-core machine.
  testTimeout: 30000,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  projects: [
    { ...base, displayName: 'domain', testMatch: ['<rootDir>/packages/domain/src/**/*.test.ts'] },
    { ...base, displayName: 'server', testMatch: ['<rootDir>/server/src/**/*.test.ts'] },
    { ...base, displayName: 'api', testMatch: ['<rootDir>/test/api/**/*.test.ts'] },
    { ...base, displayName: 'load', testMatch: ['<rootDir>/test/load/**/*.test.ts'] },
    { ...base, displayName: 'install', testMatch: ['<rootDir>/test/install/**/*.test.ts'] },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
    { ...base, displayName: 'client', testMatch: ['<rootDir>/client/src/**/*.test.ts'] },
    { ...base, displayName: 'repo', testMatch: ['<rootDir>/test/repo/**/*.test.ts'] },
  ],
};
