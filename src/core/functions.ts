/**
 * What the custom functions return, as plain values in Sheets' shapes (SPEC §5). The Apps Script
 * layer only supplies the environment (zone, locale, clock, settings) and calls these.
 *
 * Argument shapes: a single key → one value; a range of keys (2-D array) → the same shape, blank
 * keys giving blanks; an omitted key (`undefined` / `null`) → the whole table with a header row.
 * `''` is a blank key, not an omitted one, so a formula filled down a column never spills a table.
 */
import { analyze, readInputs, type Analysis, type AnalysisContext, type CustomerView } from './analyze';
import { DAY_MS, type Day, type Zone } from './dates';
import { FANSTAGE_TABLE, LTVRANK_TABLE, NEXTPURCHASE_TABLE } from './columns';
import { headerRow, valueRow, type Column, type TableContext } from './grid';
import { MESSAGES, STAGE_LABELS, pickLang, type Lang } from './labels';
import { InputError, readOrders } from './orders';
import { predictCustomers } from './predict/predict';
import type { Settings } from './settings';
import { cellText, isBlank, normalizeKey, parseLocalMs } from './values';

export interface FunctionEnv {
  readonly zone: Zone;
  readonly locale: string;
  readonly settings: Settings;
  /** The current instant (ms); "today" is its calendar day in the spreadsheet's zone. */
  readonly now: number;
}

/** A value a custom function returns to a cell or spills. */
export type Out = string | number | boolean | Date;
export type Result = Out | Out[][];

const omitted = (v: unknown): boolean => v === undefined || v === null;

/** The as-of day: today when omitted or blank; a `Date`, a date text or a serial otherwise. */
export function asOfDay(v: unknown, env: FunctionEnv, lang: Lang): Day {
  let cell: unknown = v;
  if (Array.isArray(cell)) {
    // A one-cell range can still arrive as [[value]].
    if (cell.length === 1 && Array.isArray(cell[0]) && cell[0].length === 1) cell = cell[0][0];
    else throw new InputError(MESSAGES.badAsOf[lang](MESSAGES.aRange[lang]));
  }
  if (omitted(cell) || isBlank(cell)) return env.zone.dayOf(env.now);
  const ms = parseLocalMs(cell, env.zone);
  if (ms !== ms || typeof cell === 'boolean') throw new InputError(MESSAGES.badAsOf[lang](cellText(cell) || String(cell)));
  return Math.floor(ms / DAY_MS);
}

/** Maps a single key or a 2-D range of keys through `one`, keeping the shape. */
function perKey(customer: unknown, one: (key: string) => Out): Out | Out[][] {
  const lookup = (cell: unknown): Out => {
    const key = normalizeKey(cell);
    return key === '' ? '' : one(key);
  };
  if (Array.isArray(customer)) {
    return customer.map((row: unknown) => (Array.isArray(row) ? row.map(lookup) : [lookup(row)]));
  }
  return lookup(customer);
}

/** The customer a key names: directly, or an e-mail address that the orders or the customers
 *  range link to an ID — so one person answers the same whichever way they are asked for. */
function findKey(a: Analysis, key: string): string {
  if (a.byKey.has(key)) return key;
  return a.orders.keyForEmail(key) ?? a.customers?.keyForEmail(key) ?? key;
}

function run(env: FunctionEnv, inputs: { orders: unknown; customers?: unknown; survey?: unknown }, asOf: unknown): Analysis {
  const ctx: AnalysisContext = { zone: env.zone, settings: env.settings, locale: env.locale };
  const lang = pickLang(env.settings.language, env.locale);
  const day = asOfDay(asOf, env, lang);
  return analyze(readInputs(inputs, ctx), day, env.settings);
}

const dateOut = (zone: Zone, day: Day | undefined): Out => (day === undefined ? '' : zone.midnight(day));

/** A table form: the header row, then a row per item (no blank or empty cell: `Out`, not `Cell`). */
function tableOut<R, C extends TableContext>(columns: ReadonlyArray<Column<R, C>>, rows: Iterable<R>, ctx: C): Out[][] {
  const out: Out[][] = [headerRow(columns, ctx)];
  for (const row of rows) out.push(valueRow(columns, row, ctx) as Out[]);
  return out;
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
  if (omitted(customer)) return tableOut(FANSTAGE_TABLE, rankedViews(a), { lang, zone: env.zone });
  return perKey(customer, (key) => {
    const view = a.byKey.get(findKey(a, key));
    return STAGE_LABELS[view?.stage.stage ?? 'noPurchase'][lang];
  });
}

/** `=LTVRANK(orders, [customer], [as_of])`. */
export function ltvRank(env: FunctionEnv, orders: unknown, customer?: unknown, asOf?: unknown): Result {
  const a = run(env, { orders }, asOf);
  const lang = a.lang;
  if (omitted(customer)) return tableOut(LTVRANK_TABLE, rankedViews(a), { lang, zone: env.zone });
  return perKey(customer, (key) => a.byKey.get(findKey(a, key))?.ranked?.rank ?? '');
}

/** Thrown when the orders hold too little data to fit the prediction; the message says why. */
export class NotEnoughDataError extends InputError {
  constructor(message: string) {
    super(message);
    this.name = 'NotEnoughDataError';
  }
}

/**
 * `=NEXTPURCHASE(orders, [customer], [as_of])` (issue 5): BG/NBD + Gamma-Gamma fitted on the
 * orders up to as_of. A key → the day by which its next purchase becomes more likely than not (a
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
  const read = readOrders(orders, { zone: env.zone, settings: env.settings, lang });
  const p = predictCustomers({ orders: read.orders, asOf: day });
  if (!p.verdict.ok) throw new NotEnoughDataError(p.verdict.message[lang]);
  if (omitted(customer)) {
    // Whole-yen shops get whole values; a shop with cents keeps them.
    const amountDigits = read.orders.every((o) => Number.isInteger(o.amount)) ? 0 : 2;
    return tableOut(NEXTPURCHASE_TABLE, p.rows, { lang, zone: env.zone, amountDigits });
  }
  return perKey(customer, (key) => {
    const r = p.byKey.get(key) ?? p.byKey.get(read.keyForEmail(key) ?? key);
    return dateOut(env.zone, r?.nextPurchaseDay);
  });
}

