/**
 * npm start -- --export-sql: the argument, and the printed DuckDB SQL run on the sample shop's
 * Japanese order list (typed lines with TIMESTAMPTZ instants, as a warehouse holds them) — every
 * customer's stage, rank, tier and VIP flag as the core gives them for that file.
 */
import { dayFromCivil, makeZone } from '../../src/core/dates';
import type { Table } from '../../src/core/orders';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { typedLines } from '../../src/core/sql/lines';
import { parseArgs, UsageError } from '../../scripts/start/args';
import { exportSql } from '../../scripts/start/exportSql';
import { sampleInputs } from '../../scripts/start/inputs';
import { SAMPLE_AS_OF } from '../../scripts/sampleShop/shop';
import { loadLines, openDuckDb, query } from '../support/duckdb';
import { byKey, coreAnswer } from '../support/sqlProof';

test('--export-sql takes bigquery or duckdb', () => {
  expect(parseArgs(['--export-sql', 'bigquery']).exportSql).toBe('bigquery');
  expect(parseArgs(['--export-sql=duckdb']).exportSql).toBe('duckdb');
  expect(() => parseArgs(['--export-sql', 'mysql'])).toThrow(UsageError);
});

test('the exported DuckDB SQL gives the sample shop the core’s stages and ranking', async () => {
  const orders = (await sampleInputs(() => undefined)).ja;
  const tokyo = makeZone('Asia/Tokyo');
  const sql = exportSql('duckdb', orders, SAMPLE_AS_OF, 'ja');
  const [customersSql] = sql.split(';\n\n');
  const typed = typedLines(orders.range as Table, { zone: tokyo, settings: DEFAULT_SETTINGS });
  const conn = await openDuckDb();
  // Japan has no DST: the instant is the wall clock less 9 hours.
  await loadLines(conn, 'orders', typed.lines.map((l) => ({ ...l, orderedAt: l.orderedAt === null ? null : l.orderedAt - 9 * 3_600_000 })), { instants: true });
  const got = await query(conn, customersSql!);
  conn.closeSync();
  const [y, m, d] = SAMPLE_AS_OF.split('-').map(Number) as [number, number, number];
  const core = coreAnswer(orders.range as unknown[][], DEFAULT_SETTINGS, dayFromCivil(y, m, d), tokyo);
  const fields = (r: Record<string, unknown>) => ({ customer_key: r.customer_key, stage: r.stage, ltv: r.ltv, ltv_rank: r.ltv_rank, tier: r.tier, vip: r.vip });
  expect(core.customers.length).toBeGreaterThan(50);
  expect(byKey(got.map(fields))).toEqual(byKey(core.customers.map(fields)));
  expect(got[0]!.stage_label).toMatch(/[ァ-ン]/); // Japanese labels
});
