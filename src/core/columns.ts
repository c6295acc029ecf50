/**
 * The output tables as lists of columns (src/core/grid.ts): the Customers and VIP tabs, the lists
 * of the Fan Funnel tab, and the tables the custom functions spill. A column is one entry — header
 * (its id in COLUMN_LABELS), number format, value — so a new column is one line here (and its words
 * in labels.ts, which the compiler asks for), and headers, values and formats cannot disagree.
 * The History tab's layout lives with History (src/core/history.ts).
 */
import type { CustomerView } from './analyze';
import type { Day } from './dates';
import type { Column, DatedContext, TableContext } from './grid';
import { STAGE_LABELS, TIER_LABELS, yesNo } from './labels';
import type { CustomerPrediction } from './predict/predict';
import type { ThisWeekEntry } from './thisWeek';
import { fillTemplate, groupDigits } from './ranking';
import { describeUnclassified } from './stages';
import type { Cell } from './values';

const opt = (v: number | undefined): Cell => (v === undefined ? '' : v);
const date = (ctx: DatedContext, day: Day | undefined): Cell => (day === undefined ? '' : ctx.zone.midnight(day));

// ---------------------------------------------------------------------------------------------
// One customer of the analysis per row: the Customers and VIP tabs, FANSTAGE and LTVRANK.

type CustomerColumn = Column<CustomerView, DatedContext>;

const customer: CustomerColumn = { header: 'customer', format: 'text', value: (v) => v.metrics.key };
const name: CustomerColumn = { header: 'name', format: 'text', value: (v) => v.metrics.name };
const stage: CustomerColumn = { header: 'stage', format: '', value: (v, c) => STAGE_LABELS[v.stage.stage][c.lang] };
const purchases: CustomerColumn = { header: 'purchases', format: 'integer', value: (v) => v.metrics.purchases };
const ltv: CustomerColumn = { header: 'ltv', format: 'yen', value: (v) => v.metrics.ltv };
const firstOrder: CustomerColumn = { header: 'firstOrder', format: 'date', value: (v, c) => date(c, v.metrics.firstOrder) };
const lastOrder: CustomerColumn = { header: 'lastOrder', format: 'date', value: (v, c) => date(c, v.metrics.lastOrder) };
const daysSinceLast: CustomerColumn = { header: 'daysSinceLast', format: 'integer', value: (v) => opt(v.metrics.daysSinceLast) };
const subscribed: CustomerColumn = { header: 'subscribed', format: '', value: (v, c) => yesNo(v.metrics.subscribed, c.lang) };
const positiveReactions: CustomerColumn = { header: 'positiveReactions', format: 'integer', value: (v) => v.metrics.positiveReactions };
const rank: CustomerColumn = { header: 'rank', format: 'integer', value: (v) => opt(v.ranked?.rank) };
const tierLabel = (v: CustomerView, c: TableContext): string => {
  const tier = v.ranked?.tier;
  return tier === undefined ? '' : TIER_LABELS[tier][c.lang];
};
const tier: CustomerColumn = { header: 'tier', format: '', value: tierLabel };
const vip: CustomerColumn = { header: 'vip', format: '', value: (v, c) => yesNo(v.ranked?.vip ?? false, c.lang) };

/** The Customers tab also shows each customer's prediction (blank when there is none). */
export interface CustomersContext extends DatedContext {
  readonly predictions: ReadonlyMap<string, CustomerPrediction>;
}

const predicted = (
  header: 'pAlive' | 'expected30' | 'expected90',
  format: 'percent' | 'decimal',
): Column<CustomerView, CustomersContext> => ({
  header,
  format,
  value: (v, c) => c.predictions.get(v.metrics.key)?.[header] ?? '',
});

/** The Customers tab: every metric of SPEC §2, stage and ranking, then the prediction. */
export const CUSTOMERS_TAB: ReadonlyArray<Column<CustomerView, CustomersContext>> = [
  customer,
  name,
  stage,
  purchases,
  ltv,
  firstOrder,
  lastOrder,
  daysSinceLast,
  subscribed,
  { header: 'registered', format: '', value: (v, c) => yesNo(v.metrics.registered, c.lang) },
  positiveReactions,
  { header: 'nps', format: 'integer', value: (v) => opt(v.metrics.nps) },
  rank,
  tier,
  vip,
  { header: 'whyUnclassified', format: 'text', value: (v, c) => describeUnclassified(v.stage, c.lang) },
  predicted('pAlive', 'percent'),
  predicted('expected30', 'decimal'),
  predicted('expected90', 'decimal'),
  { header: 'nextPurchase', format: 'date', value: (v, c) => date(c, c.predictions.get(v.metrics.key)?.nextPurchaseDay) },
  { header: 'value12m', format: 'yen', value: (v, c) => opt(c.predictions.get(v.metrics.key)?.value12m) },
];

/** The VIP tab fills the owner's thank-you template (seed 003) in its language. */
export interface VipContext extends DatedContext {
  readonly template: string;
}

/** The VIP tab: the VIP list with tier and the thank-you message. */
export const VIP_TAB: ReadonlyArray<Column<CustomerView, VipContext>> = [
  rank,
  customer,
  name,
  ltv,
  purchases,
  lastOrder,
  tier,
  stage,
  {
    header: 'message',
    format: 'text',
    value: (v, c) =>
      fillTemplate(c.template, {
        name: v.metrics.name || v.metrics.key,
        ltv: groupDigits(v.metrics.ltv),
        purchases: String(v.metrics.purchases),
        tier: tierLabel(v, c),
      }),
  },
];

/** `=FANSTAGE(orders)`: customer, stage, purchases, LTV, last order, days since last, subscribed,
 *  positive reactions (SPEC §5). */
export const FANSTAGE_TABLE: readonly CustomerColumn[] = [
  customer,
  stage,
  purchases,
  ltv,
  lastOrder,
  daysSinceLast,
  subscribed,
  positiveReactions,
];

/** `=LTVRANK(orders)`: rank, customer, LTV, purchases, last order, tier, VIP (SPEC §5). */
export const LTVRANK_TABLE: readonly CustomerColumn[] = [rank, customer, ltv, purchases, lastOrder, tier, vip];

// ---------------------------------------------------------------------------------------------
// One prediction per row: NEXTPURCHASE and the Fan Funnel tab's lists (seed 000).

/** NEXTPURCHASE rounds what it returns; amounts to whole yen unless the shop has cents. */
export interface NextPurchaseContext extends DatedContext {
  readonly amountDigits: number;
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/** `=NEXTPURCHASE(orders)`: customer, P(alive), expected purchases in 90 days, next purchase by,
 *  12-month value (issue 5). */
export const NEXTPURCHASE_TABLE: ReadonlyArray<Column<CustomerPrediction, NextPurchaseContext>> = [
  { header: 'customer', format: 'text', value: (r) => r.key },
  { header: 'pAlive', format: 'percent', value: (r) => round(r.pAlive, 4) },
  { header: 'expected90', format: 'decimal', value: (r) => round(r.expected90, 2) },
  { header: 'nextPurchase', format: 'date', value: (r, c) => date(c, r.nextPurchaseDay) },
  { header: 'value12m', format: 'yen', value: (r, c) => (r.value12m === undefined ? '' : round(r.value12m, c.amountDigits)) },
];

/** The Fan Funnel tab's lists name each customer and their stage from the analysis. */
export interface FunnelListContext extends DatedContext {
  readonly customer: (key: string) => CustomerView | undefined;
}

/** The columns that say who a row of a list is: customer, name, stage. */
function whoColumns<R extends { readonly key: string }>(): Array<Column<R, FunnelListContext>> {
  return [
    { header: 'customer', format: 'text', value: (r) => r.key },
    { header: 'name', format: 'text', value: (r, c) => c.customer(r.key)?.metrics.name ?? '' },
    {
      header: 'stage',
      format: '',
      value: (r, c) => {
        const v = c.customer(r.key);
        return v === undefined ? '' : STAGE_LABELS[v.stage.stage][c.lang];
      },
    },
  ];
}

/** Likely to buy within 14 days, and dormant customers worth winning back. */
export const PREDICTION_LIST: ReadonlyArray<Column<CustomerPrediction, FunnelListContext>> = [
  ...whoColumns<CustomerPrediction>(),
  { header: 'buySoon', format: 'percent', value: (r) => r.pBuySoon },
  { header: 'pAlive', format: 'percent', value: (r) => r.pAlive },
  { header: 'expected90', format: 'decimal', value: (r) => r.expected90 },
  { header: 'nextPurchase', format: 'date', value: (r, c) => date(c, r.nextPurchaseDay) },
  { header: 'value12m', format: 'yen', value: (r) => opt(r.value12m) },
];

/** A list of the week (src/core/thisWeek.ts) in full: who, and why they are on it. */
export const REASON_LIST: ReadonlyArray<Column<ThisWeekEntry, FunnelListContext>> = [
  ...whoColumns<ThisWeekEntry>(),
  { header: 'reason', format: 'text', value: (e) => e.reason },
];
