// Per-file mutation-score gate of `npm run mutate` (issue 18). Stryker's own `thresholds.break` is
// one number for a whole run; this reads each core file's committed results (mutation-results/,
// one Stryker run per file, see stryker.groups.cjs) and fails when a file under mutation testing
// scores below its own threshold, printing a table of every file.
//
//   node scripts/mutation-thresholds.mjs              the table; exit 1 below a threshold
//   node scripts/mutation-thresholds.mjs --survivors  …and each survivor of every file
//   node scripts/mutation-thresholds.mjs --markdown   the table as README's markdown
//   node scripts/mutation-thresholds.mjs --committed  `npm run mutate:check` (CI): also each file's
//        results must be current — made from its source and its tests as they are now — else
//        exit 1 naming the stale files and the command that brings them up to date
//
// Why CI checks the committed results instead of running Stryker: an incremental run reuses a
// result only when the mutated code and the tests covering it are unchanged, so on a current
// file it re-tests nothing and its verdict is exactly this script's on that file — in seconds.
// On a stale file its time is that of whatever changed, which CI cannot bound, and CI cannot
// commit what it measured. So the developer who changes the core runs `npm run mutate` (it
// re-runs only the stale files) and commits their results; CI checks both.
//
// Score = detected / (detected + undetected − equivalent): detected = killed + timeout,
// undetected = survived + no coverage, equivalent = the survivors stryker.equivalent.md lists
// (no behaviour differs; each entry says why). Mutants that do not compile (the TypeScript
// checker) or that run only while a module loads (`ignoreStatic`, see stryker.config.mjs) do not
// count. Stryker's own score (equivalents counted as survivors) is shown beside it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MUTATED, NOT_YET_MEASURED } from '../stryker.config.mjs';
import { loadResults, staleness } from './mutation-results.mjs';

/** The stage, metric and ranking rules are what an owner trusts the add-on for. */
const THRESHOLDS = { 'src/core/stages.ts': 95, 'src/core/metrics.ts': 95, 'src/core/ranking.ts': 95 };
const DEFAULT_THRESHOLD = 90;
const EQUIVALENT_LIST = 'stryker.equivalent.md';

const root = process.cwd();
const args = new Set(process.argv.slice(2));
const committed = args.has('--committed');

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
 * A rule-level entry `` - any mutant in `text`: why `` takes every survivor that starts on a line
 * containing that text (a line that is one rule, e.g. a series' stopping rule: all its mutants
 * are equivalent for the one reason given).
 */
function readEquivalents() {
  const byFile = new Map();
  let file;
  for (const line of readFileSync(join(root, EQUIVALENT_LIST), 'utf8').split('\n')) {
    const heading = /^## (\S+)/.exec(line);
    if (heading) file = heading[1];
    const entry = /^- (`+) ?(.+?) ?\1 → (`+) ?(.*?) ?\3(?: in (`+) ?(.+?) ?\5)?:/.exec(line);
    const rule = /^- any mutant in (`+) ?(.+?) ?\1:/.exec(line);
    if ((entry || rule) && file) {
      const list = byFile.get(file) ?? [];
      if (rule) list.push({ context: squash(rule[2]), line: line.slice(0, 80), used: 0 });
      else list.push({ original: squash(entry[2]), replacement: squash(entry[4]), context: entry[6] && squash(entry[6]), line: line.slice(0, 80), used: 0 });
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
  (entry.context === undefined || squash(lineText).includes(entry.context)) &&
  (entry.original === undefined || // a rule-level entry: any mutant on the line
    (squash(replacement) === entry.replacement &&
      (entry.original.endsWith('…') ? squash(original).startsWith(entry.original.slice(0, -1).trimEnd()) : squash(original) === entry.original)));

const equivalents = readEquivalents();
const files = new Map();
const stale = [];
for (const name of [...MUTATED, ...NOT_YET_MEASURED]) {
  const results = loadResults(name);
  if (results?.files?.[name] !== undefined) files.set(name, results.files[name]);
  const reasons = staleness(name, results);
  // A file not yet held to a threshold may have no results, or old ones: its row says so.
  if (reasons.length > 0 && MUTATED.includes(name)) stale.push(`${name}: ${reasons.join('; ')}`);
}
if (committed && stale.length > 0) {
  console.error(`The mutation results of these files are not current (mutation-results/):\n  ${stale.join('\n  ')}`);
  console.error('Run `npm run mutate` (it re-runs only these files, and in each only what changed) and commit mutation-results/ with the change.');
  process.exit(1);
}

/** Rounded down, so that a score shown as 90% is at least 90%. */
const pct = (n) => `${Math.floor(n * 100) / 100}%`;

const rows = [];
const problems = [];
const undetected = (m) => m.status === 'Survived' || m.status === 'NoCoverage';
const measuredOnly = NOT_YET_MEASURED.filter((name) => files.has(name));
for (const name of [...MUTATED, ...measuredOnly]) {
  const held = MUTATED.includes(name);
  const threshold = THRESHOLDS[name] ?? DEFAULT_THRESHOLD;
  const file = files.get(name);
  if (file === undefined) {
    problems.push(`${name}: no results (run \`npm run mutate -- ${name}\`)`);
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
  rows.push({ name, held, current: staleness(name).length === 0, killed, survived: survived - equivalent, equivalent, ignored: count('Ignored'), compileErrors: count('CompileError', 'RuntimeError'), score, strykerScore, threshold, ok });
  if (!ok && held) problems.push(`${name}: ${pct(score)} is below its threshold of ${threshold}%`);
  if (args.has('--survivors') || (!ok && held && !args.has('--markdown'))) {
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
  console.log('| file | score | threshold | killed | survived | equivalent | Stryker’s score (equivalents counted as survivors) |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) console.log(`| \`${r.name}\` | ${pct(r.score)} | ${r.held ? `${r.threshold}%` : 'not yet held'} | ${r.killed} | ${r.survived} | ${r.equivalent} | ${pct(r.strykerScore)} |`);
} else {
  const table = rows.map((r) => [r.name, pct(r.score), `${r.threshold}%`, r.killed, r.survived, r.equivalent, pct(r.strykerScore), r.ignored, r.compileErrors, !r.current ? 'stale' : !r.held ? 'not held' : r.ok ? 'ok' : 'BELOW']);
  const head = ['file', 'score', 'threshold', 'killed', 'survived', 'equivalent', 'stryker', 'static', 'no compile', ''];
  const widths = head.map((h, i) => Math.max(String(h).length, ...table.map((t) => String(t[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  console.log(`\nMutation score per file: killed (and timed out) of all but the equivalent survivors (${EQUIVALENT_LIST})\n`);
  console.log(line(head));
  for (const t of table) console.log(line(t));
  const unmeasured = NOT_YET_MEASURED.filter((name) => !files.has(name));
  if (measuredOnly.length > 0) console.log(`\nMeasured, not yet held to a threshold (NOT_YET_MEASURED in stryker.config.mjs): ${measuredOnly.join(', ')}`);
  if (unmeasured.length > 0) console.log(`Not yet measured: ${unmeasured.join(', ')}`);
  if (!committed && stale.length > 0) console.log(`\nStale (\`npm run mutate\` re-runs them):\n  ${stale.join('\n  ')}`);
}

if (problems.length > 0) {
  console.error(`\n${problems.join('\n')}`);
  process.exit(1);
}
