/**
 * Loads a shop export from `test/fixtures/exports/` into the 2-D array Apps Script would get from
 * `getValues()` after the owner pasted (or imported) the file into a sheet: numeric text becomes a
 * number, every other cell stays text (dates included: what Sheets turns into a `Date` depends on
 * the locale, and the core must read the text forms anyway), blanks are '', rows are padded to a
 * rectangle. The CSV reading is the one `npm start` uses (scripts/csv.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv, toRange, type SheetValue } from '../../scripts/csv';
import { projectRoot } from '../../emulator/project';

export type SheetTable = SheetValue[][];

export const FIXTURE_DIR = join(projectRoot(), 'test', 'fixtures', 'exports');

/** Loads a fixture the way Sheets would hold it after pasting (`.txt`/`.tsv`: tab-separated). */
export function loadFixture(name: string): SheetTable {
  const text = readFileSync(join(FIXTURE_DIR, name), 'utf8');
  return toRange(parseCsv(text, /\.(txt|tsv)$/i.test(name) ? { delimiter: '\t' } : {}));
}
