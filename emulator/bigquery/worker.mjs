// The in-memory BigQuery's engine: one query on DuckDB in a child process, so that the fake's
// data execution can be synchronous as Apps Script's waitForCompletion is (emulator/bigquery/
// engine.ts spawns it). stdin: { tables, sql } as JSON; stdout: { columns, rows } or { error }.
// Tables are named by their whole BigQuery path ("project.dataset.table") as one identifier.
import { DuckDBInstance, DuckDBTimestampTZValue, DuckDBTimestampValue, DuckDBDateValue } from '@duckdb/node-api';

const DUCK_TYPE = { INT64: 'BIGINT', FLOAT64: 'DOUBLE', NUMERIC: 'DECIMAL(38,9)', STRING: 'VARCHAR', BOOL: 'BOOLEAN', TIMESTAMP: 'TIMESTAMPTZ', DATETIME: 'TIMESTAMP', DATE: 'DATE' };
const BQ_TYPE = { BIGINT: 'INT64', INTEGER: 'INT64', HUGEINT: 'INT64', DOUBLE: 'FLOAT64', VARCHAR: 'STRING', BOOLEAN: 'BOOL', 'TIMESTAMP WITH TIME ZONE': 'TIMESTAMP', TIMESTAMPTZ: 'TIMESTAMP', TIMESTAMP: 'DATETIME', DATE: 'DATE' };
const q = (name) => `"${name.replace(/"/g, '""')}"`;

const input = JSON.parse(await new Promise((resolve) => {
  let s = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (d) => (s += d));
  process.stdin.on('end', () => resolve(s));
}));

try {
  const db = await DuckDBInstance.create(':memory:', { threads: '1' });
  const conn = await db.connect();
  const schemas = new Map();
  for (const t of input.tables) {
    await conn.run(`CREATE TABLE ${q(t.name)} (${t.columns.map((c) => `${q(c.name)} ${DUCK_TYPE[c.type]}`).join(', ')})`);
    const a = await conn.createAppender(t.name);
    for (const row of t.rows) {
      t.columns.forEach((c, i) => {
        const v = row[i];
        if (v === null || v === undefined) return a.appendNull();
        switch (c.type) {
          case 'INT64': return a.appendBigInt(BigInt(v));
          case 'FLOAT64': return a.appendDouble(Number(v));
          case 'NUMERIC': return a.appendVarchar(String(v));
          case 'BOOL': return a.appendBoolean(Boolean(v));
          case 'TIMESTAMP': return a.appendTimestampTZ(new DuckDBTimestampTZValue(BigInt(Date.parse(v)) * 1000n));
          case 'DATETIME': return a.appendTimestamp(new DuckDBTimestampValue(BigInt(Date.parse(`${v.replace(' ', 'T')}Z`)) * 1000n));
          case 'DATE': return a.appendDate(new DuckDBDateValue(Math.round(Date.parse(`${v}T00:00:00Z`) / 86400000)));
          default: return a.appendVarchar(String(v));
        }
      });
      a.endRow();
    }
    a.closeSync();
    const dataset = t.name.slice(0, t.name.lastIndexOf('.'));
    const list = schemas.get(dataset) ?? [];
    t.columns.forEach((c, i) => list.push([t.name.slice(dataset.length + 1), c.name, c.type, i + 1]));
    schemas.set(dataset, list);
  }
  // INFORMATION_SCHEMA.COLUMNS of each dataset (https://cloud.google.com/bigquery/docs/information-schema-columns).
  for (const [dataset, list] of schemas) {
    const name = `${dataset}.INFORMATION_SCHEMA.COLUMNS`;
    await conn.run(`CREATE TABLE ${q(name)} (table_name VARCHAR, column_name VARCHAR, data_type VARCHAR, ordinal_position BIGINT)`);
    const a = await conn.createAppender(name);
    for (const [t, c, type, n] of list) {
      a.appendVarchar(t); a.appendVarchar(c); a.appendVarchar(type); a.appendBigInt(BigInt(n)); a.endRow();
    }
    a.closeSync();
  }
  const reader = await conn.runAndReadAll(input.sql);
  const types = reader.columnTypes().map((t) => String(t));
  const columns = reader.columnNames().map((name, i) => ({ name, type: BQ_TYPE[types[i]] ?? (types[i].startsWith('DECIMAL') ? 'NUMERIC' : 'STRING') }));
  const rows = reader.getRowsJson().map((r) => r.map((v, i) => {
    if (v === null) return null;
    const t = columns[i].type;
    return t === 'INT64' || t === 'FLOAT64' || t === 'NUMERIC' ? Number(v) : v;
  }));
  process.stdout.write(JSON.stringify({ columns, rows }));
} catch (e) {
  process.stdout.write(JSON.stringify({ error: e instanceof Error ? e.message : String(e) }));
}
