/**
 * What the custom functions return, as plain values in Sheets' shapes (SPEC §5). The Apps Script
 * layer only supplies the environment (zones, locale, clock, settings) and calls these.
 *
 * Argument shapes: a single key → one value; a range of keys (2-D array) → the same shape, blank
 * keys giving blanks; an omitted key (`undefined` / `null`) or `"*"` → the whole table with a
 * header row. `''` is a blank key, not an omitted one, so a formula filled down a column never
 * spills a table — and since Sheets may pass a skipped argument as `''` too, a formula that wants
 * the table and a later argument writes `"*"` for the customer (`=FANSTAGE(A:H, "*", , C:F)`).
 *
 * Nothing is left out without a word: a table ends with a row saying how many order rows were
 * skipped and why, that it was cut to the size a cell can return (and where everyone is), or that
 * customers are told apart by name; a lookup of a customer some of whose rows were skipped says so
 * instead of answering.
 */
import { analyze, readInputs, type Analysis, type AnalysisContext, type CustomerView } from './analyze';
import { DAY_MS, dayFromCivil, formatDay, type Day, type Zone } from './dates';
import { FANSTAGE_TABLE, LTVRANK_TABLE, NEXTPURCHASE_TABLE } from './columns';
import { headerRow, valueRow, type Column, type TableContext } from './grid';
import { FUNCTION_TEXT, MESSAGES, SKIP_REASON_TEXT, STAGE_LABELS, TAB_NAMES, pickLang, type Lang } from './labels';
import { InputError, readOrders, type OrdersRead, type SkippedRow } from './orders';
import { predictCustomers } from './predict/predict';
import { DEFAULT_MODEL, type ModelId } from './predict/models';
import { groupDigits } from './ranking';
import type { Settings } from './settings';
import { MAX_YEAR, MIN_YEAR, cellText, isBlank, isDate, normalizeKey, parseLocalMs, phoneKey } from './values';

export interface FunctionEnv {
  /** The spreadsheet's time zone: the calendar every day is counted on. */
  readonly zone: Zone;
  /** The zone whose wall clock the `Date`s a custom function receives and returns carry: the
   *  script's (appsscript.json), which for an add-on is fixed while every spreadsheet has its own
   *  (SPEC §5). Default: the spreadsheet's zone. */
  readonly dateZone?: Zone;
  readonly locale: string;
  readonly settings: Settings;
  /** The current instant (ms); "today" is its calendar day in the spreadsheet's zone. */
  readonly now: number;
  /** NEXTPURCHASE's model: the one the last refresh's backtest chose (issue 15); BG/NBD if none. */
  readonly model?: ModelId;
}

/** A value a custom function returns to a cell or spills. */
export type Out = string | number | boolean | Date;
export type Result = Out | Out[][];

/** The customer argument that asks for the whole table even where later arguments follow. */
export const ALL_CUSTOMERS = '*';

/**
 * The most customers a table form returns. Sheets refuses a result that is too large ("Result too
 * large": a 61,744 × 8 table failed; Google documents no limit — /work/team/google-limits.md §2,
 * emulator/limits.ts CUSTOM_FUNCTION_RESULT_CELLS allows 200,000 cells): 10,000 rows of at most 8
 * columns stay under half of that. The Customers tab holds everyone.
 */
export const TABLE_MAX_CUSTOMERS = 10_000;

/** How many skipped rows a note lists by number (the rest are counted). */
const SKIPPED_LISTED = 5;

const omitted = (v: unknown): boolean => v === undefined || v === null;
const wantsTable = (v: unknown): boolean => omitted(v) || (typeof v === 'string' && v.trim() === ALL_CUSTOMERS);
const dateZoneOf = (env: FunctionEnv): Zone => env.dateZone ?? env.zone;

/** The as-of day: today when omitted or blank; a `Date`, a date text or a serial otherwise. */
export function asOfDay(v: unknown, env: FunctionEnv, lang: Lang): Day {
  let cell: unknown = v;
  if (Array.isArray(cell)) {
    // A one-cell range can still arrive as [[value]].
    if (cell.length === 1 && Array.isArray(cell[0]) && cell[0].length === 1) cell = cell[0][0];
    else throw new InputError(MESSAGES.badAsOf[lang](MESSAGES.aRange[lang]));
  }
  if (omitted(cell) || isBlank(cell)) return env.zone.dayOf(env.now);
  const ms = typeof cell === 'boolean' ? NaN : parseLocalMs(cell, env.zone, { cellZone: dateZoneOf(env) });
  if (ms === ms) return Math.floor(ms / DAY_MS);
  const typed = dayOutOfRange(cell, dateZoneOf(env));
  if (typed !== undefined) {
    const [from, to] = [formatDay(dayFromCivil(MIN_YEAR, 1, 1)), formatDay(dayFromCivil(MAX_YEAR, 12, 31))];
    throw new InputError(FUNCTION_TEXT.asOfOutOfRange[lang](typed, from, to));
  }
  throw new InputError(MESSAGES.badAsOf[lang](cellText(cell) || String(cell)));
}

/**
 * The day the owner typed, as they typed it, when it is a date outside the years the product
 * reads (`DATE(9999,12,31)` arrives as a `Date`: shown `9999/12/31`, not as a UTC instant).
 */
function dayOutOfRange(cell: unknown, dateZone: Zone): string | undefined {
  if (isDate(cell)) {
    const t = cell.getTime();
    return Number.isFinite(t) ? formatDay(Math.floor(dateZone.localMs(t) / DAY_MS)) : undefined;
  }
  if (typeof cell === 'number') return Number.isFinite(cell) ? formatDay(Math.floor(cell) - 25_569) : undefined;
  if (typeof cell !== 'string') return undefined;
  const m = /^\s*(\d{1,6})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(cell.normalize('NFKC'));
  if (m === null) return undefined;
  const year = Number(m[1]);
  return year < MIN_YEAR || year > MAX_YEAR ? cell.trim() : undefined;
}

/** Maps a single key or a 2-D range of keys through `one`, keeping the shape. */
function perKey(customer: unknown, one: (key: string, cell: unknown, single: boolean) => Out): Out | Out[][] {
  const lookup = (cell: unknown, single: boolean): Out => {
    const key = normalizeKey(cell);
    return key === '' ? '' : one(key, cell, single);
  };
  if (Array.isArray(customer)) {
    return customer.map((row: unknown) => (Array.isArray(row) ? row.map((v) => lookup(v, false)) : [lookup(row, false)]));
  }
  return lookup(customer, true);
}

/** The customer a key names: directly, an e-mail address that the orders or the customers range
 *  link to an ID, or a phone number as a guest's key — so one person answers the same whichever
 *  way they are asked for. */
function findKey(byKey: ReadonlyMap<string, unknown>, orders: OrdersRead, key: string, cell: unknown, customersKeyForEmail?: (e: string) => string | undefined): string {
  if (byKey.has(key)) return key;
  const linked = orders.keyForEmail(key) ?? customersKeyForEmail?.(key);
  if (linked !== undefined) return linked;
  const phone = phoneKey(cell);
  return phone !== '' && byKey.has(phone) ? phone : key;
}

/** The skipped order rows that belong to each customer whose key could still be read. */
function skippedByKey(orders: OrdersRead): Map<string, SkippedRow[]> {
  const out = new Map<string, SkippedRow[]>();
  for (const s of orders.skipped) {
    if (s.key === undefined) continue;
    const list = out.get(s.key);
    if (list === undefined) out.set(s.key, [s]);
    else list.push(s);
  }
  return out;
}

/** Skipped rows as the owner reads them: the first few by row number with why, then a count. */
function listRows(rows: readonly SkippedRow[], lang: Lang): string {
  const listed = rows
    .slice(0, SKIPPED_LISTED)
    .map((s) => FUNCTION_TEXT.skippedRow[lang](s.row, SKIP_REASON_TEXT[s.reason][lang], s.value.slice(0, 40)))
    .join(FUNCTION_TEXT.rowSeparator[lang]);
  const more = rows.length - SKIPPED_LISTED;
  return more > 0 ? listed + FUNCTION_TEXT.andMore[lang](groupDigits(more)) : listed;
}

/**
 * Answers a lookup for one customer — unless some of their order rows were skipped: then a single
 * key throws (the cell shows why) and a key in a range gets that short note instead of an answer.
 */
function answerOrRefuse(skipped: Map<string, SkippedRow[]>, key: string, shown: string, single: boolean, lang: Lang, answer: () => Out): Out {
  const rows = skipped.get(key);
  if (rows === undefined) return answer();
  if (single) throw new InputError(FUNCTION_TEXT.customerRowsSkipped[lang](shown, listRows(rows, lang)));
  return FUNCTION_TEXT.customerRowsSkippedShort[lang](rows.map((s) => s.row).slice(0, SKIPPED_LISTED).join(', '));
}

function run(env: FunctionEnv, inputs: { orders: unknown; customers?: unknown; survey?: unknown }, asOf: unknown): Analysis {
  const ctx: AnalysisContext = { zone: env.zone, settings: env.settings, locale: env.locale, cellZone: dateZoneOf(env) };
  const lang = pickLang(env.settings.language, env.locale);
  const day = asOfDay(asOf, env, lang);
  return analyze(readInputs(inputs, ctx), day, env.settings);
}

const dateOut = (zone: Zone, day: Day | undefined): Out => (day === undefined ? '' : zone.midnight(day));

/** The most note rows a table ends with: cut to its cap, rows skipped, customers told by name. */
export const TABLE_NOTES_MAX = 3;

/** Notes that end a table: what it leaves out, and how customers are told apart. */
function tableNotes(orders: OrdersRead, total: number, lang: Lang): string[] {
  const notes: string[] = [];
  if (total > TABLE_MAX_CUSTOMERS) {
    notes.push(FUNCTION_TEXT.truncated[lang](groupDigits(TABLE_MAX_CUSTOMERS), groupDigits(total), TAB_NAMES.customers[lang]));
  }
  if (orders.skipped.length > 0) {
    notes.push(FUNCTION_TEXT.skippedRows[lang](groupDigits(orders.skipped.length), listRows(orders.skipped, lang)));
  }
  if (orders.keyKind === 'name') notes.push(FUNCTION_TEXT.keyedByName[lang]);
  return notes;
}

/**
 * A table form: the header row, a row per item up to the cap (no blank or empty cell: `Out`, not
 * `Cell`), then a row per note, its words in the first cell.
 */
function tableOut<R, C extends TableContext>(columns: ReadonlyArray<Column<R, C>>, rows: readonly R[], ctx: C, orders: OrdersRead): Out[][] {
  const out: Out[][] = [headerRow(columns, ctx)];
  const shown = Math.min(rows.length, TABLE_MAX_CUSTOMERS);
  for (let i = 0; i < shown; i++) out.push(valueRow(columns, rows[i]!, ctx) as Out[]);
  for (const note of tableNotes(orders, rows.length, ctx.lang)) out.push([note, ...new Array<Out>(columns.length - 1).fill('')]);
  return out;
}

/** A note row: its words in the first cell, the rest blank — which no data row is (a customer's
 *  row always has its figures). */
const isNoteRow = (row: ReadonlyArray<unknown>): boolean => typeof row[0] === 'string' && row.length > 1 && row.slice(1).every((v) => v === '');

/** A table form read back: its data rows (under the header) and its note rows. */
export function tableParts<T>(table: ReadonlyArray<ReadonlyArray<T>>): { rows: ReadonlyArray<ReadonlyArray<T>>; notes: string[] } {
  const body = table.slice(1);
  return { rows: body.filter((row) => !isNoteRow(row)), notes: body.filter(isNoteRow).map((row) => String(row[0])) };
}

/** Buyers in ranking order, as the analysis sees each. */
function rankedViews(a: Analysis): CustomerView[] {
  return a.ranking.map((r) => a.byKey.get(r.customer.key)!);
}

/** `=FANSTAGE(orders, [customer], [as_of], [customers], [survey])`. */
export function fanStage(
  env: FunctionEnv,
  orders: unknown,
  customer?: unknown,
  asOf?: unknown,
  customers?: unknown,
  survey?: unknown,
): Result {
  const a = run(env, { orders, customers, survey }, asOf);
  const lang = a.lang;
  if (wantsTable(customer)) return tableOut(FANSTAGE_TABLE, rankedViews(a), { lang, zone: dateZoneOf(env) }, a.orders);
  const skipped = skippedByKey(a.orders);
  // A key the customers range does not list, where it says who is registered, is unregistered
  // (SPEC §2: absent means unregistered; §3: checked first).
  const absent = a.customers?.hasRegistered ? 'unregistered' : 'noPurchase';
  return perKey(customer, (key, cell, single) => {
    const k = findKey(a.byKey, a.orders, key, cell, a.customers?.keyForEmail);
    return answerOrRefuse(skipped, k, key, single, lang, () => STAGE_LABELS[a.byKey.get(k)?.stage.stage ?? absent][lang]);
  });
}

/** `=LTVRANK(orders, [customer], [as_of])`. */
export function ltvRank(env: FunctionEnv, orders: unknown, customer?: unknown, asOf?: unknown): Result {
  const a = run(env, { orders }, asOf);
  const lang = a.lang;
  if (wantsTable(customer)) return tableOut(LTVRANK_TABLE, rankedViews(a), { lang, zone: dateZoneOf(env) }, a.orders);
  const skipped = skippedByKey(a.orders);
  return perKey(customer, (key, cell, single) => {
    const k = findKey(a.byKey, a.orders, key, cell);
    return answerOrRefuse(skipped, k, key, single, lang, () => a.byKey.get(k)?.ranked?.rank ?? '');
  });
}

/** Thrown when the orders hold too little data to fit the prediction; the message says why. */
export class NotEnoughDataError extends InputError {
  constructor(message: string) {
    super(message);
    this.name = 'NotEnoughDataError';
  }
}

/**
 * `=NEXTPURCHASE(orders, [customer], [as_of])` (issue 5): the purchase model the last refresh
 * chose (env.model; BG/NBD before the first) + Gamma-Gamma, fitted on the orders up to as_of. A key → the day by which its next purchase becomes more likely than not (a
 * Date; blank when that is not within 12 months, or for a key with no order); a range → the same
 * shape; omitted → a table: customer, P(alive), expected purchases in 90 days, next purchase by,
 * 12-month value — highest value first, since that is the order in which to act.
 *
 * With too little data to fit (or a fit that does not converge) it throws, with the reason as the
 * message: a number or a date in a cell would pass into other formulas as if it were a prediction,
 * and a text among dates would sort and compare as one; an error stops there and says why.
 */
export function nextPurchase(env: FunctionEnv, orders: unknown, customer?: unknown, asOf?: unknown): Result {
  const lang = pickLang(env.settings.language, env.locale);
  const day = asOfDay(asOf, env, lang);
  const read = readOrders(orders, { zone: env.zone, settings: env.settings, lang, cellZone: dateZoneOf(env) });
  // The backtest (three fits) is the refresh's: a custom function has 30 seconds (SPEC §5), so it
  // fits only the model the last refresh chose.
  const p = predictCustomers({ orders: read.orders, asOf: day, options: { holdoutDays: 0, model: env.model ?? DEFAULT_MODEL } });
  if (!p.verdict.ok) throw new NotEnoughDataError(p.verdict.message[lang]);
  if (wantsTable(customer)) {
    // Whole-yen shops get whole values; a shop with cents keeps them.
    const amountDigits = read.orders.every((o) => Number.isInteger(o.amount)) ? 0 : 2;
    return tableOut(NEXTPURCHASE_TABLE, p.rows, { lang, zone: dateZoneOf(env), amountDigits }, read);
  }
  const skipped = skippedByKey(read);
  return perKey(customer, (key, cell, single) => {
    const k = findKey(p.byKey, read, key, cell);
    return answerOrRefuse(skipped, k, key, single, lang, () => dateOut(dateZoneOf(env), p.byKey.get(k)?.nextPurchaseDay));
  });
}

