/**
 * Named ranges: Spreadsheet.setNamedRange / getRangeByName / getNamedRanges / removeNamedRange and
 * the NamedRange object.
 * - Spreadsheet#setNamedRange (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#setNamedRange(String,Range)):
 *   "Names a range." Google does not say what a name already in use does; here it throws (ours), so
 *   that code passing here renames nothing by accident: to move a name, use NamedRange.setRange.
 * - #getRangeByName: "Returns a named range, or null if no range with the given name is found."
 * - The names Sheets accepts, Google* (support.google.com/docs/answer/63175, "Name a range of
 *   cells", quoted by several independent copies): "Can contain only letters, numbers, and
 *   underscores. Can't start with a number, or the words "true" or "false." Can't contain any spaces
 *   or punctuation. Must be 1–250 characters. Can't be in either A1 or R1C1 syntax." The error's
 *   wording is not published: ours.
 * Names are case-insensitive in Sheets' formulas; here too. A name on a deleted sheet goes with it
 * (Sheets keeps it as #REF! and its API no longer lists it).
 */
import { Ctx, Fake, finishFake, real, signatureError } from '../core';
import type { BookModel, NamedRangeRecord } from './book';
import { FakeRange } from './range';

type NamedRange = GoogleAppsScript.Spreadsheet.NamedRange;
type Range = GoogleAppsScript.Spreadsheet.Range;

const NAME = /^[\p{L}_][\p{L}\p{N}_]{0,249}$/u;
const CELL_LIKE = /^([A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*)$/;

/** Google*'s rules for a range name (above); a message for the first one broken, else undefined. */
export function badRangeName(name: string): string | undefined {
  if (!NAME.test(name) || /^(true|false)/i.test(name) || CELL_LIKE.test(name)) return `Invalid name for a named range: ${name}`;
  return undefined;
}

export function findNamedRange(book: BookModel, name: string): NamedRangeRecord | undefined {
  const bang = name.lastIndexOf('!');
  const bare = (bang < 0 ? name : name.slice(bang + 1)).toLowerCase();
  const sheet = bang < 0 ? undefined : book.byName(name.slice(0, bang));
  return book.namedRanges.find((n) => n.name.toLowerCase() === bare && (sheet === undefined || n.sheet === sheet) && !n.sheet.deleted);
}

function rangeOf(ctx: Ctx, book: BookModel, n: NamedRangeRecord): Range {
  return real(new FakeRange(ctx, book, n.sheet, n.row, n.col, n.numRows, n.numCols));
}

function target(ctx: Ctx, range: unknown, method: string): FakeRange {
  if (!(range instanceof FakeRange)) return signatureError(ctx, [range], method);
  return range;
}

/** Spreadsheet#setNamedRange. */
export function setNamedRange(ctx: Ctx, book: BookModel, name: unknown, range: unknown): void {
  if (typeof name !== 'string') signatureError(ctx, [name, range], 'SpreadsheetApp.Spreadsheet.setNamedRange');
  const r = target(ctx, range, 'SpreadsheetApp.Spreadsheet.setNamedRange');
  const bad = badRangeName(name);
  if (bad !== undefined) ctx.fail(bad);
  if (findNamedRange(book, name) !== undefined) ctx.fail(`A named range called ${name} already exists.`);
  book.namedRanges.push({ name, sheet: r._sheet, row: r._row, col: r._col, numRows: r._numRows, numCols: r._numCols });
}

export function getRangeByName(ctx: Ctx, book: BookModel, name: unknown): Range | null {
  if (typeof name !== 'string') signatureError(ctx, [name], 'SpreadsheetApp.Spreadsheet.getRangeByName');
  const n = findNamedRange(book, name);
  return n === undefined ? null : rangeOf(ctx, book, n);
}

export function namedRangesOf(ctx: Ctx, book: BookModel, keep: (n: NamedRangeRecord) => boolean): NamedRange[] {
  return ctx.realm.array(book.namedRanges.filter((n) => !n.sheet.deleted && keep(n)).map((n) => real(new FakeNamedRange(ctx, book, n))));
}

export function removeNamedRange(ctx: Ctx, book: BookModel, name: unknown): void {
  if (typeof name !== 'string') signatureError(ctx, [name], 'SpreadsheetApp.Spreadsheet.removeNamedRange');
  const n = findNamedRange(book, name);
  if (n === undefined) ctx.fail(`There is no named range called ${name}.`);
  book.namedRanges = book.namedRanges.filter((x) => x !== n);
}

export class FakeNamedRange extends Fake<NamedRange> implements Pick<NamedRange, 'getName' | 'getRange' | 'setName' | 'setRange' | 'remove'> {
  constructor(
    ctx: Ctx,
    private _book: BookModel,
    private _rec: NamedRangeRecord,
  ) {
    super(ctx);
  }
  private _live(): NamedRangeRecord {
    if (!this._book.namedRanges.includes(this._rec) || this._rec.sheet.deleted) return this._ctx.fail('The named range has been removed.');
    return this._rec;
  }
  getName(): string {
    return this._live().name;
  }
  getRange(): Range {
    return rangeOf(this._ctx, this._book, this._live());
  }
  setName(name: string): NamedRange {
    const rec = this._live();
    if (typeof name !== 'string') signatureError(this._ctx, [name], 'SpreadsheetApp.NamedRange.setName');
    const bad = badRangeName(name);
    if (bad !== undefined) this._ctx.fail(bad);
    const other = findNamedRange(this._book, name);
    if (other !== undefined && other !== rec) this._ctx.fail(`A named range called ${name} already exists.`);
    rec.name = name;
    return real(this);
  }
  setRange(range: Range): NamedRange {
    const rec = this._live();
    const r = target(this._ctx, range, 'SpreadsheetApp.NamedRange.setRange');
    Object.assign(rec, { sheet: r._sheet, row: r._row, col: r._col, numRows: r._numRows, numCols: r._numCols });
    return real(this);
  }
  remove(): void {
    const rec = this._live();
    this._book.namedRanges = this._book.namedRanges.filter((x) => x !== rec);
  }
}
finishFake(FakeNamedRange, 'Spreadsheet.NamedRange');
