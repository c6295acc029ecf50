/**
 * The machinery every fake shares: the realm values are handed out in, Apps Script's exceptions,
 * enums, the clock, I/O accounting, the current execution (auth mode, UI or not) and
 * `finishFake`, which turns a class into a complete-looking Apps Script object.
 */
import vm from 'node:vm';
import { CALIBRATION, CostMeter, callKind } from './cost';
import { SURFACE, type SurfaceKey } from './surface';

// ---------------------------------------------------------------------------------------------
// Errors

/** The prefix of every error a missing piece of the fake throws; grep for it. */
export const NOT_IMPLEMENTED = 'not implemented in the in-memory Sheets: ';

// ---------------------------------------------------------------------------------------------
// Realms: the bundle runs in a vm context whose Array and Date differ from the test's.

/** A value as a cell stores it (dates are serial numbers with a date format, as in Sheets). */
export type Scalar = string | number | boolean;

/** What a fake hands to a script: values are made in the script's realm, like Apps Script's. */
export interface Realm {
  readonly kind: 'node' | 'vm';
  /** A fresh 2-D array of the realm; `toValue` maps each stored cell to what getValues returns. */
  grid<T>(rows: number, cols: number, at: (r: number, c: number) => T): unknown[][];
  array<T>(items: readonly T[]): T[];
  object(entries: Record<string, unknown>): Record<string, unknown>;
  date(ms: number): Date;
  /** An `Error` of the realm named like Apps Script's service errors ("Exception"). */
  error(message: string, name?: string): Error;
  /** Compiles `body` as a sloppy-mode function of the realm taking (vars, print), `with (vars)`. */
  compile(body: string): TemplateFn;
}

export type TemplateFn = (vars: object, print: (s: unknown, escape: boolean) => void) => void;

export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

export function nodeRealm(): Realm {
  return {
    kind: 'node',
    grid(rows, cols, at) {
      const out: unknown[][] = new Array(rows);
      for (let r = 0; r < rows; r++) {
        const row: unknown[] = new Array(cols);
        for (let c = 0; c < cols; c++) row[c] = at(r, c);
        out[r] = row;
      }
      return out;
    },
    array: (items) => items.slice(),
    object: (entries) => ({ ...entries }),
    date: (ms) => new Date(ms),
    error(message, name = 'Exception') {
      const e = new Error(message);
      e.name = name;
      return e;
    },
    compile: (body) => new Function('__vars', '__print', `with (__vars) {\n${body}\n}`) as never,
  };
}

interface VmHelpers {
  grid(rows: number, cols: number, at: (r: number, c: number) => unknown): unknown[][];
  array(items: readonly unknown[]): unknown[];
  object(entries: Record<string, unknown>): Record<string, unknown>;
  date(ms: number): Date;
  error(message: string, name: string): Error;
  compile(body: string): TemplateFn;
  patchClock(now: () => number): void;
}

const VM_HELPERS = `(function () {
  var RealDate = Date, RealFunction = Function;
  return {
    grid: function (rows, cols, at) {
      var out = new Array(rows);
      for (var r = 0; r < rows; r++) {
        var row = new Array(cols);
        for (var c = 0; c < cols; c++) {
          var v = at(r, c);
          row[c] = v !== null && typeof v === 'object' ? new RealDate(v.ms) : v;
        }
        out[r] = row;
      }
      return out;
    },
    array: function (items) { var out = []; for (var i = 0; i < items.length; i++) out.push(items[i]); return out; },
    object: function (entries) { var out = {}; for (var k in entries) out[k] = entries[k]; return out; },
    date: function (ms) { return new RealDate(ms); },
    error: function (message, name) { var e = new Error(message); e.name = name; return e; },
    compile: function (body) { return new RealFunction('__vars', '__print', 'with (__vars) {\\n' + body + '\\n}'); },
    patchClock: function (now) {
      function Date() {
        if (!new.target) return new RealDate(now()).toString();
        var args = Array.prototype.slice.call(arguments);
        return Reflect.construct(RealDate, args.length === 0 ? [now()] : args, new.target);
      }
      Object.setPrototypeOf(Date, RealDate);
      Date.prototype = RealDate.prototype;
      Date.now = function now_() { return now(); };
      Object.defineProperty(RealDate.prototype, 'constructor', { value: Date, writable: true, configurable: true });
      globalThis.Date = Date;
    },
  };
})()`;

/**
 * The realm of a vm context. Dates handed to the script are that realm's, and `new Date()` /
 * `Date.now()` inside it read the fake clock when `clock` is given.
 */
export function vmRealm(context: vm.Context, clock?: () => number): Realm {
  const h = vm.runInContext(VM_HELPERS, context) as VmHelpers;
  if (clock) h.patchClock(clock);
  return {
    kind: 'vm',
    grid(rows, cols, at) {
      return h.grid(rows, cols, (r, c) => {
        const v = at(r, c);
        return isDate(v) ? { ms: v.getTime() } : v;
      });
    },
    array: (items) => h.array(items) as never,
    object: (entries) => h.object(entries),
    date: (ms) => h.date(ms),
    error: (message, name = 'Exception') => h.error(message, name),
    compile: (body) => h.compile(body),
  };
}

// ---------------------------------------------------------------------------------------------
// Enums: Apps Script's are objects whose toString() and name() give the name.

export interface EnumValue {
  name(): string;
  ordinal(): number;
  toString(): string;
  toJSON(): string;
}

export type EnumOf<K extends string> = Readonly<Record<K, EnumValue>>;

export function makeEnum<K extends string>(type: string, names: readonly K[]): EnumOf<K> {
  const out = {} as Record<K, EnumValue>;
  names.forEach((n, i) => {
    out[n] = Object.freeze(
      Object.create(null, {
        name: { value: () => n },
        ordinal: { value: () => i },
        toString: { value: () => n },
        toJSON: { value: () => n },
        [Symbol.toStringTag]: { value: `${type}.${n}` },
        [Symbol.toPrimitive]: { value: () => n },
      }) as EnumValue,
    );
  });
  return Object.freeze(out);
}

/** The name of an enum value, or of a string naming one (tests may pass 'FULL'). */
export function enumName(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (v !== null && typeof v === 'object' && typeof (v as EnumValue).name === 'function') return (v as EnumValue).name();
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Clock

/** The script clock. Fixed at `start` when given (tests move it); else real time plus advances. */
export class Clock {
  private fixed: number | null;
  private offset = 0;
  constructor(start?: number) {
    this.fixed = start ?? null;
  }
  now(): number {
    return this.fixed ?? Date.now() + this.offset;
  }
  set(ms: number): void {
    this.fixed = ms;
  }
  advance(ms: number): void {
    if (this.fixed === null) this.offset += ms;
    else this.fixed += ms;
  }
}

// ---------------------------------------------------------------------------------------------
// I/O accounting

export interface IoEvent {
  kind: 'read' | 'write' | 'clear';
  sheet: string;
  method: string;
  a1: string;
}

/**
 * Counts what a script costs: reads (getValues, getDisplayValues, getFormulas, getValue…) and
 * writes (setValues, setValue, setFormula(s), appendRow) per sheet, clears apart, and every call
 * of a faked service method.
 */
export class IoCounter {
  events: IoEvent[] = [];
  /** Every call of a faked method, of any service. */
  calls = 0;
  /** Calls per "Interface.method", e.g. 'Range.getValues', 'Properties.getProperty'. */
  callCounts = new Map<string, number>();

  record(e: IoEvent): void {
    this.events.push(e);
  }
  reads(sheet?: string): number {
    return this.count('read', sheet);
  }
  writes(sheet?: string): number {
    return this.count('write', sheet);
  }
  clears(sheet?: string): number {
    return this.count('clear', sheet);
  }
  readsBySheet(): Record<string, number> {
    return this.by('read');
  }
  writesBySheet(): Record<string, number> {
    return this.by('write');
  }
  /** Calls of one method, by "Interface.method" (e.g. 'Range.getValues'). */
  callsOf(name: string): number {
    return this.callCounts.get(name) ?? 0;
  }
  reset(): void {
    this.events = [];
    this.calls = 0;
    this.callCounts = new Map();
  }
  private count(kind: IoEvent['kind'], sheet?: string): number {
    return this.events.filter((e) => e.kind === kind && (sheet === undefined || e.sheet === sheet)).length;
  }
  private by(kind: IoEvent['kind']): Record<string, number> {
    const out: Record<string, number> = {};
    for (const e of this.events) if (e.kind === kind) out[e.sheet] = (out[e.sheet] ?? 0) + 1;
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Executions and what they may call

export type AuthModeName = 'NONE' | 'CUSTOM_FUNCTION' | 'LIMITED' | 'FULL';

export interface Execution {
  authMode: AuthModeName;
  /** Whether a user is looking at the document (false in time triggers and custom functions). */
  ui: boolean;
  /** E-mail of the user the script runs as. */
  user: string;
  /**
   * Whether the execution has a containing document. Without one, SpreadsheetApp.getActive() and
   * LockService.getDocumentLock() return null (as from a standalone script or web app).
   */
  document: boolean;
}

/** How a method touches the world, for the per-auth-mode checks. */
/** 'triggers': needs the user's authorisation (installable triggers, other documents). */
type Access = 'free' | 'read' | 'write' | 'ui' | 'triggers';

const WRITE_NAME =
  /^(set|insert|delete|remove|clear|add|append|hide|show|unhide|update|sort|copy|move|activate|create|new|merge|break|auto|rename|duplicate|protect|toast|expand|collapse|trim|flush|randomize|check|uncheck|apply|shift|group|ungroup)/;

function accessOf(iface: SurfaceKey, method: string): Access {
  const [ns, name] = iface.split('.') as [string, string];
  if (ns === 'Base' && (name === 'Ui' || name === 'Menu' || name === 'PromptResponse')) return 'ui';
  if (iface === 'Spreadsheet.SpreadsheetApp' && method === 'getUi') return 'ui';
  if (ns === 'Script' && name !== 'AuthorizationInfo') {
    return method === 'getAuthorizationInfo' || method === 'getScriptId' ? 'free' : 'triggers';
  }
  if (ns === 'Spreadsheet') {
    if (method === 'flush') return 'free';
    if (name === 'SpreadsheetApp' && /^open/.test(method)) return 'triggers';
    return WRITE_NAME.test(method) ? 'write' : 'read';
  }
  if (ns === 'Properties' || ns === 'Cache' || ns === 'Lock') return 'read';
  return 'free';
}

// ---------------------------------------------------------------------------------------------
// The context every fake object holds

export interface CtxOptions {
  realm: Realm;
  clock: Clock;
  io: IoCounter;
  execution: Execution;
  cost?: CostMeter;
}

export class Ctx {
  realm: Realm;
  readonly clock: Clock;
  readonly io: IoCounter;
  execution: Execution;
  /** The projected Apps Script time of the current execution (cost.ts). */
  readonly cost: CostMeter;
  /** How deep in faked service calls we are: only the outermost call is charged. */
  private depth = 0;

  constructor(o: CtxOptions) {
    this.realm = o.realm;
    this.clock = o.clock;
    this.io = o.io;
    this.execution = o.execution;
    this.cost = o.cost ?? new CostMeter(CALIBRATION);
  }

  /** Stops the execution if its projected time passed its limit (Apps Script's message). */
  checkTime(): void {
    const stop = this.cost.update();
    if (stop !== null) this.fail(stop);
  }

  /** Charges cells read or written (before the write happens: a stopped write changes nothing). */
  chargeCells(kind: 'read' | 'written', n: number): void {
    this.cost.cells(kind, n);
    this.checkTime();
  }

  /** Charges time the script waits (Utilities.sleep, a lock). */
  chargeWait(ms: number): void {
    this.cost.wait(ms);
    this.checkTime();
  }

  /** Throws Apps Script's kind of error ("Exception: …" when printed). */
  fail(message: string): never {
    throw this.realm.error(message);
  }

  notImplemented(what: string): never {
    throw this.realm.error(NOT_IMPLEMENTED + what, 'Error');
  }

  /**
   * Bookkeeping, cost and permission checks at the start of every faked method; `exit` must follow
   * (finishFake's wrappers call both), also when this throws.
   */
  enter(iface: SurfaceKey, method: string): void {
    const short = iface.slice(iface.indexOf('.') + 1);
    const key = `${short}.${method}`;
    this.io.calls++;
    this.io.callCounts.set(key, (this.io.callCounts.get(key) ?? 0) + 1);
    if (this.depth++ === 0) {
      this.cost.pauseScript();
      this.cost.call(callKind(iface, method));
      this.checkTime();
    }
    const access = accessOf(iface, method);
    const { authMode, ui } = this.execution;
    if (access === 'free') return;
    if (authMode === 'NONE' && access !== 'ui') this.fail(`You do not have permission to call ${key}`);
    if (authMode === 'CUSTOM_FUNCTION') {
      if (access === 'write') this.fail(`You do not have permission to call ${method}`);
      if (access === 'ui' || access === 'triggers') this.fail(`You do not have permission to call ${key}`);
    }
    if (authMode === 'LIMITED' && access === 'triggers') this.fail(`You do not have permission to call ${key}`);
    if (access === 'ui' && !ui && authMode !== 'CUSTOM_FUNCTION') {
      this.fail('Cannot call SpreadsheetApp.getUi() from this context.');
    }
  }

  /** The end of a faked method: the script's own code runs again. */
  exit(): void {
    if (--this.depth === 0) this.cost.resumeScript();
  }
}

// ---------------------------------------------------------------------------------------------
// Fakes

/** Base of every fake object: the context, and a typed view as the real Apps Script interface. */
export abstract class Fake<Real> {
  declare readonly __real?: Real;
  constructor(readonly _ctx: Ctx) {}
}

/** A fake seen as the Apps Script interface it stands for (finishFake fills in every member). */
export function real<R>(fake: Fake<R>): R {
  return fake as unknown as R;
}

type FakeClass = abstract new (...args: never[]) => Fake<unknown>;

/**
 * Completes a fake class against the real interface's member list (surface.ts):
 * - every implemented method is wrapped to count the call, charge its projected time (cost.ts) and
 *   apply the execution's auth rules;
 * - every other method of the interface becomes a stub that throws "not implemented in the
 *   in-memory Sheets: Interface.method";
 * - every enum-like property of the interface that the class does not define becomes a getter
 *   that throws the same way;
 * - a public method that the real interface does not have is a bug in the fake: it throws here.
 */
export function finishFake(cls: FakeClass, iface: SurfaceKey): void {
  const proto = cls.prototype as Record<string, unknown>;
  const surface = SURFACE[iface];
  const short = iface.slice(iface.indexOf('.') + 1);
  const methods = new Set<string>(surface.methods);
  for (const own of Object.getOwnPropertyNames(proto)) {
    if (own === 'constructor' || own.startsWith('_')) continue;
    const d = Object.getOwnPropertyDescriptor(proto, own)!;
    if (typeof d.value === 'function' && !methods.has(own)) {
      throw new Error(`fake ${short} defines ${own}, which GoogleAppsScript.${iface} does not have`);
    }
  }
  for (const name of surface.methods) {
    const d = Object.getOwnPropertyDescriptor(proto, name);
    const impl = d && typeof d.value === 'function' ? (d.value as (...a: unknown[]) => unknown) : null;
    const fn = impl
      ? function (this: Fake<unknown>, ...args: unknown[]) {
          try {
            this._ctx.enter(iface, name);
            return impl.apply(this, args);
          } finally {
            this._ctx.exit();
          }
        }
      : function (this: Fake<unknown>) {
          try {
            this._ctx.enter(iface, name);
            return this._ctx.notImplemented(`${short}.${name}`);
          } finally {
            this._ctx.exit();
          }
        };
    Object.defineProperty(fn, 'name', { value: name });
    Object.defineProperty(proto, name, { value: fn, writable: true, configurable: true, enumerable: false });
  }
  for (const name of surface.properties) {
    if (Object.getOwnPropertyDescriptor(proto, name)) continue;
    Object.defineProperty(proto, name, {
      configurable: true,
      enumerable: false,
      get(this: Fake<unknown>) {
        return this._ctx.notImplemented(`${short}.${name}`);
      },
    });
  }
}

/** Defines enum-valued members (e.g. ScriptApp.AuthMode) on a fake class's prototype. */
export function defineEnums(cls: FakeClass, enums: Record<string, object>): void {
  for (const [name, value] of Object.entries(enums)) {
    Object.defineProperty(cls.prototype, name, { value, enumerable: false, configurable: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Small helpers

/** The message of an error of any realm (a vm context's Error is no `instanceof Error` here). */
export function errorMessage(e: unknown): string {
  return typeof e === 'object' && e !== null && 'message' in e ? String((e as Error).message) : String(e);
}

export function utf8Bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** Java-style type names of arguments, for "The parameters (…) don't match the method signature". */
export function argTypes(args: readonly unknown[]): string {
  return args
    .map((a) => {
      if (a === null) return 'null';
      if (a === undefined) return 'undefined';
      if (Array.isArray(a)) return 'Object[]';
      if (isDate(a)) return 'Date';
      if (typeof a === 'object') return (a as object).constructor?.name?.replace(/^Fake/, 'SpreadsheetApp.') ?? 'Object';
      return typeof a === 'number' ? 'number' : typeof a === 'string' ? 'String' : typeof a === 'boolean' ? 'Boolean' : typeof a;
    })
    .join(',');
}

export function signatureError(ctx: Ctx, args: readonly unknown[], method: string): never {
  return ctx.fail(`The parameters (${argTypes(args)}) don't match the method signature for ${method}.`);
}

export function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v);
}
