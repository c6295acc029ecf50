/**
 * The one refresh (SPEC §6), used by the sidebar's button, the menu and the time trigger: under the
 * document lock, read each input sheet once, build every tab in the core, write each tab once, and
 * record the outcome so the sidebar can show it — whoever started the refresh.
 */
import type { RangeKind } from '../core/headers';
import type { StageId, TabId } from '../core/labels';
import { FUNCTION_TEXT, pickLang, REFRESH_ERRORS } from '../core/labels';
import { readOrders, type SkipReason } from '../core/orders';
import { buildReport } from '../core/report';
import type { Settings } from '../core/settings';
import { RANGE_KINDS } from '../core/shared';
import { chooseSources, detectKind, type Detected } from '../core/sources';
import { isoDay } from '../core/dates';
import type { Cell } from '../core/values';
import { zoneFor } from './env';
import { PROPERTY_KEYS } from './keys';
import { ownerSheets, ownSheets, type OwnerSheet } from './ownSheets';
import { loadSettings } from './settingsStore';
import { drawAccuracyChart, drawHistoryChart, writeTabs } from './writer';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export type RefreshCause = 'sidebar' | 'menu' | 'trigger';

/** What the sidebar shows of the last refresh. JSON-safe: no Dates (they break google.script.run). */
export interface RefreshOutcome {
  readonly ok: boolean;
  readonly cause: RefreshCause;
  /** ISO instant the refresh started. */
  readonly at: string;
  readonly durationMs: number;
  /** Set when another refresh held the lock: nothing was done. */
  readonly busy?: boolean;
  readonly error?: string;
  readonly asOf?: string;
  readonly counts?: Readonly<Record<StageId, number>>;
  readonly rowsRead?: number;
  readonly skippedTotal?: number;
  /** The first skipped rows (the property store is small); `skippedTotal` counts them all. */
  readonly skipped?: ReadonlyArray<{ range: RangeKind; row: number; reason: SkipReason; value: string }>;
  readonly registrationAssumed?: boolean;
  /** Problems that did not stop the refresh (the chart could not be drawn…). */
  readonly warnings?: readonly string[];
  /** Why the tabs show no predicted numbers (too little data…), when so. */
  readonly predictionNote?: string;
  /** How the prediction did over the last 90 days (predicted vs actual purchases), or why it
   *  cannot be told (issue 15). */
  readonly accuracyLine?: string;
  readonly sources?: Readonly<Partial<Record<RangeKind, string>>>;
  readonly tabs?: Readonly<Record<TabId, string>>;
}

const LAST_KEY = PROPERTY_KEYS.lastRefresh;
const MAX_SKIPPED_SHOWN = 50;
/** How long a click waits for a running refresh (a trigger's) before answering "busy". */
const LOCK_WAIT_MS = 2_000;

export function lastRefresh(): RefreshOutcome | null {
  const raw = PropertiesService.getDocumentProperties().getProperty(LAST_KEY);
  if (raw === null) return null;
  try {
    return JSON.parse(raw) as RefreshOutcome;
  } catch {
    return null;
  }
}

function record(outcome: RefreshOutcome): void {
  PropertiesService.getDocumentProperties().setProperty(LAST_KEY, JSON.stringify(outcome));
}

export interface Source {
  readonly sheet: string;
  readonly values: Cell[][];
  readonly detected: Detected | undefined;
}

/**
 * The input sheets: those named in the settings, else the first sheet whose headers look like each
 * kind. Every sheet is read at most once (`getDataRange().getValues()`); the add-on's own tabs are
 * never inputs.
 */
export function readSources(
  ss: Spreadsheet,
  settings: Settings,
  unrecognised: Source[] = [],
): Partial<Record<RangeKind, Source>> {
  const read = new Map<string, Source>();
  const sourceOf = (sheet: OwnerSheet): Source => {
    let source = read.get(sheet.name);
    if (source === undefined) {
      const values = sheet.sheet.getDataRange().getValues() as Cell[][];
      source = { sheet: sheet.name, values, detected: detectKind(values, settings) };
      read.set(sheet.name, source);
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
    if (sheet !== undefined) out[kind] = sourceOf(sheet);
  }
  return out;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Runs a refresh and records its outcome; never throws. */
export function refresh(cause: RefreshCause): RefreshOutcome {
  const started = Date.now();
  const at = new Date(started).toISOString();
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    return { ok: false, busy: true, cause, at, durationMs: Date.now() - started };
  }
  let outcome: RefreshOutcome;
  try {
    outcome = run(cause, started);
  } catch (e) {
    outcome = { ok: false, cause, at, durationMs: Date.now() - started, error: message(e) };
  } finally {
    lock.releaseLock();
  }
  try {
    record(outcome);
  } catch {
    // A full property store must not hide the refresh's own result from the caller.
  }
  return outcome;
}

function run(cause: RefreshCause, started: number): RefreshOutcome {
  const ss = SpreadsheetApp.getActive();
  const settings = loadSettings();
  const locale = ss.getSpreadsheetLocale();
  const lang = pickLang(settings.language, locale);
  const zone = zoneFor(ss.getSpreadsheetTimeZone());
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
  const history = ownSheets(ss).history;
  const report = buildReport({
    orders: orders.values,
    customers: sources.customers?.values,
    survey: sources.survey?.values,
    history: history?.getDataRange().getValues() as Cell[][] | undefined,
    settings,
    zone,
    locale,
    now: started,
  });
  const sheets = writeTabs(ss, report.tabs, lang);
  const warnings: string[] = [];
  try {
    drawHistoryChart(sheets.funnel, sheets.history, report.history.rows.length, lang);
  } catch (e) {
    warnings.push(message(e));
  }
  try {
    drawAccuracyChart(sheets.funnel, report.accuracyTable, lang);
  } catch (e) {
    warnings.push(message(e));
  }
  const a = report.analysis;
  if (a.orders.keyKind === 'name') warnings.push(FUNCTION_TEXT.keyedByName[lang]);
  return {
    ok: true,
    cause,
    at: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    asOf: isoDay(a.asOf),
    counts: report.counts,
    rowsRead: a.orders.rows,
    skippedTotal: a.skipped.length,
    skipped: a.skipped.slice(0, MAX_SKIPPED_SHOWN).map((s) => ({ range: s.range, row: s.row, reason: s.reason, value: s.value.slice(0, 40) })),
    registrationAssumed: a.metrics.registration === 'assumed',
    ...(report.predictionNote !== undefined ? { predictionNote: report.predictionNote } : {}),
    ...(report.accuracyLine !== undefined ? { accuracyLine: report.accuracyLine } : {}),
    ...(warnings.length > 0 ? { warnings } : {}),
    sources: Object.fromEntries(Object.entries(sources).map(([k, s]) => [k, s.sheet])),
    tabs: Object.fromEntries(Object.entries(sheets).map(([k, s]) => [k, s.getName()])) as Record<TabId, string>,
  };
}
