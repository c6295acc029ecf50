// `npm run mutate [-- [--force] [file…]]`: mutation testing of the core (issue 18), one Stryker run
// per core file against the tests that exercise it (stryker.groups.cjs), each with its own
// incremental results under mutation-results/ — then the per-file gate
// (scripts/mutation-thresholds.mjs).
//
//   npm run mutate                    re-runs every file held to a threshold (MUTATED) whose results
//                                     are stale (its source or one of its tests changed); a current
//                                     file is not run at all
//   npm run mutate -- stages values   these, current or not (a path, or its name under src/core:
//                                     predict/bgnbd); Stryker still reuses every result it can
//   npm run mutate -- --force stages  re-tests every mutant of stages.ts, results reused for none
//
// Within a stale file Stryker re-tests only the mutants whose code or covering tests changed.
// A run costs about 20 s of start-up (the TypeScript checker, the first test run) plus 2–4 s a
// re-tested mutant on two busy cores; commit the updated files of mutation-results/ with the change.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { FILE_ENV, GROUPS, MUTATED, resultsFile, runTsconfig } from '../stryker.config.mjs';
import { staleness, tidyResults } from './mutation-results.mjs';

const argv = process.argv.slice(2);
const force = argv.includes('--force');
const named = argv.filter((a) => !a.startsWith('--'));

const known = Object.keys(GROUPS);
const resolve = (name) => {
  const file = known.find((f) => f === name || f === `src/core/${name}.ts` || f === `src/core/${name}`);
  if (file === undefined) {
    console.error(`${name}: not a core file of stryker.groups.cjs (one of: ${known.map((f) => f.replace(/^src\/core\/|\.ts$/g, '')).join(', ')})`);
    process.exit(2);
  }
  return file;
};
// By default the files held to a threshold (what CI checks); a file not yet held is run when named.
const targets = named.length > 0 ? named.map(resolve) : MUTATED;

const runs = [];
let failed = false;
for (const file of targets) {
  const reasons = staleness(file);
  if (reasons.length === 0 && named.length === 0) {
    console.log(`${file}: current`);
    continue;
  }
  console.log(`\n${file}: ${force ? 'every mutant re-tested' : reasons.length > 0 ? reasons.join('; ') : 'current, run as asked'} — Stryker against ${GROUPS[file].join(', ')}`);
  const tsconfig = runTsconfig(file);
  writeFileSync(tsconfig, `${JSON.stringify({ extends: './tsconfig.json', include: [], files: [file, ...GROUPS[file]] })}\n`);
  if (force) rmSync(resultsFile(file), { force: true });
  const started = Date.now();
  const run = spawnSync('npx', ['stryker', 'run'], { stdio: 'inherit', env: { ...process.env, [FILE_ENV]: file } });
  rmSync(tsconfig, { force: true });
  const took = `${Math.round((Date.now() - started) / 1000)} s`;
  if (run.status !== 0) {
    // The other files are still run: one file's broken run says nothing of theirs.
    runs.push(`${file}: Stryker failed (exit ${run.status}) after ${took}`);
    failed = true;
    continue;
  }
  tidyResults(file);
  runs.push(`${file}: ${took}`);
}
if (runs.length > 0) console.log(`\nStryker runs:\n  ${runs.join('\n  ')}`);

const gate = spawnSync(process.execPath, ['scripts/mutation-thresholds.mjs', '--committed'], { stdio: 'inherit' });
process.exit(failed ? 1 : (gate.status ?? 1));
