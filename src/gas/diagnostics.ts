/**
 * The 診断 / Diagnostics menu item and =FANFUNNEL_ARGS (issue 10 §3): the Apps Script side only
 * gathers facts — each in its own try, so one that cannot be read becomes a line of the report,
 * never a failed menu click — and src/core/diagnostics.ts and src/core/argumentReport.ts judge and
 * word them.
 */
import { describeArguments, isReturnedDateLabel, type ArgumentRow } from '../core/argumentReport';
import { isDate } from '../core/values';
import { makeZone } from '../core/dates';
import {
  diagnosticsPage,
  evaluateDiagnostics,
  formatDiagnosticsReport,
  intlOffsetMinutes,
  reportLang,
  zoneProbeInstants,
  type BuildInfo,
  type DiagnosticFacts,
  type Gathered,
  type LockState,
  type ReadTiming,
  type ReturnedDateFact,
  type SheetFact,
  type SjisFact,
  type StoreName,
  type TriggerFacts,
  type TriggerProbe,
  type ZoneProbes,
  SJIS_PROBE,
} from '../core/diagnostics';
import { SJIS_CHARSET } from '../core/segments';
import { DIAGNOSTICS_TEXT, pickLang } from '../core/labels';
import { bigQuerySheetIds } from './bigQueryStore';
import { METADATA_KEYS, PROPERTY_KEYS } from './keys';
import { marksOf, sheetKind } from './ownSheets';
import { loadSettings } from './settingsStore';
import { TRIGGER_HANDLER } from './trigger';

/**
 * Set by the build (webpack.config.js, DefinePlugin): package.json's version, the git commit and
 * appsscript.json's time zone. Absent when the source runs unbundled (unit tests).
 */
declare const __FAN_FUNNEL_BUILD__: BuildInfo;

/** At most this many rows are read to time getValues (the check must stay quick). */
const TIMED_ROWS = 10_000;

function gather<T>(read: () => T): Gathered<T> {
  try {
    return { value: read() };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

function spreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const ss = SpreadsheetApp.getActive();
  if (ss === null) throw new Error('SpreadsheetApp.getActive() is null');
  return ss;
}

function runtimeTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function buildInfo(): BuildInfo {
  if (typeof __FAN_FUNNEL_BUILD__ === 'undefined') throw new Error('not a built bundle');
  return __FAN_FUNNEL_BUILD__;
}

/** Intl (the add-on's zone code) against Utilities.formatDate(date, zone, 'Z') at each probe instant. */
function probeZone(zone: string, now: number): ZoneProbes {
  const probes = gather(() => {
    const z = makeZone(zone);
    return zoneProbeInstants(z, now).map(({ instant, edge }) => ({
      zone,
      instant,
      edge,
      intlMinutes: intlOffsetMinutes(z, instant),
      utilities: Utilities.formatDate(new Date(instant), zone, 'Z'),
    }));
  });
  return { zone, ...probes };
}

/**
 * A clock trigger made and deleted again, to see whether getUserTriggers lists it for this user.
 * It calls the automatic refresh's handler, so that if the deletion ever failed, the sidebar's
 * automatic-refresh setting (which deletes every trigger of that handler) can remove it.
 */
function probeClockTrigger(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): TriggerProbe {
  let trigger: GoogleAppsScript.Script.Trigger;
  try {
    trigger = ScriptApp.newTrigger(TRIGGER_HANDLER).timeBased().everyHours(1).create();
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
  const uid = trigger.getUniqueId();
  const listed = ScriptApp.getUserTriggers(ss).some((t) => t.getUniqueId() === uid);
  try {
    ScriptApp.deleteTrigger(trigger);
  } catch {
    // Reported below: the trigger is still listed.
  }
  const deleted = !ScriptApp.getUserTriggers(ss).some((t) => t.getUniqueId() === uid);
  return { uid, listed, deleted };
}

function triggerFacts(): TriggerFacts {
  const ss = spreadsheet();
  const mine = ScriptApp.getUserTriggers(ss).map((t) => ({
    handler: t.getHandlerFunction(),
    uid: t.getUniqueId(),
    eventType: String(t.getEventType()),
  }));
  // Google lists only the current user's triggers (getUserTriggers: "owned by this user"); name
  // that user. The e-mail needs a scope the add-on does not ask for, so it may be withheld.
  let user = '';
  try {
    user = Session.getEffectiveUser().getEmail();
  } catch {
    // fall back to the key below
  }
  if (user === '') user = `key ${Session.getTemporaryActiveUserKey().slice(0, 8)}…`;
  const projectCount = ScriptApp.getProjectTriggers().length;
  const probe = mine.some((t) => t.eventType === 'CLOCK') ? null : probeClockTrigger(ss);
  return { mine, projectCount, user, probe };
}

function lockState(): LockState {
  const lock = LockService.getDocumentLock();
  if (lock === null) return 'null';
  if (!lock.tryLock(0)) return 'busy';
  lock.releaseLock();
  return 'free';
}

function store(name: StoreName): Gathered<Record<string, string>> {
  return gather(() => {
    const s =
      name === 'document'
        ? PropertiesService.getDocumentProperties()
        : name === 'user'
          ? PropertiesService.getUserProperties()
          : PropertiesService.getScriptProperties();
    if (s === null) throw new Error(`the ${name} property store is null`);
    return s.getProperties();
  });
}

function sheetFacts(): SheetFact[] {
  // The refresh's own rule for which sheets are the add-on's (src/gas/ownSheets.ts sheetKind).
  let bigQuery: ReadonlySet<number> = new Set();
  try {
    bigQuery = bigQuerySheetIds();
  } catch {
    // An unreadable BigQuery setting: its sheets are then listed as the owner's.
  }
  return spreadsheet()
    .getSheets()
    .map((sheet) => {
      const marks = marksOf(sheet);
      let tabMark: string | undefined;
      let stagingMark: string | undefined;
      for (const m of sheet.getDeveloperMetadata()) {
        if (m.getKey() === METADATA_KEYS.tab) tabMark = m.getValue() ?? '';
        if (m.getKey() === METADATA_KEYS.staging) stagingMark = m.getValue() ?? '';
      }
      const id = sheet.getSheetId();
      const kind = sheetKind(marks, id, bigQuery);
      return {
        name: sheet.getName(),
        id,
        rows: sheet.getMaxRows(),
        columns: sheet.getMaxColumns(),
        ...(tabMark === undefined ? {} : { tabMark }),
        ...(marks.id === undefined ? {} : { idMark: marks.id }),
        ...(stagingMark === undefined ? {} : { stagingMark }),
        ...(kind === undefined ? {} : { addOnKind: kind }),
      };
    });
}

/**
 * The Shift_JIS download's encoding, a character at a time, in the owner's Apps Script: the same
 * call the download makes (src/gas/segmentsApi.ts).
 */
function sjisFact(): SjisFact {
  return {
    charset: SJIS_CHARSET,
    chars: SJIS_PROBE.map(({ char }) => ({ char, bytes: Utilities.newBlob('').setDataFromString(char, SJIS_CHARSET).getBytes().map((b) => b & 0xff) })),
  };
}

/**
 * Times one getValues of the owner's data — the orders sheet of the settings, else the largest
 * sheet that is not the add-on's — to compare with the cost model's price per cell.
 */
function timeRead(sheets: Gathered<readonly SheetFact[]>, ordersSheet: string | null): ReadTiming | null {
  if ('error' in sheets) throw new Error(sheets.error);
  const owners = sheets.value.filter((s) => s.addOnKind === undefined);
  const chosen = owners.find((s) => s.name === ordersSheet) ?? [...owners].sort((a, b) => b.rows * b.columns - a.rows * a.columns)[0];
  if (chosen === undefined) return null;
  const sheet = spreadsheet().getSheetByName(chosen.name);
  if (sheet === null) return null;
  const rows = Math.min(sheet.getLastRow(), TIMED_ROWS);
  const columns = sheet.getLastColumn();
  if (rows === 0 || columns === 0) return null;
  const started = Date.now();
  sheet.getRange(1, 1, rows, columns).getValues();
  return { sheet: chosen.name, rows, columns, ms: Date.now() - started };
}

/** How much of the active sheet is searched for a =FANFUNNEL_ARGS cell, and how tall its table is at most. */
const SEARCHED_ROWS = 1_000;
const SEARCHED_COLUMNS = 52;
const ARGS_TABLE_ROWS = 40;

/**
 * The date a =FANFUNNEL_ARGS on the active sheet returned in its last row, read back with getValues:
 * the day and time its cell holds on the spreadsheet's clock — what the owner sees. Only reads.
 */
function returnedDate(): ReturnedDateFact | null {
  const sheet = spreadsheet().getActiveSheet();
  const rows = Math.min(sheet.getLastRow(), SEARCHED_ROWS);
  const columns = Math.min(sheet.getLastColumn(), SEARCHED_COLUMNS);
  if (rows === 0 || columns === 0) return null;
  const formulas = sheet.getRange(1, 1, rows, columns).getFormulas();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      if (!/FANFUNNEL_ARGS\s*\(/i.test(formulas[r]![c]!)) continue;
      const height = Math.min(ARGS_TABLE_ROWS, sheet.getMaxRows() - r);
      const width = Math.min(3, sheet.getMaxColumns() - c);
      if (width < 3) continue;
      const table = sheet.getRange(r + 1, c + 1, height, width).getValues();
      const i = table.findIndex((row) => isReturnedDateLabel(row[1]));
      if (i < 0) continue;
      const v: unknown = table[i]![2];
      return { cell: `${sheet.getName()}!${sheet.getRange(r + 1 + i, c + 3).getA1Notation()}`, instant: isDate(v) ? v.getTime() : null };
    }
  }
  return null;
}

/** Every fact the report judges, gathered in the owner's spreadsheet. */
function gatherDiagnosticFacts(): DiagnosticFacts {
  const now = Date.now();
  const settings = loadSettings();
  const build = gather(buildInfo);
  const zones = {
    script: gather(() => Session.getScriptTimeZone()),
    spreadsheet: gather(() => spreadsheet().getSpreadsheetTimeZone()),
    runtime: gather(runtimeTimeZone),
  };
  const probeZones = [...new Set([zones.spreadsheet, zones.script].flatMap((z) => ('value' in z ? [z.value] : [])))];
  const sheets = gather(sheetFacts);
  const documentProperties = store('document');
  return {
    now,
    triggerHandler: TRIGGER_HANDLER,
    build,
    zones,
    probes: probeZones.map((z) => probeZone(z, now)),
    triggers: gather(triggerFacts),
    autoRefresh: settings.autoRefresh,
    lock: gather(lockState),
    properties: { document: documentProperties, user: store('user'), script: store('script') },
    sheets,
    tabRegistry: 'value' in documentProperties ? (documentProperties.value[PROPERTY_KEYS.tabSheets] ?? null) : null,
    locales: gather(() => ({ spreadsheet: spreadsheet().getSpreadsheetLocale(), user: Session.getActiveUserLocale() })),
    languageSetting: settings.language,
    readSpeed: gather(() => timeRead(sheets, settings.sources.orders)),
    returnedDate: gather(returnedDate),
    sjis: gather(sjisFact),
  };
}

/** Menu: 診断 / Diagnostics — the report in a dialog to copy, and in the execution log. */
export function showDiagnostics(): void {
  const facts = gatherDiagnosticFacts();
  const lang = reportLang(facts);
  const report = formatDiagnosticsReport(facts, evaluateDiagnostics(facts, lang), lang);
  console.log(report);
  const page = HtmlService.createHtmlOutput(diagnosticsPage(report, lang)).setWidth(760).setHeight(540);
  SpreadsheetApp.getUi().showModalDialog(page, DIAGNOSTICS_TEXT.title[lang]);
}

/**
 * =FANFUNNEL_ARGS(…): how each argument arrived. Reads only (a custom function may not write):
 * the spreadsheet's zone and locale, the settings' language, the script's zone.
 */
export function FANFUNNEL_ARGS(args: readonly unknown[]): ArgumentRow[] {
  const ss = gather(spreadsheet);
  const settings = loadSettings();
  const locale = 'value' in ss ? gather(() => ss.value.getSpreadsheetLocale()) : ss;
  return describeArguments(args, {
    lang: pickLang(settings.language, 'value' in locale ? locale.value : undefined),
    scriptTimeZone: gather(() => Session.getScriptTimeZone()),
    spreadsheetTimeZone: 'value' in ss ? gather(() => ss.value.getSpreadsheetTimeZone()) : ss,
    runtimeTimeZone: gather(runtimeTimeZone),
    timezoneOffsetOf: (d) => d.getTimezoneOffset(),
  });
}
