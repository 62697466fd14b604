// The soak: run by `npm run soak`, never by `npm test`. It starts the production server itself
// (its own embedded PostgreSQL, or DATABASE_URL), so it needs no global setup.
const base = require('./jest.config.js');

module.exports = {
  testTimeout: 3_600_000,
  // fetch's keep-alive pool to the stopped server would hold jest open for minutes.
  forceExit: true,
  projects: [{ ...base.projects.find((p) => p.displayName === 'api'), displayName: 'soak',
    testMatch: ['<rootDir>/test/soak/**/*.soak.ts'] }],
};
