/** Session, Utilities (formatDate and friends) and Logger. */
import { createHash, randomUUID } from 'node:crypto';
import iconv from 'iconv-lite';
import { Ctx, Fake, finishFake, isDate, real, signatureError } from './core';
import { MAX_SLEEP_MS } from './limits';
import { PatternError, formatJava, zone } from './time';

export interface SessionEnv {
  user(): string;
  /** What getActiveUser().getEmail() answers ('' when Google withholds it, e.g. other domains). */
  activeUserEmail(): string;
  userLocale(): string;
  scriptTimeZone(): string;
  scriptId: string;
}

type User = GoogleAppsScript.Base.User;

export class FakeUser extends Fake<User> implements Pick<User, 'getEmail'> {
  constructor(
    ctx: Ctx,
    private _email: string,
  ) {
    super(ctx);
  }
  getEmail(): string {
    return this._email;
  }
}
finishFake(FakeUser, 'Base.User');

type Session = GoogleAppsScript.Base.Session;

export class FakeSession
  extends Fake<Session>
  implements Pick<Session, 'getActiveUser' | 'getEffectiveUser' | 'getActiveUserLocale' | 'getScriptTimeZone' | 'getTemporaryActiveUserKey' | 'getTimeZone' | 'getUser'>
{
  constructor(
    ctx: Ctx,
    private _env: SessionEnv,
  ) {
    super(ctx);
  }
  private _active(): string {
    return this._ctx.execution.authMode === 'CUSTOM_FUNCTION' || this._ctx.execution.authMode === 'NONE' ? '' : this._env.activeUserEmail();
  }
  getActiveUser(): User {
    return real(new FakeUser(this._ctx, this._active()));
  }
  getUser(): User {
    return real(new FakeUser(this._ctx, this._active()));
  }
  getEffectiveUser(): User {
    return real(new FakeUser(this._ctx, this._ctx.execution.authMode === 'CUSTOM_FUNCTION' ? '' : this._env.user()));
  }
  getActiveUserLocale(): string {
    return this._env.userLocale();
  }
  getScriptTimeZone(): string {
    return this._env.scriptTimeZone();
  }
  getTimeZone(): string {
    return this._env.scriptTimeZone();
  }
  getTemporaryActiveUserKey(): string {
    return createHash('sha256').update(`${this._env.scriptId}\n${this._env.user()}`).digest('base64').slice(0, 43);
  }
}
finishFake(FakeSession, 'Base.Session');

/** Java's String.format for the common conversions: %s %d %i %f %.Nf %%. */
export function formatString(template: string, args: readonly unknown[]): string {
  let i = 0;
  return template.replace(/%(\.\d+)?([sdif%])/g, (m, precision: string | undefined, conv: string) => {
    if (conv === '%') return '%';
    const v = args[i++];
    if (conv === 's') return String(v);
    if (conv === 'd' || conv === 'i') return String(Math.trunc(Number(v)));
    return Number(v).toFixed(precision ? Number(precision.slice(1)) : 6);
  });
}

type UtilitiesT = GoogleAppsScript.Utilities.Utilities;

export class FakeUtilities
  extends Fake<UtilitiesT>
  implements Pick<UtilitiesT, 'formatDate' | 'sleep' | 'getUuid' | 'formatString' | 'base64Encode' | 'base64Decode' | 'newBlob'>
{
  /** Google: https://developers.google.com/apps-script/reference/utilities/utilities#newBlob(String)
   *  "Create a new Blob object from a string" (and from a byte array, with a content type and a name). */
  newBlob(data: string | number[], contentType?: string, name?: string): GoogleAppsScript.Base.Blob {
    if (typeof data !== 'string' && !Array.isArray(data)) return signatureError(this._ctx, [data, contentType, name], 'Utilities.newBlob');
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.map((b) => Number(b) & 0xff));
    return real(new FakeBlob(this._ctx, bytes, contentType ?? null, name ?? null));
  }
  formatDate(date: Date, timeZone: string, format: string): string {
    if (!isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
      return signatureError(this._ctx, [date, timeZone, format], 'Utilities.formatDate');
    }
    try {
      return formatJava(date.getTime(), zone(timeZone), format);
    } catch (e) {
      if (e instanceof PatternError) return this._ctx.fail(`Invalid argument: ${e.message}`);
      throw e;
    }
  }
  /** Sleeping is execution time (charged to the projected time); at most 300,000 ms (limits.ts). */
  sleep(milliseconds: number): void {
    if (typeof milliseconds !== 'number' || milliseconds < 0) signatureError(this._ctx, [milliseconds], 'Utilities.sleep');
    if (milliseconds > MAX_SLEEP_MS) this._ctx.fail(`Invalid argument: milliseconds. The maximum allowed value is ${MAX_SLEEP_MS}.`);
    this._ctx.clock.advance(milliseconds);
    this._ctx.chargeWait(milliseconds);
  }
  getUuid(): string {
    return randomUUID();
  }
  formatString(template: string, ...args: unknown[]): string {
    return formatString(String(template), args);
  }
  base64Encode(data: string | number[]): string {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.map((b) => b & 0xff));
    return bytes.toString('base64');
  }
  base64Decode(encoded: string): number[] {
    return this._ctx.realm.array([...Buffer.from(String(encoded), 'base64')].map((b) => (b > 127 ? b - 256 : b)));
  }
}
finishFake(FakeUtilities, 'Utilities.Utilities');

/**
 * The Java charsets a Blob's string methods are emulated for, by their names in any case: UTF-8, and
 * Windows-31J (Microsoft's Shift_JIS, "MS932"), through iconv-lite's cp932. Apps Script's Blob is
 * Java's underneath (its getBytes() is a "Byte[]"), and Java's String.getBytes(Charset) "always
 * replaces malformed-input and unmappable-character sequences with this charset's default
 * replacement byte array" (https://docs.oracle.com/javase/8/docs/api/java/lang/String.html), "?" for
 * these charsets — as iconv-lite does. Others (Java's plain "Shift_JIS", whose table lacks
 * the NEC and IBM extensions such as 髙 and 﨑) are not emulated: a call names them and fails.
 */
const BLOB_CHARSETS: Readonly<Record<string, string>> = { 'utf-8': 'utf8', utf8: 'utf8', 'windows-31j': 'cp932', ms932: 'cp932', cp932: 'cp932' };

type BlobT = GoogleAppsScript.Base.Blob;

/**
 * Base.Blob (https://developers.google.com/apps-script/reference/base/blob): bytes with a content
 * type and a name. "setDataFromString(string, charset): Sets the data of this blob from a string with
 * the specified encoding"; "getBytes(): Gets the data stored in this blob" (a Java byte[]: -128…127);
 * "getDataAsString(charset): Gets the data of this blob as a string with the specified encoding".
 */
export class FakeBlob
  extends Fake<BlobT>
  implements Pick<BlobT, 'getBytes' | 'setBytes' | 'getDataAsString' | 'setDataFromString' | 'getContentType' | 'setContentType' | 'getName' | 'setName' | 'copyBlob'>
{
  constructor(
    ctx: Ctx,
    private _bytes: Buffer,
    private _type: string | null,
    private _name: string | null,
  ) {
    super(ctx);
  }
  private _charset(charset: unknown): string {
    if (charset === undefined) return 'utf8';
    const c = BLOB_CHARSETS[String(charset).toLowerCase()];
    return c ?? this._ctx.notImplemented(`Blob charset ${String(charset)}`);
  }
  getBytes(): number[] {
    return this._ctx.realm.array([...this._bytes].map((b) => (b > 127 ? b - 256 : b)));
  }
  setBytes(data: number[]): BlobT {
    if (!Array.isArray(data)) return signatureError(this._ctx, [data], 'Blob.setBytes');
    this._bytes = Buffer.from(data.map((b) => Number(b) & 0xff));
    return real(this);
  }
  getDataAsString(charset?: string): string {
    return iconv.decode(this._bytes, this._charset(charset), { stripBOM: false });
  }
  setDataFromString(string: string, charset?: string): BlobT {
    if (typeof string !== 'string') return signatureError(this._ctx, [string, charset], 'Blob.setDataFromString');
    this._bytes = iconv.encode(string, this._charset(charset));
    return real(this);
  }
  getContentType(): string {
    return this._type as string;
  }
  setContentType(contentType: string): BlobT {
    this._type = contentType;
    return real(this);
  }
  getName(): string {
    return this._name as string;
  }
  setName(name: string): BlobT {
    this._name = name;
    return real(this);
  }
  copyBlob(): BlobT {
    return real(new FakeBlob(this._ctx, Buffer.from(this._bytes), this._type, this._name));
  }
}
finishFake(FakeBlob, 'Base.Blob');

export interface LogEntry {
  source: 'Logger' | 'console';
  level: string;
  message: string;
  at: number;
}

type LoggerT = GoogleAppsScript.Base.Logger;

export class FakeLogger extends Fake<LoggerT> implements Pick<LoggerT, 'log' | 'getLog' | 'clear'> {
  constructor(
    ctx: Ctx,
    private _logs: LogEntry[],
  ) {
    super(ctx);
  }
  log(data: unknown, ...values: unknown[]): LoggerT {
    const message = values.length > 0 && typeof data === 'string' ? formatString(data, values) : typeof data === 'object' ? JSON.stringify(data) : String(data);
    this._logs.push({ source: 'Logger', level: 'info', message, at: this._ctx.clock.now() });
    return real(this);
  }
  getLog(): string {
    return this._logs
      .filter((l) => l.source === 'Logger')
      .map((l) => l.message)
      .join('\n');
  }
  clear(): void {
    for (let i = this._logs.length - 1; i >= 0; i--) if (this._logs[i]!.source === 'Logger') this._logs.splice(i, 1);
  }
}
finishFake(FakeLogger, 'Base.Logger');

/** A console for the script: records into the same log, prints only when asked. */
export function recordingConsole(logs: LogEntry[], now: () => number, echo: boolean): Console {
  const entry = (level: string) => (...args: unknown[]) => {
    const message = args.map((a) => (typeof a === 'string' ? a : safeJson(a))).join(' ');
    logs.push({ source: 'console', level, message, at: now() });
    if (echo) (console as unknown as Record<string, (...a: unknown[]) => void>)[level]!(...args);
  };
  return { log: entry('log'), info: entry('info'), warn: entry('warn'), error: entry('error'), debug: entry('debug') } as unknown as Console;
}

function safeJson(v: unknown): string {
  if (v instanceof Error || (v !== null && typeof v === 'object' && 'stack' in v && 'message' in v)) return String((v as Error).stack ?? v);
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}
