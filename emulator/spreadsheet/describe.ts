/** Plain descriptions of a sheet, for test assertions (env.sheet(name)). */
import { a1Of } from './a1';
import { describeChart } from './charts';
import type { BookModel, SheetModel } from './book';
import { DEFAULT_NUMBER_FORMAT, FORMAT_DEFAULTS, displayOf, toScript, type Cell } from './values';

export interface SheetDescription {
  name: string;
  sheetId: number;
  index: number;
  hidden: boolean;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  /** The data range's values as getValues returns them (Dates for date cells, '' for blanks). */
  values: unknown[][];
  displayValues: string[][];
  formulas: string[][];
  numberFormats: string[][];
  fontWeights: string[][];
  backgrounds: string[][];
  horizontalAlignments: string[][];
  columnWidths: Record<number, number>;
  /** Whether this is the active sheet, and its selection (Range.activate) in A1 notation. */
  active: boolean;
  activeRange: string | null;
  autoResizedColumns: number[];
  /** 1-based columns hidden with hideColumns, ascending. */
  hiddenColumns: number[];
  tabColor: string | null;
  charts: ReturnType<typeof describeChart>[];
  metadata: Array<{ key: string; value: string | null; visibility: string }>;
  /** The sheet's protection, if it is protected (protection.ts). */
  protection: { description: string; warningOnly: boolean } | null;
  /** Named ranges on the sheet: name → A1 notation. */
  namedRanges: Record<string, string>;
}

export function describeSheet(book: BookModel, s: SheetModel): SheetDescription {
  const rows = Math.max(s.lastRow(), 1);
  const cols = Math.max(s.lastCol(), 1);
  const map = <T>(f: (cell: Cell | undefined) => T): T[][] =>
    Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => f(s.cell(r + 1, c + 1))));
  return {
    name: s.name,
    sheetId: s.id,
    index: book.sheets.indexOf(s) + 1,
    hidden: s.hidden,
    maxRows: s.maxRows,
    maxColumns: s.maxCols,
    frozenRows: s.frozenRows,
    frozenColumns: s.frozenCols,
    values: map((c) => toScript(c, book.zone)),
    displayValues: map(displayOf),
    formulas: map((c) => c?.f ?? ''),
    numberFormats: map((c) => c?.nf ?? DEFAULT_NUMBER_FORMAT),
    fontWeights: map((c) => c?.fw ?? FORMAT_DEFAULTS.fw),
    backgrounds: map((c) => c?.bg ?? FORMAT_DEFAULTS.bg),
    horizontalAlignments: map((c) => c?.ha ?? FORMAT_DEFAULTS.ha),
    columnWidths: Object.fromEntries(s.columnWidths),
    active: book.active === s,
    activeRange: s.activeRange === null ? null : a1Of(s.activeRange.row, s.activeRange.col, s.activeRange.numRows, s.activeRange.numCols),
    autoResizedColumns: [...s.autoResized].sort((a, b) => a - b),
    hiddenColumns: [...s.hiddenColumns].sort((a, b) => a - b),
    tabColor: s.tabColor,
    charts: s.charts.map((c) => describeChart(c)),
    metadata: book.metadata.filter((m) => m.sheet === s).map((m) => ({ key: m.key, value: m.value, visibility: m.visibility })),
    protection: s.protection === null ? null : { ...s.protection },
    namedRanges: Object.fromEntries(book.namedRanges.filter((n) => n.sheet === s).map((n) => [n.name, a1Of(n.row, n.col, n.numRows, n.numCols)])),
  };
}
