/**
 * What importing one CSV file would do, worked out before anything is written (issue 13): the
 * platform, rows, the orders' dates, which orders are new and which are already in the sheet, the
 * rows that cannot be read, and the chunks the new orders go to the server in.
 *
 * The file is read by the same orders reader as the refresh and the formulas (readOrders, with the
 * owner's settings and the spreadsheet's time zone), on the very cells the import will write, so
 * the preview's unreadable rows and dates are what the refresh will find in the sheet.
 */
import type { CsvRecord } from './csv';
import { isoDay, type Zone } from './dates';
import { IMPORT_LIMITS, importCell, importKey, mapRow, mergeHeader, orderIdColumn, textColumns, type ImportCell } from './imports';
import type { Lang } from './labels';
import { readOrders, type SkipReason } from './orders';
import type { ProfileId } from './profiles';
import type { Settings } from './settings';
import { isBlank } from './values';

/** Why a row is not imported: the orders reader's reasons, or more fields than the header has. */
export type UnreadableReason = SkipReason | 'columns';

export interface UnreadableRow {
  /** Line of the file the row starts on. */
  readonly line: number;
  readonly reason: UnreadableReason;
  /** The offending cell as text ('' when blank). */
  readonly value: string;
}

/** One call of appendImportRows: whole orders only. */
export interface ImportChunk {
  /** Rows in the file's columns, as the import writes them. */
  readonly rows: ImportCell[][];
  readonly orders: number;
  /** Lines of the file its first and last rows start on. */
  readonly firstLine: number;
  readonly lastLine: number;
}

/** An import sheet as the plan sees it: its header and the keys of the orders it holds. */
export interface ImportTargetState {
  readonly header: readonly string[];
  readonly keys: ReadonlySet<string>;
}

export interface ImportPlan {
  readonly profile: ProfileId;
  /** Data rows of the file (blank lines not counted). */
  readonly rows: number;
  /** Orders in the file: rows that share an order id are one (rows without one: each row). */
  readonly orders: number;
  readonly newOrders: number;
  readonly existingOrders: number;
  /** Orders with a row the reader cannot read: not imported (fix the export and import again). */
  readonly unreadableOrders: number;
  readonly unreadable: readonly UnreadableRow[];
  /** Cancelled or refunded orders among the file's (imported: the refresh leaves them out). */
  readonly cancelled: number;
  /** The first and last order day of the file's readable orders, ISO `YYYY-MM-DD`. */
  readonly firstDay: string | null;
  readonly lastDay: string | null;
  readonly newRows: number;
  readonly chunks: readonly ImportChunk[];
  /** The sheet after this import: for a later file that goes to the same sheet. */
  readonly after: ImportTargetState;
  /** The sheet's columns after this import. */
  readonly width: number;
}

export interface PlanOptions {
  readonly header: readonly string[];
  /** The data records (everything after the header record). */
  readonly records: readonly CsvRecord[];
  /** The import sheet the file goes to (an empty header and no keys: a sheet still to be made). */
  readonly target: ImportTargetState;
  readonly zone: Zone;
  readonly settings: Pick<Settings, 'columns' | 'sumOrderRows'>;
  readonly lang: Lang;
  readonly limits?: { readonly chunkCells: number; readonly chunkBytes: number };
}

/** UTF-8 bytes of a row as JSON (what a chunk weighs on the way to the server). */
function jsonBytes(row: readonly ImportCell[]): number {
  let n = 2 + Math.max(row.length - 1, 0);
  for (const v of row) {
    if (typeof v === 'number') {
      n += String(v).length;
      continue;
    }
    n += 2;
    for (let i = 0; i < v.length; i++) {
      const c = v.charCodeAt(i);
      n += c < 0x80 ? (c === 34 || c === 92 || c < 32 ? 2 : 1) : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? 2 : 3;
    }
  }
  return n;
}

interface Unit {
  readonly key: string;
  readonly rows: number[];
}

/**
 * Plans the import of one file into its target sheet. Throws the orders reader's InputError
 * (which names the missing columns and lists the headers it saw) when the file has no
 * recognisable orders header.
 */
export function planImport(opts: PlanOptions): ImportPlan {
  const { header, records, target } = opts;
  const limits = opts.limits ?? IMPORT_LIMITS;
  const width = header.length;
  const text = textColumns(header);

  // The rows as they will be written; wholly blank records are not rows (as in the reader).
  const rows: ImportCell[][] = [];
  const lines: number[] = [];
  const unreadable: UnreadableRow[] = [];
  const bad = new Set<number>();
  for (const record of records) {
    const f = record.fields;
    if (f.every((v) => isBlank(v))) continue;
    const extra = f.slice(width).find((v) => !isBlank(v));
    if (extra !== undefined) {
      unreadable.push({ line: record.line, reason: 'columns', value: extra.slice(0, 40) });
      bad.add(rows.length);
    }
    const row: ImportCell[] = new Array<ImportCell>(width);
    for (let c = 0; c < width; c++) row[c] = importCell(f[c] ?? '', text[c]!);
    rows.push(row);
    lines.push(record.line);
  }

  const read = readOrders([header as string[], ...rows], { zone: opts.zone, settings: opts.settings, lang: opts.lang });
  for (const s of read.skipped) {
    const i = s.row - 2; // sheet row 2 is the first data row
    unreadable.push({ line: lines[i]!, reason: s.reason, value: s.value.slice(0, 40) });
    bad.add(i);
  }
  unreadable.sort((a, b) => a.line - b.line);

  // Units: the rows of one order (or identical rows without an order id), keyed as in the sheet.
  const merge = mergeHeader(target.header, header);
  const idCol = orderIdColumn(merge.header);
  const units = new Map<string, Unit>();
  rows.forEach((row, i) => {
    const key = importKey(mapRow<ImportCell>(row, merge.columnOf, merge.header.length, ''), idCol);
    const unit = units.get(key);
    if (unit === undefined) units.set(key, { key, rows: [i] });
    else unit.rows.push(i);
  });

  const keys = new Set(target.keys);
  const chunks: ImportChunk[] = [];
  let chunk: { rows: ImportCell[][]; orders: number; firstLine: number; lastLine: number; bytes: number } | null = null;
  let newOrders = 0;
  let existingOrders = 0;
  let unreadableOrders = 0;
  let newRows = 0;
  const chunkWidth = Math.max(merge.header.length, 1);
  for (const unit of units.values()) {
    if (target.keys.has(unit.key)) {
      existingOrders++;
      continue;
    }
    if (unit.rows.some((i) => bad.has(i))) {
      unreadableOrders++;
      continue;
    }
    newOrders++;
    keys.add(unit.key);
    const unitRows = unit.rows.map((i) => rows[i]!);
    const bytes = unitRows.reduce((n, r) => n + jsonBytes(r) + 1, 0);
    if (
      chunk !== null &&
      ((chunk.rows.length + unitRows.length) * chunkWidth > limits.chunkCells || chunk.bytes + bytes > limits.chunkBytes)
    ) {
      chunks.push({ rows: chunk.rows, orders: chunk.orders, firstLine: chunk.firstLine, lastLine: chunk.lastLine });
      chunk = null;
    }
    chunk ??= { rows: [], orders: 0, firstLine: Infinity, lastLine: 0, bytes: 2 };
    chunk.rows.push(...unitRows);
    chunk.orders++;
    chunk.bytes += bytes;
    for (const i of unit.rows) {
      chunk.firstLine = Math.min(chunk.firstLine, lines[i]!);
      chunk.lastLine = Math.max(chunk.lastLine, lines[i]!);
    }
    newRows += unitRows.length;
  }
  if (chunk !== null) chunks.push({ rows: chunk.rows, orders: chunk.orders, firstLine: chunk.firstLine, lastLine: chunk.lastLine });

  let first = Infinity;
  let last = -Infinity;
  for (const o of read.orders) {
    if (o.day < first) first = o.day;
    if (o.day > last) last = o.day;
  }
  return {
    profile: read.profile,
    rows: rows.length,
    orders: units.size,
    newOrders,
    existingOrders,
    unreadableOrders,
    unreadable,
    cancelled: read.cancelled,
    firstDay: read.orders.length > 0 ? isoDay(first) : null,
    lastDay: read.orders.length > 0 ? isoDay(last) : null,
    newRows,
    chunks,
    after: { header: newRows > 0 ? merge.header : [...target.header], keys },
    width: merge.header.length,
  };
}
