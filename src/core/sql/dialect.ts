/**
 * Everything that differs between the two SQL dialects the generator writes, and nothing else:
 * BigQuery (GoogleSQL, what Connected Sheets runs) and DuckDB (in-process, what the tests prove the
 * SQL on). The generator (./query.ts) writes only portable SQL plus calls into this table, so a
 * difference found later is fixed here once, with a test beside it.
 *
 * Portable on purpose, so not here: CAST(x AS DATE), ROW_NUMBER() OVER (…), STRPOS, LOWER, TRIM,
 * COALESCE, CASE, UNION ALL, DATE 'YYYY-MM-DD' literals; both compare strings by code point
 * (BigQuery by UTF-8 bytes, DuckDB's default binary collation), which is SPEC §4's key order.
 */
export type DialectId = 'bigquery' | 'duckdb';

export interface Dialect {
  readonly id: DialectId;
  /** A table name as written in FROM: `project.dataset.table` (BigQuery) or a DuckDB name. */
  table(name: string): string;
  /** A column or alias name. */
  column(name: string): string;
  /** A string literal. */
  string(s: string): string;
  /** The wall-clock DATETIME/TIMESTAMP of an instant (a TIMESTAMP column) in `zone` (IANA name). */
  wallClock(instant: string, zone: string): string;
  /** Whole days from day `from` to day `to` (both DATE). */
  daysBetween(from: string, to: string): string;
  /** `day` minus `n` days (a DATE). */
  minusDays(day: string, n: number): string;
  /** In a GROUP BY: the first non-NULL value of `expr` in the order of `by` (NULL if none). */
  firstNonNull(expr: string, by: string): string;
  /** Unicode NFKC of a string (full-width ＩＤ → ID). */
  nfkc(expr: string): string;
  /** The string with every character but 0–9 removed. */
  digits(expr: string): string;
  /** Whether the string matches a regular expression (RE2 syntax; the pattern's characters are
   *  those both engines read alike). */
  matches(expr: string, pattern: string): string;
  /** Today's date in `zone` when the query runs. */
  today(zone: string): string;
  /** The string type's name, for CASTs. */
  readonly text: string;
}

/** DuckDB (standard SQL) doubles a quote inside '…'; GoogleSQL escapes with a backslash, and there
 *  `''''` would open a triple-quoted string
 *  (https://cloud.google.com/bigquery/docs/reference/standard-sql/lexical#string_and_bytes_literals). */
const quote = (s: string, backslash: boolean): string =>
  backslash ? `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : `'${s.replace(/'/g, "''")}'`;

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const BIGQUERY: Dialect = {
  id: 'bigquery',
  // Backticks around the whole path: a project id may contain '-', which is not an identifier.
  table: (name) => `\`${name.replace(/`/g, '')}\``,
  column: (name) => (identifier.test(name) ? name : `\`${name.replace(/`/g, '')}\``),
  string: (s) => quote(s, true),
  // https://cloud.google.com/bigquery/docs/reference/standard-sql/datetime_functions#datetime
  wallClock: (instant, zone) => `DATETIME(${instant}, ${quote(zone, true)})`,
  // https://cloud.google.com/bigquery/docs/reference/standard-sql/date_functions#date_diff
  daysBetween: (from, to) => `DATE_DIFF(${to}, ${from}, DAY)`,
  minusDays: (day, n) => `DATE_SUB(${day}, INTERVAL ${n} DAY)`,
  // https://cloud.google.com/bigquery/docs/reference/standard-sql/aggregate_functions#array_agg
  firstNonNull: (expr, by) => `ARRAY_AGG(${expr} IGNORE NULLS ORDER BY ${by} LIMIT 1)[SAFE_OFFSET(0)]`,
  // https://cloud.google.com/bigquery/docs/reference/standard-sql/string_functions#normalize
  nfkc: (expr) => `NORMALIZE(${expr}, NFKC)`,
  // https://cloud.google.com/bigquery/docs/reference/standard-sql/string_functions#regexp_replace (every match)
  digits: (expr) => `REGEXP_REPLACE(${expr}, '[^0-9]', '')`,
  // https://cloud.google.com/bigquery/docs/reference/standard-sql/string_functions#regexp_contains
  matches: (expr, pattern) => `REGEXP_CONTAINS(${expr}, ${quote(pattern, true)})`,
  // https://cloud.google.com/bigquery/docs/reference/standard-sql/date_functions#current_date
  today: (zone) => `CURRENT_DATE(${quote(zone, true)})`,
  text: 'STRING',
};

export const DUCKDB: Dialect = {
  id: 'duckdb',
  table: (name) => name.split('.').map((part) => `"${part.replace(/"/g, '""')}"`).join('.'),
  column: (name) => (identifier.test(name) ? name : `"${name.replace(/"/g, '""')}"`),
  string: (s) => quote(s, false),
  // TIMESTAMPTZ AT TIME ZONE gives the wall clock there (ICU, built into the npm package).
  wallClock: (instant, zone) => `(CAST(${instant} AS TIMESTAMPTZ) AT TIME ZONE ${quote(zone, false)})`,
  daysBetween: (from, to) => `DATE_DIFF('day', ${from}, ${to})`,
  minusDays: (day, n) => `CAST(${day} - INTERVAL ${n} DAY AS DATE)`,
  // ARG_MIN skips rows whose ordering value is NULL: a NULL `expr` gets a NULL position. (Faster
  // than ARG_MIN(…) FILTER (WHERE …), which took 1.5 s of 2.7 s on 100k lines.)
  firstNonNull: (expr, by) => `ARG_MIN(${expr}, CASE WHEN ${expr} IS NOT NULL THEN ${by} END)`,
  // DuckDB has no NFKC (only nfc_normalize): the table it reads is written NFKC by the loader
  // (./lines.ts), which is where the add-on normalises text anyway.
  nfkc: (expr) => expr,
  // DuckDB replaces the first match only, unless told 'g'.
  digits: (expr) => `regexp_replace(${expr}, '[^0-9]', '', 'g')`,
  matches: (expr, pattern) => `regexp_matches(${expr}, ${quote(pattern, false)})`,
  today: (zone) => `CAST(CAST(current_timestamp AS TIMESTAMPTZ) AT TIME ZONE ${quote(zone, false)} AS DATE)`,
  text: 'VARCHAR',
};

export const DIALECTS: Readonly<Record<DialectId, Dialect>> = { bigquery: BIGQUERY, duckdb: DUCKDB };
