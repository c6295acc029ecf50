/**
 * The files npm start reads, as a Japanese spreadsheet would hold them once pasted or opened:
 * CSV (UTF-8 or Shift_JIS) or XLSX, or the sample shop (samples/, or made in memory).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { projectRoot } from '../../emulator/project';
import { makeZone as sheetZone } from '../../preview/workbook';
import { readXlsx } from '../../preview/xlsx';
import { parseCsv, toRange, type SheetValue } from '../csv';
import { generateShop } from '../sampleShop/generate';
import { sampleFiles } from '../sampleShop/sheets';
import { UsageError } from './args';
import type { Lang } from '../../src/core/labels';

/** The spreadsheet's time zone in every run. */
export const TIME_ZONE = 'Asia/Tokyo';
export const SAMPLES = join(projectRoot(), 'samples');

/** Decodes a file: UTF-8 (BOM or not), else Shift_JIS / CP932 as Japanese carts often write. */
function decode(bytes: Buffer): { text: string; encoding: string } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('shift_jis').decode(bytes), encoding: 'Shift_JIS' };
  }
}

export interface Input {
  /** As shown to the user. */
  readonly label: string;
  readonly range: Array<Array<SheetValue | Date>>;
  readonly encoding: string;
}

export async function readInput(file: string): Promise<Input> {
  const path = resolve(file);
  if (!existsSync(path)) throw new UsageError(`ファイルがありません: ${file}`, `no such file: ${file}`);
  if (/\.xlsx$/i.test(path)) {
    // As Sheets holds an opened .xlsx: numbers, text, booleans, and Dates for date cells.
    const { rows } = await readXlsx(readFileSync(path), sheetZone(TIME_ZONE));
    if (rows.length === 0) throw new UsageError(`${file} は空です`, `${file} is empty`);
    return { label: displayPath(path), range: rows as Array<Array<SheetValue | Date>>, encoding: 'XLSX' };
  }
  const { text, encoding } = decode(readFileSync(path));
  const rows = parseCsv(text);
  if (rows.length === 0) throw new UsageError(`${file} は空です`, `${file} is empty`);
  return { label: displayPath(path), range: toRange(rows), encoding };
}

export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}

export async function sampleInputs(out: (s?: string) => void, lang: Lang = 'ja'): Promise<Record<'shopify' | 'ja' | 'customers' | 'survey', Input>> {
  const names = { shopify: 'shopify_orders.csv', ja: 'orders_ja.csv', customers: 'customers.csv', survey: 'survey.csv' } as const;
  const missing = Object.values(names).some((n) => !existsSync(join(SAMPLES, n)));
  if (!missing) {
    return {
      shopify: await readInput(join(SAMPLES, names.shopify)),
      ja: await readInput(join(SAMPLES, names.ja)),
      customers: await readInput(join(SAMPLES, names.customers)),
      survey: await readInput(join(SAMPLES, names.survey)),
    };
  }
  // No samples on disk (not generated yet): make them in memory, exactly as `npm run samples` would.
  out(lang === 'ja'
    ? '(samples/ にサンプルファイルがまだないため、メモリ上で作ります。`npm run samples` でファイルに書き出せます)'
    : '(samples/ has no sample files yet — generating them in memory; `npm run samples` writes them)');
  const files = new Map(sampleFiles(generateShop()).map((f) => [f.name, f.text]));
  const input = (name: string): Input => ({ label: `samples/${name} (in memory)`, range: toRange(parseCsv(files.get(name)!)), encoding: 'UTF-8' });
  return { shopify: input(names.shopify), ja: input(names.ja), customers: input(names.customers), survey: input(names.survey) };
}
