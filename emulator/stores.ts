/**
 * PropertiesService, CacheService and LockService, with Apps Script's limits (limits.ts) and messages:
 * property values ≤ 9 KB and a store ≤ 500 KB; cache values ≤ 100 KB, keys ≤ 250 characters,
 * expiry by the fake clock; locks that tests can have "another execution" hold, and no document
 * lock where there is no containing document.
 */
import { Ctx, Fake, finishFake, real, signatureError, utf8Bytes } from './core';
import {
  CACHE_DEFAULT_TTL,
  CACHE_EVICT_BATCH,
  CACHE_ITEM_CAP,
  CACHE_KEY_LIMIT,
  CACHE_KEY_MESSAGE,
  CACHE_MAX_TTL,
  CACHE_VALUE_LIMIT,
  CACHE_VALUE_MESSAGE,
  PROPERTY_QUOTA_MESSAGE,
  PROPERTY_STORE_LIMIT,
  PROPERTY_VALUE_LIMIT,
} from './limits';

// ---------------------------------------------------------------------------------------------
// Properties

/** One property store (document, script, or one user's). */
export class PropertyStore {
  readonly map = new Map<string, string>();
  constructor(readonly label: string) {}
  /** Bytes the store takes: keys and values, UTF-8. */
  size(): number {
    let n = 0;
    for (const [k, v] of this.map) n += utf8Bytes(k) + utf8Bytes(v);
    return n;
  }
  toObject(): Record<string, string> {
    return Object.fromEntries(this.map);
  }
}

type Properties = GoogleAppsScript.Properties.Properties;

export class FakeProperties extends Fake<Properties> implements Pick<Properties, 'getProperty' | 'setProperty' | 'setProperties' | 'getProperties' | 'deleteProperty' | 'deleteAllProperties' | 'getKeys'> {
  constructor(
    ctx: Ctx,
    private _store: PropertyStore,
  ) {
    super(ctx);
  }
  private _put(entries: Array<[string, string]>, replaceAll: boolean): void {
    // Over 9 KB: the storage-quota message, the one real reports show for a single large value.
    for (const [, v] of entries) if (utf8Bytes(v) > PROPERTY_VALUE_LIMIT) this._ctx.fail(PROPERTY_QUOTA_MESSAGE);
    const before = new Map(this._store.map);
    if (replaceAll) this._store.map.clear();
    for (const [k, v] of entries) this._store.map.set(k, v);
    if (this._store.size() > PROPERTY_STORE_LIMIT) {
      this._store.map.clear();
      for (const [k, v] of before) this._store.map.set(k, v);
      this._ctx.fail(PROPERTY_QUOTA_MESSAGE);
    }
  }
  getProperty(key: string): string | null {
    return this._store.map.get(String(key)) ?? null;
  }
  setProperty(key: string, value: string): Properties {
    if (key === undefined || value === undefined) signatureError(this._ctx, [key, value].slice(0, arguments.length), 'PropertiesService.Properties.setProperty');
    this._put([[String(key), String(value)]], false);
    return real(this);
  }
  setProperties(properties: Record<string, string>, deleteAllOthers?: boolean): Properties {
    if (properties === null || typeof properties !== 'object') return signatureError(this._ctx, [properties], 'PropertiesService.Properties.setProperties');
    this._put(
      Object.entries(properties).map(([k, v]) => [k, String(v)]),
      deleteAllOthers === true,
    );
    return real(this);
  }
  getProperties(): Record<string, string> {
    return this._ctx.realm.object(this._store.toObject()) as Record<string, string>;
  }
  deleteProperty(key: string): Properties {
    this._store.map.delete(String(key));
    return real(this);
  }
  deleteAllProperties(): Properties {
    this._store.map.clear();
    return real(this);
  }
  getKeys(): string[] {
    return this._ctx.realm.array([...this._store.map.keys()]);
  }
}
finishFake(FakeProperties, 'Properties.Properties');

export class FakePropertiesService
  extends Fake<GoogleAppsScript.Properties.PropertiesService>
  implements Pick<GoogleAppsScript.Properties.PropertiesService, 'getDocumentProperties' | 'getScriptProperties' | 'getUserProperties'>
{
  constructor(
    ctx: Ctx,
    private _stores: { document: () => PropertyStore; script: () => PropertyStore; user: () => PropertyStore },
  ) {
    super(ctx);
  }
  /**
   * Google (https://developers.google.com/apps-script/reference/properties/properties-service#getDocumentProperties()):
   * "Gets a property store … that all users can access within the open document, spreadsheet, or
   * form. … When document properties are not available this method returns null." Without a
   * containing document (as getDocumentLock), there is no open document: null.
   */
  getDocumentProperties(): Properties {
    if (!this._ctx.execution.document) return null as unknown as Properties;
    return real(new FakeProperties(this._ctx, this._stores.document()));
  }
  getScriptProperties(): Properties {
    return real(new FakeProperties(this._ctx, this._stores.script()));
  }
  getUserProperties(): Properties {
    return real(new FakeProperties(this._ctx, this._stores.user()));
  }
}
finishFake(FakePropertiesService, 'Properties.PropertiesService');

// ---------------------------------------------------------------------------------------------
// Cache

export class CacheStore {
  readonly map = new Map<string, { value: string; expires: number }>();
  constructor(
    readonly label: string,
    private now: () => number,
  ) {}
  /** Live entries (expired ones dropped). */
  entries(): Record<string, string> {
    this.sweep();
    return Object.fromEntries([...this.map].map(([k, e]) => [k, e.value]));
  }
  /** Drops everything, as the real cache may at any time. */
  evictAll(): void {
    this.map.clear();
  }
  sweep(): void {
    const now = this.now();
    for (const [k, e] of this.map) if (e.expires <= now) this.map.delete(k);
  }
  /**
   * Stores one item as a new creation (a put of an existing key makes it the newest), then drops
   * the oldest items, CACHE_EVICT_BATCH at a time, while more than CACHE_ITEM_CAP are held.
   */
  set(key: string, value: string, expires: number): void {
    this.map.delete(key);
    this.map.set(key, { value, expires });
    if (this.map.size <= CACHE_ITEM_CAP) return;
    this.sweep();
    while (this.map.size > CACHE_ITEM_CAP) {
      let n = 0;
      for (const k of this.map.keys()) {
        if (n++ >= CACHE_EVICT_BATCH) break;
        this.map.delete(k);
      }
    }
  }
}

type Cache = GoogleAppsScript.Cache.Cache;

export class FakeCache extends Fake<Cache> implements Pick<Cache, 'get' | 'getAll' | 'put' | 'putAll' | 'remove' | 'removeAll'> {
  constructor(
    ctx: Ctx,
    private _store: CacheStore,
  ) {
    super(ctx);
  }
  private _check(key: string, value: string): void {
    if (key.length > CACHE_KEY_LIMIT) this._ctx.fail(CACHE_KEY_MESSAGE);
    if (utf8Bytes(value) > CACHE_VALUE_LIMIT) this._ctx.fail(CACHE_VALUE_MESSAGE);
  }
  private _ttl(seconds: unknown): number {
    if (seconds === undefined) return CACHE_DEFAULT_TTL;
    if (typeof seconds !== 'number' || !(seconds >= 1)) return signatureError(this._ctx, [seconds], 'CacheService.Cache.put');
    return Math.min(seconds, CACHE_MAX_TTL);
  }
  get(key: string): string | null {
    this._store.sweep();
    return this._store.map.get(String(key))?.value ?? null;
  }
  getAll(keys: string[]): Record<string, string> {
    if (!Array.isArray(keys)) return signatureError(this._ctx, [keys], 'CacheService.Cache.getAll');
    this._store.sweep();
    const out: Record<string, string> = {};
    for (const k of keys) {
      const e = this._store.map.get(String(k));
      if (e) out[String(k)] = e.value;
    }
    return this._ctx.realm.object(out) as Record<string, string>;
  }
  put(key: string, value: string, expirationInSeconds?: number): void {
    const [k, v] = [String(key), String(value)];
    this._check(k, v);
    this._store.set(k, v, this._ctx.clock.now() + this._ttl(expirationInSeconds) * 1000);
  }
  putAll(values: Record<string, string>, expirationInSeconds?: number): void {
    const entries = Object.entries(values).map(([k, v]) => [k, String(v)] as const);
    for (const [k, v] of entries) this._check(k, v);
    const expires = this._ctx.clock.now() + this._ttl(expirationInSeconds) * 1000;
    for (const [k, v] of entries) this._store.set(k, v, expires);
  }
  remove(key: string): void {
    this._store.map.delete(String(key));
  }
  removeAll(keys: string[]): void {
    for (const k of keys) this._store.map.delete(String(k));
  }
}
finishFake(FakeCache, 'Cache.Cache');

export class FakeCacheService
  extends Fake<GoogleAppsScript.Cache.CacheService>
  implements Pick<GoogleAppsScript.Cache.CacheService, 'getDocumentCache' | 'getScriptCache' | 'getUserCache'>
{
  constructor(
    ctx: Ctx,
    private _stores: { document: () => CacheStore; script: () => CacheStore; user: () => CacheStore },
  ) {
    super(ctx);
  }
  getDocumentCache(): Cache {
    return real(new FakeCache(this._ctx, this._stores.document()));
  }
  getScriptCache(): Cache {
    return real(new FakeCache(this._ctx, this._stores.script()));
  }
  getUserCache(): Cache {
    return real(new FakeCache(this._ctx, this._stores.user()));
  }
}
finishFake(FakeCacheService, 'Cache.CacheService');

// ---------------------------------------------------------------------------------------------
// Locks

export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

/**
 * One lock (document, script or a user's). Tests make "another execution" hold it with
 * `holdByOther()`, optionally letting go after some time on the fake clock.
 */
export class LockSlot {
  holder: 'none' | 'self' | 'other' = 'none';
  /** When another execution lets go (fake-clock ms), or null for never. */
  otherReleasesAt: number | null = null;
  /** Locks this execution took and did not release before it ended (see env.endExecution). */
  leaks = 0;
  constructor(
    readonly label: string,
    private now: () => number,
  ) {}
  holdByOther(options: { releaseAfterMs?: number } = {}): void {
    this.holder = 'other';
    this.otherReleasesAt = options.releaseAfterMs === undefined ? null : this.now() + options.releaseAfterMs;
  }
  /** The other execution lets go (or, if this execution holds it, it is dropped). */
  release(): void {
    this.holder = 'none';
    this.otherReleasesAt = null;
  }
  isHeld(): boolean {
    this.settle();
    return this.holder !== 'none';
  }
  heldBySelf(): boolean {
    return this.holder === 'self';
  }
  /** Lets the other execution go if its time has come. */
  settle(): void {
    if (this.holder === 'other' && this.otherReleasesAt !== null && this.otherReleasesAt <= this.now()) this.release();
  }
}

type Lock = GoogleAppsScript.Lock.Lock;

export class FakeLock extends Fake<Lock> implements Pick<Lock, 'tryLock' | 'waitLock' | 'hasLock' | 'releaseLock'> {
  private _has = false;
  constructor(
    ctx: Ctx,
    private _slot: LockSlot,
  ) {
    super(ctx);
  }
  private _acquire(timeoutInMillis: unknown, method: string): boolean {
    if (typeof timeoutInMillis !== 'number' || !Number.isFinite(timeoutInMillis)) return signatureError(this._ctx, [timeoutInMillis], `LockService.Lock.${method}`);
    const slot = this._slot;
    slot.settle();
    if (slot.holder === 'other') {
      const wait = slot.otherReleasesAt === null ? Infinity : slot.otherReleasesAt - this._ctx.clock.now();
      // Waiting is execution time too.
      if (wait > timeoutInMillis) {
        this._ctx.clock.advance(Math.max(0, timeoutInMillis));
        this._ctx.chargeWait(timeoutInMillis);
        return false;
      }
      this._ctx.clock.advance(Math.max(0, wait));
      this._ctx.chargeWait(wait);
      slot.release();
    }
    slot.holder = 'self';
    this._has = true;
    return true;
  }
  tryLock(timeoutInMillis: number): boolean {
    return this._acquire(timeoutInMillis, 'tryLock');
  }
  waitLock(timeoutInMillis: number): void {
    if (!this._acquire(timeoutInMillis, 'waitLock')) this._ctx.fail(LOCK_TIMEOUT_MESSAGE);
  }
  hasLock(): boolean {
    return this._has && this._slot.holder === 'self';
  }
  releaseLock(): void {
    if (this._has && this._slot.holder === 'self') this._slot.holder = 'none';
    this._has = false;
  }
}
finishFake(FakeLock, 'Lock.Lock');

export class FakeLockService
  extends Fake<GoogleAppsScript.Lock.LockService>
  implements Pick<GoogleAppsScript.Lock.LockService, 'getDocumentLock' | 'getScriptLock' | 'getUserLock'>
{
  constructor(
    ctx: Ctx,
    private _slots: { document: () => LockSlot; script: () => LockSlot; user: () => LockSlot },
  ) {
    super(ctx);
  }
  /**
   * Google (https://developers.google.com/apps-script/reference/lock/lock-service#getDocumentLock()):
   * "If this method is called outside of the context of a containing document (such as from a
   * standalone script or webapp), null is returned."
   */
  getDocumentLock(): Lock {
    if (!this._ctx.execution.document) return null as unknown as Lock;
    return real(new FakeLock(this._ctx, this._slots.document()));
  }
  getScriptLock(): Lock {
    return real(new FakeLock(this._ctx, this._slots.script()));
  }
  getUserLock(): Lock {
    return real(new FakeLock(this._ctx, this._slots.user()));
  }
}
finishFake(FakeLockService, 'Lock.LockService');
