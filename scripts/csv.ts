/**
 * A small RFC 4180 CSV writer, the reader of src/core/csv.ts, and what Sheets makes of CSV text
 * when it is pasted — no dependency.
 *
 * Writer: fields are quoted only when they must be (a comma, a quote, CR or LF, or a leading or
 * trailing space); quotes are doubled; records end with CRLF, as RFC 4180 says.
 */
import { textColumns } from '../src/core/imports';

export type CsvCell = string | number | boolean | null | undefined;

export interface WriteOptions {
  /** Field delimiter. Default ','. */
  readonly delimiter?: string;
  /** Record separator. Default '\r\n' (RFC 4180). */
  readonly newline?: string;
  /** Start with a UTF-8 byte order mark (Excel then opens Japanese text correctly). */
  readonly bom?: boolean;
}

function fieldText(v: CsvCell, delimiter: string): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : String(v);
  const needsQuotes =
    s.includes(delimiter) || s.includes('"') || s.includes('\n') || s.includes('\r') || /^\s|\s$/.test(s);
  return needsQuotes ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows → CSV text (with a final record separator). */
export function writeCsv(rows: ReadonlyArray<ReadonlyArray<CsvCell>>, opts: WriteOptions = {}): string {
  const delimiter = opts.delimiter ?? ',';
  const newline = opts.newline ?? '\r\n';
  const body = rows.map((row) => row.map((v) => fieldText(v, delimiter)).join(delimiter)).join(newline);
  return (opts.bom ? '\uFEFF' : '') + body + (rows.length > 0 ? newline : '');
}

// The reader is the product's own (src/core/csv.ts): the sidebar's import reads CSV with it too.
export { parseCsv, readCsv, type CsvOptions as ReadOptions } from '../src/core/csv';

// ---------------------------------------------------------------------------------------------
// CSV → the values Sheets holds

/** 1-based columns of a pasted range to format as plain text ('@') first: its identifier columns. */
export function plainTextColumns(range: readonly (readonly unknown[])[]): number[] {
  const header = range[0];
  if (header === undefined) return [];
  return textColumns(header.map((h) => (typeof h === 'string' ? h : String(h ?? '')))).flatMap((t, i) => (t ? [i + 1] : []));
}

export type SheetValue = string | number | boolean;

const NUMBER_TEXT = /^[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?$/;

/**
 * One CSV field as the cell Sheets makes of it when the CSV is pasted or imported: numeric text
 * (`12800`, `1,280`, `-500`, `3.5`) becomes a number, TRUE/FALSE a boolean, a blank ''; all other
 * text stays text — dates included (Fan Funnel reads date text itself), and amounts with a currency
 * sign (`¥12,800`). Numbers of more than 15 significant digits stay text, so long IDs keep their
 * digits.
 */
export function sheetCell(field: string): SheetValue {
  const t = field.trim();
  if (t === '') return '';
  if (NUMBER_TEXT.test(t) && t.replace(/[^\d]/g, '').replace(/^0+/, '').length <= 15) return Number(t.replace(/,/g, ''));
  if (/^true$/i.test(t)) return true;
  if (/^false$/i.test(t)) return false;
  return field;
}

/**
 * Parsed CSV rows → a rectangular range of Sheets values, every row padded with '' to the widest.
 * Identifier columns (IDs, order numbers, phone and postal numbers: the add-on's own import rule,
 * src/core/imports.ts textColumns) keep their text — `09000000000` is not `9000000000` — as they do
 * in a column formatted as plain text before the paste ({@link plainTextColumns}).
 */
export function toRange(rows: readonly string[][]): SheetValue[][] {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const text = rows.length === 0 ? [] : textColumns(rows[0]!);
  return rows.map((r, i) => {
    const out: SheetValue[] = r.map((field, c) => (i > 0 && text[c] === true ? field : sheetCell(field)));
    while (out.length < width) out.push('');
    return out;
  });
}
