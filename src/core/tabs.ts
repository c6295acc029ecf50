/**
 * The add-on's tabs as plain grids (SPEC §6): values and number formats of the same shape, built
 * from an analysis. The Apps Script layer writes each grid with one `setValues` and one
 * `setNumberFormats`; nothing here knows about sheets.
 */
import type { Analysis } from './analyze';
import { isoDay, type Day, type Zone } from './dates';
import {
  CUSTOMER_COLUMNS,
  STAGE_LABELS,
  TAB_TEXT,
  TIER_LABELS,
  VIP_COLUMNS,
  type Lang,
} from './labels';
import type { RegistrationSource } from './metrics';
import {
  LTV_BANDS,
  NPS_SEGMENTS,
  PURCHASE_BANDS,
  type FanMatrix,
  type StageSummary,
  type Transitions,
} from './funnel';
import { compareCodePoints, fillTemplate, groupDigits } from './ranking';
import type { Settings } from './settings';
import { describeUnclassified } from './stages';
import type { Cell } from './values';
import { verdictMessage, type CustomerPrediction, type PredictionResult } from './predict/predict';
import { PREDICT_LABELS } from './labels';

export type NumberFormat = 'yen' | 'percent' | 'date' | 'datetime' | 'integer' | 'decimal' | 'text' | '';

/** Sheets number-format patterns, one place. '' leaves Sheets' automatic format. */
export const NUMBER_FORMATS: Readonly<Record<NumberFormat, string>> = {
  yen: '"¥"#,##0',
  percent: '0.0%',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
  integer: '#,##0',
  decimal: '0.0',
  // Plain text: keys such as 0012 or 2024-01 stay as typed instead of becoming numbers or dates.
  text: '@',
  '': 'General',
};

export interface Grid {
  /** Rectangular. */
  readonly values: Cell[][];
  /** Same shape as values. */
  readonly formats: NumberFormat[][];
  /** 0-based rows shown in bold (titles and headers). */
  readonly boldRows: readonly number[];
  readonly frozenRows: number;
}

/** Builds a grid line by line; pads every line to the widest at the end. */
class GridBuilder {
  private readonly values: Cell[][] = [];
  private readonly formats: NumberFormat[][] = [];
  private readonly bold: number[] = [];

  line(cells: readonly Cell[], formats: readonly NumberFormat[] = [], bold = false): this {
    if (bold) this.bold.push(this.values.length);
    this.values.push([...cells]);
    this.formats.push(cells.map((_, i) => formats[i] ?? ''));
    return this;
  }

  blank(): this {
    return this.line([]);
  }

  get rows(): number {
    return this.values.length;
  }

  build(frozenRows = 0): Grid {
    const width = Math.max(1, ...this.values.map((r) => r.length));
    const pad = <T>(rows: T[][], fill: T) => rows.map((r) => [...r, ...new Array<T>(width - r.length).fill(fill)]);
    return { values: pad(this.values, ''), formats: pad(this.formats, ''), boldRows: this.bold, frozenRows };
  }
}

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
  g.line(registrationNote(a.metrics.registration, lang));
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
    g.line([t.transitions[lang](isoDay(input.baselineDay))], [], true);
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
  const name = (key: string): string => a.byKey.get(key)?.metrics.name ?? '';
  const stage = (key: string): string => {
    const v = a.byKey.get(key);
    return v === undefined ? '' : STAGE_LABELS[v.stage.stage][lang];
  };
  const date = (d: Day | undefined): Cell => (d === undefined ? '' : zone.midnight(d));
  const head = [CUSTOMER_COLUMNS[lang][0]!, CUSTOMER_COLUMNS[lang][1]!];
  const message = verdictMessage(p.verdict, lang);
  if (message !== undefined) {
    g.line([L.buySoonTitle[lang]], [], true);
    g.line([message]);
    g.blank();
  } else {
    const spend = verdictMessage(p.spendVerdict, lang);
    const list = (title: string, rows: readonly CustomerPrediction[]) => {
      g.line([title], [], true);
      g.line([...head, CUSTOMER_COLUMNS[lang][2]!, L.buySoon[lang], L.pAlive[lang], L.expected90[lang], L.nextPurchase[lang], L.value12m[lang]], [], true);
      for (const r of rows) {
        g.line(
          [r.key, name(r.key), stage(r.key), r.pBuySoon, r.pAlive, r.expected90, date(r.nextPurchaseDay), opt(r.value12m)],
          ['text', 'text', '', 'percent', 'percent', 'decimal', 'date', 'yen'],
        );
      }
      g.blank();
    };
    list(L.buySoonTitle[lang], p.buySoon);
    list(L.winBackTitle[lang], p.winBack);
    g.line([L.nextPurchaseNote[lang]]);
    if (spend !== undefined) g.line([spend]);
    g.blank();
  }
  if (p.birthdays !== undefined) {
    g.line([L.birthdaysTitle[lang]], [], true);
    g.line([...head, CUSTOMER_COLUMNS[lang][2]!, L.birthday[lang], L.value12m[lang]], [], true);
    for (const b of p.birthdays) {
      g.line([b.key, name(b.key), stage(b.key), zone.midnight(b.thisYear), opt(b.prediction?.value12m)], ['text', 'text', '', 'date', 'yen']);
    }
  }
}

function registrationNote(source: RegistrationSource, lang: Lang): Cell[] {
  return source === 'assumed' ? [TAB_TEXT.registrationAssumed[lang]] : [];
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
  const lang = a.lang;
  const L = PREDICT_LABELS;
  const g = new GridBuilder();
  g.line([...CUSTOMER_COLUMNS[lang], L.pAlive[lang], L.expected30[lang], L.expected90[lang], L.nextPurchase[lang], L.value12m[lang]], [], true);
  const formats: NumberFormat[] = [
    'text', 'text', '', 'integer', 'yen', 'date', 'date', 'integer', '', '', 'integer', 'integer', 'integer', '', '', 'text',
    'percent', 'decimal', 'decimal', 'date', 'yen',
  ];
  const date = (d: Day | undefined): Cell => (d === undefined ? '' : zone.midnight(d));
  const predicted = (x: CustomerPrediction | undefined): Cell[] =>
    x === undefined ? ['', '', '', '', ''] : [x.pAlive, x.expected30, x.expected90, date(x.nextPurchaseDay), opt(x.value12m)];
  const views = [...a.byKey.values()].sort((x, y) => {
    const rx = x.ranked?.rank ?? Infinity;
    const ry = y.ranked?.rank ?? Infinity;
    return rx !== ry ? rx - ry : compareCodePoints(x.metrics.key, y.metrics.key);
  });
  for (const v of views) {
    const m = v.metrics;
    const r = v.ranked;
    g.line(
      [
        m.key,
        m.name,
        STAGE_LABELS[v.stage.stage][lang],
        m.purchases,
        m.ltv,
        date(m.firstOrder),
        date(m.lastOrder),
        opt(m.daysSinceLast),
        m.subscribed,
        m.registered,
        m.positiveReactions,
        opt(m.nps),
        opt(r?.rank),
        r?.tier === undefined ? '' : TIER_LABELS[r.tier][lang],
        r?.vip ?? false,
        describeUnclassified(v.stage, lang),
        ...predicted(p.byKey.get(m.key)),
      ],
      formats,
    );
  }
  return g.build(1);
}

/** The VIP list with tier and the thank-you message (seed 003). */
export function vipGrid(a: Analysis, zone: Zone, settings: Settings): Grid {
  const lang = a.lang;
  const g = new GridBuilder();
  g.line(VIP_COLUMNS[lang], [], true);
  const formats: NumberFormat[] = ['integer', 'text', 'text', 'yen', 'integer', 'date', '', '', 'text'];
  for (const r of a.ranking) {
    if (!r.vip) continue;
    const m = r.customer;
    const tier = r.tier === undefined ? '' : TIER_LABELS[r.tier][lang];
    const message = fillTemplate(settings.messageTemplate[lang], {
      name: m.name || m.key,
      ltv: groupDigits(m.ltv),
      purchases: String(m.purchases),
      tier,
    });
    const stage = a.byKey.get(m.key)!.stage.stage;
    g.line(
      [r.rank, m.key, m.name, m.ltv, m.purchases, m.lastOrder === undefined ? '' : zone.midnight(m.lastOrder), tier, STAGE_LABELS[stage][lang], message],
      formats,
    );
  }
  return g.build(1);
}

