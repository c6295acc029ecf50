/**
 * A small RFC 4180 CSV writer and reader, no dependency.
 *
 * Writer: fields are quoted only when they must be (a comma, a quote, CR or LF, or a leading or
 * trailing space); quotes are doubled; records end with CRLF, as RFC 4180 says.
 * Reader: accepts what the writer writes and what spreadsheets and shop systems export — quoted
 * fields with commas, doubled quotes and line breaks inside, CRLF or LF line ends, a UTF-8 BOM,
 * a missing final line break, and another delimiter (a tab for Amazon's reports).
 */

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

export interface ReadOptions {
  /** Field delimiter; default: a tab when the first line has tabs and no commas, else ','. */
  readonly delimiter?: string;
}

/** Guesses the delimiter from the first line (outside quotes it does not matter much). */
export function guessDelimiter(text: string): string {
  const end = text.search(/\r|\n/);
  const first = end < 0 ? text : text.slice(0, end);
  return first.includes('\t') && !first.includes(',') ? '\t' : ',';
}

/**
 * CSV text → rows of strings. Every record keeps its own length (no padding); a blank line is a
 * record with one empty field, except a trailing line break, which ends the last record.
 * An unterminated quoted field runs to the end of the text (lenient, like spreadsheets).
 */
export function parseCsv(text: string, opts: ReadOptions = {}): string[][] {
  let s = text;
  if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
  const delimiter = opts.delimiter ?? guessDelimiter(s);
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    throw new Error(`unsupported CSV delimiter ${JSON.stringify(delimiter)}`);
  }
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  const n = s.length;
  // Whether the current record has started (so a final line break does not add an empty record).
  let inRecord = false;

  while (i < n) {
    const c = s[i]!;
    if (c === '"' && field === '') {
      // Quoted field: up to the closing quote; "" is a quote.
      inRecord = true;
      i++;
      let start = i;
      let text = '';
      for (;;) {
        const q = s.indexOf('"', i);
        if (q < 0) {
          text += s.slice(start);
          i = n;
          break;
        }
        if (s[q + 1] === '"') {
          text += s.slice(start, q + 1);
          i = q + 2;
          start = i;
          continue;
        }
        text += s.slice(start, q);
        i = q + 1;
        break;
      }
      field = text;
      // Anything between the closing quote and the delimiter is kept as it is (lenient).
      while (i < n && s[i] !== delimiter && s[i] !== '\n' && s[i] !== '\r') field += s[i++];
      continue;
    }
    if (c === delimiter) {
      row.push(field);
      field = '';
      inRecord = true;
      i++;
      continue;
    }
    if (c === '\n' || c === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      inRecord = false;
      i += c === '\r' && s[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    // Plain run of characters up to the next special one.
    inRecord = true;
    let j = i;
    while (j < n) {
      const d = s[j];
      if (d === delimiter || d === '\n' || d === '\r') break;
      j++;
    }
    field += s.slice(i, j);
    i = j;
  }
  if (inRecord || field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// CSV → the values Sheets holds

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

/** Parsed CSV rows → a rectangular range of Sheets values, every row padded with '' to the widest. */
export function toRange(rows: readonly string[][]): SheetValue[][] {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  return rows.map((r) => {
    const out: SheetValue[] = r.map(sheetCell);
    while (out.length < width) out.push('');
    return out;
  });
}
