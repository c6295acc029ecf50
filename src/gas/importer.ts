/**
 * The server side of the sidebar's CSV import (issue 13). The page reads, decodes, parses and
 * checks the file itself, with the core's own reader (nothing reaches the server before the owner
 * confirms); here are the two calls it makes through google.script.run, each one execution:
 *
 * - readImportKeys: which import sheet the file's layout goes to, and the keys of the orders it
 *   holds, a page of rows at a time — so the page can say which orders are new.
 * - appendImportRows: one chunk of whole orders, appended under the document lock with one
 *   setNumberFormats and one setValues, and only to the sheet exactly as the page last saw it (its
 *   id and last row): a chunk is written whole or not at all, never on top of a change it did not
 *   see, so an order is never written twice nor half.
 *
 * This module exports only the two server functions (src/sidebar/serverFunctions.ts lists them).
 */
import { NUMBER_FORMATS } from '../core/grid';
import { IMPORT_LIMITS, cellsAdded, importKey, mapRow, mergeHeader, orderIdColumn, type ImportCell } from '../core/imports';
import { IMPORT_ERRORS, pickLang, type Lang } from '../core/labels';
import { isBlank, type Cell } from '../core/values';
import { cellsLeft, createImportSheet, findImportSheet, importSheetName } from './importSheets';
import { loadSettings } from './settingsStore';
import { ensureSize, safeCell } from './writer';

/** The import sheet a file goes to, as the page needs it to compare and to append. */
export interface ImportSheetView {
  readonly id: number;
  readonly name: string;
  readonly header: string[];
  readonly lastRow: number;
}

export interface ImportKeysPage {
  /** The spreadsheet's time zone: the page reads the file's dates in it, as the refresh will. */
  readonly timeZone: string;
  /** The import sheet the file goes to; null: the first chunk creates `newName`. */
  readonly sheet: ImportSheetView | null;
  readonly newName: string;
  /** Keys (src/core/imports.ts importKey) of the orders in rows `fromRow`… of the sheet. */
  readonly keys: string[];
  /** The row to ask for next; null when every row has been read. */
  readonly nextRow: number | null;
  /** Cells the spreadsheet may still grow by (10 million less every sheet's grid), and the
   *  sheet's grid: the page checks an import fits before it starts. */
  readonly room: number;
  readonly grid: { readonly rows: number; readonly columns: number } | null;
}

export interface ImportAppended {
  readonly sheet: ImportSheetView;
  readonly rows: number;
}

/** How long a chunk waits for a refresh (or another chunk) to finish before it gives up. */
const LOCK_WAIT_MS = 10_000;

function context(): { ss: GoogleAppsScript.Spreadsheet.Spreadsheet; lang: Lang } {
  const ss = SpreadsheetApp.getActive();
  return { ss, lang: pickLang(loadSettings().language, ss.getSpreadsheetLocale()) };
}

function badRequest(lang: Lang): Error {
  return new Error(IMPORT_ERRORS.badRequest[lang]);
}

function readHeader(v: unknown, lang: Lang): string[] {
  if (!Array.isArray(v) || v.length === 0 || v.length > 18_278) throw badRequest(lang);
  for (const h of v) if (typeof h !== 'string' || h.length > IMPORT_LIMITS.cellChars) throw badRequest(lang);
  return v as string[];
}

function readRows(v: unknown, width: number, lang: Lang): ImportCell[][] {
  if (!Array.isArray(v) || v.length === 0) throw badRequest(lang);
  for (const row of v) {
    if (!Array.isArray(row) || row.length > width) throw badRequest(lang);
    for (const c of row) {
      const ok = (typeof c === 'string' && c.length <= IMPORT_LIMITS.cellChars) || (typeof c === 'number' && Number.isFinite(c));
      if (!ok) throw badRequest(lang);
    }
  }
  return v as ImportCell[][];
}

const isWhole = (v: unknown, min: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min;

function view(sheet: GoogleAppsScript.Spreadsheet.Sheet, header: string[], lastRow: number): ImportSheetView {
  return { id: sheet.getSheetId(), name: sheet.getName(), header, lastRow };
}

/**
 * The import sheet for a header row and the keys of its orders in rows fromRow… (row 2 is the first
 * under the header). Reads the order id column only, and a row's whole content only where it has
 * no order id; at most IMPORT_LIMITS.keyPageRows rows per call.
 */
export function readImportKeys(request: unknown): ImportKeysPage {
  const { ss, lang } = context();
  const r = (request ?? {}) as { header?: unknown; fromRow?: unknown };
  const header = readHeader(r.header, lang);
  const fromRow = isWhole(r.fromRow, 2) ? r.fromRow : 2;
  const found = findImportSheet(ss, header);
  const base = {
    timeZone: ss.getSpreadsheetTimeZone(),
    newName: found === undefined ? importSheetName(ss, header, lang) : found.sheet.getName(),
    room: fromRow === 2 ? cellsLeft(ss) : 0,
  };
  if (found === undefined) return { ...base, sheet: null, keys: [], nextRow: null, grid: null };

  const { sheet, lastRow } = found;
  const width = found.header.length;
  const idCol = orderIdColumn(found.header);
  const pageRows = idCol >= 0 ? IMPORT_LIMITS.keyPageRows : Math.max(1, Math.min(IMPORT_LIMITS.keyPageRows, Math.floor(IMPORT_LIMITS.keyPageCells / width)));
  const last = Math.min(lastRow, fromRow + pageRows - 1);
  const keys = new Set<string>();
  if (last >= fromRow) {
    const count = last - fromRow + 1;
    if (idCol < 0) {
      for (const row of sheet.getRange(fromRow, 1, count, width).getValues() as Cell[][]) keys.add(importKey(row, -1));
    } else {
      const ids = sheet.getRange(fromRow, idCol + 1, count, 1).getValues() as Cell[][];
      // Rows without an order id are keyed by their content: read those rows, a run at a time.
      for (let i = 0; i < count; ) {
        const id = ids[i]![0];
        if (!isBlank(id)) {
          const row: Cell[] = [];
          row[idCol] = id;
          keys.add(importKey(row, idCol));
          i++;
          continue;
        }
        let j = i;
        while (j < count && isBlank(ids[j]![0])) j++;
        for (const row of sheet.getRange(fromRow + i, 1, j - i, width).getValues() as Cell[][]) keys.add(importKey(row, idCol));
        i = j;
      }
    }
  }
  return {
    ...base,
    sheet: view(sheet, found.header, lastRow),
    keys: [...keys],
    nextRow: last < lastRow ? last + 1 : null,
    grid: fromRow === 2 ? { rows: sheet.getMaxRows(), columns: sheet.getMaxColumns() } : null,
  };
}

/**
 * Appends one chunk of whole orders (rows in the file's columns) to the import sheet of their
 * header — creating it for the first chunk — if the sheet is still the one the page read
 * (`expected`: its id, or null for none yet, and its last row). Throws, having written nothing of
 * the chunk, when the sheet changed, another refresh or import holds the lock, or the spreadsheet
 * would pass 10 million cells.
 */
export function appendImportRows(request: unknown): ImportAppended {
  const { ss, lang } = context();
  const r = (request ?? {}) as { header?: unknown; rows?: unknown; expected?: { sheetId?: unknown; lastRow?: unknown } };
  const header = readHeader(r.header, lang);
  const rows = readRows(r.rows, header.length, lang);
  const expectedId = r.expected?.sheetId;
  const expectedLast = r.expected?.lastRow;
  if (!(expectedId === null || isWhole(expectedId, 0)) || !isWhole(expectedLast, 0)) throw badRequest(lang);

  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) throw new Error(IMPORT_ERRORS.busy[lang]);
  try {
    const found = findImportSheet(ss, header);
    const lastRow = found?.lastRow ?? 0;
    if ((found?.sheet.getSheetId() ?? null) !== expectedId || lastRow !== expectedLast) {
      throw new Error(IMPORT_ERRORS.changed[lang](found?.sheet.getName() ?? importSheetName(ss, header, lang)));
    }
    const merge = mergeHeader(found?.header ?? [], header);
    const width = merge.header.length;
    const grid = found === undefined ? null : { rows: found.sheet.getMaxRows(), columns: found.sheet.getMaxColumns() };
    const need = cellsAdded(grid, lastRow, rows.length, width);
    if (need > 0) {
      const room = cellsLeft(ss);
      if (need > room) throw new Error(IMPORT_ERRORS.cells[lang](need, room));
    }

    const sheet = found?.sheet ?? createImportSheet(ss, header, lang);
    const start = Math.max(lastRow, 1) + 1;
    ensureSize(sheet, start + rows.length - 1, width);
    const data = rows.map((row) => mapRow<ImportCell>(row, merge.columnOf, width, ''));
    const before = found?.header.length ?? 0;
    if (found === undefined) {
      // A new sheet: its header and the chunk's rows are one block, one write.
      data.unshift(merge.header);
    } else if (before < width) {
      // New columns at the right of an existing header (the ones already there are the sheet's own words).
      const added = sheet.getRange(1, before + 1, 1, width - before);
      added.setNumberFormats([merge.header.slice(before).map(() => NUMBER_FORMATS.text)]);
      added.setValues([merge.header.slice(before).map(safeCell)]);
    }
    if (before < width) sheet.getRange(1, before + 1, 1, width - before).setFontWeight('bold');
    // Formats before values: text stays text (0012, 090…, dates as exported), numbers are numbers.
    const range = sheet.getRange(found === undefined ? 1 : start, 1, data.length, width);
    range.setNumberFormats(data.map((row) => row.map((v) => (typeof v === 'number' ? NUMBER_FORMATS[''] : NUMBER_FORMATS.text))));
    range.setValues(data.map((row) => row.map(safeCell)));
    return { sheet: view(sheet, merge.header, start + rows.length - 1), rows: rows.length };
  } finally {
    lock.releaseLock();
  }
}
