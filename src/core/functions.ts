/**
 * What the custom functions return, as plain values in Sheets' shapes (SPEC §5). The Apps Script
 * layer only supplies the environment (zone, locale, clock, settings) and calls these.
 *
 * Argument shapes: a single key → one value; a range of keys (2-D array) → the same shape, blank
 * keys giving blanks; an omitted key (`undefined` / `null`) → the whole table with a header row.
 * `''` is a blank key, not an omitted one, so a formula filled down a column never spills a table.
 */
import { analyze, readInputs, type Analysis, type AnalysisContext } from './analyze';
import type { Day, Zone } from './dates';
import { FANSTAGE_HEADERS, LTVRANK_HEADERS, MESSAGES, STAGE_LABELS, TIER_LABELS, pickLang, type Lang } from './labels';
import { InputError } from './orders';
import type { Settings } from './settings';
import { cellText, isBlank, normalizeKey, parseLocalMs, type Cell } from './values';
import { DAY_MS } from './dates';

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
    else throw new InputError(MESSAGES.badAsOf[lang]('(range)'));
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
  if (omitted(customer)) {
    const rows: Out[][] = [[...FANSTAGE_HEADERS[lang]]];
    for (const r of a.ranking) {
      const m = r.customer;
      const stage = a.byKey.get(m.key)!.stage.stage;
      rows.push([
        m.key,
        STAGE_LABELS[stage][lang],
        m.purchases,
        m.ltv,
        dateOut(env.zone, m.lastOrder),
        m.daysSinceLast ?? '',
        m.subscribed,
        m.positiveReactions,
      ]);
    }
    return rows;
  }
  return perKey(customer, (key) => {
    const view = a.byKey.get(findKey(a, key));
    return STAGE_LABELS[view?.stage.stage ?? 'noPurchase'][lang];
  });
}

/** `=LTVRANK(orders, [customer], [as_of])`. */
export function ltvRank(env: FunctionEnv, orders: unknown, customer?: unknown, asOf?: unknown): Result {
  const a = run(env, { orders }, asOf);
  const lang = a.lang;
  if (omitted(customer)) {
    const rows: Out[][] = [[...LTVRANK_HEADERS[lang]]];
    for (const r of a.ranking) {
      const m = r.customer;
      rows.push([
        r.rank,
        m.key,
        m.ltv,
        m.purchases,
        dateOut(env.zone, m.lastOrder),
        r.tier === undefined ? '' : TIER_LABELS[r.tier][lang],
        r.vip,
      ]);
    }
    return rows;
  }
  return perKey(customer, (key) => a.byKey.get(findKey(a, key))?.ranked?.rank ?? '');
}

export type { Cell };
