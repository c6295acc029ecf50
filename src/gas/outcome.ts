/**
 * What the sidebar knows of refreshes: the outcome of the last one, and the record of one under way.
 *
 * Both live in document properties, so both are read back as untrusted data — written by an older
 * version, cut short, or edited by hand — and validated field by field: what can be shown is shown,
 * the rest is dropped, and nothing of an unexpected shape reaches the sidebar (issue 11: a damaged
 * property blanked it with `e.lines.map is not a function`).
 *
 * The record of a refresh under way is written before its first write and updated after each tab,
 * so that when Apps Script stops it (the 6-minute limit) the next look at the sidebar can say which
 * tabs are new, which half-written and which old — and the next refresh repairs them.
 */
import { formatIsoDay } from '../core/dates';
import type { RangeKind } from '../core/headers';
import { REFRESH_SAFETY, TAB_NAMES, type Lang, type StageId, type TabId } from '../core/labels';
import type { SkipReason } from '../core/orders';
import { ALL_STAGES, RANGE_KINDS } from '../core/shared';
import { PROPERTY_KEYS } from './keys';
import { PROPERTY_VALUE_CAP, documentStore, readJson, utf8Bytes, writeJson } from './properties';

export type RefreshCause = 'sidebar' | 'menu' | 'trigger';
export const TAB_IDS: readonly TabId[] = ['funnel', 'customers', 'vip', 'history'];

/** Which tabs a refresh that did not finish had changed. */
export interface Switchover {
  /** Written completely with the new refresh's content. */
  readonly written: readonly TabId[];
  /** Being written when it stopped: neither old nor new. */
  readonly incomplete: readonly TabId[];
  /** Not touched: still the previous refresh's. */
  readonly kept: readonly TabId[];
  /** Not touched, and not made before either (a first refresh): there is no such tab yet. */
  readonly absent?: readonly TabId[];
  /** What to tell the owner, in the refresh's language. */
  readonly note: string;
}

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
  /**
   * On a failure: true when every tab is as it was before this refresh (and there were tabs); false
   * when some were rewritten (`switchover` says which). Absent when nothing can be claimed: there
   * were no tabs yet (a first refresh), or no document to look at.
   */
  readonly previousKept?: boolean;
  readonly switchover?: Switchover;
  /** A refusal before any write: an unbelievable paste, more cells than Sheets holds, or more time than Apps Script gives. */
  readonly refused?: 'paste' | 'cells' | 'time';
  /** A trigger run whose inputs had not changed: it wrote nothing (and is not recorded as the last refresh). */
  readonly unchanged?: true;
  /** The language the refresh wrote its tabs and messages in. */
  readonly lang?: Lang;
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

/** A refresh under way, as recorded before it writes (and after each tab it wrote). */
export interface RunRecord {
  readonly startedAt: string;
  readonly cause: RefreshCause;
  readonly lang: Lang;
  /** 'reading': nothing written yet; 'writing': the tabs are being replaced. */
  readonly phase: 'reading' | 'writing';
  /** The as-of day of what is being written. */
  readonly asOf?: string;
  readonly written: readonly TabId[];
  readonly writing?: TabId;
  /** The tabs' sheet names, to name them in the message. */
  readonly names?: Readonly<Partial<Record<TabId, string>>>;
}

// ---------------------------------------------------------------------------------------------
// Validation of what is read back

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const CAUSES: readonly RefreshCause[] = ['sidebar', 'menu', 'trigger'];
const isTab = (v: unknown): v is TabId => TAB_IDS.includes(v as TabId);
const tabList = (v: unknown): TabId[] => (Array.isArray(v) ? v.filter(isTab) : []);

function strings(v: unknown): string[] | undefined {
  if (!Array.isArray(v)) return isString(v) && v !== '' ? [v] : undefined;
  const out = v.filter(isString);
  return out.length > 0 ? out : undefined;
}

function counts(v: unknown): Record<StageId, number> | undefined {
  if (!isObject(v)) return undefined;
  const out = {} as Record<StageId, number>;
  for (const s of ALL_STAGES) {
    const n = v[s];
    if (!isCount(n)) return undefined;
    out[s] = n;
  }
  return out;
}

function skippedRows(v: unknown): NonNullable<RefreshOutcome['skipped']> | undefined {
  if (!Array.isArray(v)) return undefined;
  const out: Array<{ range: RangeKind; row: number; reason: SkipReason; value: string }> = [];
  for (const r of v) {
    if (!isObject(r) || !RANGE_KINDS.includes(r.range as RangeKind) || !isCount(r.row) || !isString(r.reason)) continue;
    out.push({ range: r.range as RangeKind, row: r.row, reason: r.reason as SkipReason, value: isString(r.value) ? r.value : '' });
  }
  return out;
}

function names<K extends string>(v: unknown, keys: readonly K[]): Partial<Record<K, string>> | undefined {
  if (!isObject(v)) return undefined;
  const out: Partial<Record<K, string>> = {};
  for (const k of keys) if (isString(v[k])) out[k] = v[k];
  return Object.keys(out).length > 0 ? out : undefined;
}

function readSwitchover(v: unknown): Switchover | undefined {
  if (!isObject(v) || !isString(v.note)) return undefined;
  const absent = tabList(v.absent);
  return { written: tabList(v.written), incomplete: tabList(v.incomplete), kept: tabList(v.kept), ...(absent.length > 0 ? { absent } : {}), note: v.note };
}

/**
 * A stored outcome, validated: null when it is not one at all (no `ok`, no `at`); otherwise every
 * field of the right shape, and only those.
 */
export function readOutcome(v: unknown): RefreshOutcome | null {
  if (!isObject(v) || typeof v.ok !== 'boolean' || !isString(v.at)) return null;
  const out: Record<string, unknown> = {
    ok: v.ok,
    cause: CAUSES.includes(v.cause as RefreshCause) ? v.cause : 'menu',
    at: v.at,
    durationMs: isCount(v.durationMs) ? v.durationMs : 0,
  };
  if (v.busy === true) out.busy = true;
  if (isString(v.error)) out.error = v.error;
  else if (!v.ok && v.busy !== true) out.error = '?';
  if (typeof v.previousKept === 'boolean') out.previousKept = v.previousKept;
  const sw = readSwitchover(v.switchover);
  if (sw !== undefined) out.switchover = sw;
  if (v.refused === 'paste' || v.refused === 'cells' || v.refused === 'time') out.refused = v.refused;
  if (v.lang === 'ja' || v.lang === 'en') out.lang = v.lang;
  if (isString(v.asOf)) out.asOf = v.asOf;
  const c = counts(v.counts);
  if (c !== undefined) out.counts = c;
  if (isCount(v.rowsRead)) out.rowsRead = v.rowsRead;
  const skipped = skippedRows(v.skipped);
  if (skipped !== undefined) out.skipped = skipped;
  if (isCount(v.skippedTotal)) out.skippedTotal = Math.max(v.skippedTotal, skipped?.length ?? 0);
  else if (skipped !== undefined) out.skippedTotal = skipped.length;
  if (typeof v.registrationAssumed === 'boolean') out.registrationAssumed = v.registrationAssumed;
  const warnings = strings(v.warnings);
  if (warnings !== undefined) out.warnings = warnings;
  if (isString(v.predictionNote)) out.predictionNote = v.predictionNote;
  if (isString(v.accuracyLine)) out.accuracyLine = v.accuracyLine;
  const sources = names(v.sources, RANGE_KINDS);
  if (sources !== undefined) out.sources = sources;
  const tabs = names(v.tabs, TAB_IDS);
  if (tabs !== undefined && TAB_IDS.every((t) => tabs[t] !== undefined)) out.tabs = tabs;
  return out as unknown as RefreshOutcome;
}

export function readRun(v: unknown): RunRecord | null {
  if (!isObject(v) || !isString(v.startedAt) || (v.phase !== 'reading' && v.phase !== 'writing')) return null;
  const out: Record<string, unknown> = {
    startedAt: v.startedAt,
    cause: CAUSES.includes(v.cause as RefreshCause) ? v.cause : 'menu',
    lang: v.lang === 'ja' ? 'ja' : 'en',
    phase: v.phase,
    written: tabList(v.written),
  };
  if (isString(v.asOf)) out.asOf = v.asOf;
  if (isTab(v.writing)) out.writing = v.writing;
  const n = names(v.names, TAB_IDS);
  if (n !== undefined) out.names = n;
  return out as unknown as RunRecord;
}

// ---------------------------------------------------------------------------------------------
// The switch-over's message

/**
 * Which tabs a refresh left new, half-written and old, in words. `sheetNames` holds the name of each
 * tab that exists (from before the refresh, or written by it): a tab it lacks was never made, and is
 * not called "from the previous refresh" — there was none (a first refresh that failed). Without any
 * names (a record from before they were kept), every untouched tab is taken to exist.
 */
export function switchoverOf(written: readonly TabId[], writing: TabId | undefined, asOf: string | undefined, lang: Lang, sheetNames: Readonly<Partial<Record<TabId, string>>> = {}): Switchover {
  const incomplete = writing !== undefined && !written.includes(writing) ? [writing] : [];
  const untouched = TAB_IDS.filter((t) => !written.includes(t) && !incomplete.includes(t));
  const known = Object.keys(sheetNames).length > 0;
  const kept = untouched.filter((t) => !known || sheetNames[t] !== undefined);
  const absent = untouched.filter((t) => !kept.includes(t));
  const name = (t: TabId): string => sheetNames[t] ?? TAB_NAMES[t][lang];
  const S = REFRESH_SAFETY;
  const parts: string[] = [];
  if (written.length === 0 && incomplete.length === 0) parts.push(S.allTabsOld[lang]);
  else {
    // The as-of day as the owner reads dates: 2026/11/30.
    if (written.length > 0) parts.push(S.tabsNew[lang](written.map(name), asOf === undefined ? '?' : formatIsoDay(asOf)));
    if (incomplete.length > 0) parts.push(S.tabsIncomplete[lang](incomplete.map(name)));
    if (kept.length > 0) parts.push(S.tabsOld[lang](kept.map(name)));
    if (absent.length > 0) parts.push(S.tabsAbsent[lang](absent.map(name)));
    parts.push(S.repairHint[lang]);
  }
  return { written: [...written], incomplete, kept, ...(absent.length > 0 ? { absent } : {}), note: parts.join(lang === 'ja' ? '' : ' ') };
}

/** What the sidebar says of a refresh that was stopped before it could record its outcome. */
export function interruptedOutcome(run: RunRecord, formatAt: (iso: string) => string): RefreshOutcome {
  const at = formatAt(run.startedAt);
  const sw = switchoverOf(run.written, run.phase === 'writing' ? run.writing : undefined, run.asOf, run.lang, run.names);
  const touched = sw.written.length + sw.incomplete.length > 0;
  // Untouched: "the previous tabs were left as they were" only when there were any.
  const hadTabs = Object.keys(run.names ?? {}).length > 0;
  return {
    ok: false,
    cause: run.cause,
    at: run.startedAt,
    durationMs: 0,
    error: REFRESH_SAFETY.interrupted[run.lang](at),
    ...(touched ? { previousKept: false, switchover: sw } : hadTabs ? { previousKept: true } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Stores

const LAST_KEY = PROPERTY_KEYS.lastRefresh;
const RUN_KEY = PROPERTY_KEYS.refreshRun;
/** How many skipped rows an outcome keeps at most (before the byte cap trims further). */
export const MAX_SKIPPED_SHOWN = 50;
/** The longest message kept in an outcome (an error, a warning), in characters. */
const MAX_MESSAGE = 1_000;

export function lastRefresh(): RefreshOutcome | null {
  return readOutcome(readJson(documentStore(), LAST_KEY));
}

/**
 * An outcome cut to fit a property: long messages shortened, then skipped rows dropped from the end
 * until it fits under the cap (`skippedTotal` still counts them all).
 */
export function fitOutcome(outcome: RefreshOutcome): RefreshOutcome {
  const cut = (s: string): string => (s.length > MAX_MESSAGE ? `${s.slice(0, MAX_MESSAGE - 1)}…` : s);
  let o: RefreshOutcome = {
    ...outcome,
    ...(outcome.error !== undefined ? { error: cut(outcome.error) } : {}),
    ...(outcome.warnings !== undefined ? { warnings: outcome.warnings.slice(0, 10).map(cut) } : {}),
    ...(outcome.predictionNote !== undefined ? { predictionNote: cut(outcome.predictionNote) } : {}),
  };
  let skipped = (o.skipped ?? []).slice(0, MAX_SKIPPED_SHOWN);
  o = { ...o, ...(o.skipped !== undefined ? { skipped } : {}) };
  while (utf8Bytes(JSON.stringify(o)) > PROPERTY_VALUE_CAP && skipped.length > 0) {
    skipped = skipped.slice(0, Math.floor(skipped.length / 2));
    o = { ...o, skipped };
  }
  return o;
}

/** Records an outcome; throws when it cannot (the caller says so). */
export function recordOutcome(outcome: RefreshOutcome): void {
  writeJson(documentStore(), LAST_KEY, fitOutcome(outcome));
}

export function currentRun(): RunRecord | null {
  return readRun(readJson(documentStore(), RUN_KEY));
}

export function recordRun(run: RunRecord): void {
  writeJson(documentStore(), RUN_KEY, run);
}

export function clearRun(): void {
  documentStore()?.deleteProperty(RUN_KEY);
}
