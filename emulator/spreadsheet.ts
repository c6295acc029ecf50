/**
 * SpreadsheetApp in memory: one spreadsheet (BookModel) of sheets (SheetModel) of cells, and the
 * Apps Script objects over them. As in Apps Script, every getSheetByName/getRange… returns a new
 * object; two objects for the same sheet are not `===`.
 */
import { a1Of, parseA1 } from './a1';
import { newChartBuilder, chartFacade, describeChart, type ChartRecord } from './charts';
import {
  Ctx,
  Fake,
  enumName,
  finishFake,
  defineEnums,
  isDate,
  isInt,
  makeEnum,
  real,
  signatureError,
  type IoEvent,
  type Scalar,
} from './core';
import { isKnownZone, serialOfInstant, zone, type Zone } from './time';
import { FakeUi, type UiRecorder } from './ui';
import { DEFAULT_NUMBER_FORMAT, UnsupportedValue, dateTimeFormat, displayOf, fromScript, toScript, type Cell, type LocaleInfo } from './values';

type Range = GoogleAppsScript.Spreadsheet.Range;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type DeveloperMetadata = GoogleAppsScript.Spreadsheet.DeveloperMetadata;

export const DeveloperMetadataVisibility = makeEnum('DeveloperMetadataVisibility', ['DOCUMENT', 'PROJECT']);
export const DeveloperMetadataLocationType = makeEnum('DeveloperMetadataLocationType', ['SPREADSHEET', 'SHEET', 'ROW', 'COLUMN']);

// ---------------------------------------------------------------------------------------------
// Models

export interface MetaRecord {
  id: number;
  key: string;
  value: string | null;
  visibility: 'DOCUMENT' | 'PROJECT';
  /** null: on the spreadsheet itself. */
  sheet: SheetModel | null;
}

export type GridMode = 'strict' | 'grow';

export class SheetModel {
  hidden = false;
  frozenRows = 0;
  frozenCols = 0;
  cells: (Cell | undefined)[][] = [];
  columnWidths = new Map<number, number>();
  autoResized = new Set<number>();
  tabColor: string | null = null;
  charts: ChartRecord[] = [];
  deleted = false;
  constructor(
    public id: number,
    public name: string,
    public maxRows = 1000,
    public maxCols = 26,
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
  private nextSheet = 0;
  nextMeta = 1;
  nextChart = 1;
  constructor(
    public o: BookOptions,
    readonly ui: UiRecorder,
  ) {}

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
  addSheet(name: string, index = this.sheets.length, rows = 1000, cols = 26): SheetModel {
    const s = new SheetModel(this.newSheetId(), name, rows, cols);
    this.sheets.splice(Math.max(0, Math.min(index, this.sheets.length)), 0, s);
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

// ---------------------------------------------------------------------------------------------
// Plain descriptions for test assertions

export interface SheetDescription {
  name: string;
  sheetId: number;
  index: number;
  hidden: boolean;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  /** The data range's values as getValues returns them (Dates for date cells, '' for blanks). */
  values: unknown[][];
  displayValues: string[][];
  formulas: string[][];
  numberFormats: string[][];
  fontWeights: string[][];
  backgrounds: string[][];
  horizontalAlignments: string[][];
  columnWidths: Record<number, number>;
  autoResizedColumns: number[];
  tabColor: string | null;
  charts: ReturnType<typeof describeChart>[];
  metadata: Array<{ key: string; value: string | null; visibility: string }>;
}

export function describeSheet(book: BookModel, s: SheetModel): SheetDescription {
  const rows = Math.max(s.lastRow(), 1);
  const cols = Math.max(s.lastCol(), 1);
  const map = <T>(f: (cell: Cell | undefined) => T): T[][] =>
    Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => f(s.cell(r + 1, c + 1))));
  return {
    name: s.name,
    sheetId: s.id,
    index: book.sheets.indexOf(s) + 1,
    hidden: s.hidden,
    maxRows: s.maxRows,
    maxColumns: s.maxCols,
    frozenRows: s.frozenRows,
    frozenColumns: s.frozenCols,
    values: map((c) => toScript(c, book.zone)),
    displayValues: map(displayOf),
    formulas: map((c) => c?.f ?? ''),
    numberFormats: map((c) => c?.nf ?? DEFAULT_NUMBER_FORMAT),
    fontWeights: map((c) => c?.fw ?? 'normal'),
    backgrounds: map((c) => c?.bg ?? '#ffffff'),
    horizontalAlignments: map((c) => c?.ha ?? 'general'),
    columnWidths: Object.fromEntries(s.columnWidths),
    autoResizedColumns: [...s.autoResized].sort((a, b) => a - b),
    tabColor: s.tabColor,
    charts: s.charts.map((c) => describeChart(c)),
    metadata: book.metadata.filter((m) => m.sheet === s).map((m) => ({ key: m.key, value: m.value, visibility: m.visibility })),
  };
}

// ---------------------------------------------------------------------------------------------
// SpreadsheetApp

export class FakeSpreadsheetApp
  extends Fake<GoogleAppsScript.Spreadsheet.SpreadsheetApp>
  implements Pick<GoogleAppsScript.Spreadsheet.SpreadsheetApp, 'getActive' | 'getActiveSpreadsheet' | 'getActiveSheet' | 'getUi' | 'flush' | 'openById' | 'setActiveSheet'>
{
  constructor(
    ctx: Ctx,
    private _book: BookModel,
  ) {
    super(ctx);
  }
  getActive(): Spreadsheet {
    return real(new FakeSpreadsheet(this._ctx, this._book));
  }
  getActiveSpreadsheet(): Spreadsheet {
    return real(new FakeSpreadsheet(this._ctx, this._book));
  }
  getActiveSheet(): Sheet {
    return sheetFacade(this._ctx, this._book, activeSheet(this._book));
  }
  setActiveSheet(sheet: Sheet): Sheet {
    const s = modelOf(this._ctx, this._book, sheet);
    this._book.active = s;
    return sheetFacade(this._ctx, this._book, s);
  }
  getUi(): GoogleAppsScript.Base.Ui {
    return real(new FakeUi(this._ctx, this._book.ui));
  }
  flush(): void {}
  openById(id: string): Spreadsheet {
    if (id === this._book.o.id) return this.getActive();
    return this._ctx.fail('Unexpected error while getting the method or property openById on object SpreadsheetApp.');
  }
}
defineEnums(FakeSpreadsheetApp, { DeveloperMetadataVisibility, DeveloperMetadataLocationType });
finishFake(FakeSpreadsheetApp, 'Spreadsheet.SpreadsheetApp');

function activeSheet(book: BookModel): SheetModel {
  if (!book.active || book.active.deleted) book.active = book.sheets.find((s) => !s.hidden) ?? book.sheets[0]!;
  return book.active;
}

export function sheetFacade(ctx: Ctx, book: BookModel, s: SheetModel): Sheet {
  return real(new FakeSheet(ctx, book, s));
}

/** The model behind a Sheet object a script passes back in. */
function modelOf(ctx: Ctx, book: BookModel, sheet: unknown): SheetModel {
  if (!(sheet instanceof FakeSheet)) return signatureError(ctx, [sheet], 'SpreadsheetApp.Spreadsheet.deleteSheet');
  const s = sheet._model;
  if (s.deleted || !book.sheets.includes(s)) return ctx.fail(`Sheet ${s.name} has been deleted.`);
  return s;
}

function duplicateName(ctx: Ctx, name: string): never {
  return ctx.fail(`A sheet with the name "${name}" already exists. Please enter another name.`);
}

// ---------------------------------------------------------------------------------------------
// Spreadsheet

type SpreadsheetImpl =
  | 'getId'
  | 'getName'
  | 'rename'
  | 'getUrl'
  | 'getSheets'
  | 'getNumSheets'
  | 'getSheetByName'
  | 'getSheetById'
  | 'insertSheet'
  | 'deleteSheet'
  | 'getActiveSheet'
  | 'setActiveSheet'
  | 'moveActiveSheet'
  | 'getSpreadsheetTimeZone'
  | 'setSpreadsheetTimeZone'
  | 'getSpreadsheetLocale'
  | 'setSpreadsheetLocale'
  | 'getRange'
  | 'toast'
  | 'getDeveloperMetadata'
  | 'addDeveloperMetadata'
  | 'createDeveloperMetadataFinder';

export class FakeSpreadsheet extends Fake<Spreadsheet> implements Pick<Spreadsheet, SpreadsheetImpl> {
  constructor(
    ctx: Ctx,
    readonly _book: BookModel,
  ) {
    super(ctx);
  }
  getId(): string {
    return this._book.o.id;
  }
  getName(): string {
    return this._book.o.name;
  }
  rename(newName: string): void {
    this._book.o.name = String(newName);
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this._book.o.id}/edit`;
  }
  getSheets(): Sheet[] {
    return this._ctx.realm.array(this._book.sheets.map((s) => sheetFacade(this._ctx, this._book, s)));
  }
  getNumSheets(): number {
    return this._book.sheets.length;
  }
  getSheetByName(name: string): Sheet | null {
    const s = this._book.byName(String(name));
    return s ? sheetFacade(this._ctx, this._book, s) : null;
  }
  getSheetById(id: number): Sheet | null {
    const s = this._book.sheets.find((x) => x.id === id);
    return s ? sheetFacade(this._ctx, this._book, s) : null;
  }
  insertSheet(...args: unknown[]): Sheet {
    let name: string | undefined;
    let index: number | undefined;
    for (const a of args) {
      if (typeof a === 'string' && name === undefined && index === undefined) name = a;
      else if (isInt(a) && index === undefined) index = a;
      else if (a !== null && typeof a === 'object') this._ctx.notImplemented('Spreadsheet.insertSheet with options (templates)');
      else signatureError(this._ctx, args, 'SpreadsheetApp.Spreadsheet.insertSheet');
    }
    if (name !== undefined) {
      if (name.trim() === '') this._ctx.fail('Sheet name cannot be empty.');
      if (this._book.byName(name)) duplicateName(this._ctx, name);
    }
    const s = this._book.addSheet(name ?? this._book.defaultSheetName(), index);
    this._book.active = s;
    return sheetFacade(this._ctx, this._book, s);
  }
  deleteSheet(sheet: Sheet): void {
    const s = modelOf(this._ctx, this._book, sheet);
    if (this._book.sheets.length === 1) this._ctx.fail("You can't remove all the sheets in a document.");
    this._book.sheets = this._book.sheets.filter((x) => x !== s);
    this._book.metadata = this._book.metadata.filter((m) => m.sheet !== s);
    s.deleted = true;
    if (this._book.active === s) this._book.active = null;
  }
  getActiveSheet(): Sheet {
    return sheetFacade(this._ctx, this._book, activeSheet(this._book));
  }
  setActiveSheet(sheet: Sheet): Sheet {
    const s = modelOf(this._ctx, this._book, sheet);
    this._book.active = s;
    return sheetFacade(this._ctx, this._book, s);
  }
  moveActiveSheet(pos: number): void {
    const s = activeSheet(this._book);
    if (!isInt(pos) || pos < 1 || pos > this._book.sheets.length) this._ctx.fail('Those sheet positions are out of bounds.');
    this._book.sheets = this._book.sheets.filter((x) => x !== s);
    this._book.sheets.splice(pos - 1, 0, s);
  }
  getSpreadsheetTimeZone(): string {
    return this._book.o.timeZone;
  }
  setSpreadsheetTimeZone(timezone: string): void {
    if (!isKnownZone(String(timezone))) this._ctx.fail(`Invalid argument: ${timezone}`);
    this._book.o.timeZone = String(timezone);
  }
  getSpreadsheetLocale(): string {
    return this._book.o.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this._book.o.locale = String(locale);
  }
  getRange(a1Notation: string): Range {
    const p = parseA1(String(a1Notation));
    if (!p) return this._ctx.fail('Range not found');
    const s = p.sheet === undefined ? activeSheet(this._book) : this._book.byName(p.sheet);
    if (!s) return this._ctx.fail('Range not found');
    return rangeFromA1(this._ctx, this._book, s, String(a1Notation).slice(String(a1Notation).lastIndexOf('!') + 1));
  }
  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this._book.ui.toasts.push({ message: String(msg), title: title === undefined ? null : String(title), timeoutSeconds: timeoutSeconds ?? 5 });
  }
  getDeveloperMetadata(): DeveloperMetadata[] {
    return metadataList(this._ctx, this._book, (m) => m.sheet === null);
  }
  addDeveloperMetadata(key: string, ...rest: unknown[]): Spreadsheet {
    addMetadata(this._ctx, this._book, null, key, rest, 'Spreadsheet.addDeveloperMetadata');
    return real(this);
  }
  createDeveloperMetadataFinder(): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    return real(new FakeDeveloperMetadataFinder(this._ctx, this._book, null));
  }
}
finishFake(FakeSpreadsheet, 'Spreadsheet.Spreadsheet');

// ---------------------------------------------------------------------------------------------
// Developer metadata

function metadataList(ctx: Ctx, book: BookModel, keep: (m: MetaRecord) => boolean): DeveloperMetadata[] {
  return ctx.realm.array(book.metadata.filter(keep).map((m) => real(new FakeDeveloperMetadata(ctx, book, m))));
}

function addMetadata(ctx: Ctx, book: BookModel, sheet: SheetModel | null, key: unknown, rest: unknown[], method: string): void {
  if (typeof key !== 'string' || rest.length > 2) signatureError(ctx, [key, ...rest], `SpreadsheetApp.${method}`);
  let value: string | null = null;
  let visibility: 'DOCUMENT' | 'PROJECT' = 'DOCUMENT';
  for (const a of rest) {
    const e = enumName(a);
    if (typeof a === 'string' && value === null) value = a;
    else if (typeof a === 'object' && (e === 'DOCUMENT' || e === 'PROJECT')) visibility = e;
    else signatureError(ctx, [key, ...rest], `SpreadsheetApp.${method}`);
  }
  if (key.length === 0) ctx.fail('Invalid argument: key');
  book.metadata.push({ id: book.nextMeta++, key, value, visibility, sheet });
}

export class FakeDeveloperMetadata
  extends Fake<DeveloperMetadata>
  implements Pick<DeveloperMetadata, 'getId' | 'getKey' | 'getValue' | 'getVisibility' | 'getLocation' | 'remove' | 'setKey' | 'setValue' | 'setVisibility'>
{
  constructor(
    ctx: Ctx,
    private _book: BookModel,
    private _rec: MetaRecord,
  ) {
    super(ctx);
  }
  getId(): number {
    return this._rec.id;
  }
  getKey(): string {
    return this._rec.key;
  }
  getValue(): string {
    return this._rec.value as string;
  }
  getVisibility(): GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility {
    return DeveloperMetadataVisibility[this._rec.visibility] as never;
  }
  getLocation(): GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation {
    return real(new FakeDeveloperMetadataLocation(this._ctx, this._book, this._rec));
  }
  remove(): void {
    this._book.metadata = this._book.metadata.filter((m) => m !== this._rec);
  }
  setKey(key: string): DeveloperMetadata {
    if (typeof key !== 'string' || key === '') this._ctx.fail('Invalid argument: key');
    this._rec.key = key;
    return real(this);
  }
  setValue(value: string): DeveloperMetadata {
    this._rec.value = value === null ? null : String(value);
    return real(this);
  }
  setVisibility(visibility: GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility): DeveloperMetadata {
    const e = enumName(visibility);
    if (e !== 'DOCUMENT' && e !== 'PROJECT') signatureError(this._ctx, [visibility], 'SpreadsheetApp.DeveloperMetadata.setVisibility');
    this._rec.visibility = e;
    return real(this);
  }
}
finishFake(FakeDeveloperMetadata, 'Spreadsheet.DeveloperMetadata');

export class FakeDeveloperMetadataLocation
  extends Fake<GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation>
  implements Pick<GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation, 'getLocationType' | 'getSheet' | 'getSpreadsheet'>
{
  constructor(
    ctx: Ctx,
    private _book: BookModel,
    private _rec: MetaRecord,
  ) {
    super(ctx);
  }
  getLocationType(): GoogleAppsScript.Spreadsheet.DeveloperMetadataLocationType {
    return (this._rec.sheet ? DeveloperMetadataLocationType.SHEET : DeveloperMetadataLocationType.SPREADSHEET) as never;
  }
  getSheet(): Sheet {
    return this._rec.sheet ? sheetFacade(this._ctx, this._book, this._rec.sheet) : (null as never);
  }
  getSpreadsheet(): Spreadsheet {
    return this._rec.sheet ? (null as never) : real(new FakeSpreadsheet(this._ctx, this._book));
  }
}
finishFake(FakeDeveloperMetadataLocation, 'Spreadsheet.DeveloperMetadataLocation');

export class FakeDeveloperMetadataFinder
  extends Fake<GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder>
  implements Pick<GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder, 'find' | 'withId' | 'withKey' | 'withValue' | 'withLocationType' | 'withVisibility'>
{
  private _tests: Array<(m: MetaRecord) => boolean> = [];
  constructor(
    ctx: Ctx,
    private _book: BookModel,
    private _scope: SheetModel | null,
  ) {
    super(ctx);
  }
  private _with(t: (m: MetaRecord) => boolean): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    this._tests.push(t);
    return real(this);
  }
  find(): DeveloperMetadata[] {
    return metadataList(this._ctx, this._book, (m) => (this._scope === null || m.sheet === this._scope) && this._tests.every((t) => t(m)));
  }
  withId(id: number): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    return this._with((m) => m.id === id);
  }
  withKey(key: string): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    return this._with((m) => m.key === key);
  }
  withValue(value: string): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    return this._with((m) => m.value === value);
  }
  withLocationType(t: GoogleAppsScript.Spreadsheet.DeveloperMetadataLocationType): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    const name = enumName(t);
    return this._with((m) => (m.sheet ? 'SHEET' : 'SPREADSHEET') === name);
  }
  withVisibility(v: GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    const name = enumName(v);
    return this._with((m) => m.visibility === name);
  }
}
finishFake(FakeDeveloperMetadataFinder, 'Spreadsheet.DeveloperMetadataFinder');

// ---------------------------------------------------------------------------------------------
// Sheet

type SheetImpl =
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
  | 'updateChart';

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
  getName(): string {
    return this._s.name;
  }
  getSheetName(): string {
    return this._s.name;
  }
  setName(name: string): Sheet {
    const s = this._s;
    if (typeof name !== 'string') signatureError(this._ctx, [name], 'SpreadsheetApp.Sheet.setName');
    if (name.trim() === '') this._ctx.fail('Sheet name cannot be empty.');
    const other = this._book.byName(name);
    if (other && other !== s) duplicateName(this._ctx, name);
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
    clearCells(s, 1, 1, s.maxRows, s.maxCols, options?.contentsOnly || !options?.formatOnly, options?.formatOnly || !options?.contentsOnly);
    this._ctx.io.record({ kind: 'clear', sheet: s.name, method: 'Sheet.clear', a1: '' });
    return this._self();
  }
  clearContents(): Sheet {
    const s = this._s;
    clearCells(s, 1, 1, s.maxRows, s.maxCols, true, false);
    this._ctx.io.record({ kind: 'clear', sheet: s.name, method: 'Sheet.clearContents', a1: '' });
    return this._self();
  }
  clearFormats(): Sheet {
    const s = this._s;
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
    if (row > s.maxRows) s.maxRows = row;
    if (rowContents.length > s.maxCols) s.maxCols = rowContents.length;
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
    s.maxRows -= howMany;
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
    s.maxCols -= howMany;
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

  private _checkColumns(start: number, count: number): void {
    const s = this._s;
    if (!isInt(start) || !isInt(count) || start < 1 || count < 1 || start + count - 1 > s.maxCols) this._ctx.fail('Those columns are out of bounds.');
  }
  private _insertRows(at: number, howMany: number, position: number): void {
    const s = this._s;
    if (!isInt(position) || !isInt(howMany) || position < 1 || position > s.maxRows || howMany < 1) this._ctx.fail('Those rows are out of bounds.');
    while (s.cells.length < at - 1) s.cells.push([]);
    s.cells.splice(at - 1, 0, ...Array.from({ length: howMany }, () => []));
    s.maxRows += howMany;
  }
  private _insertColumns(at: number, howMany: number, position: number): void {
    const s = this._s;
    if (!isInt(position) || !isInt(howMany) || position < 1 || position > s.maxCols || howMany < 1) this._ctx.fail('Those columns are out of bounds.');
    for (const row of s.cells) {
      if (!row || row.length < at) continue;
      row.splice(at - 1, 0, ...new Array<undefined>(howMany));
    }
    s.maxCols += howMany;
  }
}
finishFake(FakeSheet, 'Spreadsheet.Sheet');

function chartRecordOf(ctx: Ctx, chart: unknown): ChartRecord {
  const rec = (chart as { _rec?: ChartRecord } | null)?._rec;
  if (!rec) return signatureError(ctx, [chart], 'SpreadsheetApp.Sheet.insertChart');
  return rec;
}

function clearCells(s: SheetModel, row: number, col: number, numRows: number, numCols: number, contents: boolean, formats: boolean): void {
  for (let r = row; r < row + numRows && r <= s.cells.length; r++) {
    const cells = s.cells[r - 1];
    if (!cells) continue;
    for (let c = col; c < col + numCols && c <= cells.length; c++) {
      const cell = cells[c - 1];
      if (!cell) continue;
      if (contents) {
        cell.v = '';
        delete cell.f;
      }
      if (formats) {
        delete cell.nf;
        delete cell.fw;
        delete cell.bg;
        delete cell.fc;
        delete cell.ha;
      }
      if (cell.v === '' && cell.f === undefined && Object.keys(cell).length === 1) cells[c - 1] = undefined;
    }
  }
}

function writeCell(ctx: Ctx, book: BookModel, s: SheetModel, row: number, col: number, value: unknown): void {
  const cell = s.ensure(row, col);
  let w: ReturnType<typeof fromScript>;
  try {
    w = fromScript(value, cell.nf, book.localeInfo);
  } catch (e) {
    if (e instanceof UnsupportedValue) return ctx.notImplemented(e.message);
    throw e;
  }
  if (w.f !== undefined) {
    cell.f = w.f;
    cell.v = book.formulaValue(w.f, s, row, col);
  } else {
    delete cell.f;
    cell.v = w.v;
  }
  if (w.nf !== undefined) cell.nf = w.nf;
}

// ---------------------------------------------------------------------------------------------
// Range

function checkedRange(ctx: Ctx, book: BookModel, s: SheetModel, row: number, col: number, numRows: number, numCols: number, a1?: string): FakeRange {
  if (row < 1) ctx.fail('The starting row of the range is too small.');
  if (col < 1) ctx.fail('The starting column of the range is too small.');
  if (numRows < 1) ctx.fail('The number of rows in the range must be at least 1.');
  if (numCols < 1) ctx.fail('The number of columns in the range must be at least 1.');
  if (book.o.grid === 'strict' && (row + numRows - 1 > s.maxRows || col + numCols - 1 > s.maxCols)) {
    ctx.fail('The coordinates of the range are outside the dimensions of the sheet.');
  }
  return new FakeRange(ctx, book, s, row, col, numRows, numCols, a1);
}

function rangeFromA1(ctx: Ctx, book: BookModel, s: SheetModel, text: string): Range {
  const p = parseA1(text);
  if (!p) return ctx.fail('Range not found');
  const lastRow = p.lastRow ?? s.maxRows;
  const lastCol = p.lastCol ?? s.maxCols;
  const open = p.lastRow === null || p.lastCol === null;
  return real(checkedRange(ctx, book, s, p.row, p.col, lastRow - p.row + 1, lastCol - p.col + 1, open ? text.replace(/\$/g, '').toUpperCase() : undefined));
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
  | 'copyTo';

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
  private _map<T>(f: (cell: Cell | undefined) => T): T[][] {
    const s = this._sheet;
    return this._ctx.realm.grid(this._numRows, this._numCols, (r, c) => f(s.cell(this._row + r, this._col + c))) as T[][];
  }
  private _each(f: (cell: Cell, r: number, c: number) => void): void {
    const s = this._sheet;
    this._grow();
    for (let r = 0; r < this._numRows; r++) for (let c = 0; c < this._numCols; c++) f(s.ensure(this._row + r, this._col + c), r, c);
  }
  _grow(): void {
    const s = this._sheet;
    s.maxRows = Math.max(s.maxRows, this._row + this._numRows - 1);
    s.maxCols = Math.max(s.maxCols, this._col + this._numCols - 1);
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
  private _write(at: (r: number, c: number) => unknown, method: string): void {
    this._grow();
    for (let r = 0; r < this._numRows; r++) {
      for (let c = 0; c < this._numCols; c++) writeCell(this._ctx, this._book, this._sheet, this._row + r, this._col + c, at(r, c));
    }
    this._log('write', method);
  }

  getValues(): unknown[][] {
    return this._read('Range.getValues');
  }
  getValue(): unknown {
    this._log('read', 'Range.getValue');
    const v = toScript(this._sheet.cell(this._row, this._col), this._book.zone);
    return isDate(v) ? this._ctx.realm.date(v.getTime()) : v;
  }
  getDisplayValues(): string[][] {
    this._log('read', 'Range.getDisplayValues');
    return this._map(displayOf);
  }
  getDisplayValue(): string {
    this._log('read', 'Range.getDisplayValue');
    return displayOf(this._sheet.cell(this._row, this._col));
  }
  getFormulas(): string[][] {
    this._log('read', 'Range.getFormulas');
    return this._map((c) => c?.f ?? '');
  }
  getFormula(): string {
    this._log('read', 'Range.getFormula');
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
    return this._sheet.cell(this._row, this._col)?.nf ?? DEFAULT_NUMBER_FORMAT;
  }
  getNumberFormats(): string[][] {
    return this._map((c) => c?.nf ?? DEFAULT_NUMBER_FORMAT);
  }
  setFontWeight(fontWeight: string | null): Range {
    this._each((cell) => setOrDelete(cell, 'fw', fontWeight === null || fontWeight === 'normal' ? null : String(fontWeight)));
    return this._self();
  }
  setFontWeights(fontWeights: unknown[][]): Range {
    const data = this._checkGrid(fontWeights, 'setFontWeights');
    this._each((cell, r, c) => setOrDelete(cell, 'fw', data[r]![c] === null || data[r]![c] === 'normal' ? null : String(data[r]![c])));
    return this._self();
  }
  getFontWeight(): GoogleAppsScript.Spreadsheet.FontWeight {
    return (this._sheet.cell(this._row, this._col)?.fw ?? 'normal') as GoogleAppsScript.Spreadsheet.FontWeight;
  }
  getFontWeights(): GoogleAppsScript.Spreadsheet.FontWeight[][] {
    return this._map((c) => (c?.fw ?? 'normal') as GoogleAppsScript.Spreadsheet.FontWeight);
  }
  setFontColor(color: string | null): Range {
    this._each((cell) => setOrDelete(cell, 'fc', color === null ? null : String(color)));
    return this._self();
  }
  getFontColor(): string {
    return this._sheet.cell(this._row, this._col)?.fc ?? '#000000';
  }
  setBackground(color: string | null): Range {
    this._each((cell) => setOrDelete(cell, 'bg', color === null ? null : String(color)));
    return this._self();
  }
  setBackgrounds(color: unknown[][]): Range {
    const data = this._checkGrid(color, 'setBackgrounds');
    this._each((cell, r, c) => setOrDelete(cell, 'bg', data[r]![c] === null ? null : String(data[r]![c])));
    return this._self();
  }
  getBackground(): string {
    return this._sheet.cell(this._row, this._col)?.bg ?? '#ffffff';
  }
  getBackgrounds(): string[][] {
    return this._map((c) => c?.bg ?? '#ffffff');
  }
  setHorizontalAlignment(alignment: string | null): Range {
    this._each((cell) => setOrDelete(cell, 'ha', alignment === null ? null : String(alignment)));
    return this._self();
  }
  setHorizontalAlignments(alignments: unknown[][]): Range {
    const data = this._checkGrid(alignments, 'setHorizontalAlignments');
    this._each((cell, r, c) => setOrDelete(cell, 'ha', data[r]![c] === null ? null : String(data[r]![c])));
    return this._self();
  }
  getHorizontalAlignment(): string {
    return this._sheet.cell(this._row, this._col)?.ha ?? 'general';
  }
  getHorizontalAlignments(): string[][] {
    return this._map((c) => c?.ha ?? 'general');
  }
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean; commentsOnly?: boolean; validationsOnly?: boolean; skipFilteredRows?: boolean }): Range {
    const contents = !!options?.contentsOnly || !options?.formatOnly;
    const formats = !!options?.formatOnly || !options?.contentsOnly;
    clearCells(this._sheet, this._row, this._col, this._numRows, this._numCols, contents, formats);
    if (contents) this._log('clear', 'Range.clear');
    return this._self();
  }
  clearContent(): Range {
    clearCells(this._sheet, this._row, this._col, this._numRows, this._numCols, true, false);
    this._log('clear', 'Range.clearContent');
    return this._self();
  }
  clearFormat(): Range {
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

function setOrDelete(cell: Cell, key: 'fw' | 'bg' | 'fc' | 'ha', value: string | null): void {
  if (value === null) delete cell[key];
  else cell[key] = value;
}

