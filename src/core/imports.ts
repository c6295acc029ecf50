/**
 * The rules of importing a shop's CSV into an orders sheet of the add-on's own (issue 13), shared
 * by the sidebar page, which reads the file and shows what an import would do, and the server,
 * which writes: what each field becomes in a cell, which of the add-on's import sheets a file goes
 * to, how the file's columns map onto that sheet's, and the key that says an order is already
 * there. Both sides call these same functions, so what the preview promises is what is written.
 */
import { normalizeHeader, type Field } from './headers';
import { resolveColumns } from './orders';
import { detectProfile, type ProfileId } from './profiles';
import { isBlank, isDate, type Cell } from './values';

/** What the import writes into a cell: text (written with the plain-text format '@') or a number. */
export type ImportCell = string | number;

// ---------------------------------------------------------------------------------------------
// Cells

/**
 * Header words of columns whose values are identifiers — IDs, order and member numbers, codes,
 * phone and postal numbers — matched inside the normalised header (normalizeHeader). Their values
 * stay text exactly as exported: `0012` keeps its zeros, `09012345678` its leading 0.
 */
const TEXT_HEADER_WORDS = ['id', '番号', 'コード', 'code', '電話', 'phone', 'tel', '携帯', 'fax', '郵便', 'zip', 'postal', 'sku', 'jan', 'gtin'];

/**
 * Which columns are written as text whatever they hold: the identifier columns above, and the
 * columns the orders reader takes as customer ID, e-mail or order id (whatever their header says).
 */
export function textColumns(headers: readonly string[]): boolean[] {
  const columns = resolveColumns('orders', headers, undefined, detectProfile(headers));
  const keys = new Set([columns.customerId, columns.email, columns.orderId].filter((c) => c !== undefined));
  return headers.map((h, i) => keys.has(i) || TEXT_HEADER_WORDS.some((w) => normalizeHeader(h).includes(w)));
}

/** A plain decimal number as a CSV writes it: no leading zero, no sign but `-`, optional thousands commas. */
const PLAIN_NUMBER = /^-?(?:0|[1-9]\d*|[1-9]\d{0,2}(?:,\d{3})+)(?:\.\d+)?$/;

/**
 * One CSV field as the import writes it. In a text column: the field as it is. Elsewhere a plain
 * number (`12800`, `1,280`, `-500`, `3.5`) becomes a number — so that amounts add up in the sheet —
 * unless it has more than 15 significant digits (a spreadsheet number would lose them); every other
 * field stays text exactly as exported: dates too (the orders reader reads the export's own date
 * text, in the spreadsheet's time zone, instead of whatever the spreadsheet's locale would make of
 * `6/1/2024`), and `TRUE`, `12%`, `¥12,800`.
 */
export function importCell(field: string, text: boolean): ImportCell {
  if (text) return field;
  const t = field.trim();
  if (!PLAIN_NUMBER.test(t)) return field;
  if (t.replace(/[^\d]/g, '').replace(/^0+/, '').length > 15) return field;
  return Number(t.replace(/,/g, ''));
}

// ---------------------------------------------------------------------------------------------
// Which sheet: the layout of an export

/** What the orders reader makes of a header row: the platform, and which header is each field. */
export interface ImportLayout {
  readonly profile: ProfileId;
  /** Field → normalised header text. */
  readonly columns: Readonly<Partial<Record<Field, string>>>;
}

/** The layout of a header row, without the owner's column overrides (those may change later). */
export function importLayout(headers: readonly string[]): ImportLayout {
  const profile = detectProfile(headers);
  const columns: Partial<Record<Field, string>> = {};
  for (const [field, col] of Object.entries(resolveColumns('orders', headers, undefined, profile)) as [Field, number][]) {
    columns[field] = normalizeHeader(headers[col]);
  }
  return { profile: profile.id, columns };
}

function sameLayout(a: ImportLayout, b: ImportLayout): boolean {
  if (a.profile !== b.profile) return false;
  const fields = new Set([...Object.keys(a.columns), ...Object.keys(b.columns)] as Field[]);
  for (const f of fields) if (a.columns[f] !== b.columns[f]) return false;
  return true;
}

/** How a file's columns land in a sheet: the sheet's header after the import, and where each file column goes. */
export interface HeaderMerge {
  /** The sheet's header, with the file's columns it lacked added at the right. */
  readonly header: string[];
  /** Columns added to the sheet's header. */
  readonly added: number;
  /** For each column of the file, its column in `header`. */
  readonly columnOf: number[];
}

/**
 * Maps a file's columns onto a sheet's by header (normalised, and by occurrence where a header
 * repeats, as EC-CUBE's two 送料 columns do); a column the sheet lacks is added at its right end,
 * so the rows already there keep their columns. An empty sheet header takes the file's.
 */
export function mergeHeader(sheet: readonly string[], file: readonly string[]): HeaderMerge {
  const header = [...sheet];
  const free = new Map<string, number[]>();
  sheet.forEach((h, i) => {
    const k = normalizeHeader(h);
    const list = free.get(k);
    if (list === undefined) free.set(k, [i]);
    else list.push(i);
  });
  const columnOf = file.map((h) => {
    const at = free.get(normalizeHeader(h))?.shift();
    if (at !== undefined) return at;
    header.push(h);
    return header.length - 1;
  });
  return { header, added: header.length - sheet.length, columnOf };
}

/**
 * Whether a file's rows may go into a sheet: the orders reader must see the same platform and take
 * every field from the same header in the sheet, in the file, and in the sheet after the file's
 * columns are added — else rows already there, or the new ones, would be read from the wrong
 * column. A file that does not fit any import sheet gets a sheet of its own.
 */
export function fitsSheet(sheet: readonly string[], file: readonly string[]): boolean {
  const layout = importLayout(sheet);
  return sameLayout(layout, importLayout(file)) && sameLayout(layout, importLayout(mergeHeader(sheet, file).header));
}

/** A file row in the sheet's columns (`width` of them), blanks where the file has no column. */
export function mapRow<T>(row: readonly T[], columnOf: readonly number[], width: number, blank: T): T[] {
  const out = new Array<T>(width).fill(blank);
  for (let c = 0; c < columnOf.length && c < row.length; c++) out[columnOf[c]!] = row[c]!;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Is it already there: the key of an order

/** The order id column of a header row (profile first, then the aliases), or -1. */
export function orderIdColumn(headers: readonly string[]): number {
  return resolveColumns('orders', headers, undefined, detectProfile(headers)).orderId ?? -1;
}

/** An order id as the orders reader groups rows by it: 1001 and "1001" are one; outer spaces ignored. */
function orderIdText(v: Cell): string {
  const s = typeof v === 'string' ? v : String(v);
  const n = s.length;
  return n > 0 && (s.charCodeAt(0) <= 32 || s.charCodeAt(n - 1) <= 32) ? s.trim() : s;
}

/**
 * 64 bits of a string (cyrb53's mixing, by bryc, public domain, widened to two 32-bit halves): a
 * row's content in 16 hex digits. Two different rows share a key with odds of about n² / 2⁶⁵ —
 * one in 10⁹ for 200,000 rows.
 */
export function hash64(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

/** A cell as the content key sees it: a number and a text are different, trailing blanks are not there. */
function cellToken(v: Cell): string {
  if (isBlank(v)) return '';
  if (typeof v === 'number') return `n${v}`;
  if (isDate(v)) return `d${v.getTime()}`;
  if (typeof v === 'boolean') return v ? 'b1' : 'b0';
  // A leading apostrophe is how a text that looks like a formula is written (writer.ts safeCell).
  const s = String(v);
  return `s${s.charCodeAt(0) === 39 && /^'[=+\-@]/.test(s) ? s.slice(1) : s}`;
}

/**
 * The key that says an order is already in the sheet: its order id where the row has one, else
 * the row's whole content (in the sheet's columns) — so that importing the same export again, or
 * an export that overlaps the last one, adds nothing that is there. Rows that share a key are one
 * unit: written together, or skipped together.
 */
export function importKey(row: readonly Cell[], orderIdCol: number): string {
  if (orderIdCol >= 0 && !isBlank(row[orderIdCol])) return `id:${orderIdText(row[orderIdCol])}`;
  let end = row.length;
  while (end > 0 && isBlank(row[end - 1])) end--;
  const tokens: string[] = [];
  for (let c = 0; c < end; c++) tokens.push(cellToken(row[c]));
  return `row:${hash64(tokens.join('\u001f'))}`;
}

// ---------------------------------------------------------------------------------------------
// Limits shared by the page and the server

export const IMPORT_LIMITS = {
  /**
   * The largest file the sidebar reads (ours). Google documents no size for what crosses
   * google.script.run; the bounds that matter are the spreadsheet's 10 million cells, which a 20 MB
   * export cannot reach (a 105-column 楽天 export of 20 MB is about 4 million cells), and the
   * refresh that must read the sheet afterwards within 6 minutes (refreshCells; README,
   * "Importing a shop's CSV"), which the preview warns of.
   */
  fileBytes: 20 * 1024 * 1024,
  /**
   * Cells per chunk (rows × the sheet's columns). A chunk is one execution of appendImportRows,
   * limited to 6 minutes; 50,000 cells are written with one setNumberFormats and one setValues,
   * about 15 s at the emulator's cost model (emulator/cost.ts: 0.15 ms a cell), so even a
   * spreadsheet ten times slower than the model finishes a chunk well within the limit, and the
   * progress bar moves every few seconds.
   */
  chunkCells: 50_000,
  /** UTF-8 bytes of one chunk's rows as JSON (ours: google-limits.md §1.5 found no documented
   *  limit and calls ≲ 1–2 MB far from any known wall; the local preview accepts 1 MB). */
  chunkBytes: 512 * 1024,
  /** Characters in one cell (Google: "50,000 characters" per cell). */
  cellChars: 50_000,
  /** Cells per spreadsheet, every sheet's rows × columns (Google: "up to 10 million cells"). */
  spreadsheetCells: 10_000_000,
  /** Rows of existing keys a server call reads and returns at once. */
  keyPageRows: 20_000,
  /** Cells of existing rows read at once for content keys. */
  keyPageCells: 200_000,
  /**
   * Cells of one orders sheet (rows × columns) that the refresh can still read within the
   * 6 minutes of one execution: it reads the whole sheet, and the emulator's calibration
   * (emulator/cost.ts, from google-limits.md §6.2) charges about 0.15 ms a cell — 2 million cells
   * ≈ 300 s, leaving a minute for the rest. Past it the preview warns (the import still runs:
   * the owner may keep fewer columns or a shorter period instead).
   */
  refreshCells: 2_000_000,
} as const;

/** The grid of a new sheet in Sheets (1,000 rows × 26 columns). */
export const NEW_SHEET_GRID = { rows: 1000, columns: 26 } as const;

/**
 * Cells the spreadsheet gains when `rows` data rows are appended after `lastRow` in a sheet of
 * `grid` (null: a sheet the import creates first) whose header becomes `width` columns wide.
 */
export function cellsAdded(grid: { readonly rows: number; readonly columns: number } | null, lastRow: number, rows: number, width: number): number {
  const before = grid ?? { rows: 0, columns: 0 };
  const start = grid ?? NEW_SHEET_GRID;
  const after = { rows: Math.max(start.rows, Math.max(lastRow, 1) + rows), columns: Math.max(start.columns, width) };
  return after.rows * after.columns - before.rows * before.columns;
}
