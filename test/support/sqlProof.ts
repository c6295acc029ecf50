/**
 * The two answers the SQL proof compares: the core's (readInputs → analyze → summarizeStages) and
 * the generated SQL's on DuckDB over the typed lines of the same sheet, in the SQL's column names.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { analyze, readInputs } from '../../src/core/analyze';
import type { Zone } from '../../src/core/dates';
import { summarizeStages } from '../../src/core/funnel';
import type { Settings } from '../../src/core/settings';
import { DUCKDB } from '../../src/core/sql/dialect';
import { typedCustomers, typedLines, typedSurvey } from '../../src/core/sql/lines';
import type { Table } from '../../src/core/orders';
import { customersQuery, summaryQuery } from '../../src/core/sql/query';
import { loadCustomers, loadLines, loadSurvey, query, type Row } from './duckdb';

/** The core's answer, in the SQL's column names. */
export function coreAnswer(rows: unknown[][], settings: Settings, asOf: number, zone: Zone, customersSheet?: unknown[][], survey?: unknown[][]) {
  const read = readInputs({ orders: rows, ...(customersSheet ? { customers: customersSheet } : {}), ...(survey ? { survey } : {}) }, { zone, settings, locale: 'en' });
  const a = analyze(read, asOf, settings);
  const customers = [...a.byKey.values()].map((v) => ({
    customer_key: v.metrics.key,
    name: v.metrics.name === '' ? null : v.metrics.name,
    stage: v.stage.stage,
    purchases: v.metrics.purchases,
    ltv: v.metrics.ltv,
    first_order: v.metrics.firstOrder ?? null,
    last_order: v.metrics.lastOrder ?? null,
    days_since_last: v.metrics.daysSinceLast ?? null,
    subscribed: v.metrics.subscribed,
    registered: v.metrics.registered,
    positive_reactions: v.metrics.positiveReactions,
    ltv_rank: v.ranked?.rank ?? null,
    tier: v.ranked?.tier ?? null,
    vip: v.ranked?.vip ?? false,
  }));
  const summary = summarizeStages(a, undefined).map((s) => ({ stage: s.stage, customers: s.customers, revenue: s.revenue }));
  return { customers, summary };
}

export async function sqlAnswer(conn: DuckDBConnection, rows: unknown[][], settings: Settings, asOf: number, zone: Zone, customersSheet?: unknown[][], survey?: unknown[][]) {
  const typed = typedLines(rows as Table, { zone, settings });
  await loadLines(conn, 'orders', typed.lines);
  const sheet = customersSheet === undefined ? undefined : typedCustomers(customersSheet as Table, { settings });
  if (sheet !== undefined) await loadCustomers(conn, 'customers', sheet.rows);
  const answers = survey === undefined ? undefined : typedSurvey(survey as Table, { zone, settings });
  if (answers !== undefined) await loadSurvey(conn, 'survey', answers.rows);
  const opts = {
    table: { name: 'orders', columns: typed.columns, orderedAt: 'wallClock' as const },
    ...(sheet === undefined ? {} : { customers: { name: 'customers', columns: sheet.columns } }),
    ...(answers === undefined ? {} : { survey: { name: 'survey', columns: answers.columns } }),
    settings,
    asOf,
    zone: zone.name,
    lang: 'en' as const,
  };
  const customers = (await query(conn, customersQuery(DUCKDB, opts))).map((r) => ({
    customer_key: r.customer_key,
    name: r.name,
    stage: r.stage,
    purchases: r.purchases,
    ltv: r.ltv,
    first_order: r.first_order,
    last_order: r.last_order,
    days_since_last: r.days_since_last,
    subscribed: r.subscribed,
    registered: r.registered,
    positive_reactions: r.positive_reactions,
    ltv_rank: r.ltv_rank,
    tier: r.tier,
    vip: r.vip,
  }));
  const summary = (await query(conn, summaryQuery(DUCKDB, opts))).map((r) => ({ stage: r.stage, customers: r.customers, revenue: r.revenue }));
  return { customers, summary };
}

export const byKey = <T extends { customer_key: unknown }>(list: T[]): T[] =>
  [...list].sort((x, y) => (String(x.customer_key) < String(y.customer_key) ? -1 : 1));


/** The customer rows of the SQL as they come, for edge cases that look at one column. */
export type { Row };
