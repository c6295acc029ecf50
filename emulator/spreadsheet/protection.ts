/**
 * Sheet protection (Sheet.protect(), getProtections, the Protection object), as far as a script can
 * see it. Google's reference:
 * - Sheet#protect (https://developers.google.com/apps-script/reference/spreadsheet/sheet#protect()):
 *   "Creates an object that can protect the sheet from being edited except by users who have
 *   permission. Until the script actually changes the list of editors for the sheet … the
 *   permissions mirror those of the spreadsheet itself, which effectively means that the sheet
 *   remains unprotected. If the sheet is already protected, this method returns an object
 *   representing its existing protection settings."
 * - Protection#setWarningOnly (https://developers.google.com/apps-script/reference/spreadsheet/protection#setWarningOnly(Boolean)):
 *   "Sets whether or not this protected range is using "warning based" protection. Warning-based
 *   protection means that every user can edit data in the area, except editing prompts a warning
 *   asking the user to confirm the edit. By default, protected ranges or sheets are not
 *   warning-based."
 * - ProtectionType (https://developers.google.com/apps-script/reference/spreadsheet/protection-type):
 *   RANGE, SHEET.
 * So a protection here never blocks a script's writes: a new protection mirrors the spreadsheet's
 * permissions, a warning-only one lets every editor edit, and editor lists are not modelled (their
 * methods throw "not implemented"). Range protections (Range.protect) are not faked.
 */
import { Ctx, Fake, enumName, finishFake, makeEnum, real, signatureError } from '../core';
import type { BookModel, ProtectionRecord, SheetModel } from './book';
import { FakeRange } from './range';

type Protection = GoogleAppsScript.Spreadsheet.Protection;

export const ProtectionType = makeEnum('ProtectionType', ['RANGE', 'SHEET']);

/** Sheet#protect: the sheet's protection, made if it has none. */
export function protectSheet(ctx: Ctx, book: BookModel, s: SheetModel): Protection {
  if (s.protection === null) s.protection = { description: '', warningOnly: false };
  return real(new FakeProtection(ctx, book, s, s.protection));
}

/** Sheet#getProtections / Spreadsheet#getProtections over `sheets`. */
export function protectionsOf(ctx: Ctx, book: BookModel, sheets: readonly SheetModel[], type: unknown, method: string): Protection[] {
  const name = enumName(type);
  if (typeof type !== 'object' || (name !== 'RANGE' && name !== 'SHEET')) return signatureError(ctx, [type], method);
  if (name === 'RANGE') return ctx.realm.array([]);
  return ctx.realm.array(sheets.filter((s) => s.protection !== null).map((s) => real(new FakeProtection(ctx, book, s, s.protection!))));
}

export class FakeProtection
  extends Fake<Protection>
  implements Pick<Protection, 'getDescription' | 'setDescription' | 'isWarningOnly' | 'setWarningOnly' | 'getProtectionType' | 'getRange' | 'canEdit' | 'remove'>
{
  constructor(
    ctx: Ctx,
    private _book: BookModel,
    private _sheet: SheetModel,
    private _rec: ProtectionRecord,
  ) {
    super(ctx);
  }
  private _live(): ProtectionRecord {
    if (this._sheet.deleted || this._sheet.protection !== this._rec) return this._ctx.fail('The protection has been removed.');
    return this._rec;
  }
  getDescription(): string {
    return this._live().description;
  }
  setDescription(description: string): Protection {
    if (typeof description !== 'string') signatureError(this._ctx, [description], 'SpreadsheetApp.Protection.setDescription');
    this._live().description = description;
    return real(this);
  }
  isWarningOnly(): boolean {
    return this._live().warningOnly;
  }
  setWarningOnly(warningOnly: boolean): Protection {
    if (typeof warningOnly !== 'boolean') signatureError(this._ctx, [warningOnly], 'SpreadsheetApp.Protection.setWarningOnly');
    this._live().warningOnly = warningOnly;
    return real(this);
  }
  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    this._live();
    return ProtectionType.SHEET as never;
  }
  getRange(): GoogleAppsScript.Spreadsheet.Range {
    this._live();
    const s = this._sheet;
    return real(new FakeRange(this._ctx, this._book, s, 1, 1, s.maxRows, s.maxCols));
  }
  /** Editor lists are not modelled: the user running the script can edit. */
  canEdit(): boolean {
    this._live();
    return true;
  }
  remove(): void {
    this._live();
    this._sheet.protection = null;
  }
}
finishFake(FakeProtection, 'Spreadsheet.Protection');
