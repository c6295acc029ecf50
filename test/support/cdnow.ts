/**
 * The CDNOW fixtures (test/fixtures/cdnow/, copied from shared/data/cdnow/ — see its README):
 * the 1/10 sample's transactions and the published weekly summary the papers fit.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dayFromCivil, type Day } from '../../src/core/dates';
import type { Transaction } from '../../src/core/predict/rfm';
import { projectRoot } from '../../emulator/project';

export const CDNOW_DIR = join(projectRoot(), 'test', 'fixtures', 'cdnow');

/** End of the calibration period of FHL 2005: 1997-09-30 (39 weeks after 1997-01-01). */
export const CALIBRATION_END: Day = dayFromCivil(1997, 9, 30);

export interface SummaryRow {
  readonly id: string;
  readonly x: number;
  readonly tx: number;
  readonly T: number;
  readonly zbar: number;
}

/** `cdnow_customers_summary_with_transactions.csv`: x, t_x, T in weeks, z̄ in dollars. */
export function cdnowSummary(): SummaryRow[] {
  const lines = readFileSync(join(CDNOW_DIR, 'cdnow_customers_summary_with_transactions.csv'), 'utf8').trim().split(/\r?\n/);
  return lines.slice(1).map((line) => {
    const [id, x, tx, T, zbar] = line.split(',');
    return { id: id!, x: Number(x), tx: Number(tx), T: Number(T), zbar: Number(zbar) };
  });
}

const dayOf = (yyyymmdd: string): Day =>
  dayFromCivil(Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)), Number(yyyymmdd.slice(6, 8)));

/** Parses CDNOW's whitespace-separated rows: `[master id,] [sample id,] date, CDs, dollars`. */
export function parseCdnow(text: string, idColumn: number, dateColumn: number): Transaction[] {
  const out: Transaction[] = [];
  for (const line of text.split(/\r?\n/)) {
    const f = line.trim().split(/\s+/);
    if (f.length < dateColumn + 3 || !/^\d{8}$/.test(f[dateColumn]!)) continue; // blank or header
    out.push({ key: String(Number(f[idColumn])), day: dayOf(f[dateColumn]!), amount: Number(f[dateColumn + 2]) });
  }
  return out;
}

/** `CDNOW_sample.txt`, keyed by the sample id (1–2357) that the summary's ID column uses. */
export function cdnowSampleTransactions(): Transaction[] {
  return parseCdnow(readFileSync(join(CDNOW_DIR, 'CDNOW_sample.txt'), 'utf8'), 1, 2);
}
