/**
 * Developer metadata on the spreadsheet and on sheets: key, value, visibility, a finder. It survives
 * renames and goes with a deleted sheet (spreadsheet.ts).
 */
import { Ctx, Fake, enumName, finishFake, makeEnum, real, signatureError } from '../core';
import type { BookModel, MetaRecord, SheetModel } from './book';
import { sheetFacade } from './sheet';
import { FakeSpreadsheet } from './spreadsheet';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type DeveloperMetadata = GoogleAppsScript.Spreadsheet.DeveloperMetadata;

export const DeveloperMetadataVisibility = makeEnum('DeveloperMetadataVisibility', ['DOCUMENT', 'PROJECT']);
export const DeveloperMetadataLocationType = makeEnum('DeveloperMetadataLocationType', ['SPREADSHEET', 'SHEET', 'ROW', 'COLUMN']);

export function metadataList(ctx: Ctx, book: BookModel, keep: (m: MetaRecord) => boolean): DeveloperMetadata[] {
  return ctx.realm.array(book.metadata.filter(keep).map((m) => real(new FakeDeveloperMetadata(ctx, book, m))));
}

export function addMetadata(ctx: Ctx, book: BookModel, sheet: SheetModel | null, key: unknown, rest: unknown[], method: string): void {
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
