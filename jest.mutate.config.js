// Jest for mutation testing (`npm run mutate`): only the unit tests that exercise the one core file
// being mutated (stryker.groups.cjs), which are what Stryker runs against each of its mutants. The
// bundle, sidebar and emulator suites test other layers and would only slow every mutant down.
const base = require('./jest.config.js');
const { GROUPS, FILE_ENV } = require('./stryker.groups.cjs');

const file = process.env[FILE_ENV];
if (file !== undefined && GROUPS[file] === undefined) throw new Error(`${FILE_ENV}=${file}: not a file of stryker.groups.cjs`);

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: base.testEnvironment,
  transform: { '\\.ts$': '<rootDir>/test/support/mutate-transform.js' },
  testTimeout: base.testTimeout,
  roots: ['<rootDir>/test/core'],
  testMatch: file === undefined ? ['**/*.test.ts'] : GROUPS[file].map((t) => `<rootDir>/${t}`),
};
