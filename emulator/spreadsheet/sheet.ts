/** A Sheet object: its name, grid (rows, columns, frozen, widths), clears, inserts and deletes, charts. */
import { Ctx, Fake, finishFake, isInt, real, signatureError } from '../core';
import { a1Of, parseA1 } from './a1';
import type { BookModel, SheetModel } from './book';
import { cellsHeld, checkCellText, clearCells, writeCell } from './cells';
import { chartFacade, newChartBuilder, type ChartRecord } from './charts';
import { asDataSourceSheet } from './dataSources';
import { FakeDeveloperMetadataFinder, addMetadata, metadataList } from './developerMetadata';
import { namedRangesOf } from './namedRanges';
import { protectSheet, protectionsOf } from './protection';
import { FakeRange, checkedRange, rangeFromA1 } from './range';
import { FakeSpreadsheet } from './spreadsheet';

type Range = GoogleAppsScript.Spreadsheet.Range;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type DeveloperMetadata = GoogleAppsScript.Spreadsheet.DeveloperMetadata;

/** A new Sheet object over a sheet, as each call of Apps Script returns one. */
export function sheetFacade(ctx: Ctx, book: BookModel, s: SheetModel): Sheet {
  return real(new FakeSheet(ctx, book, s));
}

/** The model behind a Sheet object a script passes back in. */
export function modelOf(ctx: Ctx, book: BookModel, sheet: unknown): SheetModel {
  if (!(sheet instanceof FakeSheet)) return signatureError(ctx, [sheet], 'SpreadsheetApp.Spreadsheet.deleteSheet');
  const s = sheet._model;
  if (s.deleted || !book.sheets.includes(s)) return ctx.fail(`Sheet ${s.name} has been deleted.`);
  return s;
}

/** Makes the sheet a script passes in the active one (setActiveSheet). */
export function activateSheet(ctx: Ctx, book: BookModel, sheet: unknown): Sheet {
  const s = modelOf(ctx, book, sheet);
  book.active = s;
  return sheetFacade(ctx, book, s);
}

/** Sheets' rule for a sheet's name: not blank, unique regardless of case (`self`: the sheet renamed). */
export function checkSheetName(ctx: Ctx, book: BookModel, name: string, self?: SheetModel): void {
  if (name.trim() === '') ctx.fail('Sheet name cannot be empty.');
  const other = book.byName(name);
  if (other && other !== self) ctx.fail(`A sheet with the name "${name}" already exists. Please enter another name.`);
}

type SheetImpl =
  | 'asDataSourceSheet'
  | 'getName'
  | 'getSheetName'
  | 'setName'
  | 'getSheetId'
  | 'getIndex'
  | 'getParent'
  | 'activate'
  | 'getDataRange'
  | 'getRange'
  | 'getSheetValues'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getMaxRows'
  | 'getMaxColumns'
  | 'clear'
  | 'clearContents'
  | 'clearFormats'
  | 'hideSheet'
  | 'showSheet'
  | 'isSheetHidden'
  | 'setFrozenRows'
  | 'getFrozenRows'
  | 'setFrozenColumns'
  | 'getFrozenColumns'
  | 'setColumnWidth'
  | 'setColumnWidths'
  | 'getColumnWidth'
  | 'autoResizeColumn'
  | 'autoResizeColumns'
  | 'hideColumns'
  | 'showColumns'
  | 'isColumnHiddenByUser'
  | 'setTabColor'
  | 'getTabColor'
  | 'appendRow'
  | 'insertRowsAfter'
  | 'insertRowsBefore'
  | 'insertRowAfter'
  | 'insertRowBefore'
  | 'insertRows'
  | 'deleteRow'
  | 'deleteRows'
  | 'insertColumnsAfter'
  | 'insertColumnsBefore'
  | 'insertColumnAfter'
  | 'insertColumnBefore'
  | 'insertColumns'
  | 'deleteColumn'
  | 'deleteColumns'
  | 'addDeveloperMetadata'
  | 'getDeveloperMetadata'
  | 'createDeveloperMetadataFinder'
  | 'newChart'
  | 'insertChart'
  | 'getCharts'
  | 'removeChart'
  | 'updateChart'
  | 'protect'
  | 'getProtections'
  | 'getNamedRanges'
  | 'getActiveRange';

export class FakeSheet extends Fake<Sheet> implements Pick<Sheet, SheetImpl> {
  constructor(
    ctx: Ctx,
    readonly _book: BookModel,
    readonly _model: SheetModel,
  ) {
    super(ctx);
  }
  private get _s(): SheetModel {
    if (this._model.deleted) return this._ctx.fail(`Sheet ${this._model.name} has been deleted.`);
    return this._model;
  }
  private _self(): Sheet {
    return real(this);
  }
  /** Connected Sheets: the data source sheet, or null (dataSources.ts). */
  asDataSourceSheet(): GoogleAppsScript.Spreadsheet.DataSourceSheet | null {
    return asDataSourceSheet(this._ctx, this._book, this._model);
  }
  getName(): string {
    return this._s.name;
  }
  getSheetName(): string {
    return this._s.name;
  }
  setName(name: string): Sheet {
    const s = this._s;
    if (typeof name !== 'string') signatureError(this._ctx, [name], 'SpreadsheetApp.Sheet.setName');
    checkSheetName(this._ctx, this._book, name, s);
    s.name = name;
    return this._self();
  }
  getSheetId(): number {
    return this._s.id;
  }
  getIndex(): number {
    return this._book.sheets.indexOf(this._s) + 1;
  }
  getParent(): Spreadsheet {
    return real(new FakeSpreadsheet(this._ctx, this._book));
  }
  activate(): Sheet {
    this._book.active = this._s;
    return this._self();
  }
  /**
   * Sheet#getActiveRange (https://developers.google.com/apps-script/reference/spreadsheet/sheet#getActiveRange()):
   * "Returns the selected range in the active sheet, or null if there is no active range" — here the
   * block the last Range#activate on this sheet selected, while this sheet is the active one.
   */
  getActiveRange(): Range | null {
    const s = this._s;
    const a = s.activeRange;
    if (a === null || this._book.active !== s) return null;
    return real(new FakeRange(this._ctx, this._book, s, a.row, a.col, a.numRows, a.numCols));
  }
  getDataRange(): Range {
    const s = this._s;
    return real(new FakeRange(this._ctx, this._book, s, 1, 1, Math.max(1, s.lastRow()), Math.max(1, s.lastCol())));
  }
  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): Range {
    const s = this._s;
    const args = [a, column, numRows, numColumns].slice(0, arguments.length);
    if (typeof a === 'string' && arguments.length === 1) {
      let text = a;
      const p = parseA1(a);
      if (p?.sheet !== undefined) {
        if (this._book.byName(p.sheet) !== s) this._ctx.fail('Range not found');
        text = a.slice(a.lastIndexOf('!') + 1);
      }
      return rangeFromA1(this._ctx, this._book, s, text);
    }
    if (args.length < 2 || !args.every(isInt)) return signatureError(this._ctx, args, 'SpreadsheetApp.Sheet.getRange');
    return real(checkedRange(this._ctx, this._book, s, a as number, column!, numRows ?? 1, numColumns ?? 1));
  }
  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): unknown[][] {
    const s = this._s;
    const r = checkedRange(this._ctx, this._book, s, startRow, startColumn, numRows === -1 ? Math.max(1, s.lastRow() - startRow + 1) : numRows, numColumns === -1 ? Math.max(1, s.lastCol() - startColumn + 1) : numColumns);
    return r._read('getSheetValues');
  }
  getLastRow(): number {
    return this._s.lastRow();
  }
  getLastColumn(): number {
    return this._s.lastCol();
  }
  getMaxRows(): number {
    return this._s.maxRows;
  }
  getMaxColumns(): number {
    return this._s.maxCols;
  }
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): Sheet {
    const s = this._s;
    this._ctx.chargeCells('written', cellsHeld(s, 1, 1, s.maxRows, s.maxCols));
    clearCells(s, 1, 1, s.maxRows, s.maxCols, options?.contentsOnly || !options?.formatOnly, options?.formatOnly || !options?.contentsOnly);
    this._ctx.io.record({ kind: 'clear', sheet: s.name, method: 'Sheet.clear', a1: '' });
    return this._self();
  }
  clearContents(): Sheet {
    const s = this._s;
    this._ctx.chargeCells('written', cellsHeld(s, 1, 1, s.maxRows, s.maxCols));
    clearCells(s, 1, 1, s.maxRows, s.maxCols, true, false);
    this._ctx.io.record({ kind: 'clear', sheet: s.name, method: 'Sheet.clearContents', a1: '' });
    return this._self();
  }
  clearFormats(): Sheet {
    const s = this._s;
    this._ctx.chargeCells('written', cellsHeld(s, 1, 1, s.maxRows, s.maxCols));
    clearCells(s, 1, 1, s.maxRows, s.maxCols, false, true);
    return this._self();
  }
  hideSheet(): Sheet {
    const s = this._s;
    if (!s.hidden && this._book.sheets.filter((x) => !x.hidden).length === 1) this._ctx.fail("You can't hide all the sheets in a document.");
    s.hidden = true;
    if (this._book.active === s) this._book.active = null;
    return this._self();
  }
  showSheet(): Sheet {
    this._s.hidden = false;
    return this._self();
  }
  isSheetHidden(): boolean {
    return this._s.hidden;
  }
  setFrozenRows(rows: number): void {
    if (!isInt(rows) || rows < 0) signatureError(this._ctx, [rows], 'SpreadsheetApp.Sheet.setFrozenRows');
    this._s.frozenRows = rows;
  }
  getFrozenRows(): number {
    return this._s.frozenRows;
  }
  setFrozenColumns(columns: number): void {
    if (!isInt(columns) || columns < 0) signatureError(this._ctx, [columns], 'SpreadsheetApp.Sheet.setFrozenColumns');
    this._s.frozenCols = columns;
  }
  getFrozenColumns(): number {
    return this._s.frozenCols;
  }
  setColumnWidth(columnPosition: number, width: number): Sheet {
    this._checkColumns(columnPosition, 1);
    this._s.columnWidths.set(columnPosition, width);
    return this._self();
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): Sheet {
    this._checkColumns(startColumn, numColumns);
    for (let c = startColumn; c < startColumn + numColumns; c++) this._s.columnWidths.set(c, width);
    return this._self();
  }
  getColumnWidth(columnPosition: number): number {
    return this._s.columnWidths.get(columnPosition) ?? 100;
  }
  autoResizeColumn(columnPosition: number): Sheet {
    return this.autoResizeColumns(columnPosition, 1);
  }
  autoResizeColumns(startColumn: number, numColumns: number): Sheet {
    this._checkColumns(startColumn, numColumns);
    for (let c = startColumn; c < startColumn + numColumns; c++) this._s.autoResized.add(c);
    return this._self();
  }
  /**
   * Hidden columns (Apps Script reference, Class Sheet: hideColumns(columnIndex[, numColumns]),
   * showColumns, isColumnHiddenByUser — developers.google.com/apps-script/reference/spreadsheet/sheet).
   * Hiding changes what the owner sees, not the values: getValues still returns the column.
   */
  hideColumns(columnIndex: number, numColumns = 1): void {
    this._checkColumns(columnIndex, numColumns);
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this._s.hiddenColumns.add(c);
  }
  showColumns(columnIndex: number, numColumns = 1): void {
    this._checkColumns(columnIndex, numColumns);
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this._s.hiddenColumns.delete(c);
  }
  isColumnHiddenByUser(columnPosition: number): boolean {
    this._checkColumns(columnPosition, 1);
    return this._s.hiddenColumns.has(columnPosition);
  }
  setTabColor(color: string | null): Sheet {
    this._s.tabColor = color === null ? null : String(color);
    return this._self();
  }
  getTabColor(): string {
    return this._s.tabColor as string;
  }
  appendRow(rowContents: unknown[]): Sheet {
    const s = this._s;
    if (!Array.isArray(rowContents)) signatureError(this._ctx, [rowContents], 'SpreadsheetApp.Sheet.appendRow');
    const row = s.lastRow() + 1;
    checkCellText(this._ctx, 1, rowContents.length, (_, c) => rowContents[c]);
    this._book.checkGrid(s, Math.max(s.maxRows, row), Math.max(s.maxCols, rowContents.length));
    this._ctx.chargeCells('written', rowContents.length);
    this._book.growTo(s, row, rowContents.length);
    rowContents.forEach((v, i) => writeCell(this._ctx, this._book, s, row, i + 1, v));
    this._ctx.io.record({ kind: 'write', sheet: s.name, method: 'Sheet.appendRow', a1: a1Of(row, 1, 1, Math.max(1, rowContents.length)) });
    return this._self();
  }
  insertRowsAfter(afterPosition: number, howMany: number): Sheet {
    this._insertRows(afterPosition + 1, howMany, afterPosition);
    return this._self();
  }
  insertRowsBefore(beforePosition: number, howMany: number): Sheet {
    this._insertRows(beforePosition, howMany, beforePosition);
    return this._self();
  }
  insertRowAfter(afterPosition: number): Sheet {
    return this.insertRowsAfter(afterPosition, 1);
  }
  insertRowBefore(beforePosition: number): Sheet {
    return this.insertRowsBefore(beforePosition, 1);
  }
  insertRows(rowIndex: number, numRows = 1): void {
    this._insertRows(rowIndex, numRows, rowIndex);
  }
  deleteRow(rowPosition: number): Sheet {
    return this.deleteRows(rowPosition, 1);
  }
  deleteRows(rowPosition: number, howMany: number): Sheet {
    const s = this._s;
    if (!isInt(rowPosition) || !isInt(howMany) || rowPosition < 1 || howMany < 1 || rowPosition + howMany - 1 > s.maxRows) {
      this._ctx.fail('Those rows are out of bounds.');
    }
    if (howMany >= s.maxRows - s.frozenRows && rowPosition <= s.frozenRows + 1) this._ctx.fail('Sorry, it is not possible to delete all non-frozen rows.');
    s.cells.splice(rowPosition - 1, howMany);
    this._book.resize(s, s.maxRows - howMany, s.maxCols);
    return this._self();
  }
  insertColumnsAfter(afterPosition: number, howMany: number): Sheet {
    this._insertColumns(afterPosition + 1, howMany, afterPosition);
    return this._self();
  }
  insertColumnsBefore(beforePosition: number, howMany: number): Sheet {
    this._insertColumns(beforePosition, howMany, beforePosition);
    return this._self();
  }
  insertColumnAfter(afterPosition: number): Sheet {
    return this.insertColumnsAfter(afterPosition, 1);
  }
  insertColumnBefore(beforePosition: number): Sheet {
    return this.insertColumnsBefore(beforePosition, 1);
  }
  insertColumns(columnIndex: number, numColumns = 1): void {
    this._insertColumns(columnIndex, numColumns, columnIndex);
  }
  deleteColumn(columnPosition: number): Sheet {
    return this.deleteColumns(columnPosition, 1);
  }
  deleteColumns(columnPosition: number, howMany: number): Sheet {
    const s = this._s;
    if (!isInt(columnPosition) || !isInt(howMany) || columnPosition < 1 || howMany < 1 || columnPosition + howMany - 1 > s.maxCols) {
      this._ctx.fail('Those columns are out of bounds.');
    }
    if (howMany >= s.maxCols - s.frozenCols && columnPosition <= s.frozenCols + 1) this._ctx.fail('Sorry, it is not possible to delete all non-frozen columns.');
    for (const row of s.cells) if (row) row.splice(columnPosition - 1, howMany);
    s.hiddenColumns = new Set(
      [...s.hiddenColumns].flatMap((c) => (c < columnPosition ? [c] : c < columnPosition + howMany ? [] : [c - howMany])),
    );
    this._book.resize(s, s.maxRows, s.maxCols - howMany);
    return this._self();
  }
  addDeveloperMetadata(key: string, ...rest: unknown[]): Sheet {
    addMetadata(this._ctx, this._book, this._s, key, rest, 'Sheet.addDeveloperMetadata');
    return this._self();
  }
  getDeveloperMetadata(): DeveloperMetadata[] {
    const s = this._s;
    return metadataList(this._ctx, this._book, (m) => m.sheet === s);
  }
  createDeveloperMetadataFinder(): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    return real(new FakeDeveloperMetadataFinder(this._ctx, this._book, this._s));
  }
  newChart(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    return newChartBuilder(this._ctx, this._book, this._s);
  }
  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const rec = chartRecordOf(this._ctx, chart);
    if (rec.id !== null && this._s.charts.some((c) => c.id === rec.id)) this._ctx.fail('This chart is already in the sheet.');
    rec.id = this._book.nextChart++;
    rec.sheet = this._s;
    this._s.charts.push(rec);
  }
  getCharts(): GoogleAppsScript.Spreadsheet.EmbeddedChart[] {
    return this._ctx.realm.array(this._s.charts.map((c) => chartFacade(this._ctx, this._book, c)));
  }
  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const rec = chartRecordOf(this._ctx, chart);
    this._s.charts = this._s.charts.filter((c) => c.id !== rec.id);
  }
  updateChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const rec = chartRecordOf(this._ctx, chart);
    const i = this._s.charts.findIndex((c) => c.id === rec.id);
    if (rec.id === null || i < 0) this._ctx.fail('The chart does not exist in this sheet. Use insertChart to add it.');
    rec.sheet = this._s;
    this._s.charts[i] = rec;
  }

  /** Sheet protection: see protection.ts. */
  protect(): GoogleAppsScript.Spreadsheet.Protection {
    return protectSheet(this._ctx, this._book, this._s);
  }
  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): GoogleAppsScript.Spreadsheet.Protection[] {
    return protectionsOf(this._ctx, this._book, [this._s], type, 'SpreadsheetApp.Sheet.getProtections');
  }
  getNamedRanges(): GoogleAppsScript.Spreadsheet.NamedRange[] {
    const s = this._s;
    return namedRangesOf(this._ctx, this._book, (n) => n.sheet === s);
  }

  private _checkColumns(start: number, count: number): void {
    const s = this._s;
    if (!isInt(start) || !isInt(count) || start < 1 || count < 1 || start + count - 1 > s.maxCols) this._ctx.fail('Those columns are out of bounds.');
  }
  private _insertRows(at: number, howMany: number, position: number): void {
    const s = this._s;
    if (!isInt(position) || !isInt(howMany) || position < 1 || position > s.maxRows || howMany < 1) this._ctx.fail('Those rows are out of bounds.');
    this._book.resize(s, s.maxRows + howMany, s.maxCols);
    if (at - 1 < s.cells.length) s.cells.splice(at - 1, 0, ...Array.from({ length: howMany }, () => []));
  }
  private _insertColumns(at: number, howMany: number, position: number): void {
    const s = this._s;
    if (!isInt(position) || !isInt(howMany) || position < 1 || position > s.maxCols || howMany < 1) this._ctx.fail('Those columns are out of bounds.');
    this._book.resize(s, s.maxRows, s.maxCols + howMany);
    s.hiddenColumns = new Set([...s.hiddenColumns].map((c) => (c < at ? c : c + howMany)));
    for (const row of s.cells) {
      if (!row || row.length < at) continue;
      row.splice(at - 1, 0, ...new Array<undefined>(howMany));
    }
  }
}
finishFake(FakeSheet, 'Spreadsheet.Sheet');

function chartRecordOf(ctx: Ctx, chart: unknown): ChartRecord {
  const rec = (chart as { _rec?: ChartRecord } | null)?._rec;
  if (!rec) return signatureError(ctx, [chart], 'SpreadsheetApp.Sheet.insertChart');
  return rec;
}
