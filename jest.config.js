/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  // The add-on's tests (test/) and the emulator's self-tests (emulator/test/).
  roots: ['<rootDir>/test', '<rootDir>/emulator'],
  testMatch: ['**/*.test.ts'],
  transform: { '\\.ts$': '<rootDir>/test/support/esbuild-transform.js' },
  // The bundle tests load dist/, which `npm test` builds first (pretest).
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};
