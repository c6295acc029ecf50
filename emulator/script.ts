/**
 * ScriptApp: its enums, installable triggers (recorded per user and document, with the add-on
 * limits), and authorization info whose status tests set.
 */
import { Ctx, Fake, defineEnums, enumName, finishFake, isInt, makeEnum, real, signatureError } from './core';
import { FakeSpreadsheet } from './spreadsheet/spreadsheet';
import {
  ADDON_TRIGGER_INTERVAL_MESSAGE,
  MAX_TRIGGERS_PER_USER,
  OTHER_USERS_TRIGGER_MESSAGE,
  TOO_MANY_ADDON_CLOCK_TRIGGERS_MESSAGE,
  TOO_MANY_TRIGGERS_MESSAGE,
  TRIGGER_MINUTE_STEPS,
} from './limits';
import { isKnownZone } from './time';

export const AuthMode = makeEnum('AuthMode', ['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']);
export const AuthorizationStatus = makeEnum('AuthorizationStatus', ['REQUIRED', 'NOT_REQUIRED']);
export const EventType = makeEnum('EventType', ['CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED']);
export const TriggerSource = makeEnum('TriggerSource', ['SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR']);
export const InstallationSource = makeEnum('InstallationSource', ['APPS_MARKETPLACE_DOMAIN_ADD_ON', 'NONE', 'WEB_STORE_ADD_ON']);
export const WeekDay = makeEnum('Weekday', ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY']);

export type EventTypeName = keyof typeof EventType;

export interface ClockSchedule {
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  everyWeeks?: number;
  onWeekDay?: string;
  onMonthDay?: number;
  atHour?: number;
  nearMinute?: number;
  /** One-off: run at this instant (ms). */
  at?: number;
  /** One-off: run this many ms after creation. */
  after?: number;
  atDate?: { year: number; month: number; day: number };
  /** The zone the hours are in: inTimezone(), else the script's time zone. */
  timezone: string;
}

export interface TriggerRecord {
  uid: string;
  handler: string;
  eventType: EventTypeName;
  source: 'CLOCK' | 'SPREADSHEETS';
  /** The spreadsheet's id for spreadsheet triggers; null for clock triggers. */
  sourceId: string | null;
  /** Owner (the user who created it; it runs as them). */
  user: string;
  /** The document it belongs to: add-on triggers always belong to one; null for a script's own clock triggers. */
  documentId: string | null;
  schedule?: ClockSchedule;
  createdAt: number;
}

/** Everything ScriptApp needs to know about the environment. */
export interface ScriptEnv {
  triggers: TriggerRegistry;
  user(): string;
  documentId(): string;
  scriptTimeZone(): string;
  addOn: boolean;
  auth: { status: 'REQUIRED' | 'NOT_REQUIRED' };
  scriptId: string;
}

export class TriggerRegistry {
  records: TriggerRecord[] = [];
  private next = 0;
  newUid(): string {
    this.next += 1;
    return `42${String(1000000000 + this.next * 7919).padStart(17, '0')}`;
  }
  find(uid: string): TriggerRecord | undefined {
    return this.records.find((r) => r.uid === uid);
  }
  remove(uid: string): void {
    this.records = this.records.filter((r) => r.uid !== uid);
  }
}

// ---------------------------------------------------------------------------------------------

type Trigger = GoogleAppsScript.Script.Trigger;

export class FakeTrigger
  extends Fake<Trigger>
  implements Pick<Trigger, 'getHandlerFunction' | 'getUniqueId' | 'getEventType' | 'getTriggerSource' | 'getTriggerSourceId'>
{
  constructor(
    ctx: Ctx,
    readonly _rec: TriggerRecord,
  ) {
    super(ctx);
  }
  getHandlerFunction(): string {
    return this._rec.handler;
  }
  getUniqueId(): string {
    return this._rec.uid;
  }
  getEventType(): GoogleAppsScript.Script.EventType {
    return EventType[this._rec.eventType] as never;
  }
  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    return TriggerSource[this._rec.source] as never;
  }
  getTriggerSourceId(): string {
    return this._rec.sourceId as string;
  }
}
finishFake(FakeTrigger, 'Script.Trigger');

function addTrigger(ctx: Ctx, env: ScriptEnv, rec: Omit<TriggerRecord, 'uid' | 'user' | 'createdAt'>): Trigger {
  const user = env.user();
  const mine = env.triggers.records.filter((r) => r.user === user);
  if (env.addOn) {
    const sameDocType = mine.filter((r) => r.documentId === rec.documentId && r.eventType === rec.eventType);
    if (sameDocType.length > 0) {
      if (rec.eventType === 'CLOCK') ctx.fail(TOO_MANY_ADDON_CLOCK_TRIGGERS_MESSAGE);
      ctx.fail(`This add-on has created too many ${rec.eventType.toLowerCase().replace('on_', '')} triggers in this document for this Google user account.`);
    }
  }
  if (mine.length >= MAX_TRIGGERS_PER_USER) ctx.fail(TOO_MANY_TRIGGERS_MESSAGE);
  const full: TriggerRecord = { ...rec, uid: env.triggers.newUid(), user, createdAt: ctx.clock.now() };
  env.triggers.records.push(full);
  return real(new FakeTrigger(ctx, full));
}

// ---------------------------------------------------------------------------------------------

type TriggerBuilder = GoogleAppsScript.Script.TriggerBuilder;

export class FakeTriggerBuilder extends Fake<TriggerBuilder> implements Pick<TriggerBuilder, 'timeBased' | 'forSpreadsheet'> {
  constructor(
    ctx: Ctx,
    private _env: ScriptEnv,
    private _handler: string,
  ) {
    super(ctx);
  }
  timeBased(): GoogleAppsScript.Script.ClockTriggerBuilder {
    return real(new FakeClockTriggerBuilder(this._ctx, this._env, this._handler));
  }
  forSpreadsheet(sheet: GoogleAppsScript.Spreadsheet.Spreadsheet | string): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    const id = typeof sheet === 'string' ? sheet : sheet instanceof FakeSpreadsheet ? sheet._book.o.id : null;
    if (id === null) return signatureError(this._ctx, [sheet], 'ScriptApp.TriggerBuilder.forSpreadsheet');
    if (this._env.addOn && id !== this._env.documentId()) this._ctx.fail('Add-ons can only create triggers for the document they are used in.');
    return real(new FakeSpreadsheetTriggerBuilder(this._ctx, this._env, this._handler, id));
  }
}
finishFake(FakeTriggerBuilder, 'Script.TriggerBuilder');

type Clock = GoogleAppsScript.Script.ClockTriggerBuilder;

export class FakeClockTriggerBuilder
  extends Fake<Clock>
  implements Pick<Clock, 'after' | 'at' | 'atDate' | 'atHour' | 'create' | 'everyDays' | 'everyHours' | 'everyMinutes' | 'everyWeeks' | 'inTimezone' | 'nearMinute' | 'onMonthDay' | 'onWeekDay'>
{
  private _s: Partial<ClockSchedule> = {};
  constructor(
    ctx: Ctx,
    private _env: ScriptEnv,
    private _handler: string,
  ) {
    super(ctx);
  }
  private _set<K extends keyof ClockSchedule>(key: K, value: ClockSchedule[K], ok: boolean, what: string): Clock {
    if (!ok) this._ctx.fail(`Invalid argument: ${what}`);
    this._s[key] = value;
    return real(this);
  }
  after(durationMilliseconds: number): Clock {
    return this._set('after', durationMilliseconds, isInt(durationMilliseconds) && durationMilliseconds >= 0, 'durationMilliseconds');
  }
  at(date: Date): Clock {
    const ms = date instanceof Object && typeof (date as Date).getTime === 'function' ? (date as Date).getTime() : NaN;
    return this._set('at', ms, Number.isFinite(ms), 'date');
  }
  atDate(year: number, month: number, day: number): Clock {
    return this._set('atDate', { year, month, day }, isInt(year) && isInt(month) && isInt(day) && month >= 1 && month <= 12 && day >= 1 && day <= 31, 'date');
  }
  atHour(hour: number): Clock {
    return this._set('atHour', hour, isInt(hour) && hour >= 0 && hour <= 23, 'hour');
  }
  everyDays(n: number): Clock {
    return this._set('everyDays', n, isInt(n) && n >= 1, 'days');
  }
  everyHours(n: number): Clock {
    return this._set('everyHours', n, isInt(n) && n >= 1, 'hours');
  }
  everyMinutes(n: number): Clock {
    return this._set('everyMinutes', n, TRIGGER_MINUTE_STEPS.includes(n), 'minutes. Only 1, 5, 10, 15 or 30 minutes are allowed');
  }
  everyWeeks(n: number): Clock {
    return this._set('everyWeeks', n, isInt(n) && n >= 1, 'weeks');
  }
  inTimezone(timezone: string): Clock {
    return this._set('timezone', timezone, typeof timezone === 'string' && isKnownZone(timezone), 'timezone');
  }
  nearMinute(minute: number): Clock {
    return this._set('nearMinute', minute, isInt(minute) && minute >= 0 && minute <= 59, 'minute');
  }
  onMonthDay(day: number): Clock {
    return this._set('onMonthDay', day, isInt(day) && day >= 1 && day <= 31, 'day');
  }
  onWeekDay(day: GoogleAppsScript.Base.Weekday): Clock {
    const name = enumName(day);
    return this._set('onWeekDay', name, name !== undefined && name in WeekDay && typeof day === 'object', 'day');
  }
  create(): Trigger {
    const s = this._s;
    const kinds = (['everyMinutes', 'everyHours', 'everyDays', 'everyWeeks', 'onMonthDay', 'at', 'after', 'atDate'] as const).filter((k) => s[k] !== undefined);
    const weekly = s.onWeekDay !== undefined;
    if (kinds.length + (weekly && s.everyWeeks === undefined ? 1 : 0) !== 1) {
      this._ctx.fail('A clock trigger needs exactly one schedule: everyMinutes, everyHours, everyDays, everyWeeks, onWeekDay, onMonthDay, at, after or atDate.');
    }
    if (s.atHour !== undefined && !(s.everyDays || s.everyWeeks || weekly || s.onMonthDay)) {
      this._ctx.fail('atHour can only be used with everyDays, everyWeeks, onWeekDay or onMonthDay.');
    }
    if (s.nearMinute !== undefined && s.atHour === undefined && s.everyHours === undefined) {
      this._ctx.fail('nearMinute can only be used with atHour or everyHours.');
    }
    if (this._env.addOn && s.everyMinutes !== undefined) this._ctx.fail(ADDON_TRIGGER_INTERVAL_MESSAGE);
    return addTrigger(this._ctx, this._env, {
      handler: this._handler,
      eventType: 'CLOCK',
      source: 'CLOCK',
      sourceId: null,
      documentId: this._env.addOn ? this._env.documentId() : null,
      schedule: { ...s, timezone: s.timezone ?? this._env.scriptTimeZone() },
    });
  }
}
finishFake(FakeClockTriggerBuilder, 'Script.ClockTriggerBuilder');

type SheetTrigger = GoogleAppsScript.Script.SpreadsheetTriggerBuilder;

export class FakeSpreadsheetTriggerBuilder extends Fake<SheetTrigger> implements Pick<SheetTrigger, 'onOpen' | 'onEdit' | 'onChange' | 'onFormSubmit' | 'create'> {
  private _event: EventTypeName | null = null;
  constructor(
    ctx: Ctx,
    private _env: ScriptEnv,
    private _handler: string,
    private _id: string,
  ) {
    super(ctx);
  }
  private _on(e: EventTypeName): SheetTrigger {
    this._event = e;
    return real(this);
  }
  onOpen(): SheetTrigger {
    return this._on('ON_OPEN');
  }
  onEdit(): SheetTrigger {
    return this._on('ON_EDIT');
  }
  onChange(): SheetTrigger {
    return this._on('ON_CHANGE');
  }
  onFormSubmit(): SheetTrigger {
    return this._on('ON_FORM_SUBMIT');
  }
  create(): Trigger {
    if (this._event === null) this._ctx.fail('A spreadsheet trigger needs an event: onOpen, onEdit, onChange or onFormSubmit.');
    return addTrigger(this._ctx, this._env, { handler: this._handler, eventType: this._event!, source: 'SPREADSHEETS', sourceId: this._id, documentId: this._id });
  }
}
finishFake(FakeSpreadsheetTriggerBuilder, 'Script.SpreadsheetTriggerBuilder');

// ---------------------------------------------------------------------------------------------

type AuthInfo = GoogleAppsScript.Script.AuthorizationInfo;

export class FakeAuthorizationInfo extends Fake<AuthInfo> implements Pick<AuthInfo, 'getAuthorizationStatus' | 'getAuthorizationUrl'> {
  constructor(
    ctx: Ctx,
    private _status: 'REQUIRED' | 'NOT_REQUIRED',
    private _scriptId: string,
  ) {
    super(ctx);
  }
  getAuthorizationStatus(): GoogleAppsScript.Script.AuthorizationStatus {
    return AuthorizationStatus[this._status] as never;
  }
  getAuthorizationUrl(): string {
    return (this._status === 'REQUIRED' ? `https://script.google.com/macros/d/${this._scriptId}/authorize` : null) as string;
  }
}
finishFake(FakeAuthorizationInfo, 'Script.AuthorizationInfo');

type ScriptAppT = GoogleAppsScript.Script.ScriptApp;

export class FakeScriptApp
  extends Fake<ScriptAppT>
  implements Pick<ScriptAppT, 'newTrigger' | 'getProjectTriggers' | 'getUserTriggers' | 'deleteTrigger' | 'getAuthorizationInfo' | 'getScriptId'>
{
  constructor(
    ctx: Ctx,
    private _env: ScriptEnv,
  ) {
    super(ctx);
  }
  private _list(keep: (r: TriggerRecord) => boolean): Trigger[] {
    const user = this._env.user();
    return this._ctx.realm.array(this._env.triggers.records.filter((r) => r.user === user && keep(r)).map((r) => real(new FakeTrigger(this._ctx, r))));
  }
  newTrigger(functionName: string): TriggerBuilder {
    if (typeof functionName !== 'string') return signatureError(this._ctx, [functionName], 'ScriptApp.newTrigger');
    return real(new FakeTriggerBuilder(this._ctx, this._env, functionName));
  }
  getProjectTriggers(): Trigger[] {
    const doc = this._env.documentId();
    return this._list((r) => !this._env.addOn || r.documentId === doc);
  }
  getUserTriggers(document: unknown): Trigger[] {
    const id = document instanceof FakeSpreadsheet ? document._book.o.id : null;
    if (id === null) return signatureError(this._ctx, [document], 'ScriptApp.getUserTriggers');
    return this._list((r) => r.documentId === id);
  }
  /** Only the current user's: another user's trigger is neither listed nor deleted (limits.ts). */
  deleteTrigger(trigger: Trigger): void {
    if (!(trigger instanceof FakeTrigger)) return signatureError(this._ctx, [trigger], 'ScriptApp.deleteTrigger');
    if (trigger._rec.user !== this._env.user()) this._ctx.fail(OTHER_USERS_TRIGGER_MESSAGE);
    this._env.triggers.remove(trigger._rec.uid);
  }
  getAuthorizationInfo(authMode: GoogleAppsScript.Script.AuthMode): AuthInfo {
    const name = enumName(authMode);
    if (name === undefined || !(name in AuthMode) || typeof authMode !== 'object') return signatureError(this._ctx, [authMode], 'ScriptApp.getAuthorizationInfo');
    const status = name === 'FULL' ? this._env.auth.status : 'NOT_REQUIRED';
    return real(new FakeAuthorizationInfo(this._ctx, status, this._env.scriptId));
  }
  getScriptId(): string {
    return this._env.scriptId;
  }
}
defineEnums(FakeScriptApp, { AuthMode, AuthorizationStatus, EventType, TriggerSource, InstallationSource, WeekDay });
finishFake(FakeScriptApp, 'Script.ScriptApp');
