/**
 * The spreadsheet in memory: one book (BookModel) of sheets (SheetModel) of cells, and its
 * developer-metadata records. The Apps Script objects (spreadsheet.ts, sheet.ts, range.ts…) are
 * views over it: as in Apps Script, every getSheetByName/getRange… returns a new object, and two
 * objects for the same sheet are not `===`.
 */
import type { ChartRecord } from './charts';
import { isDate, type Scalar } from '../core';
import { CELL_LIMIT_MESSAGE, COLUMN_LIMIT_MESSAGE, MAX_CELLS, MAX_COLUMNS, NEW_SHEET_COLUMNS, NEW_SHEET_ROWS } from '../limits';
import { serialOfInstant, zone, type Zone } from '../time';
import type { UiRecorder } from '../ui';
import { dateTimeFormat, type Cell, type LocaleInfo } from './values';

export interface MetaRecord {
  id: number;
  key: string;
  value: string | null;
  visibility: 'DOCUMENT' | 'PROJECT';
  /** null: on the spreadsheet itself. */
  sheet: SheetModel | null;
}

export type GridMode = 'strict' | 'grow';

/** A sheet's protection (Sheet.protect()): only what a script can see of it here. */
export interface ProtectionRecord {
  description: string;
  warningOnly: boolean;
}

/** A named range (Spreadsheet.setNamedRange): a name for a block of one sheet. */
export interface NamedRangeRecord {
  name: string;
  sheet: SheetModel;
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

export class SheetModel {
  hidden = false;
  frozenRows = 0;
  frozenCols = 0;
  cells: (Cell | undefined)[][] = [];
  columnWidths = new Map<number, number>();
  autoResized = new Set<number>();
  /** 1-based columns hidden with Sheet.hideColumns (they move with inserted and deleted columns). */
  hiddenColumns = new Set<number>();
  tabColor: string | null = null;
  charts: ChartRecord[] = [];
  /** The sheet's selection (Range.activate): its block, 1-based. */
  activeRange: { row: number; col: number; numRows: number; numCols: number } | null = null;
  /** Sheet protection, when the sheet is protected (protection.ts). */
  protection: ProtectionRecord | null = null;
  deleted = false;
  constructor(
    public id: number,
    public name: string,
    public maxRows = NEW_SHEET_ROWS,
    public maxCols = NEW_SHEET_COLUMNS,
  ) {}

  cell(r: number, c: number): Cell | undefined {
    return this.cells[r - 1]?.[c - 1];
  }
  ensure(r: number, c: number): Cell {
    let row = this.cells[r - 1];
    if (!row) row = this.cells[r - 1] = [];
    let cell = row[c - 1];
    if (!cell) cell = row[c - 1] = { v: '' };
    return cell;
  }
  /** Last row with a value or formula (0 when empty). */
  lastRow(): number {
    for (let r = this.cells.length; r >= 1; r--) {
      const row = this.cells[r - 1];
      if (row && row.some((c) => c !== undefined && (c.v !== '' || c.f !== undefined))) return r;
    }
    return 0;
  }
  lastCol(): number {
    let last = 0;
    for (const row of this.cells) {
      if (!row) continue;
      for (let c = row.length; c > last; c--) {
        const cell = row[c - 1];
        if (cell && (cell.v !== '' || cell.f !== undefined)) {
          last = c;
          break;
        }
      }
    }
    return last;
  }
}

export interface BookOptions {
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  grid: GridMode;
  /** What getValues shows for a formula cell; default: literals evaluated, else '#NAME?'. */
  formulaValue?: (formula: string, at: { sheet: string; row: number; column: number }) => Scalar;
}

export class BookModel {
  sheets: SheetModel[] = [];
  active: SheetModel | null = null;
  metadata: MetaRecord[] = [];
  namedRanges: NamedRangeRecord[] = [];
  private nextSheet = 0;
  nextMeta = 1;
  nextChart = 1;
  /** The most cells the spreadsheet has had since `resetPeak()` (every sheet's grid). */
  peakCells = 0;
  /** How a refused growth fails: Apps Script's exception once the environment is wired (index.ts). */
  fail: (message: string) => never = (message) => {
    throw new Error(message);
  };
  constructor(
    public o: BookOptions,
    readonly ui: UiRecorder,
  ) {}

  /** Cells in the spreadsheet, as Sheets counts them against its limit: every sheet's rows × columns. */
  cellCount(): number {
    let n = 0;
    for (const s of this.sheets) n += s.maxRows * s.maxCols;
    return n;
  }
  resetPeak(): number {
    return (this.peakCells = this.cellCount());
  }
  /**
   * Refuses a grid change that would take the spreadsheet past 10 million cells or a sheet past
   * 18,278 columns (limits.ts), before anything changes. `sheet` null: a new sheet of rows × cols.
   */
  checkGrid(sheet: SheetModel | null, rows: number, cols: number): void {
    const before = sheet === null ? 0 : sheet.maxRows * sheet.maxCols;
    if (cols > MAX_COLUMNS && (sheet === null || cols > sheet.maxCols)) this.fail(COLUMN_LIMIT_MESSAGE);
    const after = this.cellCount() - before + rows * cols;
    if (after > MAX_CELLS && after > this.cellCount()) this.fail(CELL_LIMIT_MESSAGE);
  }
  /** Sets a sheet's grid to rows × cols, if the limits allow. */
  resize(sheet: SheetModel, rows: number, cols: number): void {
    if (rows === sheet.maxRows && cols === sheet.maxCols) return;
    this.checkGrid(sheet, rows, cols);
    sheet.maxRows = rows;
    sheet.maxCols = cols;
    this.peakCells = Math.max(this.peakCells, this.cellCount());
  }
  /** Grows a sheet to hold row × col (never shrinks it). */
  growTo(sheet: SheetModel, rows: number, cols: number): void {
    this.resize(sheet, Math.max(sheet.maxRows, rows), Math.max(sheet.maxCols, cols));
  }

  get localeInfo(): LocaleInfo {
    return { locale: this.o.locale, zone: this.zone };
  }
  get zone(): Zone {
    return zone(this.o.timeZone);
  }
  byName(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }
  newSheetId(): number {
    const n = this.nextSheet++;
    return n === 0 ? 0 : 100000000 + ((n * 7919 * 104729) % 1900000000);
  }
  defaultSheetName(): string {
    const base = this.o.locale.startsWith('ja') ? 'シート' : 'Sheet';
    for (let n = this.sheets.length + 1; ; n++) if (!this.byName(`${base}${n}`)) return `${base}${n}`;
  }
  /** A new sheet (insertSheet), if the limits allow its grid. */
  addSheet(name: string, index = this.sheets.length, rows = NEW_SHEET_ROWS, cols = NEW_SHEET_COLUMNS): SheetModel {
    this.checkGrid(null, rows, cols);
    const s = new SheetModel(this.newSheetId(), name, rows, cols);
    this.sheets.splice(Math.max(0, Math.min(index, this.sheets.length)), 0, s);
    this.peakCells = Math.max(this.peakCells, this.cellCount());
    return s;
  }
  formulaValue(formula: string, sheet: SheetModel, row: number, column: number): Scalar {
    if (this.o.formulaValue) return this.o.formulaValue(formula, { sheet: sheet.name, row, column });
    const body = formula.slice(1).trim();
    const str = /^"((?:[^"]|"")*)"$/.exec(body);
    if (str) return str[1]!.replace(/""/g, '"');
    if (/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(body)) return Number(body);
    if (/^(TRUE|FALSE)(\(\))?$/i.test(body)) return body.toUpperCase().startsWith('TRUE');
    return '#NAME?';
  }
  /** Stores a value exactly as given (fixtures): strings stay text, Dates become date cells. */
  putRaw(sheet: SheetModel, row: number, col: number, value: unknown): void {
    const cell = sheet.ensure(row, col);
    delete cell.f;
    if (value === null || value === undefined) cell.v = '';
    else if (isDate(value)) {
      cell.v = serialOfInstant(value.getTime(), this.zone);
      cell.nf = dateTimeFormat(this.o.locale);
    } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') cell.v = value;
    else throw new Error(`a fixture cell must be a string, number, boolean, Date or blank: ${String(value)}`);
  }
}

/** The active sheet: the one last activated, else the first visible one. */
export function activeSheet(book: BookModel): SheetModel {
  if (!book.active || book.active.deleted) book.active = book.sheets.find((s) => !s.hidden) ?? book.sheets[0]!;
  return book.active;
}
