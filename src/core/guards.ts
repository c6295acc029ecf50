/**
 * What a refresh checks before it writes a single cell, as pure functions of what it read: whether
 * the paste is one to believe (issue 11: an empty or garbled paste must never erase History), whether
 * the tabs fit in Sheets' 10 million cells (issue 10: stop before, never half-way), and a digest of
 * its inputs (issue 10: a trigger run whose inputs did not change does nothing).
 */
import type { SkipReason } from './orders';
import type { Cell } from './values';

// ---------------------------------------------------------------------------------------------
// The paste

/** How many rows were skipped, by reason (the reasons' words are the caller's). */
export type SkipCounts = Readonly<Partial<Record<SkipReason | string, number>>>;

export type PasteRefusal =
  | { readonly kind: 'noOrders'; readonly skipped: number; readonly reasons: SkipCounts }
  | { readonly kind: 'fewOrders'; readonly read: number; readonly previous: number; readonly minShare: number; readonly skipped: number; readonly reasons: SkipCounts };

export interface PasteRead {
  /** Orders the refresh could read (kept and cancelled ones): the rows it believes. */
  readonly orders: number;
  readonly skipped: ReadonlyArray<{ readonly reason: string }>;
}

export function skipCounts(skipped: ReadonlyArray<{ readonly reason: string }>): SkipCounts {
  const out: Record<string, number> = {};
  for (const s of skipped) out[s.reason] = (out[s.reason] ?? 0) + 1;
  return out;
}

/**
 * Refuses a paste that reads no valid order, or fewer than `minSharePercent` % of the orders the
 * last successful refresh read (`previous`; undefined when none is known). 0 % turns the comparison
 * off; no valid order at all is refused whatever the setting: there is nothing to show, and writing
 * it would replace History's per-customer baseline with nothing.
 */
export function checkPaste(read: PasteRead, previous: number | undefined, minSharePercent: number): PasteRefusal | undefined {
  const reasons = skipCounts(read.skipped);
  const skipped = read.skipped.length;
  if (read.orders === 0) return { kind: 'noOrders', skipped, reasons };
  if (previous !== undefined && previous > 0 && read.orders * 100 < previous * minSharePercent) {
    return { kind: 'fewOrders', read: read.orders, previous, minShare: minSharePercent, skipped, reasons };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Time

/**
 * Apps Script stops an execution at 6 minutes (Google, "Quotas for Google Services": "Script runtime
 * 6 min / execution"), wherever it is. What a refresh may spend before its last tab is written: the
 * rest (30 s) is kept for the chart, the named range and recording the outcome.
 */
export const WRITE_DEADLINE_MS = 330_000;
/**
 * The least a cell written is taken to cost, ms: the emulator's calibration (emulator/cost.ts, from
 * Google's Best Practices page: 10,000 cells in one call ≈ 1 s). Where reading went slower per cell,
 * writing is taken to go as slow.
 */
export const MIN_MS_PER_CELL = 0.15;
/** The service calls of writing one tab besides its cells (resize, formats, bold, protection), ms. */
export const MS_PER_TAB = 1_000;
/** Reading fewer cells than this says little of the rate per cell (a call's own latency dominates). */
export const RATE_SAMPLE_CELLS = 10_000;

export interface TimePlan {
  /** Since the refresh started, ms (reading, building). */
  readonly elapsedMs: number;
  /** Cells read so far (the inputs and History). */
  readonly cellsRead: number;
  readonly cellsToWrite: number;
  readonly tabs: number;
}

/**
 * Refuses to start writing when the tabs could not all be written before Apps Script stops the run:
 * a refresh stopped while writing leaves some tabs new and some old, and — its inputs unchanged — the
 * next one would be stopped at the same place, so "refresh again" would never repair them. The rate
 * is what reading took per cell (when enough cells were read to tell), at least MIN_MS_PER_CELL.
 */
export function checkTime(plan: TimePlan): { readonly writeMs: number; readonly elapsedMs: number } | undefined {
  const measured = plan.cellsRead >= RATE_SAMPLE_CELLS ? plan.elapsedMs / plan.cellsRead : 0;
  const msPerCell = Math.max(MIN_MS_PER_CELL, measured);
  const writeMs = Math.ceil(plan.cellsToWrite * msPerCell + plan.tabs * MS_PER_TAB);
  return plan.elapsedMs + writeMs > WRITE_DEADLINE_MS ? { writeMs, elapsedMs: plan.elapsedMs } : undefined;
}

// ---------------------------------------------------------------------------------------------
// Cells

/**
 * Cells in one spreadsheet: Google (support.google.com/drive/answer/37603, as quoted by independent
 * copies): "Up to 10 million cells or 18,278 columns (column ZZZ) for spreadsheets that are created
 * in or converted to Google Sheets" — every sheet's grid, empty cells included.
 */
export const SHEETS_MAX_CELLS = 10_000_000;
/** The grid Sheets gives a new sheet: 1,000 rows × 26 columns (A–Z). */
export const NEW_SHEET_GRID: GridSize = { rows: 1_000, columns: 26 };

/** A grid's size: rows × columns. */
export interface GridSize {
  readonly rows: number;
  readonly columns: number;
}

export interface TabResize {
  /** The tab's grid now; undefined when the refresh must create it (it comes as `newSheet`). */
  readonly before: GridSize | undefined;
  /** The tab's grid once written (the add-on trims its tabs to their content). */
  readonly after: GridSize;
}

export interface CellPlan {
  /** Cells of every other sheet (the owner's, hidden ones included). */
  readonly others: number;
  /** The tabs, in the order they are written. */
  readonly tabs: readonly TabResize[];
  /** The grid Sheets gives a new sheet before it is resized (1,000 × 26). */
  readonly newSheet: GridSize;
}

const cells = (g: GridSize): number => g.rows * g.columns;

/**
 * The most cells the spreadsheet will hold at any moment of the write, and at its end: the tabs are
 * written one after the other, each shrunk before it grows, a new one arriving at Sheets' default
 * size first.
 */
export function cellsNeeded(plan: CellPlan): { peak: number; after: number } {
  let now = plan.others + plan.tabs.reduce((n, t) => n + (t.before === undefined ? 0 : cells(t.before)), 0);
  let peak = now;
  for (const t of plan.tabs) {
    const start = t.before ?? plan.newSheet;
    if (t.before === undefined) now += cells(start);
    peak = Math.max(peak, now);
    // Rows first, then columns; whichever shrinks does so before the other grows.
    const shrinkRowsFirst = t.after.rows <= start.rows;
    const mid = shrinkRowsFirst ? { rows: t.after.rows, columns: start.columns } : { rows: start.rows, columns: t.after.columns };
    now += cells(mid) - cells(start);
    peak = Math.max(peak, now);
    now += cells(t.after) - cells(mid);
    peak = Math.max(peak, now);
  }
  return { peak, after: now };
}

// ---------------------------------------------------------------------------------------------
// Digest

/**
 * A digest of what a refresh read (the input sheets' values and whatever else decides its result:
 * the settings, the as-of day, the language), to tell an unchanged input from a changed one. Two
 * 32-bit FNV-1a hashes with different seeds over every cell's type and value: not cryptographic
 * (nobody attacks it), but a change of any cell changes it with overwhelming likelihood.
 */
export function digestOf(tables: ReadonlyArray<ReadonlyArray<ReadonlyArray<Cell>> | undefined>, extra: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  const text = (s: string): void => {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
    }
  };
  const mark = (c: number): void => {
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ (c + 0x9e37), 0x01000193);
  };
  text(extra);
  for (const table of tables) {
    if (table === undefined) {
      mark(9);
      continue;
    }
    mark(1);
    for (const row of table) {
      mark(2);
      for (const v of row) {
        if (typeof v === 'string') {
          mark(3);
          text(v);
        } else if (typeof v === 'number') {
          mark(4);
          text(String(v));
        } else if (typeof v === 'boolean') mark(v ? 5 : 6);
        else if (v instanceof Date || Object.prototype.toString.call(v) === '[object Date]') {
          mark(7);
          text(String((v as Date).getTime()));
        } else mark(8);
      }
    }
  }
  const hex = (n: number): string => (n >>> 0).toString(16).padStart(8, '0');
  return hex(a) + hex(b);
}
