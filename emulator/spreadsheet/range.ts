/**
 * A Range object: reads and writes of values, formulas and formats, with Sheets' checks (a range
 * inside the sheet, data of the range's shape), copies, clears, offsets.
 */
import { Ctx, Fake, finishFake, isDate, isInt, real, signatureError, type IoEvent } from '../core';
import { a1Of, parseA1 } from './a1';
import type { BookModel, SheetModel } from './book';
import { cellsHeld, checkCellText, clearCells, writeCell } from './cells';
import { sheetFacade } from './sheet';
import { DEFAULT_NUMBER_FORMAT, FORMAT_DEFAULTS, displayOf, toScript, type Cell, type FormatKey } from './values';

type Range = GoogleAppsScript.Spreadsheet.Range;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function checkedRange(ctx: Ctx, book: BookModel, s: SheetModel, row: number, col: number, numRows: number, numCols: number, a1?: string): FakeRange {
  if (row < 1) ctx.fail('The starting row of the range is too small.');
  if (col < 1) ctx.fail('The starting column of the range is too small.');
  if (numRows < 1) ctx.fail('The number of rows in the range must be at least 1.');
  if (numCols < 1) ctx.fail('The number of columns in the range must be at least 1.');
  if (book.o.grid === 'strict' && (row + numRows - 1 > s.maxRows || col + numCols - 1 > s.maxCols)) {
    ctx.fail('The coordinates of the range are outside the dimensions of the sheet.');
  }
  return new FakeRange(ctx, book, s, row, col, numRows, numCols, a1);
}

export function rangeFromA1(ctx: Ctx, book: BookModel, s: SheetModel, text: string): Range {
  const p = parseA1(text);
  if (!p) return ctx.fail('Range not found');
  const lastRow = p.lastRow ?? s.maxRows;
  const lastCol = p.lastCol ?? s.maxCols;
  const open = p.lastRow === null || p.lastCol === null;
  return real(checkedRange(ctx, book, s, p.row, p.col, lastRow - p.row + 1, lastCol - p.col + 1, open ? text.replace(/\$/g, '').toUpperCase() : undefined));
}

/** null clears a format, and so does the font weight 'normal' (the default, which Sheets stores as none). */
function setFormat(cell: Cell, key: FormatKey, value: unknown): void {
  if (value === null || (key === 'fw' && value === 'normal')) delete cell[key];
  else cell[key] = String(value);
}

type RangeImpl =
  | 'getValues'
  | 'getValue'
  | 'getDisplayValues'
  | 'getDisplayValue'
  | 'getFormulas'
  | 'getFormula'
  | 'setValues'
  | 'setValue'
  | 'setFormula'
  | 'setFormulas'
  | 'setNumberFormat'
  | 'setNumberFormats'
  | 'getNumberFormat'
  | 'getNumberFormats'
  | 'setFontWeight'
  | 'setFontWeights'
  | 'getFontWeight'
  | 'getFontWeights'
  | 'setFontColor'
  | 'getFontColor'
  | 'setBackground'
  | 'setBackgrounds'
  | 'getBackground'
  | 'getBackgrounds'
  | 'setHorizontalAlignment'
  | 'setHorizontalAlignments'
  | 'getHorizontalAlignment'
  | 'getHorizontalAlignments'
  | 'clear'
  | 'clearContent'
  | 'clearFormat'
  | 'getA1Notation'
  | 'getRow'
  | 'getRowIndex'
  | 'getColumn'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getNumRows'
  | 'getNumColumns'
  | 'getHeight'
  | 'getWidth'
  | 'getSheet'
  | 'getGridId'
  | 'getCell'
  | 'offset'
  | 'isBlank'
  | 'copyTo'
  | 'activate';

export class FakeRange extends Fake<Range> implements Pick<Range, RangeImpl> {
  constructor(
    ctx: Ctx,
    readonly _book: BookModel,
    readonly _sheet: SheetModel,
    readonly _row: number,
    readonly _col: number,
    readonly _numRows: number,
    readonly _numCols: number,
    private _a1?: string,
  ) {
    super(ctx);
  }
  private _self(): Range {
    return real(this);
  }
  private _log(kind: IoEvent['kind'], method: string): void {
    this._ctx.io.record({ kind, sheet: this._sheet.name, method, a1: this._a1Text() });
  }
  _a1Text(): string {
    return this._a1 ?? a1Of(this._row, this._col, this._numRows, this._numCols);
  }
  private get _size(): number {
    return this._numRows * this._numCols;
  }
  /** Reads every cell of the range through `f` (charged as cells read). */
  private _map<T>(f: (cell: Cell | undefined) => T): T[][] {
    const s = this._sheet;
    this._ctx.chargeCells('read', this._size);
    return this._ctx.realm.grid(this._numRows, this._numCols, (r, c) => f(s.cell(this._row + r, this._col + c))) as T[][];
  }
  /** Changes every cell of the range (formats; charged as cells written). */
  private _each(f: (cell: Cell, r: number, c: number) => void): void {
    const s = this._sheet;
    this._book.checkGrid(s, Math.max(s.maxRows, this._row + this._numRows - 1), Math.max(s.maxCols, this._col + this._numCols - 1));
    this._ctx.chargeCells('written', this._size);
    this._grow();
    for (let r = 0; r < this._numRows; r++) for (let c = 0; c < this._numCols; c++) f(s.ensure(this._row + r, this._col + c), r, c);
  }
  /** In 'grow' mode a write past the grid extends the sheet, within Sheets' limits. */
  _grow(): void {
    this._book.growTo(this._sheet, this._row + this._numRows - 1, this._col + this._numCols - 1);
  }
  /** Reads values (counted as one read). */
  _read(method: string): unknown[][] {
    this._log('read', method);
    const zone = this._book.zone;
    return this._map((cell) => toScript(cell, zone));
  }
  private _checkGrid(data: unknown, method: string): unknown[][] {
    if (!Array.isArray(data)) return signatureError(this._ctx, [data], `SpreadsheetApp.Range.${method}`);
    if (data.length !== this._numRows) {
      this._ctx.fail(`The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${this._numRows}.`);
    }
    for (const row of data) {
      if (!Array.isArray(row)) return signatureError(this._ctx, [data], `SpreadsheetApp.Range.${method}`);
      if (row.length !== this._numCols) {
        this._ctx.fail(`The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this._numCols}.`);
      }
    }
    return data as unknown[][];
  }
  /** Writes every cell; the whole call is refused (nothing written) when a limit would be crossed. */
  private _write(at: (r: number, c: number) => unknown, method: string): void {
    const s = this._sheet;
    checkCellText(this._ctx, this._numRows, this._numCols, at);
    this._book.checkGrid(s, Math.max(s.maxRows, this._row + this._numRows - 1), Math.max(s.maxCols, this._col + this._numCols - 1));
    this._ctx.chargeCells('written', this._size);
    this._grow();
    for (let r = 0; r < this._numRows; r++) {
      for (let c = 0; c < this._numCols; c++) writeCell(this._ctx, this._book, this._sheet, this._row + r, this._col + c, at(r, c));
    }
    this._log('write', method);
  }

  private _setFormat(key: FormatKey, value: unknown): Range {
    this._each((cell) => setFormat(cell, key, value));
    return this._self();
  }
  private _setFormats(key: FormatKey, data: unknown, method: string): Range {
    const grid = this._checkGrid(data, method);
    this._each((cell, r, c) => setFormat(cell, key, grid[r]![c]));
    return this._self();
  }
  private _format(key: FormatKey): string {
    this._ctx.chargeCells('read', 1);
    return this._sheet.cell(this._row, this._col)?.[key] ?? FORMAT_DEFAULTS[key];
  }
  private _formats(key: FormatKey): string[][] {
    return this._map((c) => c?.[key] ?? FORMAT_DEFAULTS[key]);
  }

  getValues(): unknown[][] {
    return this._read('Range.getValues');
  }
  getValue(): unknown {
    this._log('read', 'Range.getValue');
    this._ctx.chargeCells('read', 1);
    const v = toScript(this._sheet.cell(this._row, this._col), this._book.zone);
    return isDate(v) ? this._ctx.realm.date(v.getTime()) : v;
  }
  getDisplayValues(): string[][] {
    this._log('read', 'Range.getDisplayValues');
    return this._map(displayOf);
  }
  getDisplayValue(): string {
    this._log('read', 'Range.getDisplayValue');
    this._ctx.chargeCells('read', 1);
    return displayOf(this._sheet.cell(this._row, this._col));
  }
  getFormulas(): string[][] {
    this._log('read', 'Range.getFormulas');
    return this._map((c) => c?.f ?? '');
  }
  getFormula(): string {
    this._log('read', 'Range.getFormula');
    this._ctx.chargeCells('read', 1);
    return this._sheet.cell(this._row, this._col)?.f ?? '';
  }
  setValues(values: unknown[][]): Range {
    const data = this._checkGrid(values, 'setValues');
    this._write((r, c) => data[r]![c], 'Range.setValues');
    return this._self();
  }
  setValue(value: unknown): Range {
    this._write(() => value, 'Range.setValue');
    return this._self();
  }
  setFormula(formula: string): Range {
    if (typeof formula !== 'string') signatureError(this._ctx, [formula], 'SpreadsheetApp.Range.setFormula');
    this._write(() => formula, 'Range.setFormula');
    return this._self();
  }
  setFormulas(formulas: string[][]): Range {
    const data = this._checkGrid(formulas, 'setFormulas');
    this._write((r, c) => data[r]![c], 'Range.setFormulas');
    return this._self();
  }
  setNumberFormat(numberFormat: string): Range {
    this._each((cell) => (cell.nf = String(numberFormat)));
    return this._self();
  }
  setNumberFormats(numberFormats: unknown[][]): Range {
    const data = this._checkGrid(numberFormats, 'setNumberFormats');
    this._each((cell, r, c) => (cell.nf = String(data[r]![c])));
    return this._self();
  }
  getNumberFormat(): string {
    this._ctx.chargeCells('read', 1);
    return this._sheet.cell(this._row, this._col)?.nf ?? DEFAULT_NUMBER_FORMAT;
  }
  getNumberFormats(): string[][] {
    return this._map((c) => c?.nf ?? DEFAULT_NUMBER_FORMAT);
  }
  setFontWeight(fontWeight: string | null): Range {
    return this._setFormat('fw', fontWeight);
  }
  setFontWeights(fontWeights: unknown[][]): Range {
    return this._setFormats('fw', fontWeights, 'setFontWeights');
  }
  getFontWeight(): GoogleAppsScript.Spreadsheet.FontWeight {
    return this._format('fw') as GoogleAppsScript.Spreadsheet.FontWeight;
  }
  getFontWeights(): GoogleAppsScript.Spreadsheet.FontWeight[][] {
    return this._formats('fw') as GoogleAppsScript.Spreadsheet.FontWeight[][];
  }
  setFontColor(color: string | null): Range {
    return this._setFormat('fc', color);
  }
  getFontColor(): string {
    return this._format('fc');
  }
  setBackground(color: string | null): Range {
    return this._setFormat('bg', color);
  }
  setBackgrounds(color: unknown[][]): Range {
    return this._setFormats('bg', color, 'setBackgrounds');
  }
  getBackground(): string {
    return this._format('bg');
  }
  getBackgrounds(): string[][] {
    return this._formats('bg');
  }
  setHorizontalAlignment(alignment: string | null): Range {
    return this._setFormat('ha', alignment);
  }
  setHorizontalAlignments(alignments: unknown[][]): Range {
    return this._setFormats('ha', alignments, 'setHorizontalAlignments');
  }
  getHorizontalAlignment(): string {
    return this._format('ha');
  }
  getHorizontalAlignments(): string[][] {
    return this._formats('ha');
  }
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean; commentsOnly?: boolean; validationsOnly?: boolean; skipFilteredRows?: boolean }): Range {
    const contents = !!options?.contentsOnly || !options?.formatOnly;
    const formats = !!options?.formatOnly || !options?.contentsOnly;
    this._ctx.chargeCells('written', cellsHeld(this._sheet, this._row, this._col, this._numRows, this._numCols));
    clearCells(this._sheet, this._row, this._col, this._numRows, this._numCols, contents, formats);
    if (contents) this._log('clear', 'Range.clear');
    return this._self();
  }
  clearContent(): Range {
    this._ctx.chargeCells('written', cellsHeld(this._sheet, this._row, this._col, this._numRows, this._numCols));
    clearCells(this._sheet, this._row, this._col, this._numRows, this._numCols, true, false);
    this._log('clear', 'Range.clearContent');
    return this._self();
  }
  clearFormat(): Range {
    this._ctx.chargeCells('written', cellsHeld(this._sheet, this._row, this._col, this._numRows, this._numCols));
    clearCells(this._sheet, this._row, this._col, this._numRows, this._numCols, false, true);
    return this._self();
  }
  getA1Notation(): string {
    return this._a1Text();
  }
  getRow(): number {
    return this._row;
  }
  getRowIndex(): number {
    return this._row;
  }
  getColumn(): number {
    return this._col;
  }
  getLastRow(): number {
    return this._row + this._numRows - 1;
  }
  getLastColumn(): number {
    return this._col + this._numCols - 1;
  }
  getNumRows(): number {
    return this._numRows;
  }
  getNumColumns(): number {
    return this._numCols;
  }
  getHeight(): number {
    return this._numRows;
  }
  getWidth(): number {
    return this._numCols;
  }
  getSheet(): Sheet {
    return sheetFacade(this._ctx, this._book, this._sheet);
  }
  /**
   * Range#activate (https://developers.google.com/apps-script/reference/spreadsheet/range#activate()):
   * "Sets the specified range as the active range, with the top left cell in the range as the
   * current cell" — in its own sheet, which becomes the active sheet (the Selection page,
   * https://developers.google.com/apps-script/reference/spreadsheet/selection: the active range is
   * "the selected range in the active sheet").
   */
  activate(): Range {
    this._book.active = this._sheet;
    this._sheet.activeRange = { row: this._row, col: this._col, numRows: this._numRows, numCols: this._numCols };
    return this._self();
  }
  getGridId(): number {
    return this._sheet.id;
  }
  getCell(row: number, column: number): Range {
    if (!isInt(row) || !isInt(column)) return signatureError(this._ctx, [row, column], 'SpreadsheetApp.Range.getCell');
    if (row < 1 || column < 1 || row > this._numRows || column > this._numCols) this._ctx.fail('Cell reference out of range');
    return real(new FakeRange(this._ctx, this._book, this._sheet, this._row + row - 1, this._col + column - 1, 1, 1));
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): Range {
    const args = [rowOffset, columnOffset, numRows, numColumns].slice(0, arguments.length);
    if (args.length < 2 || !args.every(isInt)) return signatureError(this._ctx, args, 'SpreadsheetApp.Range.offset');
    return real(checkedRange(this._ctx, this._book, this._sheet, this._row + rowOffset, this._col + columnOffset, numRows ?? this._numRows, numColumns ?? this._numCols));
  }
  copyTo(destination: Range, ...rest: unknown[]): void {
    if (!(destination instanceof FakeRange)) return signatureError(this._ctx, [destination, ...rest], 'SpreadsheetApp.Range.copyTo');
    let contents = true;
    let formats = true;
    if (rest.length > 0) {
      const o = rest[0];
      if (rest.length === 1 && o !== null && typeof o === 'object' && !('name' in (o as object))) {
        const flags = o as { contentsOnly?: boolean; formatOnly?: boolean };
        if (flags.contentsOnly) formats = false;
        else if (flags.formatOnly) contents = false;
      } else {
        return this._ctx.notImplemented('Range.copyTo with a CopyPasteType');
      }
    }
    // Snapshot first: source and destination may overlap.
    const src: Array<Array<Cell | undefined>> = [];
    for (let r = 0; r < this._numRows; r++) {
      const row: Array<Cell | undefined> = [];
      for (let c = 0; c < this._numCols; c++) {
        const cell = this._sheet.cell(this._row + r, this._col + c);
        row.push(cell ? { ...cell } : undefined);
      }
      src.push(row);
    }
    const target = checkedRange(this._ctx, this._book, destination._sheet, destination._row, destination._col, this._numRows, this._numCols);
    // A copy within the spreadsheet: no cell travels to the script, so only the cells written are charged.
    this._book.checkGrid(target._sheet, Math.max(target._sheet.maxRows, target._row + this._numRows - 1), Math.max(target._sheet.maxCols, target._col + this._numCols - 1));
    this._ctx.chargeCells('written', this._size);
    target._grow();
    const d = target._sheet;
    src.forEach((row, r) =>
      row.forEach((cell, c) => {
        const out = d.ensure(target._row + r, target._col + c);
        if (contents) {
          out.v = cell?.v ?? '';
          if (cell?.f !== undefined) out.f = cell.f;
          else delete out.f;
        }
        if (formats) {
          for (const k of ['nf', 'fw', 'bg', 'fc', 'ha'] as const) {
            if (cell?.[k] !== undefined) out[k] = cell[k];
            else delete out[k];
          }
        }
      }),
    );
    if (contents) this._ctx.io.record({ kind: 'write', sheet: d.name, method: 'Range.copyTo', a1: target._a1Text() });
  }
  isBlank(): boolean {
    this._ctx.chargeCells('read', this._size);
    for (let r = 0; r < this._numRows; r++) {
      for (let c = 0; c < this._numCols; c++) {
        const cell = this._sheet.cell(this._row + r, this._col + c);
        if (cell && (cell.v !== '' || cell.f !== undefined)) return false;
      }
    }
    return true;
  }
}
finishFake(FakeRange, 'Spreadsheet.Range');
