/**
 * npm start -- --export-sql bigquery|duckdb: the SQL of SPEC §2–§4 (src/core/sql) for the default
 * settings and the columns the add-on finds in the orders file, so an analyst can run the same
 * stages and ranking on a warehouse. Prints the typed table it expects, then the customer query
 * and the summary query, each ending in ';'.
 */
import { dayFromCivil, makeZone } from '../../src/core/dates';
import type { Lang } from '../../src/core/labels';
import type { Table } from '../../src/core/orders';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { DIALECTS, type DialectId } from '../../src/core/sql/dialect';
import { typedLines } from '../../src/core/sql/lines';
import { customersQuery, summaryQuery, type OrderColumns, type QueryOptions } from '../../src/core/sql/query';
import { TIME_ZONE, type Input } from './inputs';

const TYPES: Readonly<Record<keyof OrderColumns, { bigquery: string; duckdb: string }>> = {
  line: { bigquery: 'INT64', duckdb: 'BIGINT' },
  orderId: { bigquery: 'STRING', duckdb: 'VARCHAR' },
  customerId: { bigquery: 'STRING', duckdb: 'VARCHAR' },
  email: { bigquery: 'STRING', duckdb: 'VARCHAR' },
  orderedAt: { bigquery: 'TIMESTAMP', duckdb: 'TIMESTAMPTZ' },
  amount: { bigquery: 'NUMERIC', duckdb: 'DOUBLE' },
  status: { bigquery: 'STRING', duckdb: 'VARCHAR' },
  cancelledAt: { bigquery: 'TIMESTAMP', duckdb: 'TIMESTAMPTZ' },
  subscription: { bigquery: 'BOOL', duckdb: 'BOOLEAN' },
  consent: { bigquery: 'BOOL', duckdb: 'BOOLEAN' },
  name: { bigquery: 'STRING', duckdb: 'VARCHAR' },
  phone: { bigquery: 'STRING', duckdb: 'VARCHAR' },
};

export function exportSql(dialect: DialectId, orders: Input, asOf: string, lang: Lang): string {
  const [y, m, d] = asOf.split('-').map(Number) as [number, number, number];
  const { columns } = typedLines(orders.range as Table, { zone: makeZone(TIME_ZONE), settings: DEFAULT_SETTINGS });
  const table = dialect === 'bigquery' ? 'your-project.shop.orders' : 'orders';
  const options: QueryOptions = {
    table: { name: table, columns, orderedAt: 'instant' },
    settings: DEFAULT_SETTINGS,
    asOf: dayFromCivil(y, m, d),
    zone: TIME_ZONE,
    lang,
  };
  const described = (Object.entries(columns) as [keyof OrderColumns, string][]).map(([k, name]) => `--   ${name.padEnd(14)} ${TYPES[k][dialect]}`);
  const D = DIALECTS[dialect];
  return [
    `-- Fan Funnel: stages and LTV ranking (SPEC §2–§4) as ${dialect === 'bigquery' ? 'BigQuery (GoogleSQL)' : 'DuckDB'} SQL`,
    `-- Orders: ${orders.label}; default settings; as of ${asOf}; time zone ${TIME_ZONE}.`,
    `-- Reads ${table}, one row per order line (blank cells as NULL), with these columns:`,
    ...described,
    '-- Orders only: without a customers sheet every customer counts as registered unless a consent',
    '-- column is mapped, and positive reactions (survey) are 0.',
    '',
    '-- 1. Customers: metrics, stage, rank, tier, VIP',
    `${customersQuery(D, options).trimEnd()};`,
    '',
    '-- 2. Funnel summary: customers and revenue per stage',
    `${summaryQuery(D, options).trimEnd()};`,
    '',
  ].join('\n');
}
