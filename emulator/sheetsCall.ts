/**
 * A custom function called as Sheets calls it from a cell: `=FANSTAGE(注文!A:H, , , 顧客!A:F)`.
 *
 * Google's guide (https://developers.google.com/apps-script/guides/sheets/functions) says, and this
 * does:
 * - "If you call your function with a reference to a single cell as an argument (like =DOUBLE(A1)),
 *   the argument is the value of the cell." A range gives "a two-dimensional array of the cells'
 *   values" (blank cells are '' as getValues gives them). A whole-column range (A:H) gives every row
 *   of the sheet's grid, blank rows at the end included.
 * - "Times and dates in Sheets become Date objects in Apps Script. If the spreadsheet and the script
 *   use different time zones (a rare problem), the custom function needs to compensate." Which zone
 *   builds the Date is not documented; issue 10 says the script's (appsscript.json), so a date cell's
 *   wall-clock time is read in the *script's* zone by default (`dateZone: 'spreadsheet'` switches).
 * - "Custom function arguments must be deterministic … built-in spreadsheet functions that return a
 *   different result each time they calculate — such as NOW() or RAND() — are not allowed as
 *   arguments to a custom function. If a custom function tries to return a value based on one of
 *   these volatile built-in functions, it displays Loading... indefinitely." So NOW(), RAND(),
 *   RANDBETWEEN() and RANDARRAY() — as an argument, or in a cell the arguments reference — give
 *   'Loading...' and the function is never called. TODAY() is NOT refused: Google names only NOW and
 *   RAND here, and exempts TODAY for the IMPORT functions (support.google.com/docs/answer/3093340);
 *   SPEC §5's "refuses NOW()/TODAY()" is not documented for TODAY.
 * - "A custom function call must return within 30 seconds. If it doesn't, the cell displays #ERROR!
 *   and the cell note is Exceeded maximum execution time (line 0)." — on projected time (cost.ts),
 *   the cells Sheets reads for the arguments included.
 * - A thrown Error shows #ERROR! with its message as the note.
 * Not documented, and chosen by the test: how a skipped middle argument (`=F(A1, , B1)`) arrives —
 * `undefined` or `''` (`skipped`); and the largest result (limits.ts CUSTOM_FUNCTION_RESULT_CELLS,
 * community-reported "Result too large").
 *
 * What a cell then holds (`placeResult`): Google documents nothing about a Date a custom function
 * *returns*, and we found no report that settles it (searched: Google's guide and reference, GitHub
 * issues, community pages). The guide's "If the spreadsheet and the script use different time
 * zones … the custom function needs to compensate" reads as one conversion at the boundary, so the
 * emulator reads a returned Date on the wall clock of the same zone that makes the Dates it passes
 * in (`dateZone`: the script's by default) and stores that day and time as the cell's serial. The
 * 診断 menu item reads back the date =FANFUNNEL_ARGS returns, in the owner's real spreadsheet, and
 * says which zone Sheets used (src/gas/diagnostics.ts).
 */
import { errorMessage } from './core';
import type { GasEnvironment } from './index';
import { CUSTOM_FUNCTION_RESULT_CELLS, CUSTOM_FUNCTION_TIMEOUT_NOTE, EXECUTION_LIMIT_MESSAGE, RESULT_TOO_LARGE_NOTE } from './limits';
import { parseA1 } from './spreadsheet/a1';
import { findNamedRange } from './spreadsheet/namedRanges';
import { activeSheet, type SheetModel } from './spreadsheet/book';
import { instantOfSerial, serialOfInstant, wallClock, wallOfSerial, zone, isDateFormat } from './time';
import { isDate } from './core';
import type { ExecutionReport } from './cost';

export interface SheetsCallOptions {
  /** How a skipped argument (`=F(A1, , B1)`) reaches the function: undocumented, so tests run both. Default 'undefined'. */
  skipped?: 'undefined' | 'empty string';
  /** The zone whose wall clock makes a date cell's `Date`: the script's (default) or the spreadsheet's. */
  dateZone?: 'script' | 'spreadsheet';
  /** The sheet the formula is on (references without a sheet name point there). Default: the active sheet. */
  sheet?: string;
}

/** What the cell shows. */
export type CellResult =
  | { readonly status: 'value'; readonly value: unknown; readonly cells: number; readonly report: ExecutionReport }
  | { readonly status: 'error'; readonly display: '#ERROR!'; readonly note: string; readonly report: ExecutionReport }
  | { readonly status: 'loading'; readonly display: 'Loading...'; readonly reason: string };

/** Built-in functions that "return a different result each time they calculate" (Google's words). */
const VOLATILE = /\b(NOW|RAND|RANDBETWEEN|RANDARRAY)\s*\(/i;

type Arg =
  | { kind: 'skipped' }
  | { kind: 'value'; value: unknown; cells: number }
  | { kind: 'volatile'; text: string };

/** Splits `a, b(c, d), "e,f"` at its top-level commas. */
function splitArgs(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote !== null) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

/** The zone whose wall clock a date cell's `Date` is made on, and a returned `Date` is read on. */
function dateZoneOf(env: GasEnvironment, options: SheetsCallOptions): ReturnType<typeof zone> {
  return zone(options.dateZone === 'spreadsheet' ? env.book.o.timeZone : env.scriptTimeZone);
}

/** Parses `=NAME(args)`. */
export function parseFormula(formula: string): { name: string; args: string[] } {
  const m = /^\s*=\s*([A-Za-z_][\w.]*)\s*\(([\s\S]*)\)\s*$/.exec(formula);
  if (!m) throw new Error(`sheetsCall: not a call of a function: ${formula}`);
  const inner = m[2]!;
  return { name: m[1]!.toUpperCase(), args: inner.trim() === '' ? [] : splitArgs(inner) };
}

/**
 * Calls the custom function a formula names, as Sheets does from a cell of the spreadsheet: its
 * arguments read from the sheets (dates as `Date`s in the script's zone by default), one execution in
 * AuthMode.CUSTOM_FUNCTION held to 30 s of projected time, its result held to the size limit.
 */
export function sheetsCall(env: GasEnvironment, formula: string, options: SheetsCallOptions = {}): CellResult {
  const { name, args } = parseFormula(formula);
  const book = env.book;
  const home = options.sheet === undefined ? activeSheet(book) : book.byName(options.sheet);
  if (!home) throw new Error(`sheetsCall: no sheet "${options.sheet}"`);
  const dateZone = dateZoneOf(env, options);
  const realm = () => env.realm;

  /** A date cell's serial as the script receives it: a Date of that wall-clock time in `dateZone`. */
  const dateOf = (serial: number): Date => realm().date(instantOfSerial(serial, dateZone));
  const valueOf = (s: SheetModel, r: number, c: number): unknown => {
    const cell = s.cell(r, c);
    if (!cell) return '';
    if (typeof cell.v === 'number' && isDateFormat(cell.nf)) return dateOf(cell.v);
    return cell.v;
  };
  const today = (): number => {
    const w = wallClock(env.clock.now(), book.zone);
    return serialOfInstant(Date.UTC(w.year, w.month - 1, w.day), zone('UTC'));
  };

  /** A block of cells as an argument: one cell's value, else a 2-D array. */
  const block = (s: SheetModel, row: number, col: number, lastRow: number, lastCol: number, text: string): Arg => {
    const rows = lastRow - row + 1;
    const cols = lastCol - col + 1;
    for (let r = row; r <= lastRow; r++) {
      for (let c = col; c <= lastCol; c++) {
        const f = s.cell(r, c)?.f;
        if (f !== undefined && VOLATILE.test(f)) return { kind: 'volatile', text: `${text} (${f})` };
      }
    }
    if (rows === 1 && cols === 1) return { kind: 'value', value: valueOf(s, row, col), cells: 1 };
    return { kind: 'value', value: realm().grid(rows, cols, (r, c) => valueOf(s, row + r, col + c)), cells: rows * cols };
  };

  const parse = (raw: string): Arg => {
    const text = raw.trim();
    if (text === '') return { kind: 'skipped' };
    if (VOLATILE.test(text)) return { kind: 'volatile', text };
    if (/^"(?:[^"]|"")*"$/.test(text)) return { kind: 'value', value: text.slice(1, -1).replace(/""/g, '"'), cells: 0 };
    if (/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return { kind: 'value', value: Number(text), cells: 0 };
    if (/^(TRUE|FALSE)$/i.test(text)) return { kind: 'value', value: text.toUpperCase() === 'TRUE', cells: 0 };
    if (/^TODAY\(\s*\)$/i.test(text)) return { kind: 'value', value: dateOf(today()), cells: 0 };
    const date = /^DATE\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*\)$/i.exec(text);
    if (date) {
      const serial = serialOfInstant(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])), zone('UTC'));
      return { kind: 'value', value: dateOf(serial), cells: 0 };
    }
    const a1 = parseA1(text);
    if (a1) {
      const s = a1.sheet === undefined ? home : book.byName(a1.sheet);
      if (!s) throw new Error(`sheetsCall: no sheet "${a1.sheet}" in ${formula}`);
      return block(s, a1.row, a1.col, Math.min(a1.lastRow ?? s.maxRows, s.maxRows), Math.min(a1.lastCol ?? s.maxCols, s.maxCols), text);
    }
    // A named range (Spreadsheet.setNamedRange) passes its cells like the range it names.
    const named = findNamedRange(book, text);
    if (named) return block(named.sheet, named.row, named.col, named.row + named.numRows - 1, named.col + named.numCols - 1, text);
    throw new Error(`sheetsCall: cannot evaluate the argument ${text} (ranges, named ranges, literals, DATE(), TODAY(), NOW(), RAND()…)`);
  };

  const parsed = args.map(parse);
  const volatile = parsed.find((a): a is Extract<Arg, { kind: 'volatile' }> => a.kind === 'volatile');
  if (volatile) return { status: 'loading', display: 'Loading...', reason: `a volatile argument: ${volatile.text}` };
  // A trailing skipped argument is passed like a middle one: Sheets still counts it.
  const skipped = options.skipped === 'empty string' ? '' : undefined;
  const values = parsed.map((a) => (a.kind === 'skipped' ? skipped : (a as Extract<Arg, { kind: 'value' }>).value));
  const argumentCells = parsed.reduce((n, a) => n + (a.kind === 'value' ? a.cells : 0), 0);

  let value: unknown;
  try {
    value = env.run(() => env.scriptFunction(name)(...values), { authMode: 'CUSTOM_FUNCTION', ui: false, kind: 'customFunction', argumentCells, name });
  } catch (e) {
    const report = env.cost.last!;
    const note = report.outcome === 'stopped' && report.error === EXECUTION_LIMIT_MESSAGE ? CUSTOM_FUNCTION_TIMEOUT_NOTE : errorMessage(e);
    return { status: 'error', display: '#ERROR!', note, report };
  }
  const report = env.cost.last!;
  const cells = resultCells(value);
  if (cells > CUSTOM_FUNCTION_RESULT_CELLS) return { status: 'error', display: '#ERROR!', note: RESULT_TOO_LARGE_NOTE, report };
  return { status: 'value', value, cells, report };
}

/** Cells a result fills: rows × its widest row for a 2-D array, its length for a list, else one. */
export function resultCells(value: unknown): number {
  if (!Array.isArray(value)) return 1;
  if (value.length === 0) return 1;
  let widest = 0;
  for (const row of value) widest = Math.max(widest, Array.isArray(row) ? row.length : 1);
  return value.some(Array.isArray) ? value.length * Math.max(1, widest) : value.length;
}

/**
 * Types `formula` into a cell and stores its result as Sheets would (see the top of this file): the
 * formula in the cell, the values spilling right and down, a returned Date as the serial of its
 * wall clock in `dateZone` with a date format (a time format too when it is not 0:00 — our choice
 * of format; the day and time are the model). An error or 'Loading...' shows in the cell alone.
 */
export function placeResult(env: GasEnvironment, at: { sheet: string; row: number; column: number }, formula: string, options: SheetsCallOptions = {}): CellResult {
  const result = sheetsCall(env, formula, { ...options, sheet: at.sheet });
  const s = env.book.byName(at.sheet);
  if (!s) throw new Error(`placeResult: no sheet "${at.sheet}"`);
  const dateZone = dateZoneOf(env, options);
  const put = (r: number, c: number, v: unknown): void => {
    const cell = s.ensure(at.row + r, at.column + c);
    delete cell.nf;
    if (isDate(v)) {
      const serial = serialOfInstant(v.getTime(), dateZone);
      const w = wallOfSerial(serial);
      cell.v = serial;
      cell.nf = w.hour === 0 && w.minute === 0 && w.second === 0 ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm:ss';
    } else cell.v = v === null || v === undefined ? '' : (v as string | number | boolean);
  };
  if (result.status !== 'value') put(0, 0, result.display);
  else if (Array.isArray(result.value)) (result.value as unknown[]).forEach((row, r) => (Array.isArray(row) ? row : [row]).forEach((v, c) => put(r, c, v)));
  else put(0, 0, result.value);
  s.ensure(at.row, at.column).f = formula.trim();
  return result;
}
