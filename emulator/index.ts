/**
 * An in-memory Apps Script environment for the add-on's tests, npm start's preview and the bench:
 * SpreadsheetApp and the other services the add-on uses, faithful where it matters (Sheets' errors
 * and limits, value handling, locks, triggers, authorization modes), with records and counters that
 * tests can assert on.
 *
 *   const env = createGasEnvironment({ sheets: { Orders: rows }, locale: 'ja_JP' });
 *   env.install(vmContext);               // or use env.globals directly in unit tests
 *   env.call('refreshNow');               // one execution: locks released at the end, as Apps Script does
 *   expect(env.io.reads('Orders')).toBe(1);
 *   expect(env.sheet('Fan Funnel').values[0]).toEqual([...]);
 *
 * See README.md in this folder for what is reproduced and what is simplified.
 */
import vm from 'node:vm';
import { FakeCharts } from './spreadsheet/charts';
import { Clock, Ctx, IoCounter, enumName, errorMessage, nodeRealm, real, vmRealm, type AuthModeName, type Execution, type Realm } from './core';
import { FakeHtmlService, HtmlFiles } from './html';
import { FakeScriptApp, TriggerRegistry, AuthMode, type ScriptEnv, type TriggerRecord } from './script';
import { FakeLogger, FakeSession, FakeUser, FakeUtilities, recordingConsole, type LogEntry, type SessionEnv } from './session';
import { BookModel, type GridMode, type SheetModel } from './spreadsheet/book';
import { describeSheet, type SheetDescription } from './spreadsheet/describe';
import { FakeSpreadsheet } from './spreadsheet/spreadsheet';
import { FakeSpreadsheetApp } from './spreadsheet/spreadsheetApp';
import { FakeBigQuery, type BigQueryTable } from './bigquery/engine';
import type { BigQueryAccess, ConnectedState } from './spreadsheet/dataSources';
import { CacheStore, FakeCacheService, FakeLockService, FakePropertiesService, LockSlot, PropertyStore } from './stores';
import { CALIBRATION, CostMeter, type Calibration, type ExecutionKind, type ExecutionReport, type TimeLimit } from './cost';
import {
  CUSTOM_FUNCTION_LIMIT_MS,
  EXECUTION_LIMIT_MESSAGE,
  EXECUTION_LIMIT_MS,
  NEW_SHEET_COLUMNS,
  NEW_SHEET_ROWS,
  QUOTA_WINDOW_MS,
  SIMPLE_TRIGGER_LIMIT_MS,
  TRIGGER_DAILY_LIMIT_MESSAGE,
  TRIGGER_DAILY_LIMIT_MS,
  TRIGGER_DAILY_LIMIT_WORKSPACE_MS,
} from './limits';
import { isKnownZone, wallClock, zone } from './time';
import { UiRecorder } from './ui';
import type { Scalar } from './core';

export { NOT_IMPLEMENTED, IoCounter, Clock, type IoEvent, type AuthModeName, type Execution } from './core';
export { LOCK_TIMEOUT_MESSAGE } from './stores';
export { PROPERTY_VALUE_LIMIT, PROPERTY_STORE_LIMIT, CACHE_VALUE_LIMIT } from './limits';
export { CALIBRATION, projectedMs, type Calibration, type CallKind, type CostBreakdown, type ExecutionKind, type ExecutionReport } from './cost';
export type { SheetDescription } from './spreadsheet/describe';
export type { RecordedMenu, RecordedPage, RecordedAlert, MenuEntry } from './ui';
export type { TriggerRecord, ClockSchedule } from './script';
export type { LogEntry } from './session';

/** A sheet to start with: its values (as getValues would return them), or more detail. */
export type SheetSpec =
  | unknown[][]
  | {
      values?: unknown[][];
      /** Write the values as a person typing them (setValues semantics) instead of as given. */
      entered?: boolean;
      maxRows?: number;
      maxColumns?: number;
      hidden?: boolean;
      /**
       * 1-based columns in plain-text format ('@'), set before the values as a script would with
       * setNumberFormat('@'): an entered "09000000000" then stays that text (values.ts fromScript).
       */
      plainTextColumns?: readonly number[];
    };

export interface GasEnvironmentOptions {
  /** The spreadsheet's time zone (File → Settings). Default 'Asia/Tokyo'. */
  timeZone?: string;
  /** The script's time zone (appsscript.json). Default: the spreadsheet's. */
  scriptTimeZone?: string;
  /** The spreadsheet's locale, e.g. 'ja_JP', 'en_US'. Default 'ja_JP'. */
  locale?: string;
  /** Session.getActiveUserLocale(). Default: the language of `locale` ('ja'). */
  userLocale?: string;
  /** The user running the script (owner of the triggers it creates). Default 'owner@example.com'. */
  userEmail?: string;
  /** What Session.getActiveUser().getEmail() returns; '' when Google withholds it. Default: userEmail. */
  activeUserEmail?: string;
  spreadsheetId?: string;
  spreadsheetName?: string;
  scriptId?: string;
  /** Sheets to start with, in order. Default: one empty sheet (シート1 / Sheet1). */
  sheets?: Record<string, SheetSpec>;
  /** The project's HTML files by name ('Sidebar' or 'Sidebar.html'). */
  htmlFiles?: Record<string, string>;
  /** The script clock (ms). Fixed there and moved by tests; default: real time. */
  now?: number;
  properties?: { document?: Record<string, string>; script?: Record<string, string>; user?: Record<string, string> };
  /** Runs as an add-on (one trigger of each type per user and document, at most hourly). Default true. */
  addOn?: boolean;
  /**
   * 'strict' (default): getRange beyond the sheet's rows/columns throws "The coordinates of the
   * range are outside the dimensions of the sheet." as in Sheets; 'grow': writes extend the sheet.
   */
  grid?: GridMode;
  /** ScriptApp.getAuthorizationInfo(FULL).getAuthorizationStatus(). Default NOT_REQUIRED. */
  authorizationStatus?: 'REQUIRED' | 'NOT_REQUIRED';
  /** What getValues returns for a formula cell (default: literal formulas evaluated, else '#NAME?'). */
  formulaValue?: (formula: string, at: { sheet: string; row: number; column: number }) => Scalar;
  /** Print the script's console output as well as recording it. */
  echoLogs?: boolean;
  /**
   * The time limits (6 min per execution, 30 s per custom function or simple trigger, 90 min of
   * trigger time a day), on projected Apps Script time (cost.ts). 'enforce' (default): the execution
   * is stopped with Apps Script's message; 'report': it runs to its end and env.cost says it would
   * have been stopped (for the bench, to see how long it would need).
   */
  timeLimits?: 'enforce' | 'report';
  /** Overrides of the cost model's figures (cost.ts), e.g. `{ scriptFactor: 0 }` for exact sums in tests. */
  calibration?: Partial<Omit<Calibration, 'call'>> & { call?: Partial<Calibration['call']> };
  /** A Google Workspace account: 6 hours of trigger time a day instead of 90 minutes. Default false. */
  workspaceAccount?: boolean;
  /**
   * Whether executions have a containing document (else SpreadsheetApp.getActive() and
   * LockService.getDocumentLock() return null). Google documents null "outside of the context of a
   * containing document (such as from a standalone script or webapp)"; whether an add-on's
   * time-driven trigger has one is not documented. 'always' (default), 'not in time triggers', or
   * 'never' (a standalone script).
   */
  containingDocument?: 'always' | 'not in time triggers' | 'never';
  /**
   * Connected Sheets over an in-memory BigQuery (spreadsheet/dataSources.ts): its tables, whether
   * the account may use it ('granted' by default), and whether the manifest grants the BigQuery
   * scope (default true). Without it, the data source methods throw "not implemented".
   */
  bigQuery?: { tables?: readonly BigQueryTable[]; access?: BigQueryAccess; scopeGranted?: boolean };
}

export interface GasGlobals {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  CacheService: GoogleAppsScript.Cache.CacheService;
  LockService: GoogleAppsScript.Lock.LockService;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  Session: GoogleAppsScript.Base.Session;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  Logger: GoogleAppsScript.Base.Logger;
  Charts: GoogleAppsScript.Charts.Charts;
}

export interface ExecutionOptions {
  authMode?: AuthModeName;
  /** Whether a person is looking at the document (SpreadsheetApp.getUi() works). */
  ui?: boolean;
  /** Run as this user (triggers run as their owner). */
  user?: string;
  /** Which time limit applies. Default: 'customFunction' in AuthMode.CUSTOM_FUNCTION, else 'script'. */
  kind?: ExecutionKind;
  /** Another limit than the kind's (a trigger's remaining daily time). */
  limit?: TimeLimit;
  /** Cells Sheets read to pass a custom function its arguments (charged as cells read; sheetsCall.ts). */
  argumentCells?: number;
}

/** One run of an installable trigger, as the owner's execution log would list it. */
export interface TriggerRun {
  uid: string;
  handler: string;
  user: string;
  /** The fake clock when it fired. */
  at: number;
  /** 'refused': the daily trigger time was used up, the handler never ran. */
  outcome: 'done' | 'failed' | 'refused';
  error?: string;
  projectedMs: number;
}

export interface LockLeak {
  lock: 'document' | 'script' | 'user';
  execution: string;
}

export interface GasEnvironment {
  /** The services, to install into a script's global scope or call directly. */
  readonly globals: GasGlobals;
  /** Connected Sheets' in-memory BigQuery and who may use it (options.bigQuery), else undefined. */
  readonly bigQuery: ConnectedState | undefined;
  /** The active spreadsheet, as SpreadsheetApp.getActive() returns it. */
  readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  readonly io: IoCounter;
  readonly clock: Clock;
  readonly ui: UiRecorder;
  readonly logs: LogEntry[];
  /** A console that records into `logs` (installed into vm contexts). */
  readonly console: Console;
  readonly properties: { readonly document: PropertyStore; readonly script: PropertyStore; readonly user: PropertyStore };
  readonly caches: { readonly document: CacheStore; readonly script: CacheStore; readonly user: CacheStore };
  /** Locks; `locks.document.holdByOther()` simulates another execution holding the document lock. */
  readonly locks: { readonly document: LockSlot; readonly script: LockSlot; readonly user: LockSlot; readonly leaks: LockLeak[] };
  readonly triggers: {
    /** The triggers of every user, as recorded. */
    list(): TriggerRecord[];
    /** Runs a trigger's handler as Apps Script would: by name, as its owner, with an event object. */
    fire(trigger: GoogleAppsScript.Script.Trigger | TriggerRecord | string, event?: Record<string, unknown>): unknown;
    /** Adds a trigger as if created earlier (e.g. by another user). */
    add(record: Omit<TriggerRecord, 'uid' | 'createdAt'>): TriggerRecord;
    clear(): void;
    /** Every run, failed and refused ones too (an add-on's trigger failure e-mails nobody). */
    readonly runs: TriggerRun[];
  };
  /** Projected Apps Script time (cost.ts): per execution, and the trigger time used per user. */
  readonly cost: {
    readonly calibration: Calibration;
    /** The execution running now (or, outside any, what direct calls have cost). */
    readonly current: ExecutionReport;
    readonly last: ExecutionReport | undefined;
    readonly executions: readonly ExecutionReport[];
    /** Projected trigger time `user` has used in the current 24-hour quota window (ms). */
    triggerTimeUsed(user?: string): number;
  };
  /** Cells of the spreadsheet as Sheets counts them (every sheet's rows × columns). */
  cellCount(): number;
  /** The script's time zone (appsscript.json's timeZone). */
  readonly scriptTimeZone: string;
  /** A top-level function of the installed script, as Apps Script finds it by name. */
  scriptFunction(name: string): (...args: unknown[]) => unknown;
  /** The realm the script runs in (values handed to it are made there). */
  readonly realm: Realm;
  readonly auth: { status: 'REQUIRED' | 'NOT_REQUIRED' };
  /** The current execution (auth mode, UI, user). */
  readonly execution: Execution;

  /** Puts the services into a script's global scope (a vm context, or globalThis); returns an uninstaller. */
  install(target: object): () => void;
  /** Runs `fn` as one execution; at its end, locks it still holds are released and recorded in locks.leaks. */
  run<T>(fn: () => T, options?: ExecutionOptions & { name?: string }): T;
  /** Calls a top-level function of the installed script by name, as one execution. */
  call(name: string, ...args: unknown[]): unknown;
  callAs(options: ExecutionOptions, name: string, ...args: unknown[]): unknown;
  /** Opens the document: runs the script's onOpen(e) as a simple trigger (default AuthMode LIMITED). */
  open(options?: { authMode?: AuthModeName }): unknown;
  /** Clicks a menu item by caption (or "Menu > Item" path): runs its function as Apps Script would. */
  clickMenu(caption: string): unknown;
  /** The event object Apps Script passes to onOpen / onInstall, in the script's realm. */
  event(kind: 'open' | 'install', authMode?: AuthModeName): Record<string, unknown>;

  /** A plain snapshot of one sheet (values, formats, charts, metadata…), for assertions. */
  sheet(name: string): SheetDescription;
  sheetNames(): string[];
  /** Writes fixture values (not counted as I/O), creating the sheet if needed. */
  setValues(sheetName: string, values: unknown[][], options?: { row?: number; column?: number; entered?: boolean }): void;
  /** Switches the user (their property store, cache, lock and triggers). */
  setUser(email: string, activeUserEmail?: string): void;
  readonly book: BookModel;
}

function languageOf(locale: string): string {
  return locale.split(/[_-]/)[0] ?? locale;
}

export function createGasEnvironment(options: GasEnvironmentOptions = {}): GasEnvironment {
  const timeZone = options.timeZone ?? 'Asia/Tokyo';
  if (!isKnownZone(timeZone)) throw new Error(`unknown time zone ${timeZone}`);
  const locale = options.locale ?? 'ja_JP';
  const scriptTimeZone = options.scriptTimeZone ?? timeZone;
  const scriptId = options.scriptId ?? '1FanFunnelScriptIdForTests0000000000000000000000000000';
  const addOn = options.addOn ?? true;
  let defaultUser = options.userEmail ?? 'owner@example.com';
  let activeEmail = options.activeUserEmail ?? defaultUser;

  const clock = new Clock(options.now);
  const io = new IoCounter();
  const ui = new UiRecorder();
  const logs: LogEntry[] = [];
  const now = () => clock.now();
  const containing = options.containingDocument ?? 'always';
  const topExecution: Execution = { authMode: 'FULL', ui: true, user: defaultUser, document: containing !== 'never' };
  const calibration: Calibration = { ...CALIBRATION, ...options.calibration, call: { ...CALIBRATION.call, ...options.calibration?.call } };
  const cost = new CostMeter(calibration, options.timeLimits ?? 'enforce');
  const ctx = new Ctx({ realm: nodeRealm(), clock, io, execution: topExecution, cost });
  const userOf = () => ctx.execution.user;

  const book = new BookModel(
    {
      id: options.spreadsheetId ?? '1FanFunnelTestSpreadsheet000000000000000000',
      name: options.spreadsheetName ?? 'Fan Funnel test',
      timeZone,
      locale,
      grid: options.grid ?? 'strict',
      ...(options.formulaValue ? { formulaValue: options.formulaValue } : {}),
    },
    ui,
  );
  book.fail = (message) => ctx.fail(message);
  if (options.bigQuery !== undefined) {
    const engine = new FakeBigQuery();
    for (const t of options.bigQuery.tables ?? []) engine.put(t);
    const state: ConnectedState = { engine, access: options.bigQuery.access ?? 'granted', scopeGranted: options.bigQuery.scopeGranted ?? true, enabledFor: null, sheets: new Map() };
    (book as BookModel & { connected?: ConnectedState }).connected = state;
  }

  const putValues = (s: SheetModel, values: unknown[][], row: number, col: number, entered: boolean) => {
    const rows = values.length;
    let cols = 0; // a loop: spreading 300,000 rows into Math.max overflows the stack
    for (const r of values) cols = Math.max(cols, r.length);
    if (book.o.grid === 'strict') book.growTo(s, row + rows - 1, col + cols - 1);
    if (entered) {
      const sp = real(new FakeSpreadsheet(ctx, book)).getSheetByName(s.name)!;
      const padded = values.map((r) => [...r, ...new Array(cols - r.length).fill('')]);
      if (rows > 0 && cols > 0) sp.getRange(row, col, rows, cols).setValues(padded);
      return;
    }
    values.forEach((r, i) => r.forEach((v, j) => book.putRaw(s, row + i, col + j, v)));
  };

  const specs = Object.entries(options.sheets ?? {});
  if (specs.length === 0) book.addSheet(book.defaultSheetName());
  for (const [name, spec] of specs) {
    const detail = Array.isArray(spec) ? { values: spec } : spec;
    const s = book.addSheet(name, undefined, detail.maxRows ?? NEW_SHEET_ROWS, detail.maxColumns ?? NEW_SHEET_COLUMNS);
    s.hidden = detail.hidden ?? false;
    // The whole column, as formatting a column in Sheets does: rows typed below the data too.
    const height = Math.max(detail.values?.length ?? 0, s.maxRows);
    for (const c of detail.plainTextColumns ?? []) for (let r = 1; r <= height; r++) s.ensure(r, c).nf = '@';
    if (detail.values) putValues(s, detail.values, 1, 1, detail.entered ?? false);
  }
  book.active = book.sheets.find((s) => !s.hidden) ?? book.sheets[0]!;
  book.resetPeak();

  // Stores: the document's, the script's, and each user's.
  const docProps = new PropertyStore('document');
  const scriptProps = new PropertyStore('script');
  const userProps = new Map<string, PropertyStore>();
  const propsOf = (u: string) => userProps.get(u) ?? userProps.set(u, new PropertyStore(`user ${u}`)).get(u)!;
  for (const [k, v] of Object.entries(options.properties?.document ?? {})) docProps.map.set(k, String(v));
  for (const [k, v] of Object.entries(options.properties?.script ?? {})) scriptProps.map.set(k, String(v));
  for (const [k, v] of Object.entries(options.properties?.user ?? {})) propsOf(defaultUser).map.set(k, String(v));
  const docCache = new CacheStore('document', now);
  const scriptCache = new CacheStore('script', now);
  const userCaches = new Map<string, CacheStore>();
  const cacheOf = (u: string) => userCaches.get(u) ?? userCaches.set(u, new CacheStore(`user ${u}`, now)).get(u)!;
  const docLock = new LockSlot('document', now);
  const scriptLock = new LockSlot('script', now);
  const userLocks = new Map<string, LockSlot>();
  const lockOf = (u: string) => userLocks.get(u) ?? userLocks.set(u, new LockSlot(`user ${u}`, now)).get(u)!;
  const leaks: LockLeak[] = [];

  const auth = { status: options.authorizationStatus ?? ('NOT_REQUIRED' as 'REQUIRED' | 'NOT_REQUIRED') };
  const registry = new TriggerRegistry();
  const scriptEnv: ScriptEnv = {
    triggers: registry,
    user: userOf,
    documentId: () => book.o.id,
    scriptTimeZone: () => scriptTimeZone,
    addOn,
    auth,
    scriptId,
  };
  const sessionEnv: SessionEnv = {
    user: userOf,
    activeUserEmail: () => (ctx.execution.user === defaultUser ? activeEmail : ctx.execution.user),
    userLocale: () => options.userLocale ?? languageOf(book.o.locale),
    scriptTimeZone: () => scriptTimeZone,
    scriptId,
  };

  const globals: GasGlobals = {
    SpreadsheetApp: real(new FakeSpreadsheetApp(ctx, book)),
    PropertiesService: real(new FakePropertiesService(ctx, { document: () => docProps, script: () => scriptProps, user: () => propsOf(userOf()) })),
    CacheService: real(new FakeCacheService(ctx, { document: () => docCache, script: () => scriptCache, user: () => cacheOf(userOf()) })),
    LockService: real(new FakeLockService(ctx, { document: () => docLock, script: () => scriptLock, user: () => lockOf(userOf()) })),
    ScriptApp: real(new FakeScriptApp(ctx, scriptEnv)),
    HtmlService: real(new FakeHtmlService(ctx, new HtmlFiles(options.htmlFiles ?? {}))),
    Session: real(new FakeSession(ctx, sessionEnv)),
    Utilities: real(new FakeUtilities(ctx)),
    Logger: real(new FakeLogger(ctx, logs)),
    Charts: real(new FakeCharts(ctx)),
  };
  const scriptConsole = recordingConsole(logs, now, options.echoLogs ?? false);

  let target: Record<string, unknown> | null = null;
  let depth = 0;

  const limitOf = (kind: ExecutionKind): TimeLimit => ({
    ms: kind === 'customFunction' ? CUSTOM_FUNCTION_LIMIT_MS : kind === 'simpleTrigger' ? SIMPLE_TRIGGER_LIMIT_MS : EXECUTION_LIMIT_MS,
    message: EXECUTION_LIMIT_MESSAGE,
  });

  /**
   * One execution: its own auth mode, user and containing document, its projected time counted and
   * held to its limit. When Apps Script would have stopped it, it ends with Apps Script's error —
   * whatever the script did with the error its service calls threw (the writes before stay).
   */
  const run = <T>(fn: () => T, o: ExecutionOptions & { name?: string; document?: boolean } = {}): T => {
    if (depth > 0) return fn();
    const previous = ctx.execution;
    const authMode = o.authMode ?? 'FULL';
    const kind = o.kind ?? (authMode === 'CUSTOM_FUNCTION' ? 'customFunction' : 'script');
    ctx.execution = { authMode, ui: o.ui ?? true, user: o.user ?? defaultUser, document: o.document ?? containing !== 'never' };
    depth++;
    cost.begin(o.name ?? 'execution', kind, ctx.execution.user, clock.now(), o.limit ?? limitOf(kind), book.resetPeak());
    if (o.argumentCells) cost.cells('argument', o.argumentCells);
    let result: T | undefined;
    let thrown: { error: unknown } | null = null;
    try {
      result = fn();
    } catch (e) {
      thrown = { error: e };
    }
    depth--;
    const slots: Array<[LockLeak['lock'], LockSlot]> = [
      ['document', docLock],
      ['script', scriptLock],
      ['user', lockOf(ctx.execution.user)],
    ];
    for (const [lock, slot] of slots) {
      if (slot.heldBySelf()) {
        leaks.push({ lock, execution: o.name ?? 'execution' });
        slot.holder = 'none';
      }
    }
    ctx.execution = previous;
    const report = cost.end(thrown === null ? undefined : errorMessage(thrown.error));
    report.peakCells = book.peakCells;
    if (report.outcome === 'stopped' && report.enforced) throw ctx.realm.error(report.error!);
    if (thrown !== null) throw thrown.error;
    return result as T;
  };

  // Trigger time per user, in Google's quota window ("reset 24 hours after the first request").
  const dailyLimit = options.workspaceAccount ? TRIGGER_DAILY_LIMIT_WORKSPACE_MS : TRIGGER_DAILY_LIMIT_MS;
  const triggerTime = new Map<string, { since: number; usedMs: number }>();
  const triggerTimeOf = (user: string) => {
    let t = triggerTime.get(user);
    if (t === undefined || clock.now() >= t.since + QUOTA_WINDOW_MS) triggerTime.set(user, (t = { since: clock.now(), usedMs: 0 }));
    return t;
  };
  const runs: TriggerRun[] = [];

  const fnOf = (name: string): ((...a: unknown[]) => unknown) => {
    if (!target) throw new Error('install the environment into a script first (env.install(context))');
    const fn = target[name];
    if (typeof fn !== 'function') throw ctx.realm.error(`Script function not found: ${name}`);
    return fn as (...a: unknown[]) => unknown;
  };

  const event = (kind: 'open' | 'install', authMode: AuthModeName = kind === 'install' ? 'FULL' : 'LIMITED'): Record<string, unknown> => {
    const mode = AuthMode[authMode];
    if (kind === 'install') return ctx.realm.object({ authMode: mode });
    return ctx.realm.object({
      authMode: mode,
      source: authMode === 'NONE' ? undefined : real(new FakeSpreadsheet(ctx, book)),
      user: real(new FakeUser(ctx, authMode === 'NONE' ? '' : activeEmail)),
    });
  };

  const fire = (t: GoogleAppsScript.Script.Trigger | TriggerRecord | string, extra: Record<string, unknown> = {}): unknown => {
    const uid = typeof t === 'string' ? t : 'uid' in t ? (t as TriggerRecord).uid : (t as unknown as { _rec: TriggerRecord })._rec.uid;
    const rec = registry.find(uid);
    if (!rec) throw new Error(`no trigger ${uid} (deleted?)`);
    const fn = fnOf(rec.handler);
    const base: Record<string, unknown> = { authMode: AuthMode.FULL, triggerUid: rec.uid };
    if (rec.eventType === 'CLOCK') {
      const w = wallClock(clock.now(), zone('UTC'));
      const jan1 = Date.UTC(w.year, 0, 1);
      Object.assign(base, {
        year: w.year,
        month: w.month,
        'day-of-month': w.day,
        'day-of-week': w.isoWeekday,
        'week-of-year': Math.ceil(((clock.now() - jan1) / 86400000 + new Date(jan1).getUTCDay() + 1) / 7),
        hour: w.hour,
        minute: w.minute,
        second: w.second,
        timezone: 'UTC',
      });
    } else {
      Object.assign(base, { source: real(new FakeSpreadsheet(ctx, book)), user: real(new FakeUser(ctx, rec.user)) });
    }
    const e = ctx.realm.object({ ...base, ...extra });
    const used = triggerTimeOf(rec.user);
    const remaining = dailyLimit - used.usedMs;
    const at = clock.now();
    if (remaining <= 0) {
      runs.push({ uid: rec.uid, handler: rec.handler, user: rec.user, at, outcome: 'refused', error: TRIGGER_DAILY_LIMIT_MESSAGE, projectedMs: 0 });
      throw ctx.realm.error(TRIGGER_DAILY_LIMIT_MESSAGE);
    }
    const limit = remaining < EXECUTION_LIMIT_MS ? { ms: remaining, message: TRIGGER_DAILY_LIMIT_MESSAGE } : limitOf('trigger');
    const document = containing === 'always' || (containing === 'not in time triggers' && rec.eventType !== 'CLOCK');
    const name = `trigger ${rec.handler}`;
    try {
      const result = run(() => fn(e), { authMode: 'FULL', ui: rec.eventType !== 'CLOCK', user: rec.user, name, kind: 'trigger', limit, document });
      runs.push({ uid: rec.uid, handler: rec.handler, user: rec.user, at, outcome: 'done', projectedMs: cost.last!.projectedMs });
      return result;
    } catch (err) {
      runs.push({ uid: rec.uid, handler: rec.handler, user: rec.user, at, outcome: 'failed', error: errorMessage(err), projectedMs: cost.last!.projectedMs });
      throw err;
    } finally {
      used.usedMs += cost.last!.projectedMs;
    }
  };

  const env: GasEnvironment = {
    globals,
    spreadsheet: real(new FakeSpreadsheet(ctx, book)),
    io,
    clock,
    ui,
    logs,
    console: scriptConsole,
    properties: {
      document: docProps,
      script: scriptProps,
      get user() {
        return propsOf(defaultUser);
      },
    },
    caches: {
      document: docCache,
      script: scriptCache,
      get user() {
        return cacheOf(defaultUser);
      },
    },
    locks: {
      document: docLock,
      script: scriptLock,
      get user() {
        return lockOf(defaultUser);
      },
      leaks,
    },
    triggers: {
      list: () => registry.records.map((r) => ({ ...r, ...(r.schedule ? { schedule: { ...r.schedule } } : {}) })),
      fire,
      add(record) {
        const full: TriggerRecord = { ...record, uid: registry.newUid(), createdAt: clock.now() };
        registry.records.push(full);
        return full;
      },
      clear: () => void (registry.records = []),
      runs,
    },
    cost: {
      calibration,
      get current() {
        return cost.current;
      },
      get last() {
        return cost.last;
      },
      get executions() {
        return cost.executions;
      },
      triggerTimeUsed(user = defaultUser) {
        const t = triggerTime.get(user);
        return t === undefined || clock.now() >= t.since + QUOTA_WINDOW_MS ? 0 : t.usedMs;
      },
    },
    cellCount: () => book.cellCount(),
    bigQuery: (book as BookModel & { connected?: ConnectedState }).connected,
    scriptTimeZone,
    scriptFunction: fnOf,
    get realm() {
      return ctx.realm;
    },
    auth,
    get execution() {
      return ctx.execution;
    },

    install(into: object) {
      const t = into as Record<string, unknown>;
      const isVm = into !== globalThis && vm.isContext(into);
      ctx.realm = isVm ? vmRealm(into as vm.Context, now) : nodeRealm();
      const names = [...Object.keys(globals), ...(isVm ? ['console'] : [])];
      const saved = names.map((n) => [n, Object.getOwnPropertyDescriptor(t, n)] as const);
      Object.assign(t, globals);
      if (isVm) t.console = scriptConsole;
      target = t;
      return () => {
        for (const [n, d] of saved) {
          if (d) Object.defineProperty(t, n, d);
          else delete t[n];
        }
        if (target === t) target = null;
        ctx.realm = nodeRealm();
      };
    },
    run,
    call: (name, ...args) => run(() => fnOf(name)(...args), { name }),
    callAs: (o, name, ...args) => run(() => fnOf(name)(...args), { ...o, name }),
    open(o = {}) {
      const authMode = o.authMode ?? 'LIMITED';
      const fn = fnOf('onOpen');
      const e = event('open', authMode);
      return run(() => fn(e), { authMode, ui: true, name: 'onOpen', kind: 'simpleTrigger' });
    },
    clickMenu(caption) {
      const item = ui.items().find(([path]) => path === caption || path.endsWith(` > ${caption}`) || path === caption);
      if (!item) throw new Error(`no menu item "${caption}" (items: ${ui.items().map(([p]) => p).join(', ') || 'none'})`);
      return env.call(item[1]);
    },
    event,

    sheet(name) {
      const s = book.byName(name);
      if (!s) throw new Error(`no sheet "${name}" (sheets: ${book.sheets.map((x) => x.name).join(', ')})`);
      return describeSheet(book, s);
    },
    sheetNames: () => book.sheets.map((s) => s.name),
    setValues(sheetName, values, o = {}) {
      const s = book.byName(sheetName) ?? book.addSheet(sheetName);
      const before = { calls: io.calls, events: io.events.length, counts: new Map(io.callCounts) };
      putValues(s, values, o.row ?? 1, o.column ?? 1, o.entered ?? false);
      io.events.length = before.events;
      io.calls = before.calls;
      io.callCounts = before.counts;
    },
    setUser(email, active) {
      defaultUser = email;
      activeEmail = active ?? email;
      topExecution.user = email;
    },
    book,
  };
  return env;
}

/** The name of an auth mode value (enum object or string), for tests. */
export function authModeName(v: unknown): string | undefined {
  return enumName(v);
}
