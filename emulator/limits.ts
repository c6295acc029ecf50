/**
 * Google's numeric limits that the emulator enforces, one constant each, so that each has one home
 * (and, with issue 10, its citation beside it). The checks themselves stay with the service they
 * belong to: stores.ts (properties, cache), script.ts (triggers), spreadsheet/book.ts (a new sheet).
 * The messages are written where they are thrown; README.md lists every rule reproduced.
 */

/** A property value, in UTF-8 bytes: more gives "Argument too large: value". */
export const PROPERTY_VALUE_LIMIT = 9 * 1024;
/** A whole property store (keys and values, UTF-8 bytes): more gives the storage-quota error. */
export const PROPERTY_STORE_LIMIT = 500 * 1024;

/** A cache value, in UTF-8 bytes: more gives "Argument too large: value". */
export const CACHE_VALUE_LIMIT = 100 * 1024;
/** A cache key, in characters: longer gives "Argument too large: key". */
export const CACHE_KEY_LIMIT = 250;
/** Seconds a cache entry lives when `put` gives no expiry. */
export const CACHE_DEFAULT_TTL = 600;
/** The longest a cache entry lives, in seconds (a longer expiry is cut to it). */
export const CACHE_MAX_TTL = 21600;

/** Installable triggers per user per script, outside an add-on. */
export const MAX_TRIGGERS_PER_USER = 20;
/** The intervals `everyMinutes` accepts. */
export const TRIGGER_MINUTE_STEPS: readonly number[] = [1, 5, 10, 15, 30];

/** A new sheet's grid: 1,000 rows by 26 columns (A–Z). */
export const NEW_SHEET_ROWS = 1000;
export const NEW_SHEET_COLUMNS = 26;
