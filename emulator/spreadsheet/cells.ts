/** What a script's write or clear does to a sheet's cells (Range and Sheet share it). */
import type { Ctx } from '../core';
import type { BookModel, SheetModel } from './book';
import { UnsupportedValue, fromScript } from './values';

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
