/** The sample shop (samples/) as the browser and preview tests paste it into the in-memory Sheets. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../emulator/project';
import { parseCsv, toRange, type SheetValue } from '../../scripts/csv';
import { sampleUpcomingRows } from '../../scripts/sampleShop/continuation';
import type { UpcomingRow } from '../../preview/workbook';

/** The sample shop's as-of instant (samples/README.md): the end of 2026-10-31 in Japan. */
export const SAMPLE_AS_OF = Date.parse('2026-10-31T15:00:00Z');

/**
 * The sample shop (samples/), cut to its first `customers` customers so that a refresh in the
 * browser tests stays quick: the orders, customers and survey sheets as pasted CSVs.
 */
export function sampleShopSheets(customers = 400): Record<'Orders' | 'Customers' | 'Survey', SheetValue[][]> {
  const csv = (file: string): SheetValue[][] => toRange(parseCsv(readFileSync(join(projectRoot(), 'samples', file), 'utf8')));
  const orders = csv('orders_ja.csv');
  const people = csv('customers.csv');
  const survey = csv('survey.csv');
  const keep = (id: unknown): boolean => typeof id === 'string' && Number(id.slice(1)) <= customers;
  const idColumn = orders[0]!.indexOf('顧客ID');
  const kept = [people[0]!, ...people.slice(1).filter((r) => keep(r[0]))];
  const emails = new Set(kept.slice(1).map((r) => r[people[0]!.indexOf('メールアドレス')]));
  const emailColumn = survey[0]!.indexOf('メールアドレス');
  return {
    Orders: [orders[0]!, ...orders.slice(1).filter((r) => keep(r[idColumn]))],
    Customers: kept,
    Survey: [survey[0]!, ...survey.slice(1).filter((r) => emails.has(r[emailColumn]!))],
  };
}

/**
 * The sample shop's following days (scripts/sampleShop/continuation.ts) for a shop cut as
 * sampleShopSheets(customers) cuts it: the kept customers' orders and every new customer's.
 */
export function sampleUpcoming(customers = 400): UpcomingRow[] {
  const known = toRange(parseCsv(readFileSync(join(projectRoot(), 'samples', 'customers.csv'), 'utf8'))).length - 1;
  return sampleUpcomingRows((u) => {
    const id = Number(String(u.row[u.sheet === 'Orders' ? 2 : 0]).slice(1));
    return id <= customers || id > known;
  });
}
