// Mutation testing of the pure core (issue 18): `npm run mutate`. Each mutant of src/core is run
// against the core's unit tests that cover it; a surviving mutant is a rule no test pins down, or
// an equivalent change listed (with why) in stryker.equivalent.md. Per-file thresholds are checked
// by scripts/mutation-thresholds.mjs from the JSON report (Stryker's own `break` is global).
//
// Incremental: results are reused from stryker.incremental.json (committed) for every mutant whose
// code and covering tests did not change, so a run after a change re-tests only what changed.
// After changing src/core or test/core, run `npm run mutate` and commit the updated file with it.

/** The core files under mutation testing: each is in stryker.incremental.json and held to its
 *  threshold (scripts/mutation-thresholds.mjs). */
export const MUTATED = [
  'src/core/dates.ts',
  'src/core/headers.ts',
  'src/core/profiles.ts',
  'src/core/metrics.ts',
  'src/core/stages.ts',
  'src/core/ranking.ts',
  'src/core/funnel.ts',
  'src/core/history.ts',
  'src/core/predict/rfm.ts',
  'src/core/predict/clv.ts',
];

/**
 * Core files issue 18 names that have no results yet: a first run of each takes from 20 minutes
 * to well over an hour on two cores (orders.ts: 595 mutants, 1 h 30 min). To add one, move it to
 * MUTATED, run `npm run mutate` (results of the other files are reused) and commit
 * stryker.incremental.json; the gate lists these as not measured.
 */
export const NOT_YET_MEASURED = [
  'src/core/values.ts',
  'src/core/orders.ts',
  'src/core/predict/bgnbd.ts',
  'src/core/predict/gammaGamma.ts',
  'src/core/predict/optimize.ts',
  'src/core/predict/predict.ts',
  'src/core/predict/special.ts',
];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  jest: { projectType: 'custom', configFile: 'jest.mutate.config.js', enableFindRelatedTests: true },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.mutate.json',
  coverageAnalysis: 'perTest',
  // Mutants that run only while a module loads (alias lists, word lists, profile tables: data
  // literals) would each re-run every test of every file that imports them — about a minute
  // each, hours in all. They are left out of the score ("Ignored" in the report); the data they
  // hold is pinned by table tests (headers.test.ts, values.test.ts, profiles.test.ts). A mutant
  // that also runs inside a test is still tested, by the tests that run it.
  ignoreStatic: true,
  concurrency: 2,
  mutate: MUTATED,
  incremental: true,
  incrementalFile: 'stryker.incremental.json',
  // Only what the core's tests need is copied into the sandbox.
  ignorePatterns: ['/dist', '/samples', '/preview', '/bench', '/docs', '/reports', '/coverage', '/test-artifacts', '/test/gas', '/test/sidebar', '/test/preview', '/src/gas', '/src/sidebar'],
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, reportMutants: true },
  // Scores are judged per file by scripts/mutation-thresholds.mjs; these only colour Stryker's table.
  thresholds: { high: 95, low: 90, break: null },
  timeoutMS: 10000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
