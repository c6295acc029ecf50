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
import type { AccuracyTable } from '../core/accuracy';
import { NOTICE_ROWS, NUMBER_FORMATS, type Grid, type NumberFormat } from '../core/grid';
import type { GridSize } from '../core/guards';
import { HISTORY_CHART_COLUMNS } from '../core/history';
import { BACKTEST_TEXT, TAB_TEXT, type Lang, type TabId } from '../core/labels';
import { FUNNEL_CHART_COLUMN } from '../core/tabs';
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
  /** The number formats the last refresh that ended well left on the tab (`encodeRuns`), if known. */
  readonly formatsInPlace?: string;
}

export interface WrittenTab {
  readonly sheet: Sheet;
  readonly id: number;
  readonly bold: readonly number[];
  /** The number formats the tab now has where it matters (`encodeRuns`), or undefined if too long to keep. */
  readonly formats: string | undefined;
}

/**
 * A call to Sheets costs about as much as 50 cells (Google's Best Practices: ≈ 7 ms a write call,
 * ≈ 0.1–0.15 ms a cell in one batched call): the cheaper of one call over the whole grid and one
 * call per run of a column is chosen.
 */
const CALL_IN_CELLS = 50;

export interface FormatRun {
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly format: NumberFormat;
}

/** Longest format record kept per tab (a document property holds every tab's, under 9 KB). */
const RUNS_KEPT_CHARS = 1_500;

/** Runs as a short text for the tab registry: `column.row.rows.format;…`. */
export function encodeRuns(runs: readonly FormatRun[]): string | undefined {
  const text = runs.map((r) => `${r.column}.${r.row}.${r.rows}.${r.format}`).join(';');
  return text.length <= RUNS_KEPT_CHARS ? text : undefined;
}

export function decodeRuns(text: string): FormatRun[] | undefined {
  if (text === '') return [];
  const out: FormatRun[] = [];
  for (const part of text.split(';')) {
    const m = /^(\d+)\.(\d+)\.(\d+)\.([a-z]*)$/.exec(part);
    if (m === null || !(m[4]! in NUMBER_FORMATS)) return undefined;
    out.push({ column: Number(m[1]), row: Number(m[2]), rows: Number(m[3]), format: m[4] as NumberFormat });
  }
  return out;
}

/**
 * What is left to write of `runs`, given what the tab holds: everything when that is not known;
 * on a sheet just made (every cell in the automatic format) the runs in another format; else each
 * run not already in place, or only its rows past the run it continues (a table that grew). Rows
 * are only ever added or deleted at the end of a tab (resize), so a cell keeps its format from one
 * refresh to the next.
 */
export function runsToWrite(runs: readonly FormatRun[], inPlace: readonly FormatRun[] | 'blank' | undefined): FormatRun[] {
  if (inPlace === undefined) return [...runs];
  if (inPlace === 'blank') return runs.filter((r) => r.format !== '');
  const out: FormatRun[] = [];
  for (const r of runs) {
    const end = r.row + r.rows;
    const old = inPlace.find((k) => k.column === r.column && k.format === r.format && k.row <= r.row && k.row + k.rows > r.row);
    if (old === undefined) out.push(r);
    else if (old.row + old.rows < end) out.push({ ...r, row: old.row + old.rows, rows: end - old.row - old.rows });
  }
  return out;
}

/**
 * Each column's runs of one number format. A run in the automatic format covers only its rows from
 * its first value that is not text to its last (none: it is left out): no number format changes
 * how text or a blank shows, so a format left there by an earlier refresh does no harm — and the
 * History tab's count columns, blank under their few snapshot rows, cost a cell per snapshot, not
 * one per customer row.
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
      let first = -1;
      let last = -1;
      while (r < height && grid.formats[r]![c] === format) {
        if (typeof grid.values[r]![c] !== 'string') {
          if (first < 0) first = r;
          last = r;
        }
        r++;
      }
      if (format !== '') runs.push({ row: start, column: c, rows: r - start, format });
      else if (first >= 0) runs.push({ row: first, column: c, rows: last - first + 1, format });
    }
  }
  return runs;
}

/** Writes the tab's number formats that are not in place yet; returns every run the tab now has. */
function writeFormats(sheet: Sheet, grid: Grid, inPlace: readonly FormatRun[] | 'blank' | undefined): FormatRun[] {
  const height = grid.values.length;
  const width = grid.values[0]!.length;
  const runs = formatRuns(grid);
  const todo = runsToWrite(runs, inPlace);
  const byRuns = todo.reduce((n, r) => n + CALL_IN_CELLS + r.rows, 0);
  if (byRuns < CALL_IN_CELLS + height * width) {
    for (const r of todo) sheet.getRange(r.row + 1, r.column + 1, r.rows, 1).setNumberFormat(NUMBER_FORMATS[r.format]);
  } else {
    sheet.getRange(1, 1, height, width).setNumberFormats(grid.formats.map((row) => row.map((f) => NUMBER_FORMATS[f])));
  }
  return runs;
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
  // Formats first: a plain-text column keeps "0012" as text when the values arrive. Only those not
  // in place: a daily refresh of the same shop rewrites none (issue 10: formats were a third of the
  // cells a 100,000-order refresh wrote).
  const known = created ? 'blank' : job.formatsInPlace === undefined ? undefined : decodeRuns(job.formatsInPlace);
  const runs = writeFormats(sheet, grid, known);
  sheet.getRange(1, 1, height, width).setValues(grid.values.map((row) => row.map(safeCell)));
  writeBold(sheet, grid, size, job.own?.state?.bold, !created);
  // Ids the add-on reads back (History's stage codes) are hidden, not shown to the owner; a tab
  // written before they were hidden gets them hidden here.
  for (const [first, count] of blocks(grid.hiddenColumns ?? [])) sheet.hideColumns(first + 1, count);
  writeWidths(sheet, (grid.columnWidths ?? []).slice(0, size.columns));
  // A tab made by an older version has no warning yet; protect() returns the existing one.
  if (!created) protectTab(sheet, lang);
  return { sheet, id, bold: grid.boldRows, formats: encodeRuns(runs) };
}

/** The widths a tab sets (the funnel tab's narrow label column), one call per run of equal widths. */
function writeWidths(sheet: Sheet, widths: readonly number[]): void {
  let c = 0;
  while (c < widths.length) {
    let end = c + 1;
    while (end < widths.length && widths[end] === widths[c]) end++;
    sheet.setColumnWidths(c + 1, end - c, widths[c]!);
    c = end;
  }
}

/**
 * The funnel tab's chart of customers per stage over time, read from the History tab, placed beside
 * the stage table (`stageTableRow`, 0-based in the tab). Drawn after the tabs are written: a chart
 * that cannot be drawn is a warning, not a failed refresh.
 */
export function drawHistoryChart(funnel: Sheet, history: Sheet, snapshots: number, lang: Lang, stageTableRow: number): void {
  const header = 1 + NOTICE_ROWS;
  const existing = chartReading(funnel, history);
  const builder = (existing === undefined ? funnel.newChart() : existing.modify())
    .clearRanges()
    .addRange(history.getRange(header, HISTORY_CHART_COLUMNS.asOf, snapshots + 1, 1))
    .addRange(history.getRange(header, HISTORY_CHART_COLUMNS.firstStage, snapshots + 1, HISTORY_CHART_COLUMNS.stages))
    .setChartType(Charts.ChartType.LINE)
    .setPosition(stageTableRow + 1, FUNNEL_CHART_COLUMN, 0, 0)
    .setOption('title', TAB_TEXT.chartTitle[lang]);
  if (existing === undefined) funnel.insertChart(builder.build());
  else funnel.updateChart(builder.build());
}

/** The funnel tab's chart whose data is on `source` (the History tab, or the funnel tab itself):
 *  the two charts are told apart by where they read, which neither language nor layout changes. */
function chartReading(funnel: Sheet, source: Sheet): GoogleAppsScript.Spreadsheet.EmbeddedChart | undefined {
  const id = source.getSheetId();
  return funnel.getCharts().find((c) => c.getRanges()[0]?.getSheet().getSheetId() === id);
}

/**
 * The 予測の確かさ chart (issue 15): actual and predicted holdout purchases by repeat purchases
 * before the holdout, as columns, beside the table it reads. Without a table (too little data)
 * the chart of an earlier refresh is removed, so that it never shows numbers the tab no longer has.
 */
export function drawAccuracyChart(funnel: Sheet, table: AccuracyTable | undefined, lang: Lang): void {
  const existing = chartReading(funnel, funnel);
  if (table === undefined) {
    if (existing !== undefined) funnel.removeChart(existing);
    return;
  }
  const top = table.headerRow + 1;
  const height = table.rows + 1;
  const builder = (existing === undefined ? funnel.newChart() : existing.modify())
    .clearRanges()
    .addRange(funnel.getRange(top, table.labelColumn + 1, height, 1))
    .addRange(funnel.getRange(top, table.actualColumn + 1, height, table.predictedColumn - table.actualColumn + 1))
    .setChartType(Charts.ChartType.COLUMN)
    .setNumHeaders(1)
    .setPosition(top, table.predictedColumn + 3, 0, 0)
    .setOption('title', BACKTEST_TEXT.chartTitle[lang]);
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
