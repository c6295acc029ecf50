/**
 * Reading the add-on's output tables (a tab's values, a custom function's spilled table) by column,
 * never by position: a column is found by its header (COLUMN_LABELS, either language), so a test
 * keeps meaning the same column when one is added or moved.
 */
import { tableParts } from '../../src/core/functions';
import { COLUMN_LABELS, type ColumnId } from '../../src/core/labels';

type Table = ReadonlyArray<ReadonlyArray<unknown>>;

/** The 0-based column of `id` in a table whose first row is its header row. */
export function columnOf(table: Table, id: ColumnId): number {
  const header = table[0] ?? [];
  const { ja, en } = COLUMN_LABELS[id];
  const i = header.findIndex((h) => h === ja || h === en);
  if (i < 0) throw new Error(`no "${en}" / "${ja}" column in the header row: ${JSON.stringify(header)}`);
  return i;
}

/** Each data row's cells of the given columns, in that order (a custom function's note rows left
 *  out: `tableParts`). */
export function pick(table: Table, ...ids: ColumnId[]): unknown[][] {
  const cols = ids.map((id) => columnOf(table, id));
  return tableParts(table).rows.map((row) => cols.map((c) => row[c]));
}

/** The note rows that end a custom function's table: what it leaves out, and why. */
export function notes(table: Table): string[] {
  return tableParts(table).notes;
}

/** One cell: data row `row` (1 = the first row under the header) of column `id`. */
export function cell(table: Table, row: number, id: ColumnId): unknown {
  return table[row]?.[columnOf(table, id)];
}
