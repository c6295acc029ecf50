/**
 * The add-on's tabs as plain grids (SPEC §6): values and number formats of the same shape, built
 * from an analysis. The tables in them are lists of columns (src/core/columns.ts); the History
 * tab is built by src/core/history.ts.
 */
import type { Analysis } from './analyze';
import { BIRTHDAY_LIST, CUSTOMERS_TAB, PREDICTION_LIST, VIP_TAB, type FunnelListContext } from './columns';
import { formatDay, type Day, type Zone } from './dates';
import { GridBuilder, type Grid, type NumberFormat } from './grid';
import { FUNCTION_TEXT, PREDICT_LABELS, STAGE_LABELS, TAB_TEXT, type Lang } from './labels';
import {
  LTV_BANDS,
  NPS_SEGMENTS,
  PURCHASE_BANDS,
  type FanMatrix,
  type StageSummary,
  type Transitions,
} from './funnel';
import { compareCodePoints, groupDigits } from './ranking';
import type { Settings } from './settings';
import type { Cell } from './values';
import { verdictMessage, type PredictionResult } from './predict/predict';

const opt = (v: number | undefined): Cell => (v === undefined ? '' : v);

// ---------------------------------------------------------------------------------------------

export interface FunnelTabInput {
  readonly analysis: Analysis;
  readonly zone: Zone;
  readonly refreshedAt: number;
  readonly summary: readonly StageSummary[];
  readonly transitions: Transitions | undefined;
  readonly baselineDay: Day | undefined;
  readonly fan: FanMatrix;
  readonly emotion: number[][];
  readonly prediction: PredictionResult;
}

/** Where the stage table starts (0-based row), so the writer can anchor the chart beside it. */
export const FUNNEL_STAGE_TABLE_ROW = 5;
/** The as-of date's cell (0-based), which the refresh names FanFunnelAsOf for the formulas. */
export const FUNNEL_AS_OF_CELL = { row: 1, column: 1 } as const;

export function funnelGrid(input: FunnelTabInput): Grid {
  const { analysis: a, zone } = input;
  const lang = a.lang;
  const t = TAB_TEXT;
  const g = new GridBuilder();
  g.line([t.title[lang]], [], true);
  g.line([t.asOf[lang], zone.midnight(a.asOf), t.refreshedAt[lang], new Date(input.refreshedAt)], ['', 'date', '', 'datetime']);
  g.line(
    [t.rowsRead[lang], a.orders.rows, t.rowsSkipped[lang], a.skipped.length, t.ordersCancelled[lang], a.orders.cancelled, t.laterOrders[lang], a.metrics.laterOrders],
    ['', 'integer', '', 'integer', '', 'integer', '', 'integer'],
  );
  g.line(readingNotes(a, lang));
  g.blank();

  // Per stage.
  g.line([t.stage[lang], t.customers[lang], t.share[lang], t.revenue[lang], t.averageLtv[lang], t.nps[lang], t.change[lang]], [], true);
  const stageFormats: NumberFormat[] = ['', 'integer', 'percent', 'yen', 'yen', 'decimal', 'integer'];
  for (const s of input.summary) {
    g.line([STAGE_LABELS[s.stage][lang], s.customers, s.share, s.revenue, opt(s.averageLtv), opt(s.nps), opt(s.change)], stageFormats);
  }
  const customers = input.summary.reduce((n, s) => n + s.customers, 0);
  const revenue = input.summary.reduce((n, s) => n + s.revenue, 0);
  g.line([t.total[lang], customers, customers === 0 ? 0 : 1, revenue, customers === 0 ? '' : revenue / customers], stageFormats, true);
  g.blank();

  // Transitions since the baseline snapshot.
  const tr = input.transitions;
  if (tr === undefined || input.baselineDay === undefined) {
    g.line([t.noBaseline[lang]]);
  } else {
    g.line([t.transitions[lang](formatDay(input.baselineDay))], [], true);
    g.line([t.fromTo[lang], ...tr.to.map((s) => STAGE_LABELS[s][lang])], [], true);
    tr.from.forEach((f, i) => {
      const label = f === 'new' ? t.newCustomer[lang] : STAGE_LABELS[f][lang];
      g.line([label, ...tr.counts[i]!], ['', ...tr.to.map((): NumberFormat => 'integer')]);
    });
    g.blank();
    g.line([t.targets[lang], t.from[lang], t.to[lang], t.moved[lang], t.base[lang], t.rate[lang]], [], true);
    for (const x of tr.targets) {
      g.line(['', STAGE_LABELS[x.from][lang], STAGE_LABELS[x.to][lang], x.moved, x.base, opt(x.rate)], ['', '', '', 'integer', 'integer', 'percent']);
    }
  }
  g.blank();

  // Fan matrix (seed 003) and emotion matrix (seed 000).
  const bandLabels = LTV_BANDS.map((lo, i) => ltvBandLabel(lo, LTV_BANDS[i + 1]));
  const purchaseLabel = (b: string) => t.times[lang](b);
  const matrix = (title: string, columns: string[], rows: number[][], format: NumberFormat) => {
    g.line([title], [], true);
    g.line([t.purchases[lang], ...columns, t.total[lang]], [], true);
    rows.forEach((r, i) => {
      g.line([purchaseLabel(PURCHASE_BANDS[i]!), ...r, r.reduce((x, y) => x + y, 0)], ['', ...r.map(() => format), format]);
    });
    g.blank();
  };
  matrix(t.fanMatrix[lang], bandLabels, input.fan.customers, 'integer');
  matrix(t.fanMatrixRevenue[lang], bandLabels, input.fan.revenue, 'yen');
  const segmentLabels = NPS_SEGMENTS.map((s) => (s === 'none' ? t.noAnswer[lang] : t[s][lang]));
  matrix(t.emotionMatrix[lang], segmentLabels, input.emotion, 'integer');
  predictionSections(g, a, zone, input.prediction);
  return g.build();
}

/**
 * Seed 000's third and fourth measures: who to approach now (likely to buy within 14 days), which
 * dormant customers are worth winning back, and this month's birthdays — or, with too little data,
 * a plain statement instead of numbers.
 */
function predictionSections(g: GridBuilder, a: Analysis, zone: Zone, p: PredictionResult): void {
  const lang = a.lang;
  const L = PREDICT_LABELS;
  const ctx: FunnelListContext = { lang, zone, customer: (key) => a.byKey.get(key) };
  const message = verdictMessage(p.verdict, lang);
  if (message !== undefined) {
    g.line([L.buySoonTitle[lang]], [], true);
    g.line([message]);
    g.blank();
  } else {
    const spend = verdictMessage(p.spendVerdict, lang);
    g.line([L.buySoonTitle[lang]], [], true).table(PREDICTION_LIST, p.buySoon, ctx).blank();
    g.line([L.winBackTitle[lang]], [], true).table(PREDICTION_LIST, p.winBack, ctx).blank();
    g.line([L.nextPurchaseNote[lang]]);
    if (spend !== undefined) g.line([spend]);
    g.blank();
  }
  if (p.birthdays !== undefined) g.line([L.birthdaysTitle[lang]], [], true).table(BIRTHDAY_LIST, p.birthdays, ctx);
}

/** What the owner must know about how the orders were read: registration assumed, customers told
 *  apart by name (WooCommerce Analytics has neither ID nor e-mail) — one line, above the stages. */
function readingNotes(a: Analysis, lang: Lang): Cell[] {
  const notes: string[] = [];
  if (a.metrics.registration === 'assumed') notes.push(TAB_TEXT.registrationAssumed[lang]);
  if (a.orders.keyKind === 'name') notes.push(FUNCTION_TEXT.keyedByName[lang]);
  return notes.length === 0 ? [] : [notes.join(lang === 'ja' ? '　' : ' ')];
}

function ltvBandLabel(lo: number, hi: number | undefined): string {
  const yen = (n: number) => `¥${groupDigits(n)}`;
  if (lo === -Infinity) return `< ${yen(hi!)}`;
  if (hi === undefined) return `≥ ${yen(lo)}`;
  return `${yen(lo)}–${yen(hi)}`;
}

// ---------------------------------------------------------------------------------------------

/** Every customer: buyers in ranking order, then those known only from the customers range. */
export function customersGrid(a: Analysis, zone: Zone, p: PredictionResult): Grid {
  const views = [...a.byKey.values()].sort((x, y) => {
    const rx = x.ranked?.rank ?? Infinity;
    const ry = y.ranked?.rank ?? Infinity;
    return rx !== ry ? rx - ry : compareCodePoints(x.metrics.key, y.metrics.key);
  });
  return new GridBuilder().table(CUSTOMERS_TAB, views, { lang: a.lang, zone, predictions: p.byKey }).build(1);
}

/** The VIP list with tier and the thank-you message (seed 003). */
export function vipGrid(a: Analysis, zone: Zone, settings: Settings): Grid {
  const vips = a.ranking.filter((r) => r.vip).map((r) => a.byKey.get(r.customer.key)!);
  return new GridBuilder().table(VIP_TAB, vips, { lang: a.lang, zone, template: settings.messageTemplate[a.lang] }).build(1);
}
