/**
 * The server functions the sidebar calls through `google.script.run`. Each returns the sidebar's
 * whole view state, JSON-safe, so the client only re-renders (enuchi's habit).
 */
import {
  FIELD_LABELS,
  NUMBER_SETTING_LABELS,
  RANGE_LABELS,
  SETTINGS_MESSAGES,
  SIDEBAR_TEXT,
  STAGE_LABELS,
  TAB_NAMES,
  THIS_WEEK_TEXT,
  bothLanguages,
  pickLang,
  type Lang,
  type StageId,
} from '../core/labels';
import { GENERIC_FIELDS, type Field, type RangeKind } from '../core/headers';
import {
  NUMBER_SETTINGS,
  numberSetting,
  readSettings,
  wholeNumberMessage,
  type NumberSettingPath,
  type SettingProblem,
  type Settings,
} from '../core/settings';
import { layoutName } from '../core/profiles';
import { RANGE_KINDS } from '../core/shared';
import { chooseSources, detectKind, type Detected } from '../core/sources';
import { NOTICE_ROWS } from '../core/grid';
import type { ThisWeekView } from '../core/thisWeek';
import type { Cell } from '../core/values';
import { formatDateTime } from '../core/dates';
import { zoneFor } from './env';
import { currentRun, interruptedOutcome, lastRefresh } from './outcome';
import { ownSheets, ownerSheets, type OwnerSheet } from './ownSheets';
import { PROPERTY_VALUE_CAP, message, utf8Bytes } from './properties';
import { refresh, type RefreshOutcome } from './refresh';
import { loadSettings, saveSettingsJson } from './settingsStore';
import { lastThisWeek } from './thisWeekStore';
import { listCampaigns, type CampaignsState } from './campaignApi';
import { safeCell } from './writer';
import { applyAutoRefresh, autoRefreshInstalled, autoRefreshStatus, type AutoRefreshStatus } from './trigger';

export interface DetectedSource {
  readonly sheet: string;
  /** The platform whose export layout the sheet has, by its name (orders only). */
  readonly profile: string | undefined;
  readonly headers: readonly string[];
  readonly mapping: Readonly<Partial<Record<Field, string>>>;
  /** The fields the owner may map for this kind (claiming order), then any the profile added. */
  readonly fields: readonly Field[];
}

/** A whole-number field of the settings form, described by the server (src/core/settings.ts). */
export interface NumberField {
  readonly path: NumberSettingPath;
  readonly label: string;
  readonly min: number;
  /** The largest value accepted (a percentage), or null. */
  readonly max: number | null;
  /** Blank is allowed and means null ("all time"). */
  readonly blankAllowed: boolean;
  readonly value: number | null;
  /** What `readSettings` says about a value outside `min`–`max` or not a whole number. */
  readonly message: string;
}

export interface SidebarState {
  readonly lang: Lang;
  /** The spreadsheet's time zone: the sidebar shows times on its wall clock, not the browser's. */
  readonly timeZone: string;
  readonly text: Readonly<Record<keyof typeof SIDEBAR_TEXT, string>>;
  readonly stageLabels: Readonly<Record<StageId, string>>;
  readonly fieldLabels: Readonly<Record<Field, string>>;
  readonly rangeLabels: Readonly<Record<RangeKind, string>>;
  readonly settings: Settings;
  /** The whole-number settings, in the form's order. */
  readonly numbers: readonly NumberField[];
  /** The owner's sheets that can be sources (not the add-on's tabs). */
  readonly sheets: readonly string[];
  /** Per kind, the sheet the refresh will read and the columns found in it. */
  readonly detected: Readonly<Partial<Record<RangeKind, DetectedSource>>>;
  /** The last refresh: its recorded outcome, or one that Apps Script stopped before it could record. */
  readonly last: RefreshOutcome | null;
  /** Whether the current user has the automatic refresh's trigger here. */
  readonly autoRefreshInstalled: boolean;
  /** Whether the automatic refresh is on, whose it is, and how its last run ended. */
  readonly autoRefresh: AutoRefreshStatus;
  /** 今週やること of the last successful refresh (null before the first). */
  readonly thisWeek: ThisWeekView | null;
  /** The 施策 section: the campaigns with their last result (null when they cannot be read). */
  readonly campaigns: CampaignsState | null;
}

/** Rows read to recognise a sheet (a survey is recognised by its answers, too). */
const SAMPLE_ROWS = 50;

function pick<T extends Record<string, Readonly<Record<Lang, string>>>>(table: T, lang: Lang): Record<keyof T, string> {
  return Object.fromEntries(Object.entries(table).map(([k, v]) => [k, v[lang]])) as Record<keyof T, string>;
}

function fieldsOf(kind: RangeKind, mapping: Readonly<Partial<Record<Field, string>>>): Field[] {
  const fields = GENERIC_FIELDS[kind].map(([f]) => f);
  return [...fields, ...(Object.keys(mapping) as Field[]).filter((f) => !fields.includes(f))];
}

export function getSidebarState(): SidebarState {
  const ss = SpreadsheetApp.getActive();
  const settings = loadSettings();
  const lang = pickLang(settings.language, ss.getSpreadsheetLocale());
  const owners = ownerSheets(ss);
  // A sample of each sheet's rows is enough to recognise it; each sheet is sampled at most once.
  const samples = new Map<string, Detected | undefined>();
  const detect = ({ name, sheet }: OwnerSheet): Detected | undefined => {
    if (!samples.has(name)) {
      const rows = Math.min(sheet.getLastRow(), SAMPLE_ROWS + 1);
      const columns = sheet.getLastColumn();
      const values = rows < 1 || columns < 1 ? [] : (sheet.getRange(1, 1, rows, columns).getValues() as Cell[][]);
      samples.set(name, detectKind(values, settings));
    }
    return samples.get(name);
  };
  const chosen = chooseSources(owners, settings.sources, (sheet) => detect(sheet)?.kind);
  const detected: Partial<Record<RangeKind, DetectedSource>> = {};
  for (const kind of RANGE_KINDS) {
    const sheet = chosen.sheets[kind];
    const d = sheet === undefined ? undefined : detect(sheet);
    // A chosen sheet whose headers are of another kind has no mapping to show for this one.
    if (sheet === undefined || d === undefined || d.kind !== kind) continue;
    detected[kind] = { sheet: sheet.name, profile: d.profile && layoutName(d.profile, lang), headers: d.headers, mapping: d.mapping, fields: fieldsOf(kind, d.mapping) };
  }
  return {
    lang,
    timeZone: ss.getSpreadsheetTimeZone(),
    text: pick(SIDEBAR_TEXT, lang),
    stageLabels: pick(STAGE_LABELS, lang),
    fieldLabels: pick(FIELD_LABELS, lang),
    rangeLabels: pick(RANGE_LABELS, lang),
    settings,
    numbers: NUMBER_SETTINGS.map((n) => ({
      path: n.path,
      label: NUMBER_SETTING_LABELS[n.path][lang],
      min: n.min,
      max: n.max ?? null,
      blankAllowed: n.default === null,
      value: numberSetting(settings, n.path),
      message: wholeNumberMessage(n)[lang],
    })),
    sheets: owners.map((sheet) => sheet.name),
    detected,
    last: lastShown(ss),
    autoRefreshInstalled: autoRefreshInstalled(),
    autoRefresh: autoRefreshStatus(lang),
    thisWeek: lastThisWeek(),
    campaigns: campaignsOrNull(),
  };
}

/** The 施策 section's state; a damaged campaign sheet must not keep the sidebar from opening. */
function campaignsOrNull(): CampaignsState | null {
  try {
    return listCampaigns();
  } catch {
    return null;
  }
}

/**
 * What the sidebar shows as the last refresh. A record of a refresh under way while no refresh
 * holds the lock means Apps Script stopped it (the 6-minute limit) before it could record its
 * outcome: the sidebar then says so, and which tabs it had written.
 */
function lastShown(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): RefreshOutcome | null {
  const run = currentRun();
  if (run !== null) {
    const lock = LockService.getDocumentLock();
    if (lock !== null && lock.tryLock(0)) {
      lock.releaseLock();
      const zone = zoneFor(ss.getSpreadsheetTimeZone());
      return interruptedOutcome(run, (iso) => formatDateTime(Date.parse(iso), zone));
    }
  }
  return lastRefresh();
}

/** Where `selectCustomer` put the selection, or why it could not. */
export interface Selected {
  readonly ok: boolean;
  /** The sheet and its 1-based row, when selected. */
  readonly sheet?: string;
  readonly row?: number;
  readonly message?: string;
}

/**
 * A click on a customer in the sidebar's 今週やること: the Customers tab becomes the active sheet
 * and that customer's row the selection (Range.activate), so the owner sees every number of them.
 */
export function selectCustomer(key: unknown): Selected {
  const ss = SpreadsheetApp.getActive();
  const lang = pickLang(loadSettings().language, ss.getSpreadsheetLocale());
  const tab = ownSheets(ss).customers?.sheet;
  const name = tab?.getName() ?? TAB_NAMES.customers[lang];
  const notFound = (): Selected => ({ ok: false, message: THIS_WEEK_TEXT.notFound[lang](String(key), name) });
  if (tab === undefined || typeof key !== 'string' || key === '') return notFound();
  // The tab: the notice line, its header row, then a customer per row, the key in column A.
  const first = NOTICE_ROWS + 2;
  const last = tab.getLastRow();
  if (last < first) return notFound();
  // As written: a key that looks like a formula went in with a leading apostrophe (writer.ts).
  const written = new Set([key, String(safeCell(key))]);
  const keys = tab.getRange(first, 1, last - first + 1, 1).getDisplayValues();
  const i = keys.findIndex((r) => written.has(String(r[0])));
  if (i < 0) return notFound();
  const row = first + i;
  tab.activate();
  tab.getRange(row, 1, 1, Math.max(1, tab.getLastColumn())).activate();
  return { ok: true, sheet: tab.getName(), row };
}

/** The sidebar's button. */
export function refreshFromSidebar(): { outcome: RefreshOutcome; state: SidebarState } {
  const outcome = refresh('sidebar');
  return { outcome, state: getSidebarState() };
}

/**
 * Validates and stores the settings; on any problem nothing is stored and the problems come back
 * for inline messages. Turning the automatic refresh on or off installs or removes the trigger.
 */
export function saveSettings(input: unknown): { ok: boolean; problems: SettingProblem[]; state: SidebarState } {
  const { settings, problems } = readSettings(input);
  const { missing } = chooseSources(ownerSheets(SpreadsheetApp.getActive()), settings.sources, () => undefined);
  for (const kind of missing) {
    const name = settings.sources[kind]!;
    problems.push({ path: `sources.${kind}`, message: bothLanguages(SETTINGS_MESSAGES.noSheet, name) });
  }
  const json = JSON.stringify(settings);
  const bytes = utf8Bytes(json);
  if (bytes > PROPERTY_VALUE_CAP) problems.push({ path: '', message: bothLanguages(SETTINGS_MESSAGES.tooLarge, bytes, PROPERTY_VALUE_CAP) });
  if (problems.length > 0) return { ok: false, problems, state: getSidebarState() };
  const before = loadSettings().autoRefresh;
  // The trigger first: if it cannot be made, the settings stay as they were and still describe it.
  const changeTrigger = JSON.stringify(before) !== JSON.stringify(settings.autoRefresh) || autoRefreshInstalled() !== settings.autoRefresh.enabled;
  if (changeTrigger) {
    try {
      applyAutoRefresh(settings.autoRefresh);
    } catch (e) {
      return { ok: false, problems: [{ path: 'autoRefresh', message: bothLanguages(SETTINGS_MESSAGES.triggerFailed, message(e)) }], state: getSidebarState() };
    }
  }
  try {
    saveSettingsJson(json);
  } catch (e) {
    // Put the trigger back as the stored settings describe it.
    if (changeTrigger) {
      try {
        applyAutoRefresh(before);
      } catch {
        // The trigger checks the settings at each run and removes itself if they say off.
      }
    }
    return { ok: false, problems: [{ path: '', message: bothLanguages(SETTINGS_MESSAGES.notStored, message(e)) }], state: getSidebarState() };
  }
  return { ok: true, problems: [], state: getSidebarState() };
}
