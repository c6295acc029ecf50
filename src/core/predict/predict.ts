/**
 * Next-purchase prediction for the product (seed 000, measure 4; issue 5): from a shop's orders,
 * as of a day, each customer's P(alive), expected purchases in the next 30 and 90 days, the day
 * by which a next purchase becomes more likely than not, and a 12-month value — plus the lists the
 * Fan Funnel tab shows: who is likely to buy in the next 14 days, the Dormant customers most worth
 * winning back, and the birthdays of the coming week.
 *
 * Which model makes the predictions is decided by the backtest (backtest.ts, issue 15): BG/NBD,
 * unless Pareto/NBD or MBG/NBD predicted the last H days (90) clearly better.
 *
 * Time is in days here (see rfm.ts): orders are dated to the day and every horizon the owner sees
 * is in days. With too little data, or a fit that is not a trustworthy optimum, the result says so
 * (a verdict with a reason in ja/en) and carries no numbers: a prediction from a model that could
 * not be fitted would look as precise as a good one.
 */
import type { Analysis } from '../analyze';
import { DAY_MS, dayFromCivil, type Day } from '../dates';
import { PREDICT_MESSAGES, type StageId } from '../labels';
import { compareCodePoints } from '../ranking';
import { backtest, type Backtest } from './backtest';
import type { BgNbdFit } from './bgnbd';
import { discountedPurchases } from './clv';
import { expectedSpend, fitGammaGamma, type GammaGammaFit } from './gammaGamma';
import { DEFAULT_MODEL, fitModel, type FittedModel, type ModelId } from './models';
import { compressRfm, customerDays, summarizeDays, type CustomerSummary, type Transaction } from './rfm';
// Globals bound once in the module (see special.ts: Jest's vm context taxes each global lookup).
const { Math } = globalThis;

export interface PredictOptions {
  /** Fewer customers than this with a repeat purchase: too little data to fit (issue 5: 50). */
  readonly minRepeatBuyers: number;
  /** The "likely to buy soon" window, in days. */
  readonly soonDays: number;
  /** …and the probability of a purchase in that window a customer needs to be listed. */
  readonly soonMinProbability: number;
  /** Longest list (buy soon, win-back). */
  readonly listSize: number;
  /** Horizon of the predicted value, in days (12 months). */
  readonly valueHorizonDays: number;
  /** Share of revenue that is profit; 1 = the value is revenue. */
  readonly margin: number;
  /** Yearly discount rate of the value; 0 = undiscounted. */
  readonly annualDiscountRate: number;
  /** The backtest's holdout period H, in days (issue 15); 0 skips it and predicts with `model`. */
  readonly holdoutDays: number;
  /** The model when the backtest is skipped: NEXTPURCHASE passes the one the last refresh chose. */
  readonly model: ModelId;
}

export const DEFAULT_PREDICT_OPTIONS: PredictOptions = {
  minRepeatBuyers: 50,
  soonDays: 14,
  soonMinProbability: 0.25,
  listSize: 50,
  valueHorizonDays: 365,
  margin: 1,
  annualDiscountRate: 0,
  holdoutDays: 90,
  model: DEFAULT_MODEL,
};

type Text = { readonly ja: string; readonly en: string };

export type Verdict =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'fewRepeatBuyers' | 'notConverged'; readonly message: Text };

export interface CustomerPrediction {
  readonly key: string;
  /** Days with a purchase, the first included. */
  readonly transactions: number;
  readonly firstDay: Day;
  readonly lastDay: Day;
  /** P(the customer is still active), BG/NBD. */
  readonly pAlive: number;
  readonly expected30: number;
  readonly expected90: number;
  /** P(at least one purchase in the next `soonDays` days). */
  readonly pBuySoon: number;
  /** The day by which a next purchase is more likely than not; undefined when that is not
   *  within the value horizon (or never: P(alive) ≤ ½). */
  readonly nextPurchaseDay: Day | undefined;
  /** Median days to the next purchase if the customer is still active. */
  readonly medianDaysIfAlive: number;
  /** Expected spend per purchase (Gamma-Gamma); undefined when the spend model is unavailable. */
  readonly expectedSpend: number | undefined;
  /** Expected purchases over the value horizon × expected spend × margin, discounted. */
  readonly value12m: number | undefined;
}

export interface BirthdayRow {
  readonly key: string;
  /** The birthday as given (its year may be a placeholder). */
  readonly birthday: Day;
  /** The coming birthday: on or after the as-of day, within BIRTHDAY_WINDOW_DAYS (29 Feb → 28 Feb
   *  in a common year). Next year's when the window crosses New Year. */
  readonly upcoming: Day;
  /** The customer's prediction, when they have purchases and the model was fitted. */
  readonly prediction: CustomerPrediction | undefined;
}

export interface PredictionResult {
  readonly asOf: Day;
  /** Customers with a purchase on or before asOf. */
  readonly customers: number;
  readonly repeatBuyers: number;
  readonly verdict: Verdict;
  /** The spend model's own verdict: when it fails, counts are still shown and values are blank. */
  readonly spendVerdict: Verdict;
  /** How each model predicted the last H days, and which one is used. */
  readonly backtest: Backtest;
  /** The model the numbers come from, fitted on all the orders up to asOf; undefined when none
   *  could be (too little data, or no converged fit). */
  readonly model: FittedModel | undefined;
  /** The model's BG/NBD fit, when the model in use is BG/NBD. */
  readonly bgnbd: BgNbdFit | undefined;
  readonly gammaGamma: GammaGammaFit | undefined;
  /** One row per customer with a purchase, highest 12-month value first; empty unless verdict.ok. */
  readonly rows: readonly CustomerPrediction[];
  readonly byKey: ReadonlyMap<string, CustomerPrediction>;
  /** Customers likely to buy within `soonDays`, most likely first. */
  readonly buySoon: readonly CustomerPrediction[];
  /** Dormant customers by predicted 12-month value (or expected purchases), highest first. */
  readonly winBack: readonly CustomerPrediction[];
  /** Birthdays in the BIRTHDAY_WINDOW_DAYS days from the as-of day (inclusive), soonest first;
   *  undefined when no birthdays were given. Available whatever the verdict: they need no model.
   *  Not the as-of month's: on the 31st that list held a month of birthdays already passed. */
  readonly birthdays: readonly BirthdayRow[] | undefined;
  readonly options: PredictOptions;
}

export interface PredictInput {
  readonly orders: Iterable<Transaction>;
  readonly asOf: Day;
  /** Fan stage per customer as of `asOf`, for the Dormant win-back list. */
  readonly stages?: ReadonlyMap<string, StageId>;
  /** Birthday per customer, when the customers range has a birthday column. */
  readonly birthdays?: ReadonlyMap<string, Day>;
  readonly options?: Partial<PredictOptions>;
}

/** The verdict's message in one language; undefined when the prediction is available. */
export function verdictMessage(v: Verdict, lang: 'ja' | 'en'): string | undefined {
  return v.ok ? undefined : v.message[lang];
}

export function predictCustomers(input: PredictInput): PredictionResult {
  const options = { ...DEFAULT_PREDICT_OPTIONS, ...input.options };
  const { asOf } = input;
  const days = customerDays(input.orders, asOf);
  const summaries = summarizeDays(days, { asOf });
  const repeatBuyers = summaries.reduce((n, s) => n + (s.x > 0 ? 1 : 0), 0);
  const birthdays = input.birthdays === undefined ? undefined : (byKey: ReadonlyMap<string, CustomerPrediction>) => birthdaysOf(input.birthdays!, asOf, byKey);
  const empty = new Map<string, CustomerPrediction>();
  const tested = backtest(days, asOf, { holdoutDays: options.holdoutDays, minRepeatBuyers: options.minRepeatBuyers });
  const base = { asOf, customers: summaries.length, repeatBuyers, options, backtest: tested };
  const none = { rows: [], byKey: empty, buySoon: [], winBack: [], birthdays: birthdays?.(empty) };

  if (repeatBuyers < options.minRepeatBuyers) {
    const verdict: Verdict = {
      ok: false,
      reason: 'fewRepeatBuyers',
      message: {
        ja: PREDICT_MESSAGES.fewRepeatBuyers.ja(repeatBuyers, options.minRepeatBuyers),
        en: PREDICT_MESSAGES.fewRepeatBuyers.en(repeatBuyers, options.minRepeatBuyers),
      },
    };
    return { ...base, verdict, spendVerdict: verdict, model: undefined, bgnbd: undefined, gammaGamma: undefined, ...none };
  }

  // The model the backtest chose, fitted on everything up to asOf — from where its fit on the
  // orders before the holdout ended (the same customers but the newest, 90 days less) — and
  // BG/NBD if that fit fails.
  const chosen = tested.ok ? tested.chosen : tested.reason === 'off' ? options.model : DEFAULT_MODEL;
  let model = fitModel(chosen, summaries, tested.ok ? tested.scores.find((x) => x.id === chosen)!.model : undefined);
  if (!model.fit.converged && model.id !== DEFAULT_MODEL) model = fitModel(DEFAULT_MODEL, summaries);
  const bgnbd = model.id === 'bgnbd' ? model.fit : undefined;
  if (!model.fit.converged) {
    const verdict: Verdict = { ok: false, reason: 'notConverged', message: PREDICT_MESSAGES.notConverged };
    return { ...base, verdict, spendVerdict: verdict, model: undefined, bgnbd, gammaGamma: undefined, ...none };
  }

  // Spend: the customers with a positive mean repeat spend; the others are predicted at the
  // population mean (as a customer with no repeat purchase is).
  const spenders = summaries.filter((s) => s.x > 0 && s.zbar > 0).length;
  let gammaGamma: GammaGammaFit | undefined;
  let spendVerdict: Verdict;
  if (spenders < options.minRepeatBuyers) {
    spendVerdict = {
      ok: false,
      reason: 'fewRepeatBuyers',
      message: {
        ja: PREDICT_MESSAGES.spendFewBuyers.ja(spenders, options.minRepeatBuyers),
        en: PREDICT_MESSAGES.spendFewBuyers.en(spenders, options.minRepeatBuyers),
      },
    };
  } else {
    gammaGamma = fitGammaGamma(summaries);
    spendVerdict = gammaGamma.converged ? { ok: true } : { ok: false, reason: 'notConverged', message: PREDICT_MESSAGES.spendNotConverged };
  }

  const gg = spendVerdict.ok ? gammaGamma!.params : undefined;
  // Customers with the same (x, t_x, T) — many, counted in days — get the same counts.
  const groups = compressRfm(summaries);
  const memo = new Array<(Omit<CustomerPrediction, 'key' | 'transactions' | 'firstDay' | 'lastDay' | 'expectedSpend' | 'value12m'> & { purchases: number }) | undefined>(groups.x.length);
  const rows: CustomerPrediction[] = [];
  summaries.forEach((s, i) => {
    const g = groups.rowOf[i]!;
    let m = memo[g];
    if (m === undefined) {
      const toNext = model.timeToProbability(s, 0.5);
      m = {
        pAlive: model.pAlive(s),
        expected30: model.expected(s, 30),
        expected90: model.expected(s, 90),
        pBuySoon: model.probWithin(s, options.soonDays),
        nextPurchaseDay: toNext <= options.valueHorizonDays ? asOf + Math.max(1, Math.ceil(toNext)) : undefined,
        medianDaysIfAlive: model.medianIfAlive(s),
        purchases: discountedPurchases((t) => model.expected(s, t), {
          horizon: options.valueHorizonDays,
          annualDiscountRate: options.annualDiscountRate,
          unitsPerYear: 365,
        }),
      };
      memo[g] = m;
    }
    const { purchases, ...counts } = m;
    let spend: number | undefined;
    let value: number | undefined;
    if (gg !== undefined) {
      // A repeat buyer whose repeat days net to nothing (refunded) tells nothing about spend:
      // predicted at the population mean, as a customer with no repeat purchase is.
      spend = expectedSpend(gg, s.zbar > 0 ? s : { x: 0, zbar: 0 });
      value = options.margin * spend * purchases;
    }
    rows.push({ key: s.key, transactions: s.transactions, firstDay: s.firstDay, lastDay: s.lastDay, ...counts, expectedSpend: spend, value12m: value });
  });
  rows.sort(byValue);
  const byKey = new Map(rows.map((r) => [r.key, r]));

  const buySoon = rows
    .filter((r) => r.pBuySoon >= options.soonMinProbability)
    .sort((p, q) => q.pBuySoon - p.pBuySoon || cmpKey(p.key, q.key))
    .slice(0, options.listSize);
  const stages = input.stages;
  const winBack = stages === undefined ? [] : rows.filter((r) => stages.get(r.key) === 'dormant').slice(0, options.listSize);

  return { ...base, verdict: { ok: true }, spendVerdict, model, bgnbd, gammaGamma, rows, byKey, buySoon, winBack, birthdays: birthdays?.(byKey) };
}

/**
 * The prediction for a refresh: orders, stages and birthdays taken from the analysis of the same
 * day, so the tabs and the prediction describe the same customers.
 */
export function predictFromAnalysis(a: Analysis, options?: Partial<PredictOptions>): PredictionResult {
  const stages = new Map<string, StageId>();
  const birthdays = new Map<string, Day>();
  for (const [key, view] of a.byKey) {
    stages.set(key, view.stage.stage);
    if (view.metrics.birthday !== undefined) birthdays.set(key, view.metrics.birthday);
  }
  return predictCustomers({
    orders: a.orders.orders,
    asOf: a.asOf,
    stages,
    birthdays: a.customers?.hasBirthday ? birthdays : undefined,
    options,
  });
}

/** Ties go by customer key in the one key order of every ranking: code points (SPEC §4). */
const cmpKey = compareCodePoints;

/** Highest 12-month value first (blank values last), then expected purchases, then key. */
function byValue(p: CustomerPrediction, q: CustomerPrediction): number {
  const vp = p.value12m ?? -Infinity;
  const vq = q.value12m ?? -Infinity;
  return vq - vp || q.expected90 - p.expected90 || cmpKey(p.key, q.key);
}

function civil(day: Day): { year: number; month: number; dom: number } {
  const d = new Date(day * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, dom: d.getUTCDate() };
}

/** "Birthdays this week": the as-of day and the six after it. */
export const BIRTHDAY_WINDOW_DAYS = 7;

const leap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** A birthday's day in a given year: 29 February is kept on the 28th in a common year. */
function birthdayIn(year: number, birthday: Day): Day {
  const b = civil(birthday);
  const dom = b.month === 2 && b.dom === 29 && !leap(year) ? 28 : b.dom;
  return dayFromCivil(year, b.month, dom);
}

/** The first birthday on or after `asOf` (this year's, else next year's). */
export function nextBirthday(birthday: Day, asOf: Day): Day {
  const year = civil(asOf).year;
  const thisYear = birthdayIn(year, birthday);
  return thisYear >= asOf ? thisYear : birthdayIn(year + 1, birthday);
}

/** Birthdays from the as-of day through the next BIRTHDAY_WINDOW_DAYS − 1 days, soonest first, then by key. */
function birthdaysOf(birthdays: ReadonlyMap<string, Day>, asOf: Day, byKey: ReadonlyMap<string, CustomerPrediction>): BirthdayRow[] {
  const out: BirthdayRow[] = [];
  for (const [key, birthday] of birthdays) {
    const upcoming = nextBirthday(birthday, asOf);
    if (upcoming - asOf >= BIRTHDAY_WINDOW_DAYS) continue;
    out.push({ key, birthday, upcoming, prediction: byKey.get(key) });
  }
  return out.sort((p, q) => p.upcoming - q.upcoming || cmpKey(p.key, q.key));
}

export type { CustomerSummary };
