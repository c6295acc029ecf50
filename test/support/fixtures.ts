/**
 * Loads a shop export from `test/fixtures/exports/` into the 2-D array Apps Script would get from
 * `getValues()` after the owner pasted (or imported) the file into a sheet:
 *
 * - numeric text becomes a number (`"5500"`, `"5500.00"`, `"-99999"`, `"0012"` → 12, as Sheets does),
 * - every other cell stays a string, blank cells are `''`,
 * - every row is padded to the header's width (Sheets ranges are rectangular).
 *
 * Dates are left as text on purpose: what Sheets turns into a `Date` depends on the spreadsheet's
 * locale, and the core must read the text forms anyway (a "plain text" column, or a CSV opened
 * with conversion off). `.txt`/`.tsv` files are tab-separated without quoting (Amazon's flat files);
 * everything else is RFC 4180 CSV (quoted fields, doubled quotes, line breaks inside quotes).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type SheetCell = string | number;
export type SheetTable = SheetCell[][];

export const FIXTURE_DIR = join(__dirname, '..', 'fixtures', 'exports');

/** Splits CSV text into rows of raw strings (RFC 4180). */
export function parseCsv(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endRow = (): void => {
    row.push(field);
    rows.push(row);
    row = [];
    field = '';
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      i++;
    } else if (c === delimiter) {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\r' || c === '\n') {
      endRow();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += c;
      i++;
    }
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

/** Splits a tab-separated flat file (no quoting) into rows of raw strings. */
export function parseTsv(text: string): string[][] {
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => l.split('\t'));
}

const NUMERIC = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** One cell as Sheets would hold it after a paste: a number for numeric text, else the text. */
export function sheetValue(raw: string): SheetCell {
  const t = raw.trim();
  if (t !== '' && NUMERIC.test(t)) return Number(t);
  return raw;
}

/** Raw rows → a rectangular table of Sheets values. */
export function toSheet(rows: readonly (readonly string[])[]): SheetTable {
  const width = Math.max(0, ...rows.map((r) => r.length));
  return rows.map((r, i) => {
    const out: SheetCell[] = [];
    for (let c = 0; c < width; c++) {
      const raw = r[c] ?? '';
      // The header row stays text, as Sheets shows headers.
      out.push(i === 0 ? raw : sheetValue(raw));
    }
    return out;
  });
}

/** Reads a fixture file's text (UTF-8, a leading BOM dropped). */
export function fixtureText(name: string): string {
  const text = readFileSync(join(FIXTURE_DIR, name), 'utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Loads a fixture the way Sheets would hold it after pasting. */
export function loadFixture(name: string): SheetTable {
  const text = fixtureText(name);
  const rows = /\.(txt|tsv)$/i.test(name) ? parseTsv(text) : parseCsv(text);
  return toSheet(rows);
}
