/**
 * The time-driven refresh, as an Editor add-on may have it (Google, "Triggers for Editor add-ons"
 * and the installable-triggers guide): at most one time-driven trigger per user per document, at
 * most hourly; it runs as the user who created it, and no other user can see or delete it; a
 * failure e-mails nobody. So the add-on keeps its own record, in document properties, of the one
 * trigger that is the automatic refresh: its unique id and its owner, its schedule, and how its last
 * run ended — which the sidebar shows to every user.
 *
 * - Turning the refresh on, off or to another hour changes this user's trigger first and saves the
 *   settings after (src/gas/sidebarApi.ts), so a trigger that cannot be made leaves the settings as
 *   they were.
 * - Another user's trigger cannot be deleted from here: it removes itself at its next run, because
 *   every run checks the settings and the record ("is automatic refresh on, and am I the one?").
 */
import { AUTO_REFRESH_TEXT, type Lang } from '../core/labels';
import type { AutoRefresh } from '../core/settings';
import { fillTemplate } from '../core/shared';
import { PROPERTY_KEYS, USER_PROPERTY_KEYS } from './keys';
import { documentStore, readJson, writeJson } from './properties';
import { refresh, type RefreshOutcome } from './refresh';
import { loadSettings } from './settingsStore';

type Trigger = GoogleAppsScript.Script.Trigger;
type On = Extract<AutoRefresh, { enabled: true }>;

/** The top-level function the trigger calls (wired in src/index.ts). */
export const TRIGGER_HANDLER = 'onAutoRefresh';

export type RunResult = 'done' | 'unchanged' | 'busy' | 'failed';

/** How a run of the automatic refresh ended. */
export interface LastRun {
  readonly at: string;
  readonly result: RunResult;
  readonly message?: string;
}

/** The automatic refresh, as recorded in document properties. */
export interface Registration {
  readonly uid: string;
  /** The e-mail of the user whose trigger it is ('' when Google withholds it). */
  readonly owner: string;
  readonly schedule: On;
  readonly createdAt: string;
  readonly lastRun?: LastRun;
}

const KEY = PROPERTY_KEYS.trigger;
/** Runs kept in a user's own store (runs without a document), one per trigger, latest last. */
const MAX_OWN_RUNS = 4;
const RESULTS: readonly RunResult[] = ['done', 'unchanged', 'busy', 'failed'];

function readLastRun(v: unknown): LastRun | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const r = v as Partial<LastRun>;
  if (typeof r.at !== 'string' || !RESULTS.includes(r.result as RunResult)) return undefined;
  return { at: r.at, result: r.result!, ...(typeof r.message === 'string' ? { message: r.message.slice(0, 500) } : {}) };
}

function readSchedule(v: unknown): On | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const s = v as { enabled?: unknown; every?: unknown; hour?: unknown };
  if (s.enabled !== true) return undefined;
  if (s.every === 'hour') return { enabled: true, every: 'hour' };
  if (s.every === 'day' && typeof s.hour === 'number' && Number.isInteger(s.hour) && s.hour >= 0 && s.hour <= 23) return { enabled: true, every: 'day', hour: s.hour };
  return undefined;
}

/** The recorded trigger, validated (undefined when there is none or it is unreadable). */
export function registration(): Registration | undefined {
  const v = readJson(documentStore(), KEY) as Partial<Registration> | undefined;
  if (typeof v !== 'object' || v === null || typeof v.uid !== 'string' || v.uid === '') return undefined;
  const schedule = readSchedule(v.schedule);
  if (schedule === undefined) return undefined;
  const lastRun = readLastRun(v.lastRun);
  return {
    uid: v.uid,
    owner: typeof v.owner === 'string' ? v.owner : '',
    schedule,
    createdAt: typeof v.createdAt === 'string' ? v.createdAt : '',
    ...(lastRun !== undefined ? { lastRun } : {}),
  };
}

function register(r: Registration | undefined): void {
  if (r === undefined) documentStore()?.deleteProperty(KEY);
  else writeJson(documentStore(), KEY, r);
}

function currentUser(): string {
  try {
    return Session.getEffectiveUser().getEmail() ?? '';
  } catch {
    return '';
  }
}

/** This user's triggers of the automatic refresh in this spreadsheet (Apps Script lists no one else's). */
function mine(): Trigger[] {
  return ScriptApp.getUserTriggers(SpreadsheetApp.getActive()).filter((t) => t.getHandlerFunction() === TRIGGER_HANDLER);
}

/** Whether this user has the automatic refresh's trigger here. */
export function autoRefreshInstalled(): boolean {
  return mine().length > 0;
}

/**
 * Makes this user's trigger match the schedule and records it (or records that there is none).
 * Throws when the trigger cannot be made: the caller then leaves the settings unsaved.
 */
export function applyAutoRefresh(schedule: AutoRefresh): void {
  for (const t of mine()) ScriptApp.deleteTrigger(t);
  if (!schedule.enabled) {
    // Another user's trigger, if the record names one, sees the setting off and removes itself.
    register(undefined);
    return;
  }
  const builder = ScriptApp.newTrigger(TRIGGER_HANDLER).timeBased();
  const trigger =
    schedule.every === 'hour'
      ? builder.everyHours(1).create()
      : builder.everyDays(1).atHour(schedule.hour).inTimezone(SpreadsheetApp.getActive().getSpreadsheetTimeZone()).create();
  try {
    register({ uid: trigger.getUniqueId(), owner: currentUser(), schedule, createdAt: new Date().toISOString() });
  } catch (e) {
    // An unrecorded trigger would remove itself at its first run: take it away now instead.
    ScriptApp.deleteTrigger(trigger);
    throw e;
  }
}

/** The record of a run, kept with the registration; where there is no document, in the owner's own store. */
function recordRun(uid: string | undefined, run: LastRun): void {
  const reg = registration();
  if (reg !== undefined && reg.uid === uid) {
    register({ ...reg, lastRun: run });
    return;
  }
  if (uid !== undefined) {
    const store = PropertiesService.getUserProperties();
    const stored = readJson(store, USER_PROPERTY_KEYS.triggerRuns);
    const runs = typeof stored === 'object' && stored !== null && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
    // One entry per trigger this user ever had: only the latest few are kept, so the value stays
    // far under the 9 KB a property may hold (a run's message is at most 500 characters).
    // (Trigger ids are digits: an object keeps such keys in numeric order, so the latest is by `at`.)
    const kept = Object.entries(runs)
      .map(([id, r]) => [id, readLastRun(r)] as const)
      .filter((e): e is readonly [string, LastRun] => e[0] !== uid && e[1] !== undefined)
      .sort((x, y) => (x[1].at < y[1].at ? -1 : x[1].at > y[1].at ? 1 : 0))
      .slice(-(MAX_OWN_RUNS - 1));
    writeJson(store, USER_PROPERTY_KEYS.triggerRuns, Object.fromEntries([...kept, [uid, run]]));
  }
}

function resultOf(outcome: RefreshOutcome): LastRun {
  const result: RunResult = outcome.unchanged ? 'unchanged' : outcome.busy ? 'busy' : outcome.ok ? 'done' : 'failed';
  return { at: outcome.at, result, ...(outcome.error !== undefined ? { message: outcome.error.slice(0, 500) } : {}) };
}

/**
 * The trigger's run. Before refreshing it checks that automatic refresh is still on and that it is
 * the trigger on record; if not, it deletes itself (it is its owner's, so it can) and does nothing.
 * Called without a trigger's event (by hand, from the editor or `npm start`), it simply refreshes.
 */
export function onAutoRefresh(e?: { triggerUid?: string }): RefreshOutcome | undefined {
  const uid = e?.triggerUid;
  const status = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL).getAuthorizationStatus();
  if (status === ScriptApp.AuthorizationStatus.REQUIRED) return undefined;
  const ss = SpreadsheetApp.getActive();
  if (ss === null) {
    // No spreadsheet, no document properties: the failure is kept in the owner's own store.
    const outcome = refresh('trigger');
    try {
      recordRun(uid, resultOf(outcome));
    } catch {
      // Nowhere left to write: the execution log has it (Apps Script e-mails nobody for an add-on).
    }
    return outcome;
  }
  if (uid !== undefined) {
    const reg = registration();
    if (!loadSettings().autoRefresh.enabled || reg === undefined || reg.uid !== uid) {
      const self = ScriptApp.getUserTriggers(ss).find((t) => t.getUniqueId() === uid);
      if (self !== undefined) ScriptApp.deleteTrigger(self);
      return undefined;
    }
  }
  const outcome = refresh('trigger');
  try {
    recordRun(uid, resultOf(outcome));
  } catch {
    // The refresh's own outcome is recorded (or says it could not be); this is only its summary.
  }
  return outcome;
}

/** What the sidebar shows of the automatic refresh, in the spreadsheet's language. */
export interface AutoRefreshStatus {
  readonly on: boolean;
  /** "Automatic refresh: daily between 7:00 and 8:00 (owner@example.com)". */
  readonly summary: string;
  /** The trigger's owner ('' when unknown). */
  readonly owner: string;
  /** Whether the trigger is the current user's. */
  readonly mine: boolean;
  /** Said to a user who is not the owner: changing it replaces it with their own. */
  readonly note?: string;
  readonly lastRun?: { readonly at: string; readonly text: string; readonly ok: boolean };
  readonly lastRunLabel: string;
}

export function autoRefreshStatus(lang: Lang): AutoRefreshStatus {
  const T = AUTO_REFRESH_TEXT;
  const reg = registration();
  const on = loadSettings().autoRefresh.enabled && reg !== undefined;
  if (!on || reg === undefined) return { on: false, summary: T.off[lang], owner: '', mine: false, lastRunLabel: T.lastRun[lang] };
  const me = currentUser();
  const owner = reg.owner === '' ? T.unknownOwner[lang] : reg.owner;
  const s = reg.schedule;
  const summary =
    s.every === 'hour' ? fillTemplate(T.hourly[lang], { owner }) : fillTemplate(T.daily[lang], { hour: s.hour, next: (s.hour + 1) % 24, owner });
  const mineToo = reg.owner !== '' && reg.owner === me;
  let last = reg.lastRun;
  if (mineToo) {
    // A run with no document to record in kept its result in the owner's own store.
    const own = (readJson(PropertiesService.getUserProperties(), USER_PROPERTY_KEYS.triggerRuns) ?? {}) as Record<string, unknown>;
    const mineRun = readLastRun(own[reg.uid]);
    if (mineRun !== undefined && (last === undefined || mineRun.at > last.at)) last = mineRun;
  }
  const text = (r: LastRun): string =>
    r.result === 'failed' ? fillTemplate(T.failed[lang], { error: r.message ?? '?' }) : T[r.result][lang];
  return {
    on: true,
    summary,
    owner: reg.owner,
    mine: mineToo,
    ...(mineToo ? {} : { note: fillTemplate(T.othersTrigger[lang], { owner }) }),
    ...(last !== undefined ? { lastRun: { at: last.at, text: text(last), ok: last.result !== 'failed' } } : {}),
    lastRunLabel: T.lastRun[lang],
  };
}
