// Per-file mutation-score gate of `npm run mutate` (issue 18). Stryker's own `thresholds.break` is
// one number for the whole run; this reads its JSON report and fails when any core file under
// mutation testing scores below its own threshold, printing a table of every file.
//
//   node scripts/mutation-thresholds.mjs              the table; exit 1 below a threshold
//   node scripts/mutation-thresholds.mjs --survivors  …and each survivor of every file
//   node scripts/mutation-thresholds.mjs --markdown   the table as README's markdown
//   … --report other.json                             another report (its files only)
//   node scripts/mutation-thresholds.mjs --committed  `npm run mutate:check` (meant for CI): the committed
//        stryker.incremental.json, which must be current — every file under mutation testing in
//        it, and each of its source and test files as they are now — else exit 1 naming them
//
// Why CI checks the committed results instead of running Stryker: an incremental run reuses a
// result only when the mutated code and the tests covering it are unchanged, so on a current
// file it re-tests nothing and its verdict is exactly this script's on that file — in seconds.
// On a stale file its time is that of whatever changed (one file from scratch: 5–25 minutes on
// two cores), which CI cannot bound, and CI cannot commit what it measured. So the developer who
// changes the core runs `npm run mutate` (incremental) and commits the file; CI checks both.
//
// Score = detected / (detected + undetected − equivalent): detected = killed + timeout,
// undetected = survived + no coverage, equivalent = the survivors stryker.equivalent.md lists
// (no behaviour differs; each entry says why). Mutants that do not compile (the TypeScript
// checker) or that run only while a module loads (`ignoreStatic`, see stryker.config.mjs) do not
// count. Stryker's own score (equivalents counted as survivors) is shown beside it.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, posix } from 'node:path';
import config, { MUTATED, NOT_YET_MEASURED } from '../stryker.config.mjs';

/** The stage, metric and ranking rules are what an owner trusts the add-on for. */
const THRESHOLDS = { 'src/core/stages.ts': 95, 'src/core/metrics.ts': 95, 'src/core/ranking.ts': 95 };
const DEFAULT_THRESHOLD = 90;
const EQUIVALENT_LIST = 'stryker.equivalent.md';

const root = process.cwd();
const argv = process.argv.slice(2);
const args = new Set(argv);
const reportAt = argv.indexOf('--report');
const committed = args.has('--committed');
const reportFile = committed ? join(root, config.incrementalFile) : reportAt >= 0 ? argv[reportAt + 1] : join(root, config.jsonReporter.fileName);
const only = reportAt >= 0;

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

const squash = (s) => s.replace(/\s+/g, ' ').trim();
/** Markdown code span of any text (a longer fence around backticks), as the list's entries are. */
const fence = (s) => {
  const ticks = '`'.repeat(Math.max(0, ...(s.match(/`+/g) ?? []).map((t) => t.length)) + 1);
  return ticks.length > 1 ? `${ticks} ${s} ${ticks}` : `\`${s}\``;
};

/**
 * The equivalent mutants of stryker.equivalent.md: under a `## src/core/file.ts` heading, each
 * entry `` - `original` → `replacement`: why `` names the mutated code (whitespace-insensitive; a
 * trailing `…` matches any rest, for a long block) and what Stryker puts in its place; an optional
 * `` in `context` `` before the colon narrows it to mutants on a line containing that text.
 */
function readEquivalents() {
  const byFile = new Map();
  let file;
  for (const line of readFileSync(join(root, EQUIVALENT_LIST), 'utf8').split('\n')) {
    const heading = /^## (\S+)/.exec(line);
    if (heading) file = heading[1];
    const entry = /^- (`+) ?(.+?) ?\1 → (`+) ?(.*?) ?\3(?: in (`+) ?(.+?) ?\5)?:/.exec(line);
    if (entry && file) {
      const list = byFile.get(file) ?? [];
      list.push({ original: squash(entry[2]), replacement: squash(entry[4]), context: entry[6] && squash(entry[6]), line: line.slice(0, 80), used: 0 });
      byFile.set(file, list);
    }
  }
  return byFile;
}

/** The code a mutant replaces, from the report's copy of the source. */
function originalOf(source, { start, end }) {
  const lines = source.split('\n');
  if (start.line === end.line) return lines[start.line - 1].slice(start.column - 1, end.column - 1);
  return [lines[start.line - 1].slice(start.column - 1), ...lines.slice(start.line, end.line - 1), lines[end.line - 1].slice(0, end.column - 1)].join('\n');
}

const matches = (entry, original, replacement, lineText) =>
  squash(replacement) === entry.replacement &&
  (entry.context === undefined || squash(lineText).includes(entry.context)) &&
  (entry.original.endsWith('…') ? squash(original).startsWith(entry.original.slice(0, -1).trimEnd()) : squash(original) === entry.original);

if (!existsSync(reportFile)) {
  console.error(`No mutation report at ${reportFile}: run \`npm run mutate\` first.`);
  process.exit(1);
}
const report = JSON.parse(readFileSync(reportFile, 'utf8'));
const files = new Map(Object.entries(report.files).map(([name, file]) => [posix.normalize(name.replace(/\\/g, '/')), file]));
const equivalents = readEquivalents();

if (committed) {
  // The results are those of the code and tests as they are now, or they are not results.
  const stale = [];
  const differs = (path, source) => !existsSync(join(root, path)) || readFileSync(join(root, path), 'utf8') !== source;
  for (const [name, file] of files) if (MUTATED.flatMap(expand).includes(name) && differs(name, file.source)) stale.push(name);
  for (const [name, file] of Object.entries(report.testFiles ?? {})) if (differs(name, file.source)) stale.push(name);
  if (stale.length > 0) {
    console.error(`${config.incrementalFile} is not current: these files changed since it was made —\n  ${stale.join('\n  ')}`);
    console.error('Run `npm run mutate` (it re-tests only what changed) and commit stryker.incremental.json with the change.');
    process.exit(1);
  }
}

/** Rounded down, so that a score shown as 90% is at least 90%. */
const pct = (n) => `${Math.floor(n * 100) / 100}%`;

const rows = [];
const problems = [];
const undetected = (m) => m.status === 'Survived' || m.status === 'NoCoverage';
for (const name of MUTATED.flatMap(expand).sort()) {
  const threshold = THRESHOLDS[name] ?? DEFAULT_THRESHOLD;
  const file = files.get(name);
  if (file === undefined && only) continue;
  if (file === undefined) {
    problems.push(`${name}: not in the report (was it left out of \`mutate\`?)`);
    continue;
  }
  const count = (...statuses) => file.mutants.filter((m) => statuses.includes(m.status)).length;
  const listed = equivalents.get(name) ?? [];
  let equivalent = 0;
  const open = [];
  for (const m of file.mutants.filter(undetected)) {
    const original = originalOf(file.source, m.location);
    const lineText = file.source.split('\n')[m.location.start.line - 1] ?? '';
    const entry = listed.find((e) => matches(e, original, m.replacement ?? '', lineText));
    if (entry) {
      entry.used++;
      equivalent++;
    } else open.push({ m, original });
  }
  const killed = count('Killed', 'Timeout');
  const survived = count('Survived', 'NoCoverage');
  const pending = count('Pending');
  const valid = killed + survived - equivalent;
  const score = valid === 0 ? 100 : (100 * killed) / valid;
  const strykerScore = killed + survived === 0 ? 100 : (100 * killed) / (killed + survived);
  const ok = score >= threshold && pending === 0;
  rows.push({ name, killed, survived: survived - equivalent, equivalent, ignored: count('Ignored'), compileErrors: count('CompileError', 'RuntimeError'), score, strykerScore, threshold, ok });
  if (!ok) problems.push(`${name}: ${pct(score)} is below its threshold of ${threshold}%`);
  if (args.has('--survivors') || (!ok && !args.has('--markdown'))) {
    for (const { m, original } of open) {
      const at = `${m.location.start.line}:${m.location.start.column}`;
      const code = squash(original);
      console.log(`  ${name}:${at}  ${m.status}  ${m.mutatorName}  ${fence(code.length > 70 ? `${code.slice(0, 69)}…` : code)} → ${fence(m.replacement ?? '')}`);
    }
  }
}
for (const [name, list] of equivalents) {
  for (const e of list) if (e.used === 0 && files.has(name)) console.warn(`${EQUIVALENT_LIST}: no survivor matches (killed now, or the code moved): ${e.line}`);
}

if (args.has('--markdown')) {
  console.log('| file | score | threshold | killed | survived | equivalent |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const r of rows) console.log(`| \`${r.name}\` | ${pct(r.score)} | ${r.threshold}% | ${r.killed} | ${r.survived} | ${r.equivalent} |`);
} else {
  const table = rows.map((r) => [r.name, pct(r.score), `${r.threshold}%`, r.killed, r.survived, r.equivalent, pct(r.strykerScore), r.ignored, r.compileErrors, r.ok ? 'ok' : 'BELOW']);
  const head = ['file', 'score', 'threshold', 'killed', 'survived', 'equivalent', 'stryker', 'static', 'no compile', ''];
  const widths = head.map((h, i) => Math.max(String(h).length, ...table.map((t) => String(t[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  console.log(`\nMutation score per file: killed (and timed out) of all but the equivalent survivors (${EQUIVALENT_LIST})\n`);
  console.log(line(head));
  for (const t of table) console.log(line(t));
  if (NOT_YET_MEASURED.length > 0) console.log(`\nNot yet measured (NOT_YET_MEASURED in stryker.config.mjs): ${NOT_YET_MEASURED.join(', ')}`);
}

if (problems.length > 0) {
  console.error(`\n${problems.join('\n')}`);
  process.exit(1);
}
