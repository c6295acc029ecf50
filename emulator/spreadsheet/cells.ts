/** What a script's write or clear does to a sheet's cells (Range and Sheet share it). */
import type { Ctx } from '../core';
import { CELL_CHARACTERS_MESSAGE, MAX_CELL_CHARACTERS } from '../limits';
import type { BookModel, SheetModel } from './book';
import { UnsupportedValue, fromScript } from './values';

/**
 * Refuses a write whose text would pass 50,000 characters in a cell (limits.ts), before any cell of
 * the call is written: a refused call writes nothing.
 */
export function checkCellText(ctx: Ctx, rows: number, cols: number, at: (r: number, c: number) => unknown): void {
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const v = at(r, c);
      if (typeof v === 'string' && v.length > MAX_CELL_CHARACTERS) ctx.fail(CELL_CHARACTERS_MESSAGE);
    }
  }
}

export function writeCell(ctx: Ctx, book: BookModel, s: SheetModel, row: number, col: number, value: unknown): void {
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

/** Cells of the area that hold something (what a clear has to change, and costs). */
export function cellsHeld(s: SheetModel, row: number, col: number, numRows: number, numCols: number): number {
  let n = 0;
  for (let r = row; r < row + numRows && r <= s.cells.length; r++) {
    const cells = s.cells[r - 1];
    if (!cells) continue;
    for (let c = col; c < col + numCols && c <= cells.length; c++) if (cells[c - 1]) n++;
  }
  return n;
}

export function clearCells(s: SheetModel, row: number, col: number, numRows: number, numCols: number, contents: boolean, formats: boolean): void {
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
