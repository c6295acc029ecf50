/**
 * The funnel summary (SPEC §6, seeds 000/002/003): per-stage figures, the movement between two
 * snapshots, and the two matrices the seeds read a customer base with.
 */
import type { Analysis } from './analyze';
import type { StageId } from './labels';
import { PROMOTER_NPS } from './metrics';
import { ALL_STAGES } from './stages';

/** Customer key → stage, as of one snapshot. */
export type StageMap = ReadonlyMap<string, StageId>;

export interface StageSummary {
  readonly stage: StageId;
  readonly customers: number;
  /** Of all customers classified. */
  readonly share: number;
  /** Sum of the stage's customers' LTV. */
  readonly revenue: number;
  readonly averageLtv: number | undefined;
  /** Net Promoter Score of the stage's customers who answered (−100…100). */
  readonly nps: number | undefined;
  /** Customers now minus customers at the baseline snapshot; undefined without one. */
  readonly change: number | undefined;
}

/** NPS bands (seed 000: 推奨者 9–10, 中立者 7–8, 批判者 0–6). */
export type NpsSegment = 'promoter' | 'passive' | 'detractor' | 'none';
export const NPS_SEGMENTS: readonly NpsSegment[] = ['promoter', 'passive', 'detractor', 'none'];
const PASSIVE_NPS = 7;

export function npsSegment(nps: number | undefined): NpsSegment {
  if (nps === undefined) return 'none';
  if (nps >= PROMOTER_NPS) return 'promoter';
  if (nps >= PASSIVE_NPS) return 'passive';
  return 'detractor';
}

/** NPS = % promoters − % detractors, over those who answered. */
export function netPromoterScore(answers: readonly number[]): number | undefined {
  if (answers.length === 0) return undefined;
  let promoters = 0;
  let detractors = 0;
  for (const a of answers) {
    const s = npsSegment(a);
    if (s === 'promoter') promoters++;
    else if (s === 'detractor') detractors++;
  }
  return ((promoters - detractors) / answers.length) * 100;
}

export function stagesOf(a: Analysis): Map<string, StageId> {
  const out = new Map<string, StageId>();
  for (const [key, view] of a.byKey) out.set(key, view.stage.stage);
  return out;
}

export function summarizeStages(a: Analysis, baseline: StageMap | undefined): StageSummary[] {
  const count = new Map<StageId, number>();
  const revenue = new Map<StageId, number>();
  const answers = new Map<StageId, number[]>();
  for (const view of a.byKey.values()) {
    const s = view.stage.stage;
    count.set(s, (count.get(s) ?? 0) + 1);
    revenue.set(s, (revenue.get(s) ?? 0) + view.metrics.ltv);
    if (view.metrics.nps !== undefined) {
      const list = answers.get(s) ?? [];
      list.push(view.metrics.nps);
      answers.set(s, list);
    }
  }
  const before = new Map<StageId, number>();
  if (baseline !== undefined) for (const s of baseline.values()) before.set(s, (before.get(s) ?? 0) + 1);
  const total = a.byKey.size;
  return ALL_STAGES.map((stage) => {
    const n = count.get(stage) ?? 0;
    const r = revenue.get(stage) ?? 0;
    return {
      stage,
      customers: n,
      share: total === 0 ? 0 : n / total,
      revenue: r,
      averageLtv: n === 0 ? undefined : r / n,
      nps: netPromoterScore(answers.get(stage) ?? []),
      change: baseline === undefined ? undefined : n - (before.get(stage) ?? 0),
    };
  });
}

/** Rows of the transition matrix: every stage, then customers new since the baseline. */
export type FromStage = StageId | 'new';

/** The CRM goal is movement up the funnel (seed 002): these four, and the return of the dormant. */
export const TARGET_TRANSITIONS: ReadonlyArray<readonly [StageId, StageId]> = [
  ['visitor', 'follower'],
  ['follower', 'supporter'],
  ['supporter', 'partner'],
  ['dormant', 'follower'],
];

export interface TargetTransition {
  readonly from: StageId;
  readonly to: StageId;
  readonly moved: number;
  /** Customers in `from` at the baseline. */
  readonly base: number;
  readonly rate: number | undefined;
}

export interface Transitions {
  readonly from: readonly FromStage[];
  readonly to: readonly StageId[];
  /** counts[i][j]: customers in from[i] at the baseline and in to[j] now. */
  readonly counts: number[][];
  readonly targets: readonly TargetTransition[];
}

export function transitions(baseline: StageMap, now: StageMap): Transitions {
  const from: FromStage[] = [...ALL_STAGES, 'new'];
  const to = ALL_STAGES;
  const counts = from.map(() => to.map(() => 0));
  const row = new Map(from.map((s, i) => [s, i]));
  const col = new Map(to.map((s, j) => [s, j]));
  for (const [key, stage] of now) {
    const i = row.get(baseline.get(key) ?? 'new')!;
    counts[i]![col.get(stage)!]!++;
  }
  const inBaseline = new Map<StageId, number>();
  for (const s of baseline.values()) inBaseline.set(s, (inBaseline.get(s) ?? 0) + 1);
  const targets = TARGET_TRANSITIONS.map(([f, t]) => {
    const moved = counts[row.get(f)!]![col.get(t)!]!;
    const base = inBaseline.get(f) ?? 0;
    return { from: f, to: t, moved, base, rate: base === 0 ? undefined : moved / base };
  });
  return { from, to, counts, targets };
}

// ---------------------------------------------------------------------------------------------
// Matrices

/** Purchase-count bands: 1, 2, 3, 4, 5+ (seed 003). */
export const PURCHASE_BANDS: readonly string[] = ['1', '2', '3', '4', '5+'];
/** LTV bands (seed 003): lower bounds in yen. */
export const LTV_BANDS: readonly number[] = [-Infinity, 10_000, 30_000, 50_000, 80_000];

export const purchaseBand = (purchases: number): number => Math.min(Math.max(purchases, 1), 5) - 1;
export function ltvBand(ltv: number): number {
  let b = 0;
  while (b + 1 < LTV_BANDS.length && ltv >= LTV_BANDS[b + 1]!) b++;
  return b;
}

export interface FanMatrix {
  /** [purchase band][LTV band] */
  readonly customers: number[][];
  readonly revenue: number[][];
}

/** Customers with a purchase, by purchase count × LTV (seed 003's ファンマトリクス). */
export function fanMatrix(a: Analysis): FanMatrix {
  const customers = PURCHASE_BANDS.map(() => LTV_BANDS.map(() => 0));
  const revenue = PURCHASE_BANDS.map(() => LTV_BANDS.map(() => 0));
  for (const r of a.ranking) {
    const p = purchaseBand(r.customer.purchases);
    const l = ltvBand(r.customer.ltv);
    customers[p]![l]!++;
    revenue[p]![l]! += r.customer.ltv;
  }
  return { customers, revenue };
}

/** Customers with a purchase, by purchase count × NPS segment (seed 000's 感情マトリクス). */
export function emotionMatrix(a: Analysis): number[][] {
  const m = PURCHASE_BANDS.map(() => NPS_SEGMENTS.map(() => 0));
  for (const r of a.ranking) {
    m[purchaseBand(r.customer.purchases)]![NPS_SEGMENTS.indexOf(npsSegment(r.customer.nps))]!++;
  }
  return m;
}
