/**
 * The preview's workbook: the BUILT add-on (dist/Code.js) running on the in-memory Sheets of
 * emulator/ (the input sheets and the tabs the refresh writes), and HyperFormula holding a
 * mirror of the input sheets plus a "Formulas" sheet whose cells call the bundle's custom
 * functions — recalculated when an input cell is edited. Its formulas pass FanFunnelAsOf as
 * as_of, as the README's do: the emulator's named range (the refresh's as-of cell) is mirrored as a
 * HyperFormula named expression, moved after each refresh, so the formulas age with it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { HyperFormula, DetailedCellError, type SimpleCellAddress } from 'hyperformula';
import type { GasEnvironment } from '../emulator';
import { DIST } from '../emulator/project';
import { assertTransportable, type RunAnswer, type ServerBackend } from '../emulator/scriptRun';
import { sidebarServer } from '../emulator/scriptRun';
import { registerFanFunnelFunctions, withHost, type FormulaHost } from './hyper';
import { DAY_MS, SERIAL_EPOCH_OFFSET, formatDay, isoDay, makeZone as coreZone } from '../src/core/dates';
import { ALL_CUSTOMERS } from '../src/core/functions';
import { plainTextColumns } from '../scripts/csv';
import { AS_OF_RANGE_NAME } from '../src/gas/keys';
import { SIDEBAR_SERVER_FUNCTIONS, isSidebarServerFunction } from '../src/sidebar/serverFunctions';

export const FORMULAS_SHEET = 'Formulas';
/** Rows a grid request returns at most (the page says when there are more). */
export const GRID_ROWS = 500;

export interface WorkbookOptions {
  /** The input sheets in tab order, values as Sheets holds them (numbers, text, Dates, booleans). */
  readonly sheets: Record<string, unknown[][]>;
  /** Which input sheet is which; default the sheets named Orders, Customers, Survey. */
  readonly roles?: { orders: string; customers?: string; survey?: string };
  readonly locale?: string;
  readonly timeZone?: string;
  /** The script clock (custom functions' "today", the refresh's as-of day). */
  readonly now: number;
  /** Run the add-on's refresh once at the start (default true). */
  readonly refresh?: boolean;
  /** How many rows get a `=LTVRANK(Orders!…, A2, FanFunnelAsOf)` cell on the Formulas sheet (default 10). */
  readonly rankRows?: number;
}

export type TabKind = 'input' | 'addon' | 'formulas';

export interface TabInfo {
  readonly name: string;
  readonly kind: TabKind;
  readonly rows: number;
  readonly columns: number;
}

/** One sheet as the page draws it: display text, styles, formulas; at most GRID_ROWS rows. */
export interface Grid {
  readonly name: string;
  readonly kind: TabKind;
  readonly editable: boolean;
  readonly totalRows: number;
  readonly columns: number;
  readonly frozenRows: number;
  readonly cells: string[][];
  /** 'r,c' (0-based) → formula text. */
  readonly formulas: Record<string, string>;
  /** 'r,c' → error message (a custom function that threw). */
  readonly errors: Record<string, string>;
  readonly bold: boolean[][];
  readonly backgrounds: Array<Array<string | null>>;
  readonly align: Array<Array<'left' | 'center' | 'right' | null>>;
  readonly widths: number[];
  /** Charts on the sheet: type, title and the ranges they draw. */
  readonly charts: Array<{ type: string | null; title: string; ranges: string[] }>;
}

export interface EditResult {
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
  /** The value the cell holds after the edit, as shown. */
  readonly display: string;
  /** Formula cells HyperFormula recalculated. */
  readonly recalculated: number;
  readonly ms: number;
}

// ---------------------------------------------------------------------------------------------
// Time: Sheets' serial numbers are wall-clock days in the spreadsheet's zone since 1899-12-30.

const SERIAL_EPOCH_DAYS = SERIAL_EPOCH_OFFSET;

/** Offset (local − UTC, ms) at an instant, from the core's cached zone. */
function zoneOffset(timeZone: string): (instant: number) => number {
  const zone = coreZone(timeZone);
  return (instant) => zone.localMs(instant) - instant;
}

export interface Zone {
  serialToDate(serial: number): Date;
  dateToSerial(date: Date): number;
  /** `2026/11/30` (and ` 12:00` when not midnight) of a serial: the core's formatDay. */
  serialText(serial: number): string;
}

export function makeZone(timeZone: string): Zone {
  const offset = zoneOffset(timeZone);
  return {
    serialToDate(serial) {
      const wall = Math.round((serial - SERIAL_EPOCH_DAYS) * DAY_MS);
      return new Date(wall - offset(wall - offset(wall)));
    },
    dateToSerial(date) {
      const t = date.getTime();
      return (t + offset(t)) / DAY_MS + SERIAL_EPOCH_DAYS;
    },
    serialText(serial) {
      const wall = Math.round((serial - SERIAL_EPOCH_DAYS) * DAY_MS);
      const day = formatDay(Math.floor(wall / DAY_MS));
      const time = new Date(wall).toISOString().slice(11, 16);
      return time === '00:00' ? day : `${day} ${time}`;
    },
  };
}

// ---------------------------------------------------------------------------------------------

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/** A sheet name as a formula reference needs it. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function columnName(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

function formatNumber(n: number): string {
  if (Number.isInteger(n)) return n.toLocaleString('en-US');
  return n.toLocaleString('en-US', { maximumFractionDigits: 4 });
}

function message(e: unknown): string {
  return typeof e === 'object' && e !== null && 'message' in e ? String((e as { message: unknown }).message) : String(e);
}

export class PreviewWorkbook {
  readonly env: GasEnvironment;
  readonly inputs: readonly string[];
  readonly roles: { orders: string; customers?: string; survey?: string };
  readonly zone: Zone;
  readonly timeZone: string;
  private readonly backend: ServerBackend;
  private readonly context: vm.Context;
  private readonly copyIn: (v: unknown) => unknown;
  private readonly hf: HyperFormula;
  private readonly dateCells = new Map<number, Set<number>>();
  private readonly formulaDates = new Map<string, Array<readonly [number, number, number]>>();
  private readonly host: FormulaHost;

  constructor(options: WorkbookOptions) {
    this.timeZone = options.timeZone ?? 'Asia/Tokyo';
    this.zone = makeZone(this.timeZone);
    this.inputs = Object.keys(options.sheets);
    if (this.inputs.length === 0) throw new Error('the preview needs at least one input sheet');
    this.roles = options.roles ?? {
      orders: this.inputs.includes('Orders') ? 'Orders' : this.inputs[0]!,
      ...(this.inputs.includes('Customers') ? { customers: 'Customers' } : {}),
      ...(this.inputs.includes('Survey') ? { survey: 'Survey' } : {}),
    };
    const sidebar = join(DIST, 'Sidebar.html');
    // The input sheets as pasted into columns whose identifiers were formatted as plain text first
    // (IDs and phone numbers keep their leading zeros, and an edit in the page keeps them too).
    const sheets = Object.fromEntries(
      Object.entries(options.sheets).map(([name, values]) => [name, { values, plainTextColumns: plainTextColumns(values) }]),
    );
    const server = sidebarServer({
      sheets,
      locale: options.locale ?? 'ja_JP',
      timeZone: this.timeZone,
      now: options.now,
      htmlFiles: existsSync(sidebar) ? { Sidebar: readFileSync(sidebar, 'utf8') } : {},
    });
    this.env = server.env;
    this.backend = server.backend;
    this.context = server.context;
    this.copyIn = vm.runInContext(
      `(function copy(v) {
         if (Array.isArray(v)) return v.map(copy);
         if (v && typeof v === 'object' && typeof v.getTime === 'function') return new Date(v.getTime());
         return v;
       })`,
      this.context,
    ) as (v: unknown) => unknown;

    this.host = {
      call: (name, args) => this.env.callAs({ authMode: 'CUSTOM_FUNCTION', ui: false }, name, ...args.map((a) => this.copyIn(a))),
      isDateCell: (sheet, row, col) => this.dateCells.get(sheet)?.has(row * 16384 + col) ?? false,
      markDates: (at, cells) => this.markDates(at, cells),
      serialToDate: (s) => this.zone.serialToDate(s),
      dateToSerial: (d) => this.zone.dateToSerial(d),
    };

    registerFanFunnelFunctions();
    const mirror: Record<string, unknown[][]> = {};
    const datesByName = new Map<string, Set<number>>();
    for (const name of this.inputs) {
      const dates = new Set<number>();
      mirror[name] = this.readInput(name).map((row, r) => row.map((v, c) => this.toHyperInput(v, () => dates.add(r * 16384 + c))));
      datesByName.set(name, dates);
    }
    mirror[FORMULAS_SHEET] = this.formulaCells(options.rankRows ?? 10);
    // The refresh first, as an owner does before typing the formulas: it names FanFunnelAsOf.
    if (options.refresh ?? true) this.env.call('refreshFromMenu');
    const asOf = this.asOfExpression();
    this.hf = withHost(this.host, () =>
      HyperFormula.buildFromSheets(mirror as Parameters<typeof HyperFormula.buildFromSheets>[0], { licenseKey: 'gpl-v3', maxRows: 100_000 }, [
        ...(asOf === undefined ? [] : [{ name: AS_OF_RANGE_NAME, expression: asOf }]),
      ]),
    );
    for (const [name, dates] of datesByName) {
      const id = this.hf.getSheetId(name)!;
      const set = this.dateCells.get(id) ?? new Set<number>();
      for (const d of dates) set.add(d);
      this.dateCells.set(id, set);
    }
  }

  /**
   * FanFunnelAsOf as a HyperFormula expression (`=DATE(y,m,d)`, a date to the functions): the day
   * in the cell the add-on's named range points at; undefined before the first refresh (the
   * formulas then show #NAME?, as Sheets does for an unknown name).
   */
  private asOfExpression(): string | undefined {
    const v = this.env.spreadsheet.getRangeByName(AS_OF_RANGE_NAME)?.getValue();
    if (!isDate(v)) return undefined;
    const [y, m, d] = isoDay(Math.floor(this.zone.dateToSerial(v)) - SERIAL_EPOCH_DAYS).split('-').map(Number);
    return `=DATE(${y},${m},${d})`;
  }

  /** After a refresh: FanFunnelAsOf follows the add-on's named range, and the formulas recalculate. */
  private syncAsOf(): void {
    const expression = this.asOfExpression();
    if (expression === undefined) return;
    withHost(this.host, () => {
      if (this.hf.listNamedExpressions().includes(AS_OF_RANGE_NAME)) {
        if (this.hf.getNamedExpression(AS_OF_RANGE_NAME)?.expression !== expression) this.hf.changeNamedExpression(AS_OF_RANGE_NAME, expression);
      } else this.hf.addNamedExpression(AS_OF_RANGE_NAME, expression);
    });
  }

  /** The day FanFunnelAsOf holds in the Formulas sheet (`yyyy-mm-dd`), or undefined before the first refresh. */
  asOfDay(): string | undefined {
    if (!this.hf.listNamedExpressions().includes(AS_OF_RANGE_NAME)) return undefined;
    const v = this.hf.getNamedExpressionValue(AS_OF_RANGE_NAME);
    return typeof v === 'number' ? isoDay(Math.floor(v) - SERIAL_EPOCH_DAYS) : undefined;
  }

  /** The Formulas sheet: the FANSTAGE table spilling from A1, an LTVRANK per customer beside it. */
  private formulaCells(rankRows: number): unknown[][] {
    const range = (name: string | undefined): string => {
      if (name === undefined) return '';
      const values = this.readInput(name);
      const cols = Math.max(1, ...values.map((r) => r.length));
      return `${quoteSheet(name)}!A1:${columnName(cols)}${Math.max(values.length, 1)}`;
    };
    const orders = range(this.roles.orders);
    // "*": the whole table even though later arguments follow (a skipped customer may arrive as "").
    // FanFunnelAsOf: the refresh's day, so that the stages age with each refresh (README).
    const extra = this.roles.customers || this.roles.survey ? `, ${range(this.roles.customers)}, ${range(this.roles.survey)}` : '';
    const ja = this.env.spreadsheet.getSpreadsheetLocale().startsWith('ja');
    const table = `=FANSTAGE(${orders}, "${ALL_CUSTOMERS}", ${AS_OF_RANGE_NAME}${extra.replace(/, $/, '')})`;
    const rows: unknown[][] = [[table, null, null, null, null, null, null, null, null, ja ? 'LTV順位' : 'LTV rank']];
    for (let r = 2; r <= rankRows + 1; r++) rows.push([null, null, null, null, null, null, null, null, null, `=LTVRANK(${orders}, A${r}, ${AS_OF_RANGE_NAME})`]);
    return rows;
  }

  private readInput(name: string): unknown[][] {
    const sheet = this.env.spreadsheet.getSheetByName(name);
    if (sheet === null) throw new Error(`no sheet ${name}`);
    return sheet.getDataRange().getValues();
  }

  /** A Sheets value → HyperFormula's raw content: text stays text (never parsed), dates as serials. */
  private toHyperInput(v: unknown, date: () => void): string | number | boolean | null {
    if (v === '' || v === null || v === undefined) return null;
    if (isDate(v)) {
      date();
      return this.zone.dateToSerial(v);
    }
    if (typeof v === 'number' || typeof v === 'boolean') return v;
    return `'${String(v)}`;
  }

  private markDates(at: SimpleCellAddress, cells: ReadonlyArray<readonly [number, number]>): void {
    const key = `${at.sheet}:${at.row}:${at.col}`;
    const set = this.dateCells.get(at.sheet) ?? new Set<number>();
    this.dateCells.set(at.sheet, set);
    for (const [, r, c] of this.formulaDates.get(key) ?? []) set.delete(r * 16384 + c);
    const now = cells.map(([r, c]) => [at.sheet, at.row + r, at.col + c] as const);
    for (const [, r, c] of now) set.add(r * 16384 + c);
    this.formulaDates.set(key, now);
  }

  private isDateCell(sheet: number, row: number, col: number): boolean {
    return this.host.isDateCell(sheet, row, col);
  }

  // -------------------------------------------------------------------------------------------
  // What the page shows

  tabs(): TabInfo[] {
    const out: TabInfo[] = [];
    for (const sheet of this.env.spreadsheet.getSheets()) {
      if (sheet.isSheetHidden()) continue;
      const name = sheet.getName();
      out.push({ name, kind: this.inputs.includes(name) ? 'input' : 'addon', rows: sheet.getLastRow(), columns: sheet.getLastColumn() });
      if (name === this.inputs[this.inputs.length - 1]) {
        const d = this.hf.getSheetDimensions(this.hf.getSheetId(FORMULAS_SHEET)!);
        out.push({ name: FORMULAS_SHEET, kind: 'formulas', rows: d.height, columns: d.width });
      }
    }
    return out;
  }

  /** The spreadsheet's selection (a script's Range.activate: 今週やること's click), 1-based, if any. */
  selection(): { sheet: string; row: number; column: number } | null {
    const sheet = this.env.spreadsheet.getActiveSheet();
    const range = sheet.getActiveRange();
    return range === null ? null : { sheet: sheet.getName(), row: range.getRow(), column: range.getColumn() };
  }

  grid(name: string, maxRows = GRID_ROWS): Grid {
    if (name === FORMULAS_SHEET) return this.formulasGrid(maxRows);
    const sheet = this.env.spreadsheet.getSheetByName(name);
    if (sheet === null) throw new Error(`There is no sheet "${name}"`);
    const totalRows = Math.max(sheet.getLastRow(), 1);
    const columns = Math.max(sheet.getLastColumn(), 1);
    const range = sheet.getRange(1, 1, Math.min(totalRows, maxRows), columns);
    const cells = range.getDisplayValues();
    // A column the add-on hides (History's stage codes) shows nothing here either.
    for (let c = 1; c <= columns; c++) if (sheet.isColumnHiddenByUser(c)) for (const row of cells) row[c - 1] = '';
    const formulas: Record<string, string> = {};
    range.getFormulas().forEach((row, r) => row.forEach((f, c) => f !== '' && (formulas[`${r},${c}`] = f)));
    const align = range.getHorizontalAlignments().map((row) =>
      row.map((a) => {
        const v = String(a).toLowerCase().replace(/^general-/, '');
        return v === 'left' || v === 'center' || v === 'right' ? v : null;
      }),
    );
    const rawValues = range.getValues();
    // General alignment: numbers and dates to the right, as Sheets draws them.
    rawValues.forEach((row, r) => row.forEach((v, c) => align[r]![c] ??= typeof v === 'number' || isDate(v) ? 'right' : null));
    const kind: TabKind = this.inputs.includes(name) ? 'input' : 'addon';
    return {
      name,
      kind,
      editable: kind === 'input',
      totalRows,
      columns,
      frozenRows: sheet.getFrozenRows(),
      cells,
      formulas,
      errors: {},
      bold: range.getFontWeights().map((row) => row.map((w) => String(w) === 'bold')),
      backgrounds: range.getBackgrounds().map((row) => row.map((b) => (b === '#ffffff' || b === '' ? null : b))),
      align,
      widths: Array.from({ length: columns }, (_, c) => sheet.getColumnWidth(c + 1)),
      charts:
        sheet.getCharts().length === 0
          ? []
          : this.env.sheet(name).charts.map((c) => ({ type: c.type === null ? null : String(c.type), title: String(c.options.title ?? ''), ranges: [...c.ranges] })),
    };
  }

  private formulasGrid(maxRows: number): Grid {
    const sheet = this.hf.getSheetId(FORMULAS_SHEET)!;
    const { width, height } = this.hf.getSheetDimensions(sheet);
    const rows = Math.min(height, maxRows);
    const formulas: Record<string, string> = {};
    const errors: Record<string, string> = {};
    const cells: string[][] = [];
    const align: Array<Array<'left' | 'center' | 'right' | null>> = [];
    for (let r = 0; r < rows; r++) {
      const line: string[] = [];
      const al: Array<'left' | 'center' | 'right' | null> = [];
      for (let c = 0; c < width; c++) {
        const address = { sheet, row: r, col: c };
        const f = this.hf.getCellFormula(address);
        if (f !== undefined) formulas[`${r},${c}`] = f;
        const v = this.hf.getCellValue(address);
        al.push(typeof v === 'number' ? 'right' : null);
        if (v instanceof DetailedCellError) {
          line.push(v.value);
          errors[`${r},${c}`] = v.message;
        } else if (typeof v === 'number') {
          line.push(this.isDateCell(sheet, r, c) ? this.zone.serialText(v) : formatNumber(v));
        } else if (typeof v === 'boolean') {
          line.push(v ? 'TRUE' : 'FALSE');
        } else {
          line.push(v === null || v === undefined ? '' : String(v));
        }
      }
      cells.push(line);
      align.push(al);
    }
    return {
      name: FORMULAS_SHEET,
      kind: 'formulas',
      editable: true,
      totalRows: height,
      columns: width,
      frozenRows: 1,
      cells,
      formulas,
      errors,
      bold: cells.map((row, r) => row.map(() => r === 0)),
      backgrounds: cells.map((row, r) => row.map(() => (r === 0 ? '#f1f3f4' : null))),
      align,
      widths: Array.from({ length: width }, (_, c) => (c === 0 ? 120 : 100)),
      charts: [],
    };
  }

  /** The raw values of the Formulas sheet (for tests and the export). */
  formulaValues(): unknown[][] {
    return this.hf.getSheetValues(this.hf.getSheetId(FORMULAS_SHEET)!).map((row, r) =>
      row.map((v, c) => {
        if (v instanceof DetailedCellError) return v.value;
        if (typeof v === 'number' && this.isDateCell(this.hf.getSheetId(FORMULAS_SHEET)!, r, c)) return this.zone.serialToDate(v);
        return v ?? '';
      }),
    );
  }

  formulaAt(row: number, column: number): string | undefined {
    return this.hf.getCellFormula({ sheet: this.hf.getSheetId(FORMULAS_SHEET)!, row: row - 1, col: column - 1 });
  }

  // -------------------------------------------------------------------------------------------
  // Changes

  /**
   * A person types `text` into a cell (1-based row and column): on an input sheet Sheets parses it
   * as typed (numbers, dates…) and HyperFormula's mirror gets the same value; on the Formulas
   * sheet it goes to HyperFormula as typed (a formula, a number or text).
   */
  edit(sheetName: string, row: number, column: number, text: string): EditResult {
    if (!Number.isInteger(row) || !Number.isInteger(column) || row < 1 || column < 1 || row > 100_000 || column > 200) {
      throw new Error('row and column must be whole numbers ≥ 1');
    }
    const t0 = performance.now();
    const id = this.hf.getSheetId(sheetName);
    if (sheetName === FORMULAS_SHEET) {
      const changes = withHost(this.host, () => this.hf.setCellContents({ sheet: id!, row: row - 1, col: column - 1 }, [[text === '' ? null : text]]));
      const display = this.formulasGrid(row).cells[row - 1]?.[column - 1] ?? '';
      return { sheet: sheetName, row, column, display, recalculated: changes.length, ms: Math.round(performance.now() - t0) };
    }
    if (!this.inputs.includes(sheetName) || id === undefined) {
      throw new Error(`"${sheetName}" is one of the add-on's tabs: it is rewritten at each refresh. Edit an input sheet instead.`);
    }
    this.env.setValues(sheetName, [[text]], { row, column, entered: true });
    const cell = this.env.spreadsheet.getSheetByName(sheetName)!.getRange(row, column);
    const value = cell.getValue();
    const dates = this.dateCells.get(id) ?? new Set<number>();
    this.dateCells.set(id, dates);
    const key = (row - 1) * 16384 + (column - 1);
    dates.delete(key);
    const content = this.toHyperInput(value, () => dates.add(key));
    const changes = withHost(this.host, () => this.hf.setCellContents({ sheet: id, row: row - 1, col: column - 1 }, [[content]]));
    return { sheet: sheetName, row, column, display: cell.getDisplayValue(), recalculated: changes.length, ms: Math.round(performance.now() - t0) };
  }

  /**
   * One google.script.run call from the sidebar, with what crosses it checked as Apps Script does.
   * Only the sidebar's server functions (the list its typed wrapper uses) can be called — never
   * onAutoRefresh, another global of the bundle, or an inherited name such as `constructor`.
   */
  run(name: string, args: unknown[]): RunAnswer {
    if (!isSidebarServerFunction(name)) {
      return { ok: false, message: `${name} is not one of the sidebar's server functions (${SIDEBAR_SERVER_FUNCTIONS.join(', ')})` };
    }
    try {
      const result = this.backend.call(name, args);
      this.syncAsOf();
      assertTransportable(result, `the result of ${name}`);
      return result === undefined ? { ok: true } : { ok: true, json: JSON.stringify(result) };
    } catch (e) {
      return { ok: false, message: message(e) };
    }
  }

  /**
   * "Run trigger now": fires the add-on's time trigger as Apps Script would (as its owner, no UI);
   * when none is installed (automatic refresh off), runs its handler the same way.
   */
  runTrigger(): { installed: boolean; ok: boolean; message: string } {
    const trigger = this.env.triggers.list().find((t) => t.handler === 'onAutoRefresh');
    try {
      const outcome = (trigger !== undefined ? this.env.triggers.fire(trigger) : this.env.callAs({ authMode: 'FULL', ui: false }, 'onAutoRefresh')) as
        | { ok?: boolean; error?: string }
        | undefined;
      const ok = outcome?.ok ?? false;
      this.syncAsOf();
      return { installed: trigger !== undefined, ok, message: ok ? 'refreshed' : (outcome?.error ?? 'not run (authorisation required)') };
    } catch (e) {
      return { installed: trigger !== undefined, ok: false, message: message(e) };
    }
  }
}
