// Which tests exercise each core file under mutation testing (issue 18: "with the tests that
// exercise each file"). Each file is mutated on its own, against only these test files, and its
// results are kept in its own file under mutation-results/ (see scripts/mutate.mjs) — so a change
// to one test or source makes only the files that list it stale, and re-running one file costs
// seconds to minutes instead of hours (with every test of test/core, each mutant of dates.ts loaded
// the 19 test files that import it, including the SQL engines).
//
// The tests listed are the file's own unit tests and the unit tests of its nearest users that state
// its rules; not the end-to-end suites (functions, report, sql/*, predict/pipeline) that touch
// everything by chance. A rule only an end-to-end suite pins down is a rule to state in the file's
// own tests.

/** Core file → the test files its mutants are run against. */
const GROUPS = {
  'src/core/dates.ts': ['test/core/dates.test.ts'],
  'src/core/headers.ts': ['test/core/headers.test.ts', 'test/core/sources.test.ts'],
  'src/core/profiles.ts': ['test/core/profiles.test.ts', 'test/core/orders.test.ts'],
  'src/core/metrics.ts': ['test/core/metrics.test.ts', 'test/core/ranking.test.ts'],
  'src/core/stages.ts': ['test/core/stages.test.ts', 'test/core/funnel.test.ts', 'test/core/history.test.ts'],
  'src/core/ranking.ts': ['test/core/ranking.test.ts'],
  'src/core/funnel.ts': ['test/core/funnel.test.ts'],
  'src/core/history.ts': ['test/core/history.test.ts', 'test/core/guards.test.ts'],
  'src/core/values.ts': ['test/core/values.test.ts', 'test/core/orders.test.ts', 'test/core/metrics.test.ts'],
  // Not profiles.test.ts: its platform fixtures and properties cover every mutant of readOrders and
  // made a run of this file an hour on two cores; orders.test.ts and ordersRules.test.ts state the rules.
  'src/core/orders.ts': ['test/core/orders.test.ts', 'test/core/ordersRules.test.ts'],
  'src/core/thisWeek.ts': ['test/core/thisWeek.test.ts'],
  'src/core/rhythm.ts': ['test/core/rhythm.test.ts'],
  'src/core/predict/rfm.ts': ['test/core/predict/rfm.test.ts'],
  'src/core/predict/clv.ts': ['test/core/predict/gammaGamma.test.ts'],
  'src/core/predict/special.ts': ['test/core/predict/special.test.ts'],
  'src/core/predict/optimize.ts': ['test/core/predict/optimize.test.ts'],
  'src/core/predict/bgnbd.ts': ['test/core/predict/bgnbd.test.ts', 'test/core/predict/bgnbdRules.test.ts'],
  'src/core/predict/gammaGamma.ts': ['test/core/predict/gammaGamma.test.ts', 'test/core/predict/gammaGammaFit.test.ts'],
  'src/core/predict/paretoNbd.ts': ['test/core/predict/paretoNbd.test.ts'],
  'src/core/predict/mbgnbd.ts': ['test/core/predict/mbgnbd.test.ts'],
  'src/core/predict/predict.ts': ['test/core/predict/predict.test.ts', 'test/core/predict/birthdays.test.ts'],
  'src/core/predict/backtest.ts': ['test/core/predict/backtest.test.ts', 'test/core/predict/backtestChoice.test.ts'],
};

/** Where a core file's results are kept (committed): Stryker's incremental file of its own run. */
const resultsFile = (file) => `mutation-results/${file.replace(/^src\/core\//, '').replace(/\.ts$/, '').replace(/\//g, '-')}.json`;

/** The environment variable that names the one core file a Stryker run mutates (set by scripts/mutate.mjs). */
const FILE_ENV = 'FAN_FUNNEL_MUTATE_FILE';

/** The TypeScript checker's program for one file's run (one a file, so that two files can be run at
 *  once), written by scripts/mutate.mjs (not committed): the
 *  mutated file and its tests, and what they import — a third of the time of checking all of
 *  src/core and test/core at each run's start (5 s instead of 12 s on this machine). A mutant
 *  that does not compile is not a test's business. */
const runTsconfig = (file) => `.stryker-tsconfig.${file.replace(/^src\/core\//, '').replace(/\.ts$/, '').replace(/\//g, '-')}.json`;

module.exports = { GROUPS, resultsFile, FILE_ENV, runTsconfig };
