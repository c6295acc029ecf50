/**
 * The funnel summary (SPEC §6; seeds 000, 002, 003): per-stage figures, the movement between two
 * snapshots, the fan matrix (purchase count × LTV) and the emotion matrix (purchase count × NPS).
 */
import { analyze, readInputs, type Analysis } from '../../src/core/analyze';
import { dayFromCivil, isoDay, makeZone } from '../../src/core/dates';
import {
  emotionMatrix,
  fanMatrix,
  ltvBand,
  netPromoterScore,
  npsSegment,
  purchaseBand,
  stagesOf,
  summarizeStages,
  transitions,
  type StageMap,
} from '../../src/core/funnel';
import type { StageId } from '../../src/core/labels';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { ALL_STAGES } from '../../src/core/stages';
import type { Cell } from '../../src/core/values';

const zone = makeZone('Asia/Tokyo');
const D = dayFromCivil(2025, 6, 30);
const daysAgo = (n: number): string => isoDay(D - n);

/**
 * Four buyers and one customer who never bought, as of D:
 * V1 Visitor (1 order, ¥5,000, NPS 8), F1 Follower (2 orders, ¥7,000, NPS 10), F2 Follower
 * (1 order 70 days ago, ¥12,000, NPS 9), L1 Lapsed (1 order 100 days ago, ¥2,000, no answer),
 * N0 on the customers sheet only (No purchase).
 */
function shop(): Analysis {
  const orders: Cell[][] = [
    ['Customer ID', 'Order date', 'Total'],
    ['V1', daysAgo(10), 5000],
    ['F1', daysAgo(40), 3000],
    ['F1', daysAgo(10), 4000],
    ['F2', daysAgo(70), 12000],
    ['L1', daysAgo(100), 2000],
  ];
  const customers: Cell[][] = [['Customer ID', 'Name'], ['N0', 'Nao']];
  const survey: Cell[][] = [
    ['Customer ID', 'NPS'],
    ['V1', 8],
    ['F1', 10],
    ['F2', 9],
  ];
  const read = readInputs({ orders, customers, survey }, { zone, settings: DEFAULT_SETTINGS, locale: 'en' });
  return analyze(read, D, DEFAULT_SETTINGS);
}

describe('NPS (seed 000: promoters 9–10, passives 7–8, detractors 0–6)', () => {
  test('the segment of an answer, at each boundary', () => {
    expect([0, 6, 7, 8, 9, 10].map(npsSegment)).toEqual(['detractor', 'detractor', 'passive', 'passive', 'promoter', 'promoter']);
    expect(npsSegment(undefined)).toBe('none');
  });

  test('the score is % promoters − % detractors over those who answered; none answered: no score', () => {
    expect(netPromoterScore([10, 9, 8, 0])).toBe(25);
    expect(netPromoterScore([7, 8])).toBe(0);
    expect(netPromoterScore([0, 6])).toBe(-100);
    expect(netPromoterScore([9])).toBe(100);
    expect(netPromoterScore([])).toBeUndefined();
  });
});

describe('per-stage summary', () => {
  test('customers, share of everyone classified, revenue, average LTV and NPS per stage, in the summary’s order', () => {
    const rows = summarizeStages(shop(), undefined);
    expect(rows.map((r) => r.stage)).toEqual(ALL_STAGES);
    const by = new Map(rows.map((r) => [r.stage, r]));
    expect(by.get('visitor')).toEqual({ stage: 'visitor', customers: 1, share: 0.2, revenue: 5000, averageLtv: 5000, nps: 0, change: undefined });
    expect(by.get('follower')).toEqual({ stage: 'follower', customers: 2, share: 0.4, revenue: 19000, averageLtv: 9500, nps: 100, change: undefined });
    expect(by.get('lapsed')).toEqual({ stage: 'lapsed', customers: 1, share: 0.2, revenue: 2000, averageLtv: 2000, nps: undefined, change: undefined });
    expect(by.get('noPurchase')).toEqual({ stage: 'noPurchase', customers: 1, share: 0.2, revenue: 0, averageLtv: 0, nps: undefined, change: undefined });
    // A stage nobody is in: zeros, and no average or NPS to show.
    expect(by.get('partner')).toEqual({ stage: 'partner', customers: 0, share: 0, revenue: 0, averageLtv: undefined, nps: undefined, change: undefined });
  });

  test('change since the baseline snapshot: customers now minus customers then, per stage', () => {
    const baseline: StageMap = new Map<string, StageId>([
      ['V1', 'visitor'],
      ['F1', 'visitor'],
      ['X', 'lapsed'],
      ['Y', 'partner'],
    ]);
    const change = new Map(summarizeStages(shop(), baseline).map((r) => [r.stage, r.change]));
    expect(Object.fromEntries(change)).toEqual({
      visitor: -1, follower: 2, supporter: 0, partner: -1, dormant: 0, lapsed: 0, noPurchase: 1, unregistered: 0, unclassified: 0,
    });
  });

  test('no customers at all: every share is 0, not a division by zero', () => {
    const read = readInputs({ orders: [['Customer ID', 'Order date', 'Total']] }, { zone, settings: DEFAULT_SETTINGS, locale: 'en' });
    const rows = summarizeStages(analyze(read, D, DEFAULT_SETTINGS), new Map());
    expect(rows.every((r) => r.customers === 0 && r.share === 0 && r.change === 0 && r.averageLtv === undefined)).toBe(true);
  });

  test('the stage map of an analysis is each customer’s stage', () => {
    expect(Object.fromEntries(stagesOf(shop()))).toEqual({ V1: 'visitor', F1: 'follower', F2: 'follower', L1: 'lapsed', N0: 'noPurchase' });
  });
});

describe('transitions between snapshots (seed 002: movement along the funnel)', () => {
  const baseline: StageMap = new Map<string, StageId>([
    ['A', 'visitor'],
    ['E', 'visitor'],
    ['B', 'follower'],
    ['C', 'supporter'],
    ['D', 'dormant'],
    ['G', 'lapsed'], // not a customer any more: in no row of the matrix
  ]);
  const now: StageMap = new Map<string, StageId>([
    ['A', 'follower'],
    ['E', 'visitor'],
    ['B', 'supporter'],
    ['C', 'partner'],
    ['D', 'follower'],
    ['N', 'visitor'], // new since the baseline
  ]);

  test('counts[from][to]: each customer of now, by their stage then (or "new") and now', () => {
    const t = transitions(baseline, now);
    expect(t.from).toEqual([...ALL_STAGES, 'new']);
    expect(t.to).toEqual(ALL_STAGES);
    const cell = (from: StageId | 'new', to: StageId) => t.counts[t.from.indexOf(from)]![t.to.indexOf(to)];
    expect(cell('visitor', 'follower')).toBe(1);
    expect(cell('visitor', 'visitor')).toBe(1);
    expect(cell('follower', 'supporter')).toBe(1);
    expect(cell('supporter', 'partner')).toBe(1);
    expect(cell('dormant', 'follower')).toBe(1);
    expect(cell('new', 'visitor')).toBe(1);
    expect(t.counts.flat().reduce((a, b) => a + b, 0)).toBe(now.size);
  });

  test('the four target moves, each with the customers who made it, of those in its first stage then', () => {
    expect(transitions(baseline, now).targets).toEqual([
      { from: 'visitor', to: 'follower', moved: 1, base: 2, rate: 0.5 },
      { from: 'follower', to: 'supporter', moved: 1, base: 1, rate: 1 },
      { from: 'supporter', to: 'partner', moved: 1, base: 1, rate: 1 },
      { from: 'dormant', to: 'follower', moved: 1, base: 1, rate: 1 },
    ]);
  });

  test('nobody in a target’s first stage then: no rate, rather than 0%', () => {
    const t = transitions(new Map(), now);
    expect(t.targets.map((x) => [x.moved, x.base, x.rate])).toEqual([
      [0, 0, undefined],
      [0, 0, undefined],
      [0, 0, undefined],
      [0, 0, undefined],
    ]);
    expect(t.counts[t.from.indexOf('new')]!.reduce((a, b) => a + b, 0)).toBe(now.size);
  });
});

describe('the fan and emotion matrices (seeds 003, 000)', () => {
  test('purchase-count bands 1, 2, 3, 4, 5+', () => {
    expect([1, 2, 3, 4, 5, 6, 40].map(purchaseBand)).toEqual([0, 1, 2, 3, 4, 4, 4]);
  });

  test('LTV bands <¥10k, ¥10k–30k, ¥30k–50k, ¥50k–80k, ≥¥80k, each from its lower bound', () => {
    expect([-500, 0, 9_999, 10_000, 29_999, 30_000, 49_999, 50_000, 79_999, 80_000, 1e7].map(ltvBand)).toEqual([
      0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4,
    ]);
  });

  test('the fan matrix: buyers (not customers without a purchase) and their revenue, by purchase count × LTV', () => {
    const m = fanMatrix(shop());
    expect(m.customers).toEqual([
      [2, 1, 0, 0, 0], // V1 ¥5,000 and L1 ¥2,000; F2 ¥12,000
      [1, 0, 0, 0, 0], // F1 ¥7,000
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0],
    ]);
    expect(m.revenue[0]).toEqual([7000, 12000, 0, 0, 0]);
    expect(m.revenue[1]).toEqual([7000, 0, 0, 0, 0]);
  });

  test('the emotion matrix: buyers by purchase count × promoter, passive, detractor, no answer', () => {
    expect(emotionMatrix(shop())).toEqual([
      [1, 1, 0, 1], // F2 promoter, V1 passive, L1 no answer
      [1, 0, 0, 0], // F1 promoter
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ]);
  });
});
