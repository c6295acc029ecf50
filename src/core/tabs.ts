/**
 * The add-on's tabs as plain grids (SPEC §6): values and number formats of the same shape, built
 * from an analysis. The tables in them are lists of columns (src/core/columns.ts); the History
 * tab is built by src/core/history.ts.
 */
import { accuracySection, type AccuracyTable } from './accuracy';
import type { Analysis } from './analyze';
import { CUSTOMERS_TAB, PREDICTION_LIST, REASON_LIST, VIP_TAB, type FunnelListContext } from './columns';
import { formatDay, type Day, type Zone } from './dates';
import { GridBuilder, type Grid, type NumberFormat } from './grid';
import { CAMPAIGN_TEXT, FUNCTION_TEXT, PREDICT_LABELS, STAGE_LABELS, TAB_NAMES, TAB_TEXT, THIS_WEEK_TEXT, type Lang, type TabId } from './labels';
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
import { THIS_WEEK_SHOWN, moreText, notesOnce, vipRuleText, type ThisWeek, type ThisWeekListId } from './thisWeek';

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
  readonly thisWeek: ThisWeek;
  /** 施策 (issue 14): a line per recent campaign and its verdict; absent when there is none. */
  readonly campaigns?: { readonly total: number; readonly lines: ReadonlyArray<{ readonly text: string; readonly verdict: string }> } | undefined;
}

/** The as-of date's cell (0-based), which the refresh names FanFunnelAsOf for the formulas. */
export const FUNNEL_AS_OF_CELL = { row: 1, column: 1 } as const;

/**
 * The funnel tab's column widths in pixels (issue 17): a narrow label column, so that the stage
 * table's seven columns (stage … 前回比) fit beside Sheets' row numbers and a 300 px sidebar on a
 * 1366 × 768 screen: 46 + 120 + 6 × 100 = 766 px of the about 1,000 left. Set every refresh, so a
 * column an older version (or a double-click) widened comes back.
 */
export const FUNNEL_COLUMN_WIDTHS: readonly number[] = [120, 100, 100, 100, 100, 100, 100, 100];
/** The column (1-based) the stage chart is placed in, right of the stage table. */
export const FUNNEL_CHART_COLUMN = 9;

export interface FunnelTab {
  readonly grid: Grid;
  /** Where the stage table starts (0-based row in the grid), so the writer can anchor the chart beside it. */
  readonly stageTableRow: number;
  /** Where its 予測の確かさ table is (for the chart beside it), when there is one. */
  readonly accuracyTable: AccuracyTable | undefined;
}

/**
 * The funnel tab, top to bottom: what was read; 今週やること (this week's short lists); the stage
 * table (the chart beside it); the full action lists; the transitions; the matrices.
 */
export function funnelGrid(input: FunnelTabInput): FunnelTab {
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

  thisWeekSection(g, input.thisWeek);
  if (input.campaigns !== undefined && input.campaigns.total > 0) {
    g.line([CAMPAIGN_TEXT.funnelSection[lang](input.campaigns.total)], [], true);
    for (const c of input.campaigns.lines) g.line(c.verdict === '' ? ['', c.text] : [c.verdict, c.text]);
    g.blank();
  }

  // Per stage.
  const stageTableRow = g.rows;
  g.line([t.stage[lang], t.customers[lang], t.share[lang], t.revenue[lang], t.averageLtv[lang], t.nps[lang], t.change[lang]], [], true);
  const stageFormats: NumberFormat[] = ['', 'integer', 'percent', 'yen', 'yen', 'decimal', 'integer'];
  for (const s of input.summary) {
    g.line([STAGE_LABELS[s.stage][lang], s.customers, s.share, s.revenue, opt(s.averageLtv), opt(s.nps), opt(s.change)], stageFormats);
  }
  const customers = input.summary.reduce((n, s) => n + s.customers, 0);
  const revenue = input.summary.reduce((n, s) => n + s.revenue, 0);
  g.line([t.total[lang], customers, customers === 0 ? 0 : 1, revenue, customers === 0 ? '' : revenue / customers], stageFormats, true);
  g.blank();

  // The action lists in full, before the matrices (issue 17).
  actionLists(g, a, zone, input.prediction, input.thisWeek);

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
  const p = input.prediction;
  const accuracyTable = accuracySection(g, p.backtest, lang, p.model?.id);
  return { grid: { ...g.build(), columnWidths: FUNNEL_COLUMN_WIDTHS }, stageTableRow, accuracyTable };
}

/**
 * 今週やること: each list's title with its size, its first entries (name, reason), and "他 N人"
 * saying where the rest are — or, for an empty list, why it is empty and what would fill it.
 */
function thisWeekSection(g: GridBuilder, w: ThisWeek): void {
  const lang = w.lang;
  g.line([w.title], [], true);
  const notes = notesOnce(w.lists);
  w.lists.forEach((l, i) => {
    g.line([`${l.title}: ${l.entries.length}${lang === 'ja' ? '人' : ''}`], [], true);
    if (l.empty !== undefined) g.line(['', l.empty]);
    for (const e of l.entries.slice(0, THIS_WEEK_SHOWN)) g.line([e.name || e.key, e.reason], ['text', '']);
    const more = moreText(l, lang);
    if (more !== undefined) g.line(['', more]);
    if (notes[i] !== undefined) g.line(['', notes[i]!]);
  });
  g.blank();
}

/** Rows of a full list since the last snapshot; the rest is on the tab that shows them all. */
const FULL_LIST_CAP = 100;
const FULL_LIST_ELSEWHERE: Partial<Record<ThisWeekListId, TabId>> = { newVips: 'vip', movedUp: 'history' };

/**
 * Seed 000's third and fourth measures and the week's lists, each in full: who to approach now,
 * who is worth winning back (the model's numbers when it could be fitted), the coming birthdays,
 * the new VIPs and the customers who moved up. An empty list keeps its heading and says why.
 */
function actionLists(g: GridBuilder, a: Analysis, zone: Zone, p: PredictionResult, w: ThisWeek): void {
  const lang = a.lang;
  const ctx: FunnelListContext = { lang, zone, customer: (key) => a.byKey.get(key) };
  const notes = notesOnce(w.lists);
  w.lists.forEach((l, i) => {
    g.line([THIS_WEEK_TEXT.allOf[lang](l.title)], [], true);
    if (l.empty !== undefined) {
      g.line([l.empty]);
    } else if (l.definition.basis === 'model') {
      g.table(PREDICTION_LIST, l.definition.id === 'buySoon' ? p.buySoon : p.winBack, ctx);
    } else {
      // The rule's lists are capped like the model's (listSize) and birthdays are a week's; the
      // lists since the last snapshot can be long after a big change: the rest is on their tab.
      const elsewhere = FULL_LIST_ELSEWHERE[l.definition.id];
      const cap = elsewhere === undefined ? Infinity : FULL_LIST_CAP;
      g.table(REASON_LIST, l.entries.slice(0, cap), ctx);
      if (elsewhere !== undefined && l.entries.length > cap) g.line([THIS_WEEK_TEXT.moreRows[lang](l.entries.length - cap, TAB_NAMES[elsewhere][lang])]);
    }
    if (notes[i] !== undefined) g.line([notes[i]!]);
    g.blank();
  });
  if (p.verdict.ok) {
    g.line([PREDICT_LABELS.nextPurchaseNote[lang]]);
    const spend = verdictMessage(p.spendVerdict, lang);
    if (spend !== undefined) g.line([spend]);
    g.blank();
  }
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

/** The VIP list with tier and the thank-you message (seed 003); empty, it says why. */
export function vipGrid(a: Analysis, zone: Zone, settings: Settings): Grid {
  const vips = a.ranking.filter((r) => r.vip).map((r) => a.byKey.get(r.customer.key)!);
  const g = new GridBuilder().table(VIP_TAB, vips, { lang: a.lang, zone, template: settings.messageTemplate[a.lang] });
  if (vips.length === 0) {
    const T = THIS_WEEK_TEXT;
    g.line([settings.vip.count === 0 ? T.vipCountZero[a.lang] : T.noVips[a.lang](vipRuleText(settings, a.lang))]);
  }
  return g.build(1);
}
