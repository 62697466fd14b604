// Benchmarks: run by `npm run bench`, never by `npm test`. They write their figures to
// test/bench/results/ and assert nothing about time.
const base = require('./jest.config.js');

module.exports = {
  globalSetup: base.globalSetup,
  globalTeardown: base.globalTeardown,
  testTimeout: 900000,
  projects: [{ ...base.projects.find((p) => p.displayName === 'api'), displayName: 'bench',
    testMatch: ['<rootDir>/test/bench/**/*.bench.ts']}],
};
