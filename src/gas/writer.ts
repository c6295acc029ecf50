/**
 * Writes the tabs' grids onto the add-on's own tabs, one tab after the other, each with one
 * setValues. There are no scratch copies: staging every tab on a hidden sheet first doubled the
 * spreadsheet's footprint against Sheets' 10 million cells (issue 10). What makes the switch-over
 * safe instead is that the refresh records, before the first write and after each tab, which tabs
 * are written (src/gas/outcome.ts), so a failure half-way is reported tab by tab and repaired by the
 * next refresh.
 *
 * Each tab is trimmed to its grid — rows and columns — so that an empty default column or a row
 * left from a bigger shop costs no cell; its number formats are written by column where that is
 * cheaper, and only its title and header rows are made bold. The tabs themselves are kept, not
 * replaced, so that the owner's formulas that point at them (a VLOOKUP into 顧客ステージ, say) keep
 * working.
 */
import { NOTICE_ROWS, NUMBER_FORMATS, type Grid, type NumberFormat } from '../core/grid';
import type { GridSize } from '../core/guards';
import { HISTORY_CHART_COLUMNS } from '../core/history';
import { TAB_TEXT, type Lang, type TabId } from '../core/labels';
import { FUNNEL_STAGE_TABLE_ROW } from '../core/tabs';
import type { Cell } from '../core/values';
import { AS_OF_RANGE_NAME } from './keys';
import { protectTab, sheetForTab, type OwnTab } from './ownSheets';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Text that Sheets would read as a formula (=, +, -, @) is written with a leading apostrophe,
 * which Sheets keeps as plain text (formula injection, SPEC §1.5).
 */
export function safeCell(v: Cell): Cell {
  if (typeof v !== 'string' || v.length === 0) return v ?? '';
  const c = v.charCodeAt(0);
  return c === 61 || c === 43 || c === 45 || c === 64 ? `'${v}` : v;
}

/** The grid a tab is trimmed to: its rows (at least one under the frozen ones) × its columns. */
export function gridSize(grid: Grid): GridSize {
  return { rows: Math.max(grid.values.length, grid.frozenRows + 1), columns: Math.max(1, grid.values[0]?.length ?? 1) };
}

/** Sheets throws for a range outside the sheet: grow it first (a new sheet has 1000 × 26). */
export function ensureSize(sheet: Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < columns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

/** A tab to write: its grid, its sheet if it has one, and that sheet's grid now. */
export interface TabJob {
  readonly tab: TabId;
  readonly grid: Grid;
  readonly own: OwnTab | undefined;
  readonly before: GridSize | undefined;
}

export interface WrittenTab {
  readonly sheet: Sheet;
  readonly id: number;
  readonly bold: readonly number[];
}

/**
 * A call to Sheets costs about as much as 50 cells (Google's Best Practices: ≈ 7 ms a write call,
 * ≈ 0.1–0.15 ms a cell in one batched call): the cheaper of one call over the whole grid and one
 * call per run of a column is chosen.
 */
const CALL_IN_CELLS = 50;

interface FormatRun {
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly format: NumberFormat;
}

/**
 * Each column's runs of one number format. A run in the automatic format that holds only text (or
 * nothing) is left out: no number format changes how text shows, so a format left there by an
 * earlier refresh does no harm.
 */
function formatRuns(grid: Grid): FormatRun[] {
  const runs: FormatRun[] = [];
  const height = grid.values.length;
  const width = grid.values[0]?.length ?? 0;
  for (let c = 0; c < width; c++) {
    let r = 0;
    while (r < height) {
      const format = grid.formats[r]![c]!;
      const start = r;
      let textOnly = true;
      while (r < height && grid.formats[r]![c] === format) {
        if (typeof grid.values[r]![c] !== 'string') textOnly = false;
        r++;
      }
      if (format !== '' || !textOnly) runs.push({ row: start, column: c, rows: r - start, format });
    }
  }
  return runs;
}

function writeFormats(sheet: Sheet, grid: Grid): void {
  const height = grid.values.length;
  const width = grid.values[0]!.length;
  const runs = formatRuns(grid);
  const byRuns = runs.reduce((n, r) => n + CALL_IN_CELLS + r.rows, 0);
  if (byRuns < CALL_IN_CELLS + height * width) {
    for (const r of runs) sheet.getRange(r.row + 1, r.column + 1, r.rows, 1).setNumberFormat(NUMBER_FORMATS[r.format]);
  } else {
    sheet.getRange(1, 1, height, width).setNumberFormats(grid.formats.map((row) => row.map((f) => NUMBER_FORMATS[f])));
  }
}

/** Consecutive rows as [first, count] pairs. */
function blocks(rows: readonly number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const r of [...new Set(rows)].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last !== undefined && last[0] + last[1] === r) last[1]++;
    else out.push([r, 1]);
  }
  return out;
}

/** Tabs this small may have their font weight reset whole when what was bold is not known. */
const SMALL_GRID = 5_000;

/**
 * Bold for the title and header rows only. Rows bold at the last refresh that are not now are made
 * normal again; when that is not known (a tab from an older version), a small tab is reset whole and
 * a big one (a table, whose only bold row has always been its first) is left.
 */
function writeBold(sheet: Sheet, grid: Grid, size: GridSize, previous: readonly number[] | undefined, existed: boolean): void {
  const now = new Set(grid.boldRows);
  if (previous === undefined && existed && size.rows * size.columns <= SMALL_GRID) {
    sheet.getRange(1, 1, size.rows, size.columns).setFontWeight('normal');
  } else if (previous !== undefined) {
    for (const [first, count] of blocks(previous.filter((r) => !now.has(r) && r < size.rows))) {
      sheet.getRange(first + 1, 1, count, size.columns).setFontWeight('normal');
    }
  }
  for (const [first, count] of blocks(grid.boldRows)) sheet.getRange(first + 1, 1, count, size.columns).setFontWeight('bold');
}

/** Rows, then columns, or the other way: whichever shrinks goes first (src/core/guards.ts counts the same). */
function resize(sheet: Sheet, from: GridSize, to: GridSize, frozenRows: number): void {
  const rows = (): void => {
    if (to.rows < from.rows) {
      // Frozen rows first: Sheets will not delete every row under them.
      sheet.setFrozenRows(frozenRows);
      sheet.deleteRows(to.rows + 1, from.rows - to.rows);
    } else {
      if (to.rows > from.rows) sheet.insertRowsAfter(from.rows, to.rows - from.rows);
      sheet.setFrozenRows(frozenRows);
    }
  };
  const columns = (): void => {
    if (to.columns < from.columns) sheet.deleteColumns(to.columns + 1, from.columns - to.columns);
    else if (to.columns > from.columns) sheet.insertColumnsAfter(from.columns, to.columns - from.columns);
  };
  if (to.rows <= from.rows) {
    rows();
    columns();
  } else {
    columns();
    rows();
  }
}

/** Writes one tab: trimmed to its grid, formats, values (one call), bold rows, protection. */
export function writeTab(ss: Spreadsheet, job: TabJob, lang: Lang): WrittenTab {
  const { grid } = job;
  const { sheet, id, created } = sheetForTab(ss, job.own, job.tab, lang);
  const from = !created && job.before !== undefined ? job.before : { rows: sheet.getMaxRows(), columns: sheet.getMaxColumns() };
  const size = gridSize(grid);
  resize(sheet, from, size, grid.frozenRows);
  const height = grid.values.length;
  const width = grid.values[0]!.length;
  // Formats first: a plain-text column keeps "0012" as text when the values arrive.
  writeFormats(sheet, grid);
  sheet.getRange(1, 1, height, width).setValues(grid.values.map((row) => row.map(safeCell)));
  writeBold(sheet, grid, size, job.own?.state?.bold, !created);
  // Ids the add-on reads back (History's stage codes) are hidden, not shown to the owner; a tab
  // written before they were hidden gets them hidden here.
  for (const [first, count] of blocks(grid.hiddenColumns ?? [])) sheet.hideColumns(first + 1, count);
  // A tab made by an older version has no warning yet; protect() returns the existing one.
  if (!created) protectTab(sheet, lang);
  return { sheet, id, bold: grid.boldRows };
}

/**
 * The funnel tab's chart of customers per stage over time, read from the History tab. Drawn after
 * the tabs are written: a chart that cannot be drawn is a warning, not a failed refresh.
 */
export function drawHistoryChart(funnel: Sheet, history: Sheet, snapshots: number, lang: Lang): void {
  const header = 1 + NOTICE_ROWS;
  const existing = funnel.getCharts()[0];
  const builder = (existing === undefined ? funnel.newChart() : existing.modify())
    .clearRanges()
    .addRange(history.getRange(header, HISTORY_CHART_COLUMNS.asOf, snapshots + 1, 1))
    .addRange(history.getRange(header, HISTORY_CHART_COLUMNS.firstStage, snapshots + 1, HISTORY_CHART_COLUMNS.stages))
    .setChartType(Charts.ChartType.LINE)
    .setPosition(FUNNEL_STAGE_TABLE_ROW + NOTICE_ROWS + 1, 10, 0, 0)
    .setOption('title', TAB_TEXT.chartTitle[lang]);
  if (existing === undefined) funnel.insertChart(builder.build());
  else funnel.updateChart(builder.build());
}

/**
 * Points the named range FanFunnelAsOf at the funnel tab's as-of date (0-based cell), so that
 * formulas passing it as as_of recalculate when the day changes. An existing name is moved, never
 * made twice.
 */
export function nameAsOf(ss: Spreadsheet, funnel: Sheet, cell: { row: number; column: number }): void {
  const range = funnel.getRange(cell.row + 1, cell.column + 1);
  const existing = ss.getNamedRanges().find((n) => n.getName() === AS_OF_RANGE_NAME);
  if (existing === undefined) ss.setNamedRange(AS_OF_RANGE_NAME, range);
  else existing.setRange(range);
}
