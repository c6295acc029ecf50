/**
 * The `セグメント: <name>` sheets (issue 14): one per saved segment, made and marked by the add-on
 * like its tabs (developer metadata naming the segment and the sheet's own id, warning-only
 * protection, the rewritten-at-each-refresh notice on top), and rewritten from the definition at
 * every refresh so that the list stays current.
 *
 * The add-on writes only to a segment sheet it made: a copy of one ("… のコピー" copies the
 * metadata but has another sheet id) is the owner's, and a sheet of the owner's that already has the
 * wanted name is left alone — the list goes to "name (Fan Funnel)" and the owner is told.
 */
import type { Zone } from '../core/dates';
import { withNotice, type Grid, NUMBER_FORMATS } from '../core/grid';
import { SEGMENT_TEXT, TAB_NOTICE, type Lang } from '../core/labels';
import type { Report } from '../core/report';
import { contactsOf, describeSegment, segmentFacts, segmentGrid, segmentMembers, type SegmentDefinition, type SegmentFacts, type SegmentInput, type SegmentResult } from '../core/segments';
import type { Cell } from '../core/values';
import { METADATA_KEYS } from './keys';
import { freeName, protectTab, segmentMarks } from './ownSheets';
import { message } from './properties';
import { loadSegments } from './segmentStore';
import { gridSize, safeCell } from './writer';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The add-on's segment sheets by segment name: marked, and the id in the mark is the sheet's own. */
export function ownSegmentSheets(ss: Spreadsheet): Map<string, Sheet> {
  const out = new Map<string, Sheet>();
  for (const sheet of ss.getSheets()) {
    const marks = segmentMarks(sheet);
    if (marks !== undefined && marks.id === sheet.getSheetId() && !out.has(marks.segment)) out.set(marks.segment, sheet);
  }
  return out;
}

/** The segment's input from a refresh's report and the orders' cells it read. */
export function segmentInputOf(report: Report, orders: ReadonlyArray<ReadonlyArray<Cell>>): SegmentInput {
  const a = report.analysis;
  return { analysis: a, prediction: report.prediction, thisWeek: report.thisWeek, contacts: contactsOf(a, orders) };
}

/** A segment computed, with its grid as the sheet shows it (the notice line on top). */
export interface SegmentJob {
  readonly definition: SegmentDefinition;
  readonly result: SegmentResult;
  readonly grid: Grid;
}

export function segmentJob(input: SegmentInput, def: SegmentDefinition, zone: Zone, facts: SegmentFacts = segmentFacts(input)): SegmentJob {
  const result = segmentMembers(input, def, facts);
  const lang = input.analysis.lang;
  return { definition: def, result, grid: withNotice(segmentGrid(result, describeSegment(def, facts), zone), TAB_NOTICE.line[lang]) };
}

/** Lines under the table's header that may have been bold at an earlier refresh (its notes: at most an empty-reason and two notes, plus one). */
const BOLD_SPAN = 4;

/**
 * Trims the sheet to the grid and writes it: formats, values, bold rows.
 * @param trusted the sheet holds this grid's layout from a write that completed (the last refresh
 *   ended well): its table rows keep their number formats (rows are only added or deleted at the
 *   end), so only rows past its old end are formatted — at 10,000 members, 80,000 cells (12 s of
 *   the refresh's budget at emulator/cost.ts's 0.15 ms a cell) not rewritten every day.
 */
function writeGrid(sheet: Sheet, grid: Grid, trusted: boolean): void {
  const size = gridSize(grid);
  const rows = sheet.getMaxRows();
  const columns = sheet.getMaxColumns();
  const formattedTo = trusted && columns === size.columns ? rows : 0;
  // Frozen rows first when shrinking: Sheets will not delete every row under them.
  if (rows > size.rows) {
    sheet.setFrozenRows(grid.frozenRows);
    sheet.deleteRows(size.rows + 1, rows - size.rows);
  } else {
    if (rows < size.rows) sheet.insertRowsAfter(rows, size.rows - rows);
    sheet.setFrozenRows(grid.frozenRows);
  }
  if (columns > size.columns) sheet.deleteColumns(size.columns + 1, columns - size.columns);
  else if (columns < size.columns) sheet.insertColumnsAfter(columns, size.columns - columns);
  const height = grid.values.length;
  const width = grid.values[0]!.length;
  // Formats first: a plain-text column keeps a key "0012" as text when the values arrive. The lines
  // above the table in one call; the table a call per column (its formats are the column's), which
  // costs a call, not a cell, per column (issue 10's budget: a cell written is 0.15 ms, a call 7 ms).
  const top = grid.frozenRows;
  sheet.getRange(1, 1, top, width).setNumberFormats(grid.formats.slice(0, top).map((row) => row.map((f) => NUMBER_FORMATS[f])));
  const from = Math.max(top, formattedTo);
  if (height > from) for (let c = 0; c < width; c++) sheet.getRange(from + 1, c + 1, height - from, 1).setNumberFormat(NUMBER_FORMATS[grid.formats[top]![c]!]);
  sheet.getRange(1, 1, height, width).setValues(grid.values.map((row) => row.map(safeCell)));
  // Only the lines above the table are ever bold; they move by a line or two when notes come and go.
  sheet.getRange(1, 1, Math.min(size.rows, top + BOLD_SPAN), size.columns).setFontWeight('normal');
  for (const r of grid.boldRows) sheet.getRange(r + 1, 1, 1, size.columns).setFontWeight('bold');
}

/**
 * Writes a segment's sheet: the add-on's own one (renamed to the wanted name when it is free), or a
 * new one marked as the add-on's. Returns the sheet and what the owner should be told.
 */
export function writeSegmentSheet(ss: Spreadsheet, own: Sheet | undefined, job: SegmentJob, lang: Lang, formatsInPlace = false): { sheet: Sheet; note: string | undefined } {
  const wanted = SEGMENT_TEXT.sheetName[lang](job.definition.name);
  let sheet = own;
  let note: string | undefined;
  if (sheet !== undefined) {
    if (sheet.getName() !== wanted && ss.getSheetByName(wanted) === null) sheet.setName(wanted);
  } else {
    const name = freeName(ss, wanted);
    sheet = ss.insertSheet(name, ss.getSheets().length);
    sheet.addDeveloperMetadata(METADATA_KEYS.segment, job.definition.name);
    sheet.addDeveloperMetadata(METADATA_KEYS.sheetId, String(sheet.getSheetId()));
    protectTab(sheet, lang);
  }
  if (sheet.getName() !== wanted) note = SEGMENT_TEXT.ownerSheet[lang](wanted, sheet.getName());
  writeGrid(sheet, job.grid, own !== undefined && formatsInPlace);
  return { sheet, note };
}

/** Deletes the add-on's sheet of a segment (never an owner's sheet, nor a copy); true if there was one. */
export function deleteSegmentSheet(ss: Spreadsheet, name: string): boolean {
  const sheet = ownSegmentSheets(ss).get(name);
  if (sheet === undefined) return false;
  ss.deleteSheet(sheet);
  return true;
}

/** Every saved segment's job at this refresh (computed before the writes, for the budget checks). */
export function segmentJobs(input: SegmentInput, zone: Zone, facts: SegmentFacts, segments: readonly SegmentDefinition[] = loadSegments()): SegmentJob[] {
  return segments.map((def) => segmentJob(input, def, zone, facts));
}

/**
 * The refresh's part: each saved segment's sheet rewritten (`formatsInPlace`: the last refresh ended
 * well, so the sheets it wrote keep their formats). A failure of one sheet is a warning; the
 * others are still written. A sheet whose segment is not saved is left (deleting a segment deletes
 * its sheet, src/gas/segmentsApi.ts): a property that could not be read must not cost the owner a list.
 */
export function rewriteSegmentSheets(ss: Spreadsheet, jobs: readonly SegmentJob[], lang: Lang, formatsInPlace: boolean): string[] {
  const warnings: string[] = [];
  const own = ownSegmentSheets(ss);
  for (const job of jobs) {
    try {
      const { note } = writeSegmentSheet(ss, own.get(job.definition.name), job, lang, formatsInPlace);
      if (note !== undefined) warnings.push(note);
    } catch (e) {
      warnings.push(SEGMENT_TEXT.notWritten[lang](job.definition.name, message(e)));
    }
  }
  return warnings;
}
