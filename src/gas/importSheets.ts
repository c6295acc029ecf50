/**
 * The orders sheets the import creates (issue 13). Each is marked with developer metadata that
 * names its own sheet id: Sheets copies metadata when an owner duplicates a sheet, and the copy —
 * whose id differs — is the owner's, never written to. They are input sheets like any other for
 * the refresh and the formulas (src/core/sources.ts chooses among them), never the add-on's tabs.
 */
import { importLayout, fitsSheet, IMPORT_LIMITS } from '../core/imports';
import { IMPORT_SHEET_NAME, type Lang } from '../core/labels';
import { profileLabel } from '../core/profiles';
import { METADATA_KEYS } from './keys';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const KEY = METADATA_KEYS.importSheet;

/** An import sheet as found: its header row and last row with data. */
export interface FoundImportSheet {
  readonly sheet: Sheet;
  readonly header: string[];
  readonly lastRow: number;
}

/** Whether the add-on created this sheet for an import (and it is not a copy of one). */
export function isImportSheet(sheet: Sheet): boolean {
  for (const m of sheet.getDeveloperMetadata()) {
    if (m.getKey() !== KEY) continue;
    try {
      const mark = JSON.parse(m.getValue() ?? '') as { sheetId?: unknown };
      if (mark.sheetId === sheet.getSheetId()) return true;
    } catch {
      // A mark that is not ours to read: not an import sheet.
    }
  }
  return false;
}

function headerOf(sheet: Sheet): string[] {
  const columns = sheet.getLastColumn();
  if (columns < 1) return [];
  return (sheet.getRange(1, 1, 1, columns).getValues()[0] ?? []).map((v) => (v === null || v === undefined ? '' : String(v)));
}

/** The import sheet a file with this header goes to (the first that fits it), if there is one. */
export function findImportSheet(ss: Spreadsheet, fileHeader: readonly string[]): FoundImportSheet | undefined {
  for (const sheet of ss.getSheets()) {
    if (!isImportSheet(sheet)) continue;
    const header = headerOf(sheet);
    if (header.length > 0 && fitsSheet(header, fileHeader)) return { sheet, header, lastRow: sheet.getLastRow() };
  }
  return undefined;
}

/** The name for a new import sheet: 注文データ(楽天 RMS), else the same with 2, 3… */
export function importSheetName(ss: Spreadsheet, fileHeader: readonly string[], lang: Lang): string {
  const base = IMPORT_SHEET_NAME[lang](profileLabel(importLayout(fileHeader).profile, lang));
  if (ss.getSheetByName(base) === null) return base;
  for (let i = 2; ; i++) if (ss.getSheetByName(`${base} ${i}`) === null) return `${base} ${i}`;
}

/**
 * A new import sheet, first in tab order (where the owner looks for their data, and where the
 * refresh's detection finds orders first), marked as the add-on's with its own id.
 */
export function createImportSheet(ss: Spreadsheet, fileHeader: readonly string[], lang: Lang): Sheet {
  const sheet = ss.insertSheet(importSheetName(ss, fileHeader, lang), 0);
  sheet.addDeveloperMetadata(KEY, JSON.stringify({ sheetId: sheet.getSheetId(), platform: importLayout(fileHeader).profile }));
  sheet.setFrozenRows(1);
  return sheet;
}

/** Every sheet's grid (rows × columns), as Sheets counts cells against its limit. */
export function spreadsheetCells(ss: Spreadsheet): number {
  let n = 0;
  for (const sheet of ss.getSheets()) n += sheet.getMaxRows() * sheet.getMaxColumns();
  return n;
}

/** Cells left before the spreadsheet's limit. */
export function cellsLeft(ss: Spreadsheet): number {
  return Math.max(0, IMPORT_LIMITS.spreadsheetCells - spreadsheetCells(ss));
}
