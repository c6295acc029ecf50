/** A Spreadsheet object: the book's sheets (insert, delete, move, find), zone, locale, metadata. */
import { Ctx, Fake, finishFake, isInt, real, signatureError } from '../core';
import { isKnownZone } from '../time';
import { parseA1 } from './a1';
import { activeSheet, type BookModel } from './book';
import { dataSourceSheets, insertDataSourceSheet } from './dataSources';
import { FakeDeveloperMetadataFinder, addMetadata, metadataList } from './developerMetadata';
import { getRangeByName, namedRangesOf, removeNamedRange, setNamedRange } from './namedRanges';
import { protectionsOf } from './protection';
import { rangeFromA1 } from './range';
import { activateSheet, checkSheetName, modelOf, sheetFacade } from './sheet';

type Range = GoogleAppsScript.Spreadsheet.Range;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type DeveloperMetadata = GoogleAppsScript.Spreadsheet.DeveloperMetadata;

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
  | 'createDeveloperMetadataFinder'
  | 'getProtections'
  | 'setNamedRange'
  | 'getRangeByName'
  | 'getNamedRanges'
  | 'removeNamedRange'
  | 'insertDataSourceSheet'
  | 'getDataSourceSheets';

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
    if (name !== undefined) checkSheetName(this._ctx, this._book, name);
    const s = this._book.addSheet(name ?? this._book.defaultSheetName(), index);
    this._book.active = s;
    return sheetFacade(this._ctx, this._book, s);
  }
  deleteSheet(sheet: Sheet): void {
    const s = modelOf(this._ctx, this._book, sheet);
    if (this._book.sheets.length === 1) this._ctx.fail("You can't remove all the sheets in a document.");
    this._book.sheets = this._book.sheets.filter((x) => x !== s);
    this._book.metadata = this._book.metadata.filter((m) => m.sheet !== s);
    // Sheets keeps such a name as #REF! and the API no longer lists it; here it simply goes.
    this._book.namedRanges = this._book.namedRanges.filter((n) => n.sheet !== s);
    s.deleted = true;
    if (this._book.active === s) this._book.active = null;
  }
  getActiveSheet(): Sheet {
    return sheetFacade(this._ctx, this._book, activeSheet(this._book));
  }
  setActiveSheet(sheet: Sheet): Sheet {
    return activateSheet(this._ctx, this._book, sheet);
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
  /** Protections: see protection.ts. */
  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): GoogleAppsScript.Spreadsheet.Protection[] {
    return protectionsOf(this._ctx, this._book, this._book.sheets, type, 'SpreadsheetApp.Spreadsheet.getProtections');
  }
  /** Named ranges: see namedRanges.ts. */
  setNamedRange(name: string, range: Range): void {
    setNamedRange(this._ctx, this._book, name, range);
  }
  getRangeByName(name: string): Range | null {
    return getRangeByName(this._ctx, this._book, name);
  }
  getNamedRanges(): GoogleAppsScript.Spreadsheet.NamedRange[] {
    return namedRangesOf(this._ctx, this._book, () => true);
  }
  removeNamedRange(name: string): void {
    removeNamedRange(this._ctx, this._book, name);
  }
  /** Connected Sheets: see dataSources.ts. */
  insertDataSourceSheet(spec: GoogleAppsScript.Spreadsheet.DataSourceSpec): GoogleAppsScript.Spreadsheet.DataSourceSheet {
    return insertDataSourceSheet(this._ctx, this._book, spec);
  }
  getDataSourceSheets(): GoogleAppsScript.Spreadsheet.DataSourceSheet[] {
    return dataSourceSheets(this._ctx, this._book);
  }
}
finishFake(FakeSpreadsheet, 'Spreadsheet.Spreadsheet');
