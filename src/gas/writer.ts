/**
 * Writes the tabs' grids into the workbook so that a failure leaves the previous tabs as they were:
 * every grid is first written to a hidden scratch sheet (one setValues each); only when all of them
 * are written are they copied onto the add-on's own tabs (one copy each), and the scratch sheets
 * are deleted whatever happens. The tabs themselves are kept, not replaced, so that the owner's
 * formulas that point at them (a VLOOKUP into 顧客ステージ, say) keep working.
 */
import type { AccuracyTable } from '../core/accuracy';
import { BACKTEST_TEXT, TAB_TEXT, type Lang, type TabId } from '../core/labels';
import { NUMBER_FORMATS, type Grid } from '../core/grid';
import { HISTORY_CHART_COLUMNS } from '../core/history';
import { FUNNEL_STAGE_TABLE_ROW } from '../core/tabs';
import type { Cell } from '../core/values';
import { TAB_IDS, deleteLeftoverStaging, insertStaging, ownSheets, sheetForTab } from './ownSheets';

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

/** Sheets throws for a range outside the sheet: grow it first (a new sheet has 1000 × 26). */
function ensureSize(sheet: Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < columns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

function writeGrid(sheet: Sheet, grid: Grid): void {
  const height = grid.values.length;
  const width = grid.values[0]!.length;
  ensureSize(sheet, height, width);
  const range = sheet.getRange(1, 1, height, width);
  // Formats first: a plain-text column keeps "0012" as text when the values arrive.
  range.setNumberFormats(grid.formats.map((row) => row.map((f) => NUMBER_FORMATS[f])));
  range.setValues(grid.values.map((row) => row.map(safeCell)));
  const bold = new Set(grid.boldRows);
  if (bold.size > 0) range.setFontWeights(grid.values.map((row, r) => row.map(() => (bold.has(r) ? 'bold' : 'normal'))));
}

function commit(staging: Sheet, target: Sheet, grid: Grid): void {
  const height = grid.values.length;
  const width = grid.values[0]!.length;
  const lastRow = target.getLastRow();
  const lastColumn = target.getLastColumn();
  ensureSize(target, height, width);
  staging.getRange(1, 1, height, width).copyTo(target.getRange(1, 1, height, width));
  // What is left of a previous, larger content.
  if (lastRow > height) target.getRange(height + 1, 1, lastRow - height, Math.max(lastColumn, width)).clear();
  if (lastColumn > width) target.getRange(1, width + 1, height, lastColumn - width).clear();
  target.setFrozenRows(grid.frozenRows);
}

/** Writes every tab; returns the sheet of each. Throws (after cleaning up) if any write fails. */
export function writeTabs(ss: Spreadsheet, grids: Readonly<Record<TabId, Grid>>, lang: Lang): Record<TabId, Sheet> {
  deleteLeftoverStaging(ss);
  const staged: Array<[TabId, Sheet]> = [];
  try {
    for (const tab of TAB_IDS) {
      const sheet = insertStaging(ss, tab);
      staged.push([tab, sheet]);
      writeGrid(sheet, grids[tab]);
    }
    const own = ownSheets(ss);
    const out = {} as Record<TabId, Sheet>;
    for (const [tab, sheet] of staged) {
      const target = sheetForTab(ss, own, tab, lang);
      commit(sheet, target, grids[tab]);
      out[tab] = target;
    }
    return out;
  } finally {
    for (const [, sheet] of staged) ss.deleteSheet(sheet);
  }
}

/**
 * The funnel tab's chart of customers per stage over time, read from the History tab. Drawn after
 * the tabs are written: a chart that cannot be drawn is a warning, not a failed refresh.
 */
export function drawHistoryChart(funnel: Sheet, history: Sheet, snapshots: number, lang: Lang): void {
  const existing = chartReading(funnel, history);
  const builder = (existing === undefined ? funnel.newChart() : existing.modify())
    .clearRanges()
    .addRange(history.getRange(1, HISTORY_CHART_COLUMNS.asOf, snapshots + 1, 1))
    .addRange(history.getRange(1, HISTORY_CHART_COLUMNS.firstStage, snapshots + 1, HISTORY_CHART_COLUMNS.stages))
    .setChartType(Charts.ChartType.LINE)
    .setPosition(FUNNEL_STAGE_TABLE_ROW + 1, 10, 0, 0)
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
