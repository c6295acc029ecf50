/**
 * A shop's orders as a BigQuery table, for the in-memory Connected Sheets
 * (emulator/spreadsheet/dataSources.ts): the sheet's rows typed by the add-on's readers
 * (src/core/sql/lines.ts), under column names of a Shopify orders table as connectors load it.
 * Reconstructed: the names follow Shopify's order fields (`created_at`, `total_price`,
 * `financial_status`, `cancelled_at`, `customer_id`, `email`, as in Fivetran's and Airbyte's Shopify
 * `order(s)` tables), plus `line_number` for the line's position; no real table was copied.
 */
import type { BigQueryTable, BigQueryType } from '../../emulator/bigquery/engine';
import type { Zone } from '../../src/core/dates';
import type { Settings } from '../../src/core/settings';
import { typedLines, type TypedLine } from '../../src/core/sql/lines';
import type { OrderColumns } from '../../src/core/sql/query';
import type { Table } from '../../src/core/orders';

/** The BigQuery name and type of each typed column. */
const SHOPIFY: Readonly<Record<keyof OrderColumns, { name: string; type: BigQueryType }>> = {
  line: { name: 'line_number', type: 'INT64' },
  orderId: { name: 'order_id', type: 'STRING' },
  customerId: { name: 'customer_id', type: 'STRING' },
  email: { name: 'email', type: 'STRING' },
  orderedAt: { name: 'created_at', type: 'TIMESTAMP' },
  amount: { name: 'total_price', type: 'NUMERIC' },
  status: { name: 'financial_status', type: 'STRING' },
  cancelledAt: { name: 'cancelled_at', type: 'STRING' },
  subscription: { name: 'subscription', type: 'BOOL' },
  consent: { name: 'accepts_marketing', type: 'BOOL' },
  name: { name: 'billing_name', type: 'STRING' },
  phone: { name: 'phone', type: 'STRING' },
};

/** The sheet's orders as `name` (project.dataset.table): only the columns the sheet has. Wall-clock
 *  times on `zone` become TIMESTAMP instants, as a connector loads them. */
export function ordersTable(name: string, rows: unknown[][], settings: Settings, zone: Zone): BigQueryTable {
  const typed = typedLines(rows as Table, { zone, settings });
  const keys = (Object.keys(SHOPIFY) as (keyof OrderColumns)[]).filter((k) => typed.columns[k] !== undefined);
  const instant = (wall: number): string => {
    // The instant whose wall clock in `zone` is `wall` (offsets are whole for the zones used here).
    let t = wall;
    for (let i = 0; i < 2; i++) t = wall - (zone.localMs(t) - t);
    return new Date(t).toISOString();
  };
  const value = (l: TypedLine, k: keyof OrderColumns): string | number | boolean | null => {
    if (k === 'orderedAt') return l.orderedAt === null ? null : instant(l.orderedAt);
    if (k === 'consent') return l.consent;
    return l[k];
  };
  return { name, columns: keys.map((k) => SHOPIFY[k]), rows: typed.lines.map((l) => keys.map((k) => value(l, k))) };
}
