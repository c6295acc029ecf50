/**
 * The one refresh (SPEC §6), used by the sidebar's button, the menu and the time trigger: under the
 * document lock, read each input sheet once, build every tab in the core, check that the result is
 * one to believe and that it fits, write each tab once, and record the outcome so the sidebar can
 * show it — whoever started the refresh.
 *
 * What it promises the owner (issues 10 and 11):
 * - a paste that reads no valid order, or far fewer than last time, changes nothing and says why;
 * - a refresh that would take the spreadsheet past Sheets' 10 million cells stops before writing;
 * - a failure while writing, or Apps Script stopping it at 6 minutes, is told tab by tab (the run
 *   record, src/gas/outcome.ts), and the next refresh repairs every tab;
 * - a trigger run whose inputs did not change since the last refresh writes nothing.
 */
import type { RangeKind } from '../core/headers';
import { isoDay } from '../core/dates';
import { NEW_SHEET_GRID, SHEETS_MAX_CELLS, cellsNeeded, checkPaste, checkTime, digestOf, type PasteRefusal } from '../core/guards';
import { FUNCTION_TEXT, pickLang, REFRESH_ERRORS, REFRESH_SAFETY, type Lang, type TabId } from '../core/labels';
import { headerTexts, orderColumnsRead, readOrders } from '../core/orders';
import { buildReport } from '../core/report';
import type { Settings } from '../core/settings';
import { RANGE_KINDS } from '../core/shared';
import { chooseSources, detectKind, type Detected } from '../core/sources';
import { NOTICE_ROWS } from '../core/grid';
import { HISTORY_READ } from '../core/history';
import type { Cell } from '../core/values';
import { zoneFor } from './env';
import { PROPERTY_KEYS } from './keys';
import { rememberModel } from './predictionModel';
import { MAX_SKIPPED_SHOWN, TAB_IDS, clearRun, currentRun, lastRefresh, recordOutcome, recordRun, switchoverOf, type RefreshCause, type RefreshOutcome, type RunRecord } from './outcome';
import { deleteLeftoverStaging, ownerSheets, ownSheets, rememberTabs, type OwnerSheet, type TabState } from './ownSheets';
import { documentStore, message, readJson, writeJson } from './properties';
import { loadSettings } from './settingsStore';
import { recordThisWeek } from './thisWeekStore';
import { readCampaignStore, unreadableLines, writeCampaignTab, writeHeads } from './campaignStore';
import { ownSegmentSheets, rewriteSegmentSheets, segmentInputOf, segmentJobs, type SegmentJob } from './segmentSheets';
import { segmentFacts, type SegmentFacts } from '../core/segments';
import { rememberSegmentFacts } from './segmentFactsCache';
import { drawAccuracyChart, drawHistoryChart, gridSize, nameAsOf, writeTab, type TabJob } from './writer';

export { lastRefresh, type RefreshCause, type RefreshOutcome } from './outcome';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** How a click waits for a running refresh (a trigger's) before answering "busy". */
const LOCK_WAIT_MS = 2_000;

export interface Source {
  readonly sheet: string;
  /** The sheet's data range, as getValues gives it — of an orders sheet, '' in the columns left unread. */
  readonly values: Cell[][];
  /** Cells actually read (what the 6-minute estimate measures reading by). */
  readonly cellsRead: number;
  readonly detected: Detected | undefined;
  /** The sheet, to measure its grid for the cell budget. */
  readonly handle: Sheet;
}

/** A gap of unread columns costs less to read than a call when it has at most this many cells. */
const GAP_CELLS = 50;

/**
 * A sheet's data range as `getValues()` gives it — except that of an orders sheet only the columns
 * the refresh reads (`orderColumnsRead`) are read, the others left ''. Reading is most of a large
 * refresh's time (issue 10: 0.15 ms a cell in emulator/cost.ts), and an export carries many columns
 * the add-on never looks at (楽天's 105, Shopify's 79). The header row is read whole first, to know
 * which columns those are; each run of needed columns is then one `getValues`.
 */
export function readSheet(sheet: Sheet, settings: Settings, whole = false): { values: Cell[][]; cellsRead: number; partial: boolean } {
  const range = sheet.getDataRange();
  const rows = range.getNumRows();
  const columns = range.getNumColumns();
  const all = (): { values: Cell[][]; cellsRead: number; partial: boolean } => ({ values: range.getValues() as Cell[][], cellsRead: rows * columns, partial: false });
  if (rows < 2 || whole) return all();
  const header = (sheet.getRange(1, 1, 1, columns).getValues() as Cell[][])[0]!;
  const used = orderColumnsRead(headerTexts([header]), settings);
  if (used === undefined) {
    const read = all();
    return { ...read, cellsRead: read.cellsRead + columns };
  }
  // Runs of needed columns [first, last], a short gap read rather than paid for with a call.
  const runs: Array<[number, number]> = [];
  for (const c of used) {
    const last = runs[runs.length - 1];
    if (last !== undefined && (c - last[1] - 1) * (rows - 1) <= GAP_CELLS) last[1] = c;
    else runs.push([c, c]);
  }
  const values: Cell[][] = [header];
  for (let r = 1; r < rows; r++) values.push(new Array<Cell>(columns).fill(''));
  let cellsRead = columns;
  for (const [first, last] of runs) {
    const width = last - first + 1;
    const block = sheet.getRange(2, first + 1, rows - 1, width).getValues() as Cell[][];
    cellsRead += (rows - 1) * width;
    for (let r = 0; r < block.length; r++) {
      const from = block[r]!;
      const to = values[r + 1]!;
      for (let c = 0; c < width; c++) to[first + c] = from[c]!;
    }
  }
  return { values, cellsRead, partial: runs.length > 1 || runs[0]![0] > 0 || runs[0]![1] < columns - 1 };
}

/**
 * The History tab as `getValues()` would give it, but with only what `readHistory` reads
 * (HISTORY_READ) read, the rest ''. A tab of another shape (an older version's) is read whole.
 */
export function readHistorySheet(sheet: Sheet): { values: Cell[][]; cellsRead: number } {
  const range = sheet.getDataRange();
  const rows = range.getNumRows();
  const columns = range.getNumColumns();
  const head = NOTICE_ROWS + 1;
  if (rows <= head || columns !== HISTORY_READ.width) return { values: range.getValues() as Cell[][], cellsRead: rows * columns };
  const values = sheet.getRange(1, 1, head, columns).getValues() as Cell[][];
  const below = rows - head;
  for (let r = 0; r < below; r++) values.push(new Array<Cell>(columns).fill(''));
  let cellsRead = head * columns;
  const put = (column: number, width: number, count: number): Cell[][] => {
    const block = count === 0 ? [] : (sheet.getRange(head + 1, column + 1, count, width).getValues() as Cell[][]);
    cellsRead += count * width;
    block.forEach((row, r) => row.forEach((v, c) => (values[head + r]![column + c] = v)));
    return block;
  };
  // The snapshot block: as many rows as its as-of column holds.
  const asOf = put(HISTORY_READ.asOf, 1, below);
  let snapshots = asOf.length;
  while (snapshots > 0 && (asOf[snapshots - 1]![0] === '' || asOf[snapshots - 1]![0] === null)) snapshots--;
  put(0, HISTORY_READ.snapshotColumns, snapshots);
  // The customers' keys and stage codes, a call per run of adjacent columns.
  const runs: Array<[number, number]> = [];
  for (const c of HISTORY_READ.customerColumns) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last[0] + last[1] === c) last[1]++;
    else runs.push([c, 1]);
  }
  for (const [column, width] of runs) put(column, width, below);
  return { values, cellsRead };
}

/**
 * The input sheets: those named in the settings, else the first sheet whose headers look like each
 * kind. Every sheet is read at most once (`readSheet`: of an orders sheet, only the columns the
 * refresh uses); the add-on's own tabs are never inputs.
 */
export function readSources(
  ss: Spreadsheet,
  settings: Settings,
  unrecognised: Source[] = [],
): Partial<Record<RangeKind, Source>> {
  const read = new Map<string, Source>();
  const partial = new Set<string>();
  const sourceOf = (sheet: OwnerSheet, whole = false): Source => {
    let source = read.get(sheet.name);
    if (source === undefined || (whole && partial.has(sheet.name))) {
      const { values, cellsRead, partial: cut } = readSheet(sheet.sheet, settings, whole);
      source = { sheet: sheet.name, values, cellsRead: cellsRead + (source?.cellsRead ?? 0), detected: detectKind(values, settings), handle: sheet.sheet };
      read.set(sheet.name, source);
      if (cut) partial.add(sheet.name);
      else partial.delete(sheet.name);
    }
    return source;
  };
  const chosen = chooseSources(ownerSheets(ss), settings.sources, (sheet) => {
    const source = sourceOf(sheet);
    if (source.detected === undefined) unrecognised.push(source);
    return source.detected?.kind;
  });
  const out: Partial<Record<RangeKind, Source>> = {};
  for (const kind of RANGE_KINDS) {
    const sheet = chosen.sheets[kind];
    // One sheet chosen as orders and as customers (or survey) is read whole for the other kind.
    if (sheet !== undefined) out[kind] = sourceOf(sheet, kind !== 'orders');
  }
  return out;
}

/**
 * What the last successful refresh read: its inputs' digest, how many orders it believed, and from
 * which sheet (its id; absent in records written before it was kept).
 */
interface LastInputs {
  readonly digest: string;
  readonly orders: number;
  readonly sheetId?: number;
}

function lastInputs(): LastInputs | undefined {
  const v = readJson(documentStore(), PROPERTY_KEYS.lastInputs) as Partial<LastInputs> | undefined;
  if (typeof v?.digest !== 'string' || typeof v.orders !== 'number' || !Number.isFinite(v.orders)) return undefined;
  return { digest: v.digest, orders: v.orders, ...(typeof v.sheetId === 'number' ? { sheetId: v.sheetId } : {}) };
}

/**
 * Last time's order count, when it says something of this paste: only for the same orders sheet.
 * An owner who chose another sheet (an imported export, a new month's file) chose fewer orders on
 * purpose; a paste over the same sheet that reads far fewer is what the guard is for.
 */
function comparableOrders(previous: LastInputs | undefined, sheetId: number): number | undefined {
  if (previous === undefined) return undefined;
  return previous.sheetId === undefined || previous.sheetId === sheetId ? previous.orders : undefined;
}

/** The language of messages where there is no spreadsheet to ask (a trigger without a document). */
function userLang(): Lang {
  try {
    return pickLang('auto', Session.getActiveUserLocale());
  } catch {
    return 'ja';
  }
}

/** The language of the tabs and messages: the setting, else the spreadsheet's locale. */
function spreadsheetLang(ss: Spreadsheet): Lang {
  try {
    return pickLang(loadSettings().language, ss.getSpreadsheetLocale());
  } catch {
    return userLang();
  }
}

/**
 * Runs a refresh and records its outcome; never throws — though Apps Script may stop it outright at
 * its time limit, which the run record then tells (src/gas/outcome.ts).
 */
export function refresh(cause: RefreshCause): RefreshOutcome {
  const started = Date.now();
  const at = new Date(started).toISOString();
  // No claim about the tabs here: where there is no document, or no lock, none was looked at.
  const failed = (error: string): RefreshOutcome => ({ ok: false, cause, at, durationMs: Date.now() - started, error });
  // Google documents getActive() and getDocumentLock() as null outside a containing document, which
  // an add-on's time trigger may be: nothing can be refreshed then, and it says so.
  const ss = SpreadsheetApp.getActive();
  if (ss === null) return failed(REFRESH_SAFETY.noDocument[userLang()]);
  const lock = LockService.getDocumentLock();
  if (lock === null) return failed(REFRESH_SAFETY.noLock[userLang()]);
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    return { ok: false, busy: true, cause, at, durationMs: Date.now() - started };
  }
  let outcome: RefreshOutcome;
  try {
    outcome = run(ss, cause, started);
  } catch (e) {
    // A failure before the switch-over (which catches its own): no tab was written. Its message is
    // in the spreadsheet's language (run's errors are), and so is what is said around it.
    outcome = { ...failed(message(e)), ...keptClaim(() => ownSheets(ss)), lang: spreadsheetLang(ss) };
  } finally {
    lock.releaseLock();
  }
  if (outcome.unchanged === true) return outcome;
  const lang = outcome.lang ?? userLang();
  const warnings = [...(outcome.warnings ?? [])];
  try {
    recordOutcome(outcome);
  } catch (e) {
    // Shown to whoever is looking now: the sidebar or the menu's toast (a trigger's run keeps it too).
    warnings.push(REFRESH_SAFETY.notRecorded[lang](message(e)));
  }
  try {
    clearRun();
  } catch (e) {
    warnings.push(REFRESH_SAFETY.notRecorded[lang](message(e)));
  }
  return warnings.length > (outcome.warnings?.length ?? 0) ? { ...outcome, warnings } : outcome;
}

/**
 * What a refresh that wrote nothing may say of the tabs: "the previous tabs were left as they were"
 * — only when there are previous tabs (not after a first refresh that failed), and not when they
 * cannot even be listed.
 */
function keptClaim(own: () => Partial<Record<TabId, unknown>>): { previousKept?: true } {
  try {
    return TAB_IDS.some((t) => own()[t] !== undefined) ? { previousKept: true } : {};
  } catch {
    return {};
  }
}

/** Why a paste is not believed, in words. */
function pasteMessage(refusal: PasteRefusal, sheet: string, lang: Lang, hadTabs: boolean): string {
  const S = REFRESH_SAFETY;
  return refusal.kind === 'noOrders'
    ? S.noValidOrders[lang](sheet, refusal.skipped, refusal.reasons, hadTabs)
    : S.fewOrders[lang](sheet, refusal.read, refusal.previous, refusal.minShare, refusal.skipped, refusal.reasons);
}

/** The grid of a sheet as Sheets counts it against its limit. */
function gridOf(sheet: Sheet): { rows: number; columns: number } {
  return { rows: sheet.getMaxRows(), columns: sheet.getMaxColumns() };
}

function run(ss: Spreadsheet, cause: RefreshCause, started: number): RefreshOutcome {
  const at = new Date(started).toISOString();
  const settings = loadSettings();
  const locale = ss.getSpreadsheetLocale();
  const lang = pickLang(settings.language, locale);
  const zone = zoneFor(ss.getSpreadsheetTimeZone());
  const asOf = isoDay(zone.dayOf(started));
  // A refresh that Apps Script stopped left this record: this one repairs what it left, so it may
  // not skip as "unchanged".
  const stopped = currentRun();
  const own = ownSheets(ss);
  // The names of the tabs there are: a tab the record does not name did not exist before this refresh.
  const names: Partial<Record<TabId, string>> = {};
  for (const t of TAB_IDS) if (own[t] !== undefined) names[t] = own[t]!.sheet.getName();
  const base: RunRecord = { startedAt: at, cause, lang, phase: 'reading', written: [], names: { ...names } };
  // Recorded before anything else: if Apps Script stops this refresh, the sidebar knows.
  recordRun(base);
  deleteLeftoverStaging(ss);

  const unrecognised: Source[] = [];
  const sources = readSources(ss, settings, unrecognised);
  const orders = sources.orders;
  if (orders === undefined && settings.sources.orders !== null) {
    throw new Error(REFRESH_ERRORS.chosenSheetGone[lang](settings.sources.orders));
  }
  if (orders === undefined) {
    // Say what the likeliest sheet lacks: its missing columns and the headers it has.
    const nearest = unrecognised.find((u) => u.values.length > 1 && u.values[0]!.some((h) => h !== ''));
    if (nearest !== undefined) {
      try {
        readOrders(nearest.values, { zone, settings, lang });
      } catch (e) {
        throw new Error(REFRESH_ERRORS.nearestSheet[lang](nearest.sheet, message(e)));
      }
    }
    throw new Error(REFRESH_ERRORS.noOrdersSheet[lang]);
  }

  const previous = lastInputs();
  const digest = digestOf([orders.values, sources.customers?.values, sources.survey?.values], JSON.stringify([settings, asOf, lang, zone.name, locale]));
  if (
    cause === 'trigger' &&
    stopped === null &&
    previous?.digest === digest &&
    lastRefresh()?.ok === true &&
    TAB_IDS.every((t) => own[t] !== undefined)
  ) {
    return { ok: true, unchanged: true, cause, at, durationMs: Date.now() - started, asOf, lang };
  }

  const history = own.history === undefined ? undefined : readHistorySheet(own.history.sheet);
  const historyRead = history?.values;
  // 施策 (issue 14): the campaigns' heads, and the frozen members of those still measured.
  const campaignStore = readCampaignStore(ss);
  const report = buildReport({
    orders: orders.values,
    customers: sources.customers?.values,
    survey: sources.survey?.values,
    history: historyRead,
    settings,
    zone,
    locale,
    now: started,
    campaigns: campaignStore?.read,
  });
  const a = report.analysis;
  // The saved segments' sheets (issue 14), computed now so that the budget checks count them; a
  // segment that cannot be computed is a warning, never a failed refresh.
  const segmentWarnings: string[] = [];
  let segments: SegmentJob[] = [];
  let facts: SegmentFacts | undefined;
  try {
    const input = segmentInputOf(report, orders.values);
    facts = segmentFacts(input);
    segments = segmentJobs(input, zone, facts);
  } catch (e) {
    segmentWarnings.push(message(e));
  }
  const skipped = a.skipped.slice(0, MAX_SKIPPED_SHOWN).map((s) => ({ range: s.range, row: s.row, reason: s.reason, value: s.value.slice(0, 40) }));
  const read = {
    rowsRead: a.orders.rows,
    skippedTotal: a.skipped.length,
    skipped,
    sources: Object.fromEntries(Object.entries(sources).map(([k, s]) => [k, s.sheet])),
  };
  const ordersRead = a.orders.orders.length + a.orders.cancelled;

  // An empty or garbled paste: nothing is written, History keeps its baseline.
  const ordersSheetId = orders.handle.getSheetId();
  const refusal = checkPaste({ orders: ordersRead, skipped: a.orders.skipped }, comparableOrders(previous, ordersSheetId), settings.refresh.minShareOfLast);
  if (refusal !== undefined) {
    const kept = keptClaim(() => own);
    return { ok: false, cause, at, durationMs: Date.now() - started, error: pasteMessage(refusal, orders.sheet, lang, kept.previousKept === true), refused: 'paste', ...kept, asOf, lang, ...read };
  }

  // Sheets' 10 million cells: every other sheet as it is, each tab as it will be, at every moment.
  // The formats a tab holds are known only from the last refresh, if it ended well (writer.ts).
  const last = lastRefresh();
  const inPlace = (tab: TabId): string | undefined => {
    const f = own[tab]?.state?.formats;
    return f !== undefined && stopped === null && last?.ok === true && last.at === f.at ? f.runs : undefined;
  };
  const jobs: TabJob[] = TAB_IDS.map((tab) => ({
    tab,
    grid: report.tabs[tab],
    own: own[tab],
    before: own[tab] === undefined ? undefined : gridOf(own[tab]!.sheet),
    ...(inPlace(tab) !== undefined ? { formatsInPlace: inPlace(tab) } : {}),
  }));
  const segmentSheets = segments.length === 0 ? new Map<string, Sheet>() : ownSegmentSheets(ss);
  const tabIds = new Set([...TAB_IDS.map((t) => own[t]?.id), ...[...segmentSheets.values()].map((s) => s.getSheetId())].filter((id) => id !== undefined));
  const others = ss.getSheets().filter((s) => !tabIds.has(s.getSheetId()));
  const segmentGrids = segments.map((j) => {
    const sheet = segmentSheets.get(j.definition.name);
    return { before: sheet === undefined ? undefined : gridOf(sheet), after: gridSize(j.grid) };
  });
  const inputs = new Map(Object.values(sources).map((s) => [s.sheet, s]));
  const sizes = others.map((s) => ({ name: s.getName(), grid: gridOf(s) }));
  const othersCells = sizes.reduce((n, s) => n + s.grid.rows * s.grid.columns, 0);
  const need = cellsNeeded({ others: othersCells, tabs: [...jobs.map((j) => ({ before: j.before, after: gridSize(j.grid) })), ...segmentGrids], newSheet: NEW_SHEET_GRID });
  if (need.peak > SHEETS_MAX_CELLS) {
    const now = othersCells + jobs.reduce((n, j) => n + (j.before === undefined ? 0 : j.before.rows * j.before.columns), 0);
    const advice = cellAdvice(sizes, inputs, lang);
    return { ok: false, cause, at, durationMs: Date.now() - started, error: REFRESH_SAFETY.tooManyCells[lang](need.peak, SHEETS_MAX_CELLS, now, advice), refused: 'cells', ...keptClaim(() => own), asOf, lang, ...read };
  }

  // Apps Script's 6 minutes: a refresh that could not write every tab in time does not start.
  const cellsRead = Object.values(sources).reduce((n, s) => n + s.cellsRead, (history?.cellsRead ?? 0) + (campaignStore?.cellsRead ?? 0));
  const cellsToWrite = [...jobs.map((j) => gridSize(j.grid)), ...segmentGrids.map((g) => g.after)].reduce((n, g) => n + g.rows * g.columns, 0);
  const slow = checkTime({ elapsedMs: Date.now() - started, cellsRead, cellsToWrite, tabs: jobs.length + segments.length });
  if (slow !== undefined) {
    const min = (ms: number): string => (ms / 60_000).toFixed(1);
    return { ok: false, cause, at, durationMs: Date.now() - started, error: REFRESH_SAFETY.tooSlow[lang](min(slow.writeMs), min(slow.elapsedMs)), refused: 'time', ...keptClaim(() => own), asOf, lang, ...read };
  }

  // The switch-over: recorded before each tab and after it.
  const written: TabId[] = [];
  const states: Partial<Record<TabId, TabState>> = {};
  const sheets: Partial<Record<TabId, Sheet>> = {};
  let writing: TabId | undefined;
  try {
    for (const job of jobs) {
      writing = job.tab;
      recordRun({ ...base, phase: 'writing', asOf, written: [...written], writing, names });
      const w = writeTab(ss, job, lang);
      written.push(job.tab);
      states[job.tab] = { id: w.id, bold: w.bold, ...(w.formats !== undefined ? { formats: { at, runs: w.formats } } : {}) };
      sheets[job.tab] = w.sheet;
      names[job.tab] = w.sheet.getName();
      writing = undefined;
      recordRun({ ...base, phase: 'writing', asOf, written: [...written], names });
    }
  } catch (e) {
    const switchover = switchoverOf(written, writing, asOf, lang, names);
    try {
      rememberTabs(states);
    } catch {
      // The tabs carry their own ids in their metadata: the registry is only a help.
    }
    const touched = switchover.written.length + switchover.incomplete.length > 0;
    return {
      ok: false,
      cause,
      at,
      durationMs: Date.now() - started,
      error: REFRESH_SAFETY.failedWhileWriting[lang](message(e)),
      previousKept: !touched,
      ...(touched ? { switchover } : {}),
      asOf,
      lang,
      ...read,
    };
  }

  // Every tab is new. What follows cannot make them wrong: a failure is a warning.
  const warnings: string[] = [...segmentWarnings];
  const attempt = (fn: () => void, say: (why: string) => string): void => {
    try {
      fn();
    } catch (e) {
      warnings.push(say(message(e)));
    }
  };
  attempt(() => rememberTabs(states), (why) => REFRESH_SAFETY.notRecorded[lang](why));
  attempt(() => drawHistoryChart(sheets.funnel!, sheets.history!, report.history.rows.length, lang, report.stageTableRow), (why) => why);
  attempt(() => recordThisWeek(report.thisWeek), (why) => REFRESH_SAFETY.notRecorded[lang](why));
  attempt(() => drawAccuracyChart(sheets.funnel!, report.accuracyTable, lang), (why) => why);
  attempt(() => nameAsOf(ss, sheets.funnel!, report.asOfCell), (why) => REFRESH_SAFETY.asOfNotNamed[lang]('FanFunnelAsOf', why));
  attempt(() => writeJson(documentStore(), PROPERTY_KEYS.lastInputs, { digest, orders: ordersRead, sheetId: ordersSheetId, asOf }), (why) => REFRESH_SAFETY.notRecorded[lang](why));
  attempt(() => rememberModel(report.prediction, asOf), (why) => REFRESH_SAFETY.notRecorded[lang](why));
  // The sidebar's segment count reads these until the next refresh (a cache: losing it costs time only).
  if (facts !== undefined) {
    try {
      rememberSegmentFacts(facts, settings);
    } catch {
      // The count computes them again.
    }
  }
  if (segments.length > 0) attempt(() => warnings.push(...rewriteSegmentSheets(ss, segments, lang, stopped === null && last?.ok === true)), (why) => why);
  // The campaigns' results (final ones frozen) and the 施策 sheet: after the tabs, like the charts.
  if (campaignStore !== undefined && report.campaigns !== undefined) {
    const campaigns = report.campaigns;
    attempt(() => writeHeads(campaignStore, campaigns), (why) => REFRESH_SAFETY.notRecorded[lang](why));
    attempt(() => void writeCampaignTab(ss, campaigns, a.asOf, zone, lang, unreadableLines(campaignStore, lang)), (why) => why);
  }
  // Customers told apart by their names only (WooCommerce Analytics): said with the result.
  if (a.orders.keyKind === 'name') warnings.push(FUNCTION_TEXT.keyedByName[lang]);
  return {
    ok: true,
    cause,
    at,
    durationMs: Date.now() - started,
    asOf,
    lang,
    counts: report.counts,
    ...read,
    registrationAssumed: a.metrics.registration === 'assumed',
    ...(report.predictionNote !== undefined ? { predictionNote: report.predictionNote } : {}),
    ...(report.accuracyLine !== undefined ? { accuracyLine: report.accuracyLine } : {}),
    ...(warnings.length > 0 ? { warnings } : {}),
    tabs: Object.fromEntries(TAB_IDS.map((t) => [t, sheets[t]!.getName()])) as Record<TabId, string>,
  };
}

/**
 * What the owner can do to make room, biggest gain first: the unused columns and rows of the input
 * sheets (an export pasted into a sheet keeps Sheets' 26 columns and every row it ever had), then
 * archiving old orders and deleting sheets.
 */
function cellAdvice(sizes: ReadonlyArray<{ name: string; grid: { rows: number; columns: number } }>, inputs: ReadonlyMap<string, Source>, lang: Lang): string[] {
  const S = REFRESH_SAFETY;
  const gains: Array<[number, string]> = [];
  for (const { name, grid } of sizes) {
    const input = inputs.get(name);
    if (input === undefined) continue;
    const usedRows = Math.max(1, input.values.length);
    const usedColumns = Math.max(1, input.values[0]?.length ?? 1);
    const columnGain = (grid.columns - usedColumns) * grid.rows;
    const rowGain = (grid.rows - usedRows) * grid.columns;
    if (columnGain > 0) gains.push([columnGain, S.adviceEmptyColumns[lang](name, grid.columns, usedColumns, columnGain)]);
    if (rowGain > 0) gains.push([rowGain, S.adviceEmptyRows[lang](name, grid.rows, usedRows, rowGain)]);
  }
  gains.sort((x, y) => y[0] - x[0]);
  return [...gains.map(([, text]) => text), S.adviceArchive[lang], S.adviceSheets[lang]];
}
