/**
 * The 診断 / Diagnostics report (issue 10 §3): what only real Sheets can answer, checked in the
 * owner's own spreadsheet. The Apps Script layer (src/gas/diagnostics.ts) gathers plain facts —
 * each one or the error that kept it from being read — and this module judges each assumption the
 * code relies on, then writes the report as copyable text and the dialog that shows it.
 *
 * Every check gives one entry: OK or 注意 (attention), the facts it saw, and what they mean in
 * plain words. A fact that could not be gathered is itself a finding (注意), never a crash.
 */
import { DAY_MS, dayFromCivil, formatDateTime, formatDay, makeZone, type Zone } from './dates';
import { DIAGNOSTICS_TEXT, TAB_NAMES, pickLang, type Lang, type TabId } from './labels';
import type { AutoRefresh } from './settings';
import { SJIS_CHARSET } from './segments';
import { registeredId, whichIsTab, type AddOnKind } from './tabIdentity';

/**
 * Google's documented limits the report measures against. emulator/limits.ts holds each with its
 * source and enforces it (test/core/diagnostics.test.ts keeps the two equal).
 */
export const DOCUMENTED_LIMITS = {
  /** Cells per spreadsheet, every sheet's rows × columns. */
  cells: 10_000_000,
  /** UTF-8 bytes of one property value (9 KB). */
  propertyValueBytes: 9 * 1024,
  /** UTF-8 bytes of a whole property store, keys and values (500 KB). */
  propertyStoreBytes: 500 * 1024,
} as const;

/** From this share of a limit on, a line says 注意: there must be room for the next refresh. */
export const NEAR_LIMIT = 0.8;

/** The cost model's price of reading one cell, ms (emulator/cost.ts CALIBRATION.cellRead). */
export const MODEL_READ_MS_PER_CELL = 0.15;

/** A fact as gathered: its value, or why it could not be read. */
export type Gathered<T> = { readonly value: T } | { readonly error: string };

export interface BuildInfo {
  /** package.json's version. */
  readonly version: string;
  /** The commit the bundle was built from ('unknown' outside a git checkout). */
  readonly commit: string;
  /** Built with uncommitted changes. */
  readonly dirty: boolean;
  /** appsscript.json's timeZone, as bundled. */
  readonly manifestTimeZone: string;
}

export interface ZoneFacts {
  /** Session.getScriptTimeZone(). */
  readonly script: Gathered<string>;
  /** Spreadsheet.getSpreadsheetTimeZone(). */
  readonly spreadsheet: Gathered<string>;
  /** The JavaScript runtime's own default zone (Intl), shown for the developers. */
  readonly runtime: Gathered<string>;
}

/** One instant in one zone: the offset Intl gives and what `Utilities.formatDate(d, zone, 'Z')` wrote. */
export interface ZoneProbe {
  readonly zone: string;
  readonly instant: number;
  /** Offset in minutes east of UTC, from the add-on's own zone code (Intl). */
  readonly intlMinutes: number;
  /** Utilities.formatDate's `Z`, e.g. `+0900`. */
  readonly utilities: string;
  /** Probed because a daylight-saving change happens here. */
  readonly edge: boolean;
}

/** The probes of one zone, or why they could not be made. */
export type ZoneProbes = { readonly zone: string } & Gathered<readonly ZoneProbe[]>;

export interface TriggerFact {
  readonly handler: string;
  readonly uid: string;
  /** `CLOCK`, `ON_OPEN`… */
  readonly eventType: string;
}

/** A clock trigger made for the check and deleted again, when the user had none. */
export type TriggerProbe = { readonly uid: string; readonly listed: boolean; readonly deleted: boolean } | { readonly error: string };

export interface TriggerFacts {
  /** ScriptApp.getUserTriggers(this spreadsheet): this user's, in this document. */
  readonly mine: readonly TriggerFact[];
  /** ScriptApp.getProjectTriggers().length. */
  readonly projectCount: number;
  /** Who "this user" is: an e-mail when Google gives it, else the temporary user key. */
  readonly user: string;
  /** Null when the user already had a clock trigger (nothing was created). */
  readonly probe: TriggerProbe | null;
}

export type LockState = 'null' | 'free' | 'busy';

export interface SheetFact {
  readonly name: string;
  readonly id: number;
  readonly rows: number;
  readonly columns: number;
  /** The developer metadata that marks one of the add-on's tabs: its tab id. */
  readonly tabMark?: string;
  /** The sheet id recorded in its metadata when the add-on made it (a copy carries the original's). */
  readonly idMark?: number;
  /** The developer metadata that marks a refresh's scratch sheet. */
  readonly stagingMark?: string;
  /** Which of the add-on's sheets it is, or a copy of (src/gas/ownSheets.ts sheetKind); absent: the owner's. */
  readonly addOnKind?: AddOnKind;
}

export interface ReadTiming {
  readonly sheet: string;
  readonly rows: number;
  readonly columns: number;
  readonly ms: number;
}

export type StoreName = 'document' | 'user' | 'script';

/**
 * The day of the date =FANFUNNEL_ARGS returns in its last row: made as the functions make the dates
 * they return (0:00 on the script's wall clock, src/core/functions.ts), so that the owner — and this
 * report, reading the cell back — sees whether Sheets shows it as that day in this spreadsheet
 * (Google does not document it: emulator/sheetsCall.ts).
 */
export const RETURNED_DATE_PROBE = dayFromCivil(2001, 2, 3);

/**
 * What the Shift_JIS download should give for names and signs Japanese shops write, a character at a
 * time: the bytes the emulator gives (iconv-lite's cp932, emulator/session.ts) and
 * test/gas/segments.test.ts expects — 鈴木 97 E9 96 D8, IBM's 髙 FB FC, ～ (U+FF5E) 81 60 as Windows
 * writes it. − (U+2212) has no code in that table: "?" (3F), which the download warns of; Java's
 * windows-31j might map it to 81 7C (U+FF0D) instead. We cannot run Google's Java here: 診断 does,
 * in the owner's spreadsheet (Blob.setDataFromString(string, charset),
 * https://developers.google.com/apps-script/reference/base/blob; Utilities.newBlob(data),
 * https://developers.google.com/apps-script/reference/utilities/utilities#newBlob(String)).
 */
export const SJIS_PROBE: ReadonlyArray<{ readonly char: string; readonly bytes: readonly number[] }> = [
  { char: '鈴', bytes: [0x97, 0xe9] },
  { char: '木', bytes: [0x96, 0xd8] },
  { char: '髙', bytes: [0xfb, 0xfc] },
  { char: '橋', bytes: [0x8b, 0xb4] },
  { char: '～', bytes: [0x81, 0x60] },
  { char: '−', bytes: [0x3f] },
];

/** The bytes Apps Script gave for each of SJIS_PROBE's characters (0–255). */
export interface SjisFact {
  readonly charset: string;
  readonly chars: ReadonlyArray<{ readonly char: string; readonly bytes: readonly number[] }>;
}

/** The returned date of a =FANFUNNEL_ARGS on the active sheet, as getValues reads the cell back. */
export interface ReturnedDateFact {
  /** Where it is, e.g. "Sheet1!C9". */
  readonly cell: string;
  /** The instant getValues gave (the cell's day and time in the spreadsheet's zone); null: not a date. */
  readonly instant: number | null;
}

export interface DiagnosticFacts {
  /** When the facts were gathered (ms). */
  readonly now: number;
  /** The handler the automatic refresh's trigger calls. */
  readonly triggerHandler: string;
  readonly build: Gathered<BuildInfo>;
  readonly zones: ZoneFacts;
  readonly probes: readonly ZoneProbes[];
  readonly triggers: Gathered<TriggerFacts>;
  readonly autoRefresh: AutoRefresh;
  readonly lock: Gathered<LockState>;
  readonly properties: Readonly<Record<StoreName, Gathered<Readonly<Record<string, string>>>>>;
  readonly sheets: Gathered<readonly SheetFact[]>;
  /** The document property that registers each tab's sheet id (raw JSON), null when unset. */
  readonly tabRegistry: string | null;
  readonly locales: Gathered<{ readonly spreadsheet: string; readonly user: string }>;
  readonly languageSetting: 'auto' | Lang;
  /** One timed getValues of the owner's largest data (null: no sheet with data). */
  readonly readSpeed: Gathered<ReadTiming | null>;
  /** The date a =FANFUNNEL_ARGS on the active sheet returned (null: no such cell). Optional: older callers. */
  readonly returnedDate?: Gathered<ReturnedDateFact | null>;
  /** What Blob.setDataFromString(char, SJIS_CHARSET) gave for SJIS_PROBE. Optional: older callers. */
  readonly sjis?: Gathered<SjisFact>;
}

export type CheckId =
  | 'version'
  | 'timeZones'
  | 'intl'
  | 'triggers'
  | 'lock'
  | 'propertiesDocument'
  | 'propertiesUser'
  | 'propertiesScript'
  | 'cells'
  | 'language'
  | 'tabs'
  | 'readSpeed'
  | 'returnedDates'
  | 'sjis';

export type Status = 'ok' | 'attention';

export interface Check {
  readonly id: CheckId;
  readonly status: Status;
  readonly name: string;
  /** What was seen. */
  readonly facts: string;
  /** What it means, in plain words. */
  readonly meaning: string;
}

const T = DIAGNOSTICS_TEXT;

// ---------------------------------------------------------------------------------------------
// Small pure helpers

/** UTF-8 bytes of a string, as PropertiesService counts them (no TextEncoder in Apps Script). */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** `1234567` → `1,234,567` (the same in both languages). */
export function thousands(n: number): string {
  const [whole, fraction] = String(Math.abs(n)).split('.');
  return (n < 0 ? '-' : '') + whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (fraction === undefined ? '' : `.${fraction}`);
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const percent = (share: number): string => `${(share * 100).toFixed(share < 0.1 ? 2 : 1)}%`;

/** `+0900` → 540; NaN when it is not that form. */
export function parseUtcOffset(z: string): number {
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(z.trim());
  if (!m) return NaN;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

/** 540 → `+0900`, as Utilities writes it. */
export function formatUtcOffset(minutes: number): string {
  const a = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}${String(a % 60).padStart(2, '0')}`;
}

/** Offset of a zone at an instant, minutes east of UTC, by the add-on's own zone code. */
export function intlOffsetMinutes(zone: Zone, instant: number): number {
  return Math.round((zone.localMs(instant) - instant) / 60_000);
}

/**
 * The daylight-saving changes of a zone between two instants: for each, the first instant (to the
 * second) with the new offset. Scans a day at a time, then bisects.
 */
export function offsetChanges(zone: Zone, from: number, to: number): number[] {
  const DAY = 86_400_000;
  const out: number[] = [];
  const offset = (t: number): number => zone.localMs(t) - t;
  for (let t = from; t < to; t += DAY) {
    const end = Math.min(t + DAY, to);
    if (offset(t) === offset(end)) continue;
    let lo = t;
    let hi = end;
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (offset(mid) === offset(lo)) lo = mid;
      else hi = mid;
    }
    out.push(hi);
  }
  return out;
}

/**
 * The instants at which Intl and Utilities are compared for a zone: midwinter and midsummer of
 * this year, a day in 1990 (older rules), now, and a second either side of each daylight-saving
 * change this year and next.
 */
export function zoneProbeInstants(zone: Zone, now: number): Array<{ instant: number; edge: boolean }> {
  const year = new Date(zone.localMs(now)).getUTCFullYear();
  const plain = [Date.UTC(year, 0, 15, 12), Date.UTC(year, 6, 15, 12), Date.UTC(1990, 6, 1, 12), now];
  const edges = offsetChanges(zone, Date.UTC(year, 0, 1), Date.UTC(year + 2, 0, 1)).flatMap((t) => [t - 1000, t]);
  return [...plain.map((instant) => ({ instant, edge: false })), ...edges.map((instant) => ({ instant, edge: true }))];
}

// ---------------------------------------------------------------------------------------------
// The checks

type Judged = { status: Status; facts: string; meaning: string };

const failed = (lang: Lang, error: string): Judged => ({
  status: 'attention',
  facts: T.couldNotCheck[lang](error),
  meaning: T.couldNotCheckMeaning[lang],
});

function checkVersion(build: Gathered<BuildInfo>, lang: Lang): Judged {
  if ('error' in build) return failed(lang, build.error);
  const b = build.value;
  const traceable = b.commit !== 'unknown' && !b.dirty;
  return {
    status: traceable ? 'ok' : 'attention',
    facts: T.version.facts[lang](b.version, b.commit, b.dirty),
    meaning: traceable ? T.version.ok[lang] : T.version.untraceable[lang],
  };
}

function checkTimeZones(zones: ZoneFacts, build: Gathered<BuildInfo>, lang: Lang): Judged {
  if ('error' in zones.script) return failed(lang, zones.script.error);
  if ('error' in zones.spreadsheet) return failed(lang, zones.spreadsheet.error);
  const script = zones.script.value;
  const spreadsheet = zones.spreadsheet.value;
  const manifest = 'value' in build ? build.value.manifestTimeZone : '?';
  const runtime = 'value' in zones.runtime ? zones.runtime.value : '?';
  const meanings: string[] = [];
  if (manifest !== '?' && script !== manifest) meanings.push(T.timeZones.scriptNotManifest[lang](manifest));
  if (spreadsheet !== script) meanings.push(T.timeZones.spreadsheetDiffers[lang](spreadsheet, script));
  return {
    status: meanings.length === 0 ? 'ok' : 'attention',
    facts: T.timeZones.facts[lang](script, spreadsheet, manifest, runtime),
    meaning: meanings.length === 0 ? T.timeZones.same[lang] : meanings.join(' '),
  };
}

function checkIntl(probes: readonly ZoneProbes[], lang: Lang): Judged {
  const problems: string[] = [];
  let instants = 0;
  let edges = 0;
  for (const p of probes) {
    if ('error' in p) {
      problems.push(T.intl.failed[lang](p.zone, p.error));
      continue;
    }
    for (const q of p.value) {
      instants++;
      if (q.edge) edges++;
      if (parseUtcOffset(q.utilities) !== q.intlMinutes) {
        problems.push(T.intl.mismatch[lang](new Date(q.instant).toISOString(), q.zone, formatUtcOffset(q.intlMinutes), q.utilities));
      }
    }
  }
  if (probes.length === 0) return failed(lang, T.intl.noZone[lang]);
  const zones = probes.map((p) => p.zone).join(lang === 'ja' ? '・' : ', ');
  const shown = problems.slice(0, 4);
  const facts = [T.intl.facts[lang](instants, edges, zones), ...shown].join(lang === 'ja' ? '。' : '. ');
  const ok = problems.length === 0 && instants > 0;
  return { status: ok ? 'ok' : 'attention', facts, meaning: ok ? T.intl.ok[lang] : T.intl.disagree[lang] };
}

function autoRefreshText(a: AutoRefresh, lang: Lang): string {
  if (!a.enabled) return T.triggers.settingOff[lang];
  return a.every === 'hour' ? T.triggers.settingHourly[lang] : T.triggers.settingDaily[lang](a.hour);
}

function checkTriggers(triggers: Gathered<TriggerFacts>, autoRefresh: AutoRefresh, handler: string, lang: Lang): Judged {
  if ('error' in triggers) return failed(lang, triggers.error);
  const t = triggers.value;
  const list = t.mine.length === 0 ? T.triggers.none[lang] : t.mine.map((x) => T.triggers.trigger[lang](x.handler, x.eventType, x.uid)).join(lang === 'ja' ? '、' : '; ');
  const facts = [T.triggers.facts[lang](list, t.projectCount, t.user, autoRefreshText(autoRefresh, lang))];
  const ours = t.mine.filter((x) => x.handler === handler && x.eventType === 'CLOCK');
  const meanings: string[] = [];
  if (ours.length > 1) meanings.push(T.triggers.duplicate[lang]);
  if (autoRefresh.enabled && ours.length === 0) meanings.push(T.triggers.onButMissing[lang]);
  if (!autoRefresh.enabled && ours.length > 0) meanings.push(T.triggers.offButPresent[lang]);
  let probeOk: boolean | undefined;
  if (t.probe !== null) {
    if ('error' in t.probe) {
      facts.push(T.triggers.probeFailed[lang](t.probe.error));
      meanings.push(T.triggers.probeError[lang]);
      probeOk = false;
    } else {
      facts.push(T.triggers.probeFacts[lang](t.probe.uid, t.probe.listed, t.probe.deleted));
      if (!t.probe.listed) meanings.push(T.triggers.probeNotListed[lang]);
      if (!t.probe.deleted) meanings.push(T.triggers.probeNotDeleted[lang]);
      probeOk = t.probe.listed && t.probe.deleted;
    }
  }
  const joined = facts.join(lang === 'ja' ? '。' : '. ');
  if (meanings.length > 0) return { status: 'attention', facts: joined, meaning: meanings.join(' ') };
  const meaning = ours.length === 1 ? T.triggers.ok[lang] : probeOk ? T.triggers.probeOk[lang] : T.triggers.okOff[lang];
  return { status: 'ok', facts: joined, meaning };
}

function checkLock(lock: Gathered<LockState>, lang: Lang): Judged {
  if ('error' in lock) return failed(lang, lock.error);
  const facts = T.lock.facts[lang][lock.value];
  if (lock.value === 'null') return { status: 'attention', facts, meaning: T.lock.missing[lang] };
  return { status: 'ok', facts, meaning: lock.value === 'busy' ? T.lock.busy[lang] : T.lock.ok[lang] };
}

/** Bytes of a store, as the quota counts them (keys and values), and its largest value. */
export function storeSize(entries: Readonly<Record<string, string>>): { total: number; largestKey: string; largest: number; count: number } {
  let total = 0;
  let largest = -1;
  let largestKey = '';
  const keys = Object.keys(entries);
  for (const key of keys) {
    const bytes = utf8Bytes(entries[key]!);
    total += utf8Bytes(key) + bytes;
    if (bytes > largest) {
      largest = bytes;
      largestKey = key;
    }
  }
  return { total, largestKey, largest: Math.max(largest, 0), count: keys.length };
}

function checkProperties(store: StoreName, entries: Gathered<Readonly<Record<string, string>>>, lang: Lang): Judged {
  if ('error' in entries) return failed(lang, entries.error);
  const s = storeSize(entries.value);
  const largest = s.count === 0 ? '' : `${s.largestKey} ${kb(s.largest)}`;
  const facts = T.properties.facts[lang](s.count, kb(s.total), largest);
  const share = Math.max(s.largest / DOCUMENTED_LIMITS.propertyValueBytes, s.total / DOCUMENTED_LIMITS.propertyStoreBytes);
  if (share > 1) return { status: 'attention', facts, meaning: T.properties.over[lang] };
  if (share >= NEAR_LIMIT) return { status: 'attention', facts, meaning: T.properties.near[lang] };
  return { status: 'ok', facts, meaning: T.properties.ok[lang] };
}

function checkCells(sheets: Gathered<readonly SheetFact[]>, lang: Lang): Judged {
  if ('error' in sheets) return failed(lang, sheets.error);
  let total = 0;
  let largest: SheetFact | undefined;
  for (const s of sheets.value) {
    total += s.rows * s.columns;
    if (largest === undefined || s.rows * s.columns > largest.rows * largest.columns) largest = s;
  }
  const share = total / DOCUMENTED_LIMITS.cells;
  const facts = T.cells.facts[lang](
    sheets.value.length,
    thousands(total),
    percent(share),
    largest?.name ?? '',
    thousands(largest?.rows ?? 0),
    thousands(largest?.columns ?? 0),
  );
  return share >= NEAR_LIMIT ? { status: 'attention', facts, meaning: T.cells.near[lang] } : { status: 'ok', facts, meaning: T.cells.ok[lang] };
}

function checkLanguage(locales: Gathered<{ spreadsheet: string; user: string }>, setting: 'auto' | Lang, lang: Lang): Judged {
  if ('error' in locales) return failed(lang, locales.error);
  const { spreadsheet, user } = locales.value;
  // The menu follows the user's locale (src/gas/menu.ts); the tabs and functions the setting,
  // else the spreadsheet's locale.
  const menu = pickLang('auto', user);
  const names = T.language.names[lang];
  const facts = T.language.facts[lang](spreadsheet, user, names[setting], names[lang], names[menu]);
  return menu === lang ? { status: 'ok', facts, meaning: T.language.ok[lang] } : { status: 'attention', facts, meaning: T.language.split[lang] };
}

const TABS: readonly TabId[] = ['funnel', 'customers', 'vip', 'history'];

function checkTabs(sheets: Gathered<readonly SheetFact[]>, registryJson: string | null, lang: Lang): Judged {
  if ('error' in sheets) return failed(lang, sheets.error);
  let registry: Partial<Record<string, unknown>> = {};
  let badRegistry = false;
  if (registryJson !== null) {
    try {
      const parsed: unknown = JSON.parse(registryJson);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) registry = parsed as Record<string, unknown>;
      else badRegistry = true;
    } catch {
      badRegistry = true;
    }
  }
  const ids = new Set(sheets.value.map((s) => s.id));
  const parts: string[] = [];
  const copies: string[] = [];
  const gone: number[] = [];
  for (const tab of TABS) {
    const marked = sheets.value.filter((s) => s.tabMark === tab).map((s) => ({ ...s, idMark: s.idMark }));
    const registered = registeredId(registry[tab]);
    // The refresh's own rule (src/core/tabIdentity.ts): the sheet whose recorded id is its own.
    const own = whichIsTab(marked, registered)?.sheet;
    for (const s of marked) if (s !== own) copies.push(T.tabs.sheet[lang](s.name, s.id));
    if (registered !== undefined && !ids.has(registered)) gone.push(registered);
    parts.push(own === undefined ? T.tabs.notYet[lang](TAB_NAMES[tab][lang]) : T.tabs.own[lang](TAB_NAMES[tab][lang], own.name, own.id));
  }
  const staging = sheets.value.filter((s) => s.stagingMark !== undefined).map((s) => T.tabs.sheet[lang](s.name, s.id));
  // The add-on's other sheets (segment lists, 施策, BigQuery): its own, never read as the owner's data.
  const others = sheets.value.filter((s) => s.addOnKind === 'segment' || s.addOnKind === 'campaign' || s.addOnKind === 'bigQuery').map((s) => T.tabs.sheet[lang](s.name, s.id));
  if (others.length > 0) parts.push(T.tabs.others[lang](others.join(', ')));
  if (copies.length > 0) parts.push(T.tabs.copies[lang](copies.join(', ')));
  if (gone.length > 0) parts.push(T.tabs.gone[lang](gone.join(', ')));
  if (staging.length > 0) parts.push(T.tabs.staging[lang](staging.join(', ')));
  if (badRegistry) parts.push(T.tabs.badRegistry[lang]);
  const facts = parts.join(lang === 'ja' ? '。' : '. ');
  const attention = badRegistry || staging.length > 0;
  return { status: attention ? 'attention' : 'ok', facts, meaning: attention ? T.tabs.attention[lang] : T.tabs.ok[lang] };
}

/**
 * The date =FANFUNNEL_ARGS returned, read back: right if the cell holds 0:00 of the probe day on the
 * spreadsheet's clock — what the owner sees.
 */
function checkReturnedDates(fact: Gathered<ReturnedDateFact | null> | undefined, sheetZone: Gathered<string>, lang: Lang): Judged {
  const R = T.returnedDates;
  if (fact === undefined || ('value' in fact && fact.value === null)) return { status: 'ok', facts: R.none[lang], meaning: R.noneMeaning[lang] };
  if ('error' in fact) return failed(lang, fact.error);
  const f = fact.value!;
  let zone: Zone;
  try {
    zone = makeZone('value' in sheetZone ? sheetZone.value : 'UTC');
  } catch {
    zone = makeZone('UTC');
  }
  const expected = formatDay(RETURNED_DATE_PROBE);
  if (f.instant === null) return { status: 'attention', facts: R.facts[lang](f.cell, '—', zone.name), meaning: R.wrong[lang](expected) };
  const facts = R.facts[lang](f.cell, formatDateTime(f.instant, zone), zone.name);
  return zone.localMs(f.instant) === RETURNED_DATE_PROBE * DAY_MS
    ? { status: 'ok', facts, meaning: R.ok[lang] }
    : { status: 'attention', facts, meaning: R.wrong[lang](expected) };
}

const hex = (bytes: readonly number[]): string => bytes.map((b) => (b & 0xff).toString(16).toUpperCase().padStart(2, '0')).join(' ');

/** The Shift_JIS download's bytes in the owner's Apps Script against the ones we expect (SJIS_PROBE). */
function checkSjis(fact: Gathered<SjisFact> | undefined, lang: Lang): Judged {
  const S = T.sjis;
  if (fact === undefined) return { status: 'ok', facts: S.notRun[lang], meaning: S.notRunMeaning[lang] };
  if ('error' in fact) return { status: 'attention', facts: S.failed[lang](SJIS_CHARSET, fact.error), meaning: S.failedMeaning[lang] };
  const got = new Map(fact.value.chars.map((c) => [c.char, c.bytes]));
  const facts = S.facts[lang](fact.value.charset, SJIS_PROBE.map((p) => `${p.char} ${got.has(p.char) ? hex(got.get(p.char)!) : '—'}`).join(', '));
  const wrong = SJIS_PROBE.filter((p) => hex(got.get(p.char) ?? []) !== hex(p.bytes)).map((p) => S.expected[lang](p.char, hex(p.bytes)));
  return wrong.length === 0 ? { status: 'ok', facts, meaning: S.ok[lang] } : { status: 'attention', facts, meaning: S.wrong[lang](wrong.join(', ')) };
}

function checkReadSpeed(timing: Gathered<ReadTiming | null>, lang: Lang): Judged {
  if ('error' in timing) return failed(lang, timing.error);
  const t = timing.value;
  if (t === null || t.rows * t.columns === 0) return { status: 'ok', facts: T.readSpeed.nothing[lang], meaning: T.readSpeed.nothingMeaning[lang] };
  const perCell = t.ms / (t.rows * t.columns);
  const facts = T.readSpeed.facts[lang](
    t.sheet,
    thousands(t.rows),
    thousands(t.columns),
    thousands(Math.round(t.ms)),
    (perCell * 1000).toFixed(1),
    (MODEL_READ_MS_PER_CELL * 1000).toFixed(0),
  );
  return perCell <= MODEL_READ_MS_PER_CELL
    ? { status: 'ok', facts, meaning: T.readSpeed.ok[lang] }
    : { status: 'attention', facts, meaning: T.readSpeed.slow[lang] };
}

/** The language of the report: the add-on's own (the setting, else the spreadsheet's locale). */
export function reportLang(facts: DiagnosticFacts): Lang {
  return pickLang(facts.languageSetting, 'value' in facts.locales ? facts.locales.value.spreadsheet : undefined);
}

/** Judges every assumption, in the report's order. */
export function evaluateDiagnostics(facts: DiagnosticFacts, lang: Lang = reportLang(facts)): Check[] {
  const judged: Array<[CheckId, string, Judged]> = [
    ['version', T.version.name[lang], checkVersion(facts.build, lang)],
    ['timeZones', T.timeZones.name[lang], checkTimeZones(facts.zones, facts.build, lang)],
    ['intl', T.intl.name[lang], checkIntl(facts.probes, lang)],
    ['triggers', T.triggers.name[lang], checkTriggers(facts.triggers, facts.autoRefresh, facts.triggerHandler, lang)],
    ['lock', T.lock.name[lang], checkLock(facts.lock, lang)],
    ['propertiesDocument', T.properties.name[lang].document, checkProperties('document', facts.properties.document, lang)],
    ['propertiesUser', T.properties.name[lang].user, checkProperties('user', facts.properties.user, lang)],
    ['propertiesScript', T.properties.name[lang].script, checkProperties('script', facts.properties.script, lang)],
    ['cells', T.cells.name[lang], checkCells(facts.sheets, lang)],
    ['language', T.language.name[lang], checkLanguage(facts.locales, facts.languageSetting, lang)],
    ['tabs', T.tabs.name[lang], checkTabs(facts.sheets, facts.tabRegistry, lang)],
    ['readSpeed', T.readSpeed.name[lang], checkReadSpeed(facts.readSpeed, lang)],
    ['returnedDates', T.returnedDates.name[lang], checkReturnedDates(facts.returnedDate, facts.zones.spreadsheet, lang)],
    ['sjis', T.sjis.name[lang], checkSjis(facts.sjis, lang)],
  ];
  return judged.map(([id, name, j]) => ({ id, name, ...j }));
}

// ---------------------------------------------------------------------------------------------
// The report and its dialog

/**
 * The report as plain text: a header with the time in the spreadsheet's zone, a summary, then per
 * check `[OK] name: facts` and its meaning indented below, and what to do next.
 */
export function formatDiagnosticsReport(facts: DiagnosticFacts, checks: readonly Check[], lang: Lang = reportLang(facts)): string {
  // The time in the spreadsheet's zone, else the script's, else UTC.
  let zone = makeZone('UTC');
  for (const z of [facts.zones.spreadsheet, facts.zones.script]) {
    if (!('value' in z)) continue;
    try {
      zone = makeZone(z.value);
      break;
    } catch {
      // an unknown zone: try the next
    }
  }
  const attention = checks.filter((c) => c.status === 'attention').length;
  const lines = [T.header[lang](formatDateTime(facts.now, zone), zone.name), T.summary[lang](attention, checks.length), ''];
  for (const c of checks) {
    lines.push(`[${c.status === 'ok' ? T.ok[lang] : T.attention[lang]}] ${c.name}: ${c.facts}`);
    lines.push(`    → ${c.meaning}`);
  }
  lines.push('', T.next[lang]);
  return lines.join('\n');
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The dialog: one self-contained page (no file, no CDN) with the report in a read-only textarea
 * and a Copy button. The button selects the text and copies it; where the browser refuses, the
 * text stays selected for Ctrl+C.
 */
export function diagnosticsPage(report: string, lang: Lang): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang}"><head><meta charset="utf-8"><style>`,
    'body{font-family:sans-serif;font-size:13px;margin:8px}',
    'textarea{box-sizing:border-box;width:100%;height:400px;font-family:monospace;font-size:12px;white-space:pre-wrap}',
    'button{margin-top:6px;padding:4px 16px}',
    '</style></head><body>',
    `<p>${escapeHtml(T.copyHint[lang])}</p>`,
    `<textarea id="report" readonly>${escapeHtml(report)}</textarea>`,
    `<button id="copy" type="button">${escapeHtml(T.copy[lang])}</button> <span id="done" hidden>${escapeHtml(T.copied[lang])}</span>`,
    '<script>',
    "document.getElementById('copy').onclick=function(){var t=document.getElementById('report');t.focus();t.select();",
    "try{if(document.execCommand('copy'))document.getElementById('done').hidden=false;}catch(e){}};",
    '</script>',
    '</body></html>',
  ].join('\n');
}
