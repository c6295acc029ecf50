/**
 * Google's limits that the emulator enforces, one constant each with its source beside it, and the
 * error each one throws. The checks stay with the service they belong to: stores.ts (properties,
 * cache), script.ts (triggers), spreadsheet/book.ts (the grid), spreadsheet/cells.ts (a cell's text),
 * cost.ts and index.ts (time), sheetsCall.ts (custom functions as Sheets calls them).
 *
 * Source labels (as in the team's research, /work/team/google-limits.md):
 *   Google     — Google's own page, quoted.
 *   Google*    — Google's sentence, quoted from independent copies of the page (not the page itself).
 *   community  — only public reports (issues, logs, blogs): the figure or the wording may change.
 *   ours       — nothing published: our choice, said as such.
 * README.md lists every rule reproduced.
 */

// ---------------------------------------------------------------------------------------------
// The spreadsheet's grid

/**
 * Cells in a spreadsheet: every sheet's grid (maxRows × maxColumns), empty cells, hidden and
 * scratch sheets included.
 * Google*: https://support.google.com/drive/answer/37603 ("Files you can store in Google Drive"):
 * "Up to 10 million cells or 18,278 columns (column ZZZ) for spreadsheets that are created in or
 * converted to Google Sheets". Google*: https://workspaceupdates.googleblog.com/2022/03/ten-million-cells-google-sheets.html
 * "This limit applies to new, existing, and imported files."
 * That empty grid cells count is community evidence (the Sheets API refuses an empty `addSheet`
 * and a bare row-count change with this error); that hidden sheets count is our inference (the
 * limit is on the file's grid and nothing exempts them).
 */
export const MAX_CELLS = 10_000_000;
/**
 * community: thrown by Apps Script's setValues in a production script, and the same text by the
 * Sheets API ("Invalid requests[45].addSheet: This action would increase …") and gspread.
 */
export const CELL_LIMIT_MESSAGE = `This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`;

/** Columns in one sheet: 18,278 (ZZZ). Google*: the same Drive page and sentence as MAX_CELLS. */
export const MAX_COLUMNS = 18_278;
/** ours: no real error text was found for going past ZZZ; this wording is unverified. */
export const COLUMN_LIMIT_MESSAGE = `This action would increase the number of columns in the sheet above the limit of ${MAX_COLUMNS} columns.`;

/**
 * Characters in one cell. Google*: https://support.google.com/drive/answer/37603: "any cell with more
 * than 50,000 characters will be removed in Sheets" (said of converting from Excel; Google states
 * no limit for a script's writes, the community reports the error below for them).
 */
export const MAX_CELL_CHARACTERS = 50_000;
/** community: Sheets API log "Invalid data[4]: Your input contains more than …" (2024), also listed by integrately.com. */
export const CELL_CHARACTERS_MESSAGE = `Your input contains more than the maximum of ${MAX_CELL_CHARACTERS} characters in a single cell.`;

/** A new sheet's grid: 1,000 rows by 26 columns (A–Z), 26,000 cells of the 10 million. */
export const NEW_SHEET_ROWS = 1000;
export const NEW_SHEET_COLUMNS = 26;

// ---------------------------------------------------------------------------------------------
// PropertiesService and CacheService

/**
 * A property value, in UTF-8 bytes (9 KB), and a whole store (500 KB, keys and values).
 * Google: https://developers.google.com/apps-script/guides/services/quotas ("Current limitations"):
 * "Properties value size | 9 KB / val" and "Properties total storage | 500 KB / property store".
 * community: tanaikech measured Apps Script more lenient in 2023 (a value of 8,066 bytes with a
 * ~512 KB key, the store counted key + value); the emulator holds the add-on to what Google documents.
 */
export const PROPERTY_VALUE_LIMIT = 9 * 1024;
export const PROPERTY_STORE_LIMIT = 500 * 1024;
/**
 * community: the message of a full store, in many production logs — and, in the only real report of
 * one value over 9 KB, the message that value got. "Argument too large: value" is CacheService's
 * (below); no real report shows it from PropertiesService.
 */
export const PROPERTY_QUOTA_MESSAGE = 'You have exceeded the property storage quota. Please remove some properties and try again.';

/**
 * Cache keys (250 characters), values (100 KB), expiry (600 s by default, 21,600 s at most).
 * Google: https://developers.google.com/apps-script/reference/cache/cache#put(String,String):
 * "The maximum length of a key is 250 characters. The maximum amount of data that can be stored per
 * key is 100KB. The value expires from the cache after 600 seconds (10 minutes)." and, for the
 * expiration: "the maximum time the value will remain in the cache, in seconds. The minimum is 1
 * second and the maximum is 21600 seconds (6 hours)." community (Justin Poehnelt's blog): 100 KB
 * measured as 102,400 bytes.
 */
export const CACHE_VALUE_LIMIT = 100 * 1024;
export const CACHE_KEY_LIMIT = 250;
export const CACHE_DEFAULT_TTL = 600;
export const CACHE_MAX_TTL = 21600;
/**
 * A cache holds at most 1,000 items; past that, the oldest are dropped, about a tenth at a time.
 * Google: https://developers.google.com/apps-script/reference/cache/cache (the page's summary:
 * "Individual keys can be up to 250 characters and store up to 100KB of data, with a cache item cap
 * of 1,000 entries"). community: Justin Poehnelt, "Exploring Apps Script CacheService Limits"
 * (justin.poehnelt.com/posts/exploring-apps-script-cacheservice-limits) measured the eviction as
 * FIFO — "Removes items based on creation time, ignoring recent access. Removes ~100 items (10%) at
 * once when full." Nothing is thrown: a caller finds its items gone.
 */
export const CACHE_ITEM_CAP = 1000;
export const CACHE_EVICT_BATCH = 100;
/** community: "Argument too large: value (line 132)" (muFunds #13, 2019), "… (line 26)." (aws-pricing #24, 2020). */
export const CACHE_VALUE_MESSAGE = 'Argument too large: value';
/** community: "Exception: Argument too large: key" (COINGECKO #13, 2021). */
export const CACHE_KEY_MESSAGE = 'Argument too large: key';

// ---------------------------------------------------------------------------------------------
// Time (enforced on the projected Apps Script time of cost.ts, never on Node's)

/**
 * One execution: 6 minutes. Google: https://developers.google.com/apps-script/guides/services/quotas
 * "Script runtime | 6 min / execution | 6 min / execution" (consumer and Workspace alike; the Best
 * Practices page still mentions 30 minutes for some Workspace accounts, the quotas page does not).
 */
export const EXECUTION_LIMIT_MS = 6 * 60_000;
/** community: "Error Exceeded maximum execution time" (AutoFetcher #34, 2022, and many logs). */
export const EXECUTION_LIMIT_MESSAGE = 'Exceeded maximum execution time';

/**
 * One custom-function call: 30 seconds. Google: quotas page, "Custom function runtime | 30 sec /
 * execution"; https://developers.google.com/apps-script/guides/sheets/functions: "A custom function
 * call must return within 30 seconds. If it doesn't, the cell displays #ERROR! and the cell note is
 * Exceeded maximum execution time (line 0)."
 */
export const CUSTOM_FUNCTION_LIMIT_MS = 30_000;
/** Google: the cell note quoted above (the cell itself shows #ERROR!). */
export const CUSTOM_FUNCTION_TIMEOUT_NOTE = 'Exceeded maximum execution time (line 0).';

/**
 * A simple trigger (onOpen, onEdit): 30 seconds. Google: https://developers.google.com/workspace/add-ons/concepts/editor-triggers
 * "Simple triggers cannot run for longer than 30 seconds." (Same message as any execution: none documented.)
 */
export const SIMPLE_TRIGGER_LIMIT_MS = 30_000;

/**
 * Trigger run time per user per day: 90 minutes on a consumer account, 6 hours on Workspace.
 * Google: quotas page, "Triggers total runtime | 90 min / day | 6 hr / day" and "Quotas are per user
 * and reset 24 hours after the first request."
 */
export const TRIGGER_DAILY_LIMIT_MS = 90 * 60_000;
export const TRIGGER_DAILY_LIMIT_WORKSPACE_MS = 6 * 60 * 60_000;
/** Google: quotas page, "Service using too much computer time for one day." (most often a trigger's script). */
export const TRIGGER_DAILY_LIMIT_MESSAGE = 'Service using too much computer time for one day.';
/** The window after which the daily quota resets (Google: "reset 24 hours after the first request"). */
export const QUOTA_WINDOW_MS = 24 * 60 * 60_000;

/** Utilities.sleep: Google: https://developers.google.com/apps-script/reference/utilities/utilities#sleep(Integer) "The maximum allowed value is 300000 (or 5 minutes)." */
export const MAX_SLEEP_MS = 300_000;

// ---------------------------------------------------------------------------------------------
// Custom functions (their result)

/**
 * The largest result a custom function may return, in cells (rows × widest row). ours: Google
 * documents no limit. community: Blacksmoke16/GESI #102 (2023-07-07): a result of 61,744 rows × 8
 * columns (≈494,000 cells) showed #ERROR! "Result too large"; the maintainer reproduced it with
 * static data. Nobody reports the largest result that works, so the emulator refuses anything over
 * 200,000 cells — 2.5 times under the smallest reported failure — and the add-on's table forms must
 * stay under it (SPEC §5). Raise it only with a measurement from real Sheets.
 */
export const CUSTOM_FUNCTION_RESULT_CELLS = 200_000;
/** community: the cell's tooltip "Error: Result too large." (GESI #102); the cell shows #ERROR!. */
export const RESULT_TOO_LARGE_NOTE = 'Result too large.';

// ---------------------------------------------------------------------------------------------
// Triggers

/**
 * Installable triggers per user per script (outside an add-on). Google: quotas page, "Triggers |
 * 20 / user / script". community wording: "This script has too many triggers. Triggers must be
 * deleted from the script before more can be added." (production logs).
 */
export const MAX_TRIGGERS_PER_USER = 20;
export const TOO_MANY_TRIGGERS_MESSAGE = 'This script has too many triggers. Triggers must be deleted from the script before more can be added.';

/**
 * One trigger of each type per user per document, for an add-on. Google: https://developers.google.com/apps-script/guides/triggers/installable
 * "Each add-on can only have one trigger of each type, per user, per document." community wording
 * for time-based triggers (a 2024 execution log; an add-on's help page); the other types' wording is
 * ours (none found).
 */
export const TOO_MANY_ADDON_CLOCK_TRIGGERS_MESSAGE = 'This add-on has created too many time-based triggers in this document for this Google user account.';

/** The intervals `everyMinutes` accepts. Google: ClockTriggerBuilder.everyMinutes, "n must be 1, 5, 10, 15 or 30." */
export const TRIGGER_MINUTE_STEPS: readonly number[] = [1, 5, 10, 15, 30];

/**
 * An add-on's time-driven trigger runs at most hourly. Google: https://developers.google.com/workspace/add-ons/concepts/editor-triggers
 * "Time-driven triggers cannot run more frequently than once per hour." and the installable-triggers
 * guide: "(An add-on can use a time-driven trigger once per hour at most.)"
 * community wording: mail-merge-for-gmail #165 (2022-02-21), "Exception: The recurrence interval for
 * an Add-on trigger must be at least one hour."
 */
export const ADDON_TRIGGER_INTERVAL_MESSAGE = 'The recurrence interval for an Add-on trigger must be at least one hour.';

/**
 * Another user's trigger. Google (installable triggers guide): "A given account can't see triggers
 * installed from a second account". Deleting one: no documented error (the other user has no way to
 * get the Trigger object); ours, unverified wording.
 */
export const OTHER_USERS_TRIGGER_MESSAGE = 'The trigger belongs to another user and cannot be deleted by this one.';
