/**
 * Reading CSV and TSV text as spreadsheets and shop systems write it (RFC 4180 and the common
 * departures from it): quoted fields with delimiters, doubled quotes and line breaks inside, CRLF,
 * LF or CR line ends, a UTF-8 BOM, a missing final line break, and a tab or semicolon instead of a
 * comma. Each record keeps the line of the file it starts on, so that a problem can be reported by
 * the line number an owner sees in a text editor.
 *
 * One reader for the sidebar's import (src/sidebar/importPanel.ts) and for `npm start`, the sample
 * files and the test fixtures (scripts/csv.ts re-exports it).
 */

export type Delimiter = ',' | '\t' | ';';

export interface CsvRecord {
  /** 1-based line of the file on which the record starts. */
  readonly line: number;
  readonly fields: string[];
}

export interface CsvRead {
  readonly records: CsvRecord[];
  readonly delimiter: Delimiter;
  /** Lines in the file (a final line break does not start another). */
  readonly lines: number;
  /** The line where a quoted field opens and is never closed: it then runs to the end of the
   *  text (lenient, as spreadsheets read it), so whatever follows is inside that one field. */
  readonly unclosedQuote?: number;
}

export interface CsvOptions {
  /** Default: detected from the first record (detectDelimiter). */
  readonly delimiter?: string;
}

const DELIMITERS: readonly Delimiter[] = [',', '\t', ';'];

/**
 * The delimiter of the first record: whichever of comma, tab and semicolon occurs most often
 * outside quotes (a tie or none: comma). Amazon's reports are tab-separated; European exports
 * use semicolons.
 */
export function detectDelimiter(text: string): Delimiter {
  const counts = [0, 0, 0];
  let quoted = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted) {
      const k = DELIMITERS.indexOf(c as Delimiter);
      if (k >= 0) counts[k]!++;
    }
  }
  let best = 0;
  for (let k = 1; k < counts.length; k++) if (counts[k]! > counts[best]!) best = k;
  return DELIMITERS[best]!;
}

/** Line breaks in s[from, to): CRLF counts once, a lone CR or LF once. */
function breaks(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 10 || (c === 13 && s.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

/**
 * CSV text → records. Every record keeps its own length (no padding); a blank line is a record
 * with one empty field, except a final line break, which ends the last record.
 */
export function readCsv(text: string, opts: CsvOptions = {}): CsvRead {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const given: string = opts.delimiter ?? detectDelimiter(s);
  if (given.length !== 1 || given === '"' || given === '\n' || given === '\r') {
    throw new Error(`unsupported CSV delimiter ${JSON.stringify(given)}`);
  }
  const delimiter = given as Delimiter;
  const records: CsvRecord[] = [];
  let row: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let unclosedQuote: number | undefined;
  let i = 0;
  const n = s.length;
  // Whether the current record has started (so a final line break does not add an empty record).
  let inRecord = false;

  while (i < n) {
    const c = s[i]!;
    if (c === '"' && field === '') {
      // Quoted field: up to the closing quote; "" is a quote.
      if (!inRecord) recordLine = line;
      inRecord = true;
      const opened = line;
      i++;
      let start = i;
      let value = '';
      for (;;) {
        const q = s.indexOf('"', i);
        if (q < 0) {
          value += s.slice(start);
          line += breaks(s, start, n);
          unclosedQuote ??= opened;
          i = n;
          break;
        }
        line += breaks(s, i, q);
        if (s[q + 1] === '"') {
          value += s.slice(start, q + 1);
          i = q + 2;
          start = i;
          continue;
        }
        value += s.slice(start, q);
        i = q + 1;
        break;
      }
      field = value;
      // Anything between the closing quote and the delimiter is kept as it is (lenient).
      while (i < n && s[i] !== delimiter && s[i] !== '\n' && s[i] !== '\r') field += s[i++];
      continue;
    }
    if (c === delimiter) {
      if (!inRecord) recordLine = line;
      row.push(field);
      field = '';
      inRecord = true;
      i++;
      continue;
    }
    if (c === '\n' || c === '\r') {
      if (!inRecord) recordLine = line;
      row.push(field);
      records.push({ line: recordLine, fields: row });
      row = [];
      field = '';
      inRecord = false;
      i += c === '\r' && s[i + 1] === '\n' ? 2 : 1;
      line++;
      continue;
    }
    // Plain run of characters up to the next special one.
    if (!inRecord) recordLine = line;
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
    records.push({ line: recordLine, fields: row });
  }
  const lines = inRecord ? line : line - 1;
  return { records, delimiter, lines: Math.max(lines, 0), ...(unclosedQuote !== undefined ? { unclosedQuote } : {}) };
}

/** CSV text → rows of strings (the records' fields). */
export function parseCsv(text: string, opts: CsvOptions = {}): string[][] {
  return readCsv(text, opts).records.map((r) => r.fields);
}
