/**
 * The owner's BigQuery (Connected Sheets) settings: which project runs the queries, which table
 * holds the orders, and which of its columns is which field — read and checked here, stored by
 * src/gas/connectedSheets.ts, turned into the two queries by ./query.ts in the BigQuery dialect.
 *
 * The column mapping is pre-filled from the table's column names by the same header rules the
 * add-on reads a sheet's header row with (headers.ts `matchColumns`), so `customer_id`, `email`,
 * `created_at`, `total_price` are found as `顧客ID`, `メールアドレス`, `注文日時`, `合計金額` are.
 */
import { bothLanguages, BIGQUERY_MESSAGES } from '../labels';
import { GENERIC_FIELDS, matchColumns, normalizeHeader, type Field } from '../headers';
import type { Day } from '../dates';
import type { Lang } from '../labels';
import type { Settings, SettingProblem } from '../settings';
import { BIGQUERY } from './dialect';
import { customersQuery, summaryQuery, type OrderColumns } from './query';

/** A field of the SQL's orders table (./query.ts `OrderColumns`). */
export type SqlField = keyof OrderColumns;

/** The fields in the form's order; the first four are what the SQL cannot do without. */
export const SQL_FIELDS: readonly SqlField[] = [
  'line', 'orderedAt', 'amount', 'customerId', 'email', 'phone', 'orderId', 'status', 'cancelledAt', 'subscription', 'consent', 'name',
];

export interface BigQuerySettings {
  /** The Google Cloud project that runs (and is billed for) the queries. */
  readonly projectId: string;
  /** `dataset.table` of the orders, in that project. */
  readonly table: string;
  /** The table's column of each field (absent: not mapped). */
  readonly columns: Readonly<Partial<Record<SqlField, string>>>;
  /** TIMESTAMP (an instant, read on the spreadsheet's wall clock) or DATETIME (already local). */
  readonly orderedAt: 'instant' | 'wallClock';
}

export const DEFAULT_BIGQUERY_SETTINGS: BigQuerySettings = { projectId: '', table: '', columns: {}, orderedAt: 'instant' };

/** Google Cloud project ids: 6–30 lower-case letters, digits and hyphens, starting with a letter,
 *  not ending with a hyphen (https://cloud.google.com/resource-manager/docs/creating-managing-projects),
 *  optionally prefixed by a domain (`example.com:project`, the legacy domain-scoped form). */
const PROJECT_ID = /^(?:[a-z0-9.-]+\.[a-z]{2,}:)?[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
/** Dataset: letters, digits, underscores, up to 1,024 (https://cloud.google.com/bigquery/docs/datasets#dataset-naming).
 *  Table: Unicode letters, marks, numbers, connectors, dashes and spaces, up to 1,024 UTF-8 bytes
 *  (https://cloud.google.com/bigquery/docs/tables#table_naming); here without spaces, so the name
 *  needs no quoting beyond the backticks the dialect writes. */
const TABLE = /^[A-Za-z0-9_]{1,1024}\.[\p{L}\p{M}\p{N}\p{Pc}\p{Pd}]{1,1024}$/u;
/** Column names, flexible form: letters and marks of any script, numbers, connectors (`_`), dashes
 *  and spaces, at most 300 (https://cloud.google.com/bigquery/docs/schemas#flexible-column-names) —
 *  so a Japanese `注文日時` is one; the dialect quotes what is not a plain identifier. */
const COLUMN = /^[\p{L}\p{M}\p{N}\p{Pc}\p{Pd} ]{1,300}$/u;

const REQUIRED: readonly SqlField[] = ['line', 'orderedAt', 'amount'];

/** Reads settings sent by the sidebar; `problems` by path (`bigQuery.projectId`, `bigQuery.columns.line`). */
export function readBigQuerySettings(input: unknown): { settings: BigQuerySettings; problems: SettingProblem[] } {
  const o = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  const text = (v: unknown): string => (typeof v === 'string' ? v.normalize('NFKC').trim() : '');
  const problems: SettingProblem[] = [];
  const projectId = text(o.projectId);
  const table = text(o.table).replace(/`/g, '');
  if (!PROJECT_ID.test(projectId)) problems.push({ path: 'bigQuery.projectId', message: bothLanguages(BIGQUERY_MESSAGES.badProject, projectId) });
  if (!TABLE.test(table)) problems.push({ path: 'bigQuery.table', message: bothLanguages(BIGQUERY_MESSAGES.badTable, table) });
  const given = typeof o.columns === 'object' && o.columns !== null ? (o.columns as Record<string, unknown>) : {};
  const columns: Partial<Record<SqlField, string>> = {};
  for (const f of SQL_FIELDS) {
    const c = text(given[f]);
    if (c === '') continue;
    if (!COLUMN.test(c)) problems.push({ path: `bigQuery.columns.${f}`, message: bothLanguages(BIGQUERY_MESSAGES.badColumn, c) });
    else columns[f] = c;
  }
  for (const f of REQUIRED) {
    if (columns[f] === undefined && !problems.some((p) => p.path === `bigQuery.columns.${f}`)) {
      problems.push({ path: `bigQuery.columns.${f}`, message: BIGQUERY_MESSAGES.required });
    }
  }
  if (columns.customerId === undefined && columns.email === undefined && columns.phone === undefined) {
    problems.push({ path: 'bigQuery.columns.customerId', message: BIGQUERY_MESSAGES.needKey });
  }
  const orderedAt = o.orderedAt === 'wallClock' ? 'wallClock' : 'instant';
  return { settings: { projectId, table, columns, orderedAt }, problems };
}

/** The add-on's header fields that are SQL fields (`date` is `orderedAt`, `registered` the consent). */
const FIELD_OF: Readonly<Partial<Record<Field, SqlField>>> = {
  customerId: 'customerId', email: 'email', orderId: 'orderId', date: 'orderedAt', amount: 'amount',
  status: 'status', cancelledAt: 'cancelledAt', subscription: 'subscription', registered: 'consent', name: 'name', phone: 'phone',
};

/** The line's position has no header in the exports (a sheet's row is its position): these names
 *  are ours, the usual ones of loaders and connectors. */
const LINE_NAMES = ['line', 'line_number', 'line_no', 'line_index', 'row', 'row_number', 'position', '行番号', '明細番号'];

/** A column of the orders table, as BigQuery's INFORMATION_SCHEMA.COLUMNS lists it. */
export interface TableColumn {
  readonly name: string;
  readonly type: string;
}

/** The mapping the header rules find in the table's column names, and the time column's kind. */
export function suggestBigQueryColumns(table: readonly TableColumn[]): Pick<BigQuerySettings, 'columns' | 'orderedAt'> {
  const names = table.map((c) => c.name);
  // Snake case reads as words: `customer_id` → `customer id`, which the aliases hold.
  const words = names.map((n) => n.replace(/_/g, ' '));
  const found = matchColumns(words, GENERIC_FIELDS.orders);
  const columns: Partial<Record<SqlField, string>> = {};
  for (const [field, i] of Object.entries(found) as [Field, number][]) {
    const f = FIELD_OF[field];
    if (f !== undefined) columns[f] = names[i]!;
  }
  const line = LINE_NAMES.map(normalizeHeader).map((n) => words.findIndex((w) => normalizeHeader(w) === n)).find((i) => i >= 0);
  if (line !== undefined && !Object.values(columns).includes(names[line]!)) columns.line = names[line]!;
  const time = table.find((c) => c.name === columns.orderedAt);
  return { columns, orderedAt: time !== undefined && /^DATETIME$/i.test(time.type) ? 'wallClock' : 'instant' };
}

/** The query that lists the table's columns (what the mapping is chosen from). */
export function columnsQuery(s: Pick<BigQuerySettings, 'projectId' | 'table'>): string {
  const [dataset, table] = s.table.split('.') as [string, string];
  // https://cloud.google.com/bigquery/docs/information-schema-columns
  return `SELECT column_name, data_type FROM ${BIGQUERY.table(`${s.projectId}.${dataset}`)}.INFORMATION_SCHEMA.COLUMNS WHERE table_name = ${BIGQUERY.string(table)} ORDER BY ordinal_position`;
}

/** The customer-table and summary queries Connected Sheets runs. */
export function connectedQueries(
  s: BigQuerySettings,
  o: { settings: Pick<Settings, 'stages' | 'vip' | 'tiers' | 'ltvWindowDays' | 'sumOrderRows'>; asOf: Day | 'today'; zone: string; lang: Lang },
): { customers: string; summary: string } {
  const c = s.columns;
  const columns: OrderColumns = { ...c, line: c.line!, orderedAt: c.orderedAt!, amount: c.amount! };
  const opts = { table: { name: `${s.projectId}.${s.table}`, columns, orderedAt: s.orderedAt }, settings: o.settings, asOf: o.asOf, zone: o.zone, lang: o.lang };
  return { customers: customersQuery(BIGQUERY, opts), summary: summaryQuery(BIGQUERY, opts) };
}
