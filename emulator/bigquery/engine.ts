/**
 * The in-memory BigQuery behind the fake Connected Sheets (emulator/spreadsheet/dataSources.ts):
 * tables a test puts in it, a GoogleSQL query run on DuckDB, synchronously (a child process,
 * ./worker.mjs), because Apps Script's `waitForCompletion` is a blocking call.
 *
 * GoogleSQL is not DuckDB's SQL, so a query is translated first (`toDuckDb`). Only the forms that
 * differ and that the add-on's generated SQL uses are translated — the same list as
 * src/core/sql/dialect.ts, read in the other direction, each rule with the GoogleSQL page it
 * follows; any other BigQuery-only function fails in DuckDB, as a query the fake cannot run
 * should. A test (emulator/test/bigquery.test.ts) holds the translation to the DuckDB dialect's
 * answers on random shops.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../project';

export type BigQueryType = 'INT64' | 'FLOAT64' | 'NUMERIC' | 'STRING' | 'BOOL' | 'TIMESTAMP' | 'DATETIME' | 'DATE';

export interface BigQueryTable {
  /** `project.dataset.table`. */
  readonly name: string;
  readonly columns: ReadonlyArray<{ readonly name: string; readonly type: BigQueryType }>;
  /** TIMESTAMP as ISO text with a zone (`…Z`), DATETIME as `YYYY-MM-DD HH:MM:SS.mmm`, DATE as `YYYY-MM-DD`. */
  readonly rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null>>;
}

export interface QueryResult {
  readonly columns: ReadonlyArray<{ readonly name: string; readonly type: BigQueryType }>;
  /** DATE and DATETIME as text, numbers as numbers. */
  readonly rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null>>;
}

/** The fake's BigQuery: its tables and who may query them. */
export class FakeBigQuery {
  readonly tables = new Map<string, BigQueryTable>();
  /** Every query run, GoogleSQL as sent (tests read what Sheets would have sent). */
  readonly queries: string[] = [];

  put(table: BigQueryTable): void {
    this.tables.set(table.name, table);
  }

  /** Runs GoogleSQL; throws BigQuery's kind of message when it fails. `today` gives CURRENT_DATE. */
  run(sql: string, opts: { now: number }): QueryResult {
    this.queries.push(sql);
    const duck = toDuckDb(sql, opts);
    const out = execFileSync(process.execPath, [join(projectRoot(), 'emulator', 'bigquery', 'worker.mjs')], {
      input: JSON.stringify({ tables: [...this.tables.values()], sql: duck }),
      maxBuffer: 1 << 30,
    }).toString('utf8');
    const r = JSON.parse(out) as QueryResult | { error: string };
    if ('error' in r) throw new Error(r.error);
    return r;
  }
}

/** A GoogleSQL string literal's value (backslash escapes; https://cloud.google.com/bigquery/docs/reference/standard-sql/lexical#string_and_bytes_literals). */
function unescapeGoogle(body: string): string {
  return body.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', t: '\t', r: '\r' })[c as 'n'] ?? c);
}

const duckString = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** Splits at top-level commas (outside parentheses, brackets and strings). */
function splitArgs(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === "'" || c === '"') i = endOfQuoted(s, i) - 1;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      out.push(s.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(s.slice(start).trim());
  return out;
}

/** Index just past the quoted text starting at `i` (DuckDB form: doubled quotes). */
function endOfQuoted(s: string, i: number): number {
  const q = s[i]!;
  for (let j = i + 1; j < s.length; j++) {
    if (s[j] === q) {
      if (s[j + 1] === q) j++;
      else return j + 1;
    }
  }
  throw new Error(`Syntax error: Unclosed string literal at [${i}]`);
}

/** Index of the parenthesis closing the one at `open`. */
function closing(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i]!;
    if (c === "'" || c === '"') i = endOfQuoted(s, i) - 1;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  throw new Error(`Syntax error: Unclosed parenthesis at [${open}]`);
}

/** Day of an instant in an IANA zone, as `YYYY-MM-DD`. */
function dayIn(ms: number, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(ms));
}

/**
 * GoogleSQL → DuckDB, for the forms src/core/sql/dialect.ts writes. Lexical first (string
 * literals and backtick paths), then the functions, innermost arguments included.
 */
export function toDuckDb(sql: string, opts: { now: number }): string {
  // 1. Lexical: GoogleSQL strings escape with a backslash, DuckDB's double the quote; a backtick
  //    path (`project.dataset.table`, https://cloud.google.com/bigquery/docs/reference/standard-sql/lexical#table_names)
  //    is one DuckDB identifier, as the engine names its tables.
  let lexed = '';
  for (let i = 0; i < sql.length; ) {
    const c = sql[i]!;
    if (c === "'") {
      let j = i + 1;
      while (j < sql.length && sql[j] !== "'") j += sql[j] === '\\' ? 2 : 1;
      if (j >= sql.length) throw new Error(`Syntax error: Unclosed string literal at [${i}]`);
      lexed += duckString(unescapeGoogle(sql.slice(i + 1, j)));
      i = j + 1;
    } else if (c === '`') {
      const j = sql.indexOf('`', i + 1);
      if (j < 0) throw new Error(`Syntax error: Unclosed identifier literal at [${i}]`);
      let name = sql.slice(i + 1, j);
      let k = j + 1;
      // `project.dataset`.INFORMATION_SCHEMA.COLUMNS
      const tail = /^\.INFORMATION_SCHEMA\.COLUMNS\b/i.exec(sql.slice(k));
      if (tail) {
        name += '.INFORMATION_SCHEMA.COLUMNS';
        k += tail[0].length;
      }
      lexed += `"${name.replace(/"/g, '""')}"`;
      i = k;
    } else if (c === '-' && sql[i + 1] === '-') {
      const j = sql.indexOf('\n', i);
      i = j < 0 ? sql.length : j;
    } else {
      lexed += c;
      i++;
    }
  }
  return functions(lexed, opts);
}

type Rewrite = (args: string[], after: string, opts: { now: number }) => { text: string; consumed: number };

const REWRITES: Readonly<Record<string, Rewrite>> = {
  // DATETIME(timestamp, time_zone): https://cloud.google.com/bigquery/docs/reference/standard-sql/datetime_functions#datetime
  DATETIME: (a) => {
    if (a.length !== 2) throw new Error('the in-memory BigQuery translates DATETIME(timestamp, zone) only');
    return { text: `(CAST(${a[0]} AS TIMESTAMPTZ) AT TIME ZONE ${a[1]})`, consumed: 0 };
  },
  // DATE_DIFF(end, start, DAY): https://cloud.google.com/bigquery/docs/reference/standard-sql/date_functions#date_diff
  DATE_DIFF: (a) => {
    if (a.length !== 3 || a[2]!.toUpperCase() !== 'DAY') throw new Error('the in-memory BigQuery translates DATE_DIFF(…, …, DAY) only');
    return { text: `DATE_DIFF('day', ${a[1]}, ${a[0]})`, consumed: 0 };
  },
  // DATE_SUB(date, INTERVAL n DAY): https://cloud.google.com/bigquery/docs/reference/standard-sql/date_functions#date_sub
  DATE_SUB: (a) => ({ text: `CAST(${a[0]} - ${a[1]} AS DATE)`, consumed: 0 }),
  // CURRENT_DATE(zone): https://cloud.google.com/bigquery/docs/reference/standard-sql/date_functions#current_date —
  // the day on the emulator's clock, so a test controls "today".
  CURRENT_DATE: (a, _after, opts) => {
    const zone = a[0] === undefined || a[0] === '' ? 'UTC' : a[0].replace(/^'|'$/g, '').replace(/''/g, "'");
    return { text: `DATE '${dayIn(opts.now, zone)}'`, consumed: 0 };
  },
  // REGEXP_REPLACE replaces every match (https://cloud.google.com/bigquery/docs/reference/standard-sql/string_functions#regexp_replace);
  // DuckDB's only the first unless told 'g'.
  REGEXP_REPLACE: (a) => ({ text: `regexp_replace(${a.join(', ')}, 'g')`, consumed: 0 }),
  // REGEXP_CONTAINS(value, regexp): https://cloud.google.com/bigquery/docs/reference/standard-sql/string_functions#regexp_contains
  REGEXP_CONTAINS: (a) => ({ text: `regexp_matches(${a.join(', ')})`, consumed: 0 }),
  // NORMALIZE(x, NFKC): https://cloud.google.com/bigquery/docs/reference/standard-sql/string_functions#normalize —
  // DuckDB has no NFKC; the fake's tables are loaded NFKC already (what a loader into BigQuery
  // need not do: so this fake cannot prove the NFKC step itself).
  NORMALIZE: (a) => ({ text: `(${a[0]})`, consumed: 0 }),
  // ARRAY_AGG(x IGNORE NULLS ORDER BY k LIMIT 1)[SAFE_OFFSET(0)]: the first non-NULL x in k's order
  // (https://cloud.google.com/bigquery/docs/reference/standard-sql/aggregate_functions#array_agg).
  ARRAY_AGG: (a, after) => {
    const m = /^(.*)\s+IGNORE\s+NULLS\s+ORDER\s+BY\s+([A-Za-z_][A-Za-z0-9_.]*)\s+LIMIT\s+1$/is.exec(a.join(', '));
    const offset = /^\s*\[\s*SAFE_OFFSET\s*\(\s*0\s*\)\s*\]/i.exec(after);
    if (!m || !offset) throw new Error('the in-memory BigQuery translates ARRAY_AGG(x IGNORE NULLS ORDER BY k LIMIT 1)[SAFE_OFFSET(0)] only');
    const x = m[1]!.trim();
    return { text: `ARG_MIN(${x}, CASE WHEN (${x}) IS NOT NULL THEN ${m[2]} END)`, consumed: offset[0].length };
  },
};

function functions(s: string, opts: { now: number }): string {
  let out = '';
  const name = /\b([A-Z_][A-Z0-9_]*)\s*\(/gi;
  let i = 0;
  for (;;) {
    name.lastIndex = i;
    let m: RegExpExecArray | null;
    // The next known function name outside quotes.
    let found: { at: number; fn: string; open: number } | undefined;
    while ((m = name.exec(s)) !== null) {
      const before = s.slice(i, m.index);
      if (quotesOpen(before)) continue;
      const fn = m[1]!.toUpperCase();
      if (REWRITES[fn] !== undefined && s[m.index - 1] !== '.') {
        found = { at: m.index, fn, open: m.index + m[0].length - 1 };
        break;
      }
    }
    if (found === undefined) return out + s.slice(i);
    const close = closing(s, found.open);
    const args = splitArgs(s.slice(found.open + 1, close)).map((a) => functions(a, opts));
    const r = REWRITES[found.fn]!(args.length === 1 && args[0] === '' ? [] : args, s.slice(close + 1), opts);
    out += s.slice(i, found.at) + r.text;
    i = close + 1 + r.consumed;
  }
}

/** Whether text (from a point where no quote was open) ends inside a quoted string. */
function quotesOpen(text: string): boolean {
  let open: string | null = null;
  for (const c of text) {
    if (open === null && (c === "'" || c === '"')) open = c;
    else if (c === open) open = null;
  }
  return open !== null;
}
