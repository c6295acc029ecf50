// Trims stryker.incremental.json after `stryker run` (part of `npm run mutate`): the result file is
// committed so that a run re-tests only what changed, and each killed mutant's failure message
// (two thirds of the file, with this machine's sandbox paths in its stack traces) is not needed
// to reuse the result.
import { readFileSync, writeFileSync } from 'node:fs';
import config from '../stryker.config.mjs';

const file = config.incrementalFile;
const report = JSON.parse(readFileSync(file, 'utf8'));
for (const f of Object.values(report.files)) for (const m of f.mutants) delete m.statusReason;
writeFileSync(file, `${JSON.stringify(report, null, 1)}\n`);
