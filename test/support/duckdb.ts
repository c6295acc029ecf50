/**
 * DuckDB in-process (devDependency @duckdb/node-api; its prebuilt binding is the npm package
 * @duckdb/node-bindings-linux-x64): load typed order lines (src/core/sql/lines.ts), run the
 * generated SQL, read rows back as plain values (DATE → Day number, BIGINT → number).
 */
import { DuckDBDateValue, DuckDBInstance, DuckDBTimestampTZValue, DuckDBTimestampValue, type DuckDBConnection } from '@duckdb/node-api';
import { TYPED_COLUMN_NAMES, TYPED_CUSTOMER_COLUMN_NAMES, TYPED_SURVEY_COLUMN_NAMES, type TypedCustomer, type TypedLine, type TypedResponse } from '../../src/core/sql/lines';

export type Row = Record<string, string | number | boolean | null>;

/** One thread by default: the tests share two cores with everything else. */
export async function openDuckDb(threads = '1'): Promise<DuckDBConnection> {
  const db = await DuckDBInstance.create(':memory:', { threads });
  return db.connect();
}

const n = TYPED_COLUMN_NAMES;
const DDL = (table: string, instants: boolean): string => `CREATE OR REPLACE TABLE ${table} (
  ${n.line} BIGINT, ${n.orderId} VARCHAR, ${n.customerId} VARCHAR, ${n.email} VARCHAR, ${n.orderedAt} ${instants ? 'TIMESTAMPTZ' : 'TIMESTAMP'},
  ${n.amount} DOUBLE, ${n.status} VARCHAR, ${n.cancelledAt} VARCHAR, ${n.subscription} BOOLEAN, ${n.consent} BOOLEAN, ${n.name} VARCHAR, ${n.phone} VARCHAR)`;

/** Replaces `table` with the lines: orderedAt as wall-clock ms → TIMESTAMP, or with `instants`,
 *  as UTC ms → TIMESTAMPTZ (what a BigQuery TIMESTAMP column holds). */
export async function loadLines(conn: DuckDBConnection, table: string, lines: readonly TypedLine[], opts: { instants?: boolean } = {}): Promise<void> {
  await conn.run(DDL(table, opts.instants === true));
  const a = await conn.createAppender(table);
  const text = (v: string | null): void => (v === null ? a.appendNull() : a.appendVarchar(v));
  const bool = (v: boolean | null): void => (v === null ? a.appendNull() : a.appendBoolean(v));
  for (const l of lines) {
    a.appendBigInt(BigInt(l.line));
    text(l.orderId);
    text(l.customerId);
    text(l.email);
    if (l.orderedAt === null) a.appendNull();
    else if (opts.instants) a.appendTimestampTZ(new DuckDBTimestampTZValue(BigInt(l.orderedAt) * BigInt(1000)));
    else a.appendTimestamp(new DuckDBTimestampValue(BigInt(l.orderedAt) * BigInt(1000)));
    if (l.amount === null) a.appendNull();
    else a.appendDouble(l.amount);
    text(l.status);
    text(l.cancelledAt);
    bool(l.subscription);
    bool(l.consent);
    text(l.name);
    text(l.phone);
    a.endRow();
  }
  a.closeSync();
}

/** Replaces `table` with a customers sheet's typed rows (src/core/sql/lines.ts `typedCustomers`). */
export async function loadCustomers(conn: DuckDBConnection, table: string, rows: readonly TypedCustomer[]): Promise<void> {
  const c = TYPED_CUSTOMER_COLUMN_NAMES;
  await conn.run(`CREATE OR REPLACE TABLE ${table} (${c.line} BIGINT, ${c.customerId} VARCHAR, ${c.email} VARCHAR, ${c.name} VARCHAR, ${c.registered} BOOLEAN, ${c.subscribed} BOOLEAN, ${c.reactions} BIGINT)`);
  const a = await conn.createAppender(table);
  const text = (v: string | null): void => (v === null ? a.appendNull() : a.appendVarchar(v));
  const bool = (v: boolean | null): void => (v === null ? a.appendNull() : a.appendBoolean(v));
  for (const r of rows) {
    a.appendBigInt(BigInt(r.line));
    text(r.customerId);
    text(r.email);
    text(r.name);
    bool(r.registered);
    bool(r.subscribed);
    if (r.reactions === null) a.appendNull();
    else a.appendBigInt(BigInt(r.reactions));
    a.endRow();
  }
  a.closeSync();
}

/** Replaces `table` with a survey's typed responses (src/core/sql/lines.ts `typedSurvey`). */
export async function loadSurvey(conn: DuckDBConnection, table: string, rows: readonly TypedResponse[]): Promise<void> {
  const c = TYPED_SURVEY_COLUMN_NAMES;
  await conn.run(`CREATE OR REPLACE TABLE ${table} (${c.line} BIGINT, ${c.customerId} VARCHAR, ${c.email} VARCHAR, ${c.respondedAt} TIMESTAMP, ${c.nps} DOUBLE, ${c.satisfaction} DOUBLE)`);
  const a = await conn.createAppender(table);
  const text = (v: string | null): void => (v === null ? a.appendNull() : a.appendVarchar(v));
  const num = (v: number | null): void => (v === null ? a.appendNull() : a.appendDouble(v));
  for (const r of rows) {
    a.appendBigInt(BigInt(r.line));
    text(r.customerId);
    text(r.email);
    if (r.respondedAt === null) a.appendNull();
    else a.appendTimestamp(new DuckDBTimestampValue(BigInt(r.respondedAt) * BigInt(1000)));
    num(r.nps);
    num(r.satisfaction);
    a.endRow();
  }
  a.closeSync();
}

function plain(v: unknown): string | number | boolean | null {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof DuckDBDateValue) return v.days;
  return String(v);
}

export async function query(conn: DuckDBConnection, sql: string): Promise<Row[]> {
  const reader = await conn.runAndReadAll(sql);
  return reader.getRowObjects().map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, plain(v)])));
}
