// The committed results of mutation testing (issue 18), one file per core file under
// mutation-results/ (Stryker's incremental report of that file's own run, see stryker.groups.cjs):
// reading them, and whether each is current — made from the source and the test files as they are
// now. Shared by scripts/mutate.mjs (which re-runs the stale ones) and
// scripts/mutation-thresholds.mjs (the per-file gate).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GROUPS, resultsFile } from '../stryker.config.mjs';

const root = process.cwd();
const read = (path) => (existsSync(join(root, path)) ? readFileSync(join(root, path), 'utf8') : undefined);

/** A core file's committed results (Stryker's incremental report), or undefined when it has none. */
export function loadResults(file) {
  const text = read(resultsFile(file));
  return text === undefined ? undefined : JSON.parse(text);
}

/**
 * Why a core file's results are not those of the code as it is now — empty when they are current:
 * its source or one of its tests changed, or its list of tests (stryker.groups.cjs) did. Stryker
 * would re-test only the mutants the change touches; this only says that it has to run.
 */
export function staleness(file, results = loadResults(file)) {
  if (GROUPS[file] === undefined) return [`${file} has no tests listed in stryker.groups.cjs`];
  if (results === undefined) return [`no results yet (${resultsFile(file)})`];
  const reasons = [];
  if (results.files?.[file]?.source !== read(file)) reasons.push(`${file} changed`);
  const tested = results.testFiles ?? {};
  for (const test of GROUPS[file]) {
    if (tested[test] === undefined) reasons.push(`${test} is not among the tests it was run with`);
    else if (tested[test].source !== read(test)) reasons.push(`${test} changed`);
  }
  for (const test of Object.keys(tested)) if (!GROUPS[file].includes(test)) reasons.push(`${test} is no longer among its tests`);
  return reasons;
}

/**
 * Trims a results file after its Stryker run: each killed mutant's failure message (two thirds of
 * the file, with this machine's sandbox paths in its stack traces), this machine's path and a copy
 * of stryker.config.mjs are not needed to reuse a result.
 */
export function tidyResults(file) {
  const results = loadResults(file);
  delete results.projectRoot;
  delete results.config;
  for (const f of Object.values(results.files)) for (const m of f.mutants) delete m.statusReason;
  writeFileSync(join(root, resultsFile(file)), `${JSON.stringify(results, null, 1)}\n`);
}
