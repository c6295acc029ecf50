// Per-file mutation-score gate of `npm run mutate` (issue 18). Stryker's own `thresholds.break` is
// one number for the whole run; this reads its JSON report and fails when any core file under
// mutation testing scores below its own threshold, printing a table of every file.
//
//   node scripts/mutation-thresholds.mjs              the table; exit 1 below a threshold
//   node scripts/mutation-thresholds.mjs --survivors  …and each surviving mutant of every file
//   node scripts/mutation-thresholds.mjs --markdown   the table as README's markdown
//
// Score = detected / (detected + undetected), as Stryker counts it: detected = killed + timeout,
// undetected = survived + no coverage. Mutants that do not compile (the TypeScript checker), that
// run only while a module loads (`ignoreStatic`, see stryker.config.mjs) or that are disabled by a
// `// Stryker disable` comment (an equivalent mutant) do not count.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, posix } from 'node:path';
import config, { MUTATED } from '../stryker.config.mjs';

/** The stage, metric and ranking rules are what an owner trusts the add-on for. */
const THRESHOLDS = { 'src/core/stages.ts': 95, 'src/core/metrics.ts': 95, 'src/core/ranking.ts': 95 };
const DEFAULT_THRESHOLD = 90;

const root = process.cwd();
const reportFile = join(root, config.jsonReporter.fileName);
const args = new Set(process.argv.slice(2));

/** The files a `MUTATED` pattern names (a path, or `dir/*.ts`). */
function expand(pattern) {
  const star = pattern.indexOf('*');
  if (star < 0) return [pattern];
  const dir = posix.dirname(pattern);
  const suffix = pattern.slice(star + 1);
  return readdirSync(join(root, dir))
    .filter((f) => f.endsWith(suffix))
    .map((f) => posix.join(dir, f));
}

if (!existsSync(reportFile)) {
  console.error(`No mutation report at ${config.jsonReporter.fileName}: run \`npm run mutate\` first.`);
  process.exit(1);
}
const report = JSON.parse(readFileSync(reportFile, 'utf8'));
const files = new Map(Object.entries(report.files).map(([name, file]) => [posix.normalize(name.replace(/\\/g, '/')), file]));

/** Rounded down, so that a score shown as 90% is at least 90%. */
const pct = (n) => `${Math.floor(n * 100) / 100}%`;

const rows = [];
const problems = [];
for (const name of MUTATED.flatMap(expand).sort()) {
  const threshold = THRESHOLDS[name] ?? DEFAULT_THRESHOLD;
  const file = files.get(name);
  if (file === undefined) {
    problems.push(`${name}: not in the report (was it left out of \`mutate\`?)`);
    continue;
  }
  const count = (...statuses) => file.mutants.filter((m) => statuses.includes(m.status)).length;
  const killed = count('Killed', 'Timeout');
  const survived = count('Survived', 'NoCoverage');
  const pending = count('Pending');
  const valid = killed + survived;
  const score = valid === 0 ? 100 : (100 * killed) / valid;
  const ok = score >= threshold && pending === 0;
  rows.push({ name, killed, survived, ignored: count('Ignored'), compileErrors: count('CompileError', 'RuntimeError'), score, threshold, ok });
  if (!ok) problems.push(`${name}: ${pct(score)} is below its threshold of ${threshold}%`);
  if (args.has('--survivors') || (!ok && !args.has('--markdown'))) {
    for (const m of file.mutants.filter((x) => x.status === 'Survived' || x.status === 'NoCoverage')) {
      const at = `${m.location.start.line}:${m.location.start.column}`;
      console.log(`  ${name}:${at}  ${m.status}  ${m.mutatorName}  ${JSON.stringify(m.replacement ?? '')}`);
    }
  }
}

if (args.has('--markdown')) {
  console.log('| file | score | threshold | killed | survived | ignored |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const r of rows) console.log(`| \`${r.name}\` | ${pct(r.score)} | ${r.threshold}% | ${r.killed} | ${r.survived} | ${r.ignored} |`);
} else {
  const table = rows.map((r) => [r.name, pct(r.score), `${r.threshold}%`, r.killed, r.survived, r.ignored, r.compileErrors, r.ok ? 'ok' : 'BELOW']);
  const head = ['file', 'score', 'threshold', 'killed', 'survived', 'ignored', 'no compile', ''];
  const widths = head.map((h, i) => Math.max(String(h).length, ...table.map((t) => String(t[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  console.log(`\nMutation score per file (killed includes timeouts; survived includes no coverage)\n`);
  console.log(line(head));
  for (const t of table) console.log(line(t));
}

if (problems.length > 0) {
  console.error(`\n${problems.join('\n')}`);
  process.exit(1);
}
