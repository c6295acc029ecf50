// Jest for mutation testing (`npm run mutate`): only the pure core's unit tests, which are what
// Stryker runs against each mutant of src/core (the bundle, sidebar and emulator suites test other
// layers and would only slow every mutant down).
const base = require('./jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: base.testEnvironment,
  transform: base.transform,
  testTimeout: base.testTimeout,
  roots: ['<rootDir>/test/core'],
  testMatch: ['**/*.test.ts'],
};
