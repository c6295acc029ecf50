/**
 * Plain grids of cells with their number formats, and tables made from one list of columns: each
 * column is its header, its number format and how a row gives its value, so that the header row,
 * the values and the formats of a table are made from the same entry and cannot fall out of step.
 * Nothing here knows about sheets: the Apps Script layer writes a grid with one `setValues` and one
 * `setNumberFormats`.
 */
import { DATE_PATTERN, DATE_TIME_PATTERN, type Zone } from './dates';
import { COLUMN_LABELS, type ColumnId, type Lang } from './labels';
import type { Cell } from './values';

export type NumberFormat = 'yen' | 'percent' | 'date' | 'datetime' | 'integer' | 'decimal' | 'text' | '';

/**
 * Sheets number-format patterns, one place (Google's "Date and number formats",
 * developers.google.com/workspace/sheets/api/guides/formats). '' leaves Sheets' automatic format.
 * Dates read `2026/11/30` and times `12:00` (24-hour) in every language, the shape of the core's
 * one day formatter (src/core/dates.ts formatDay).
 */
export const NUMBER_FORMATS: Readonly<Record<NumberFormat, string>> = {
  yen: '"¥"#,##0',
  percent: '0.0%',
  date: DATE_PATTERN,
  datetime: DATE_TIME_PATTERN,
  integer: '#,##0',
  decimal: '0.0',
  // Plain text ('@', Google's Range.setNumberFormat: "'@' … formats as plain text"): keys such as
  // 0012, 2024-01 or a phone number 09000000000 stay as written instead of becoming numbers or dates.
  text: '@',
  '': 'General',
};

export interface Grid {
  /** Rectangular. */
  readonly values: Cell[][];
  /** Same shape as values. */
  readonly formats: NumberFormat[][];
  /** 0-based rows shown in bold (titles and headers). */
  readonly boldRows: readonly number[];
  readonly frozenRows: number;
  /** 0-based columns the writer hides: ids kept for the add-on to read back, not for the owner. */
  readonly hiddenColumns?: readonly number[];
  /** Column widths in pixels from column A, where the tab sets them (the funnel tab). */
  readonly columnWidths?: readonly number[];
}

/** What every table's values depend on besides the row: at least the language of its words. */
export interface TableContext {
  readonly lang: Lang;
}

/** Dates are written as the local midnight of their day in the spreadsheet's zone, which Sheets
 *  shows as that date. */
export interface DatedContext extends TableContext {
  readonly zone: Zone;
}

/** One column of an output table. */
export interface Column<R, C extends TableContext = TableContext> {
  /** The header: the column's words in COLUMN_LABELS, or made from the context (a date in it). */
  readonly header: ColumnId | ((ctx: C) => string);
  readonly format: NumberFormat;
  readonly value: (row: R, ctx: C) => Cell;
}

export function headerRow<C extends TableContext>(columns: ReadonlyArray<Column<never, C>>, ctx: C): string[] {
  return columns.map((c) => (typeof c.header === 'function' ? c.header(ctx) : COLUMN_LABELS[c.header][ctx.lang]));
}

export function valueRow<R, C extends TableContext>(columns: ReadonlyArray<Column<R, C>>, row: R, ctx: C): Cell[] {
  const out = new Array<Cell>(columns.length);
  for (let i = 0; i < columns.length; i++) out[i] = columns[i]!.value(row, ctx);
  return out;
}

export function formatRow(columns: ReadonlyArray<Column<never, never>>): NumberFormat[] {
  return columns.map((c) => c.format);
}

/** Builds a grid line by line; pads every line to the widest at the end. */
export class GridBuilder {
  private readonly values: Cell[][] = [];
  private readonly formats: NumberFormat[][] = [];
  private readonly bold: number[] = [];

  line(cells: readonly Cell[], formats: readonly NumberFormat[] = [], bold = false): this {
    if (bold) this.bold.push(this.values.length);
    this.values.push([...cells]);
    this.formats.push(cells.map((_, i) => formats[i] ?? ''));
    return this;
  }

  blank(): this {
    return this.line([]);
  }

  /** A table: its header row in bold, then a line per row, each column in its format. */
  table<R, C extends TableContext>(columns: ReadonlyArray<Column<R, C>>, rows: Iterable<R>, ctx: C): this {
    this.line(headerRow(columns, ctx), [], true);
    const formats = formatRow(columns);
    for (const row of rows) this.line(valueRow(columns, row, ctx), formats);
    return this;
  }

  get rows(): number {
    return this.values.length;
  }

  build(frozenRows = 0): Grid {
    const width = Math.max(1, ...this.values.map((r) => r.length));
    const pad = <T>(rows: T[][], fill: T) => rows.map((r) => [...r, ...new Array<T>(width - r.length).fill(fill)]);
    return { values: pad(this.values, ''), formats: pad(this.formats, ''), boldRows: this.bold, frozenRows };
  }
}

/**
 * Rows the add-on puts above every tab's own content: one line saying the tab is rewritten at each
 * refresh (issue 11: an owner's memo typed into a tab must not vanish without a word).
 */
export const NOTICE_ROWS = 1;

/** A tab's grid with the notice line on top: bold, frozen with the tab's own frozen rows. */
export function withNotice(grid: Grid, notice: string): Grid {
  const width = grid.values[0]?.length ?? 1;
  const pad = <T>(first: T, fill: T): T[] => [first, ...new Array<T>(Math.max(0, width - 1)).fill(fill)];
  return {
    values: [pad<Cell>(notice, ''), ...grid.values],
    formats: [pad<NumberFormat>('', ''), ...grid.formats],
    boldRows: [0, ...grid.boldRows.map((r) => r + NOTICE_ROWS)],
    frozenRows: grid.frozenRows === 0 ? 0 : grid.frozenRows + NOTICE_ROWS,
    ...(grid.hiddenColumns !== undefined ? { hiddenColumns: grid.hiddenColumns } : {}),
    ...(grid.columnWidths !== undefined ? { columnWidths: grid.columnWidths } : {}),
  };
}
