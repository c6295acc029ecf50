/**
 * What one refresh of the generated query costs on BigQuery: on-demand queries are billed by the
 * bytes of the columns they read, over the whole table (no partition filter: the rules need a
 * shop's whole history). Sizes per value are BigQuery's, from
 * https://cloud.google.com/bigquery/pricing#data_size_calculation — INT64/FLOAT64/TIMESTAMP/
 * DATETIME 8 bytes, NUMERIC 16, BOOL 1, STRING 2 + its UTF-8 bytes. (A NULL costs 0 bytes there;
 * this estimate counts every value, so it errs high.)
 */
import type { OrderColumns } from './query';

export type ColumnType = 'INT64' | 'FLOAT64' | 'NUMERIC' | 'BOOL' | 'TIMESTAMP' | 'DATETIME' | 'STRING';

export const BYTES_PER_VALUE: Readonly<Record<Exclude<ColumnType, 'STRING'>, number>> = {
  INT64: 8, FLOAT64: 8, NUMERIC: 16, BOOL: 1, TIMESTAMP: 8, DATETIME: 8,
};

/** A column the query reads: its type and, for text, the average UTF-8 length of its values. */
export interface ColumnSize {
  readonly type: ColumnType;
  readonly averageTextBytes?: number;
}

export function bytesPerRow(read: ReadonlyArray<ColumnSize>): number {
  return read.reduce((sum, c) => sum + (c.type === 'STRING' ? 2 + (c.averageTextBytes ?? 0) : BYTES_PER_VALUE[c.type]), 0);
}

/** A typical Shopify-like orders table in BigQuery, per column the query reads (every mapped
 *  column is read once per refresh). Text lengths: `#1001`-style ids, 13-digit customer ids,
 *  22-byte e-mails, 8-byte statuses, a 12-byte Japanese name (4 kana/kanji). */
export const TYPICAL_COLUMNS: Readonly<Record<keyof OrderColumns, ColumnSize>> = {
  line: { type: 'INT64' },
  orderId: { type: 'STRING', averageTextBytes: 6 },
  customerId: { type: 'STRING', averageTextBytes: 13 },
  email: { type: 'STRING', averageTextBytes: 22 },
  orderedAt: { type: 'TIMESTAMP' },
  amount: { type: 'NUMERIC' },
  status: { type: 'STRING', averageTextBytes: 8 },
  cancelledAt: { type: 'TIMESTAMP' },
  subscription: { type: 'BOOL' },
  consent: { type: 'BOOL' },
  name: { type: 'STRING', averageTextBytes: 12 },
  // `090-1234-5678`.
  phone: { type: 'STRING', averageTextBytes: 13 },
};

/** Bytes one refresh scans for `rows` order lines, reading the mapped columns. */
export function bytesScanned(columns: OrderColumns, rows: number, sizes = TYPICAL_COLUMNS): number {
  const read = (Object.keys(columns) as (keyof OrderColumns)[]).filter((k) => columns[k] !== undefined).map((k) => sizes[k]);
  return rows * bytesPerRow(read);
}
