/**
 * The whole pipeline in one call: ranges → metrics → stages → ranking. The custom functions and
 * the refresh both go through here, so a formula and the summary tab can never disagree.
 */
import { readCustomers, readSurvey, type CustomersRead, type SurveyRead } from './contacts';
import type { Day, Zone } from './dates';
import type { RangeKind } from './headers';
import { pickLang, type Lang } from './labels';
import { computeMetrics, type CustomerMetrics, type MetricsResult } from './metrics';
import { readOrders, type OrdersRead, type SkippedRow } from './orders';
import { rankCustomers, type Ranked } from './ranking';
import type { Settings } from './settings';
import { classify, stageRules, type StageResult } from './stages';
import { isBlank } from './values';

export interface Inputs {
  readonly orders: unknown;
  /** Omitted when undefined, null or ''. */
  readonly customers?: unknown;
  readonly survey?: unknown;
}

export interface AnalysisContext {
  readonly zone: Zone;
  readonly settings: Settings;
  /** The spreadsheet's locale, for the language when the setting is 'auto'. */
  readonly locale: string;
  /** Sheet row of each range's header row, for skipped-row numbers (default 1). */
  readonly headerRows?: Readonly<Partial<Record<RangeKind, number>>>;
  /** The zone whose wall clock `Date` cells carry, when not the spreadsheet's (a custom function's
   *  arguments: the script's zone). */
  readonly cellZone?: Zone;
}

export interface ReadInputs {
  readonly lang: Lang;
  readonly orders: OrdersRead;
  readonly customers: CustomersRead | undefined;
  readonly survey: SurveyRead | undefined;
  /** Every skipped row of every range, with the range it came from. */
  readonly skipped: ReadonlyArray<SkippedRow & { readonly range: RangeKind }>;
}

export interface CustomerView {
  readonly metrics: CustomerMetrics;
  readonly stage: StageResult;
  /** Undefined for a customer with no purchase: only buyers are ranked. */
  readonly ranked: Ranked | undefined;
}

export interface Analysis extends ReadInputs {
  readonly asOf: Day;
  readonly metrics: MetricsResult;
  /** Buyers in ranking order. */
  readonly ranking: readonly Ranked[];
  readonly byKey: ReadonlyMap<string, CustomerView>;
}

const given = (v: unknown): boolean => v !== undefined && v !== null && !isBlank(v);

/** Reads the ranges; does not depend on the as-of day, so one read serves any number of days. */
export function readInputs(inputs: Inputs, ctx: AnalysisContext): ReadInputs {
  const lang = pickLang(ctx.settings.language, ctx.locale);
  const base = { zone: ctx.zone, settings: ctx.settings, lang, ...(ctx.cellZone && { cellZone: ctx.cellZone }) };
  const orders = readOrders(inputs.orders, { ...base, headerRow: ctx.headerRows?.orders });
  const customers = given(inputs.customers)
    ? readCustomers(inputs.customers, orders, { ...base, headerRow: ctx.headerRows?.customers })
    : undefined;
  const survey = given(inputs.survey)
    ? readSurvey(inputs.survey, orders, { ...base, headerRow: ctx.headerRows?.survey })
    : undefined;
  const skipped = [
    ...orders.skipped.map((s) => ({ ...s, range: 'orders' as const })),
    ...(customers?.skipped ?? []).map((s) => ({ ...s, range: 'customers' as const })),
    ...(survey?.skipped ?? []).map((s) => ({ ...s, range: 'survey' as const })),
  ];
  return { lang, orders, customers, survey, skipped };
}

/** Metrics, stages and ranking as of `asOf`. */
export function analyze(read: ReadInputs, asOf: Day, settings: Settings): Analysis {
  const metrics = computeMetrics({
    orders: read.orders,
    customers: read.customers,
    survey: read.survey,
    asOf,
    ltvWindowDays: settings.ltvWindowDays,
  });
  const ranking = rankCustomers(metrics.byKey.values(), settings.vip, settings.tiers);
  const rankOf = new Map<string, Ranked>();
  for (const r of ranking) rankOf.set(r.customer.key, r);
  const rules = stageRules(settings.stages);
  const byKey = new Map<string, CustomerView>();
  for (const m of metrics.byKey.values()) {
    byKey.set(m.key, { metrics: m, stage: classify(m, rules), ranked: rankOf.get(m.key) });
  }
  return { ...read, asOf, metrics, ranking, byKey };
}
