import fc from 'fast-check';
import { DEFAULT_SETTINGS, type StageThresholds } from '../../src/core/settings';
import { classify, describeUnclassified, stageRules, type StageInput } from '../../src/core/stages';
import type { StageId } from '../../src/core/labels';
import { oracleStage } from '../support/oracle';

const T = DEFAULT_SETTINGS.stages;
const rules = stageRules(T);
const stageOf = (m: StageInput, t: StageThresholds = T) => classify(m, stageRules(t)).stage;

const oracle = (m: StageInput, t: StageThresholds): StageId => oracleStage(m, t);

const customer = fc
  .record({
    registered: fc.boolean(),
    purchases: fc.integer({ min: 0, max: 12 }),
    days: fc.integer({ min: 0, max: 400 }),
    subscribed: fc.boolean(),
    positiveReactions: fc.integer({ min: 0, max: 6 }),
  })
  .map(({ days, ...m }): StageInput => ({ ...m, daysSinceLast: m.purchases > 0 ? days : undefined }));

const thresholds = fc
  .record({
    activeDays: fc.integer({ min: 1, max: 120 }),
    extra: fc.integer({ min: 0, max: 120 }),
    partnerMinPurchases: fc.integer({ min: 1, max: 6 }),
    partnerMinReactions: fc.integer({ min: 0, max: 5 }),
    supporterMinReactions: fc.integer({ min: 0, max: 5 }),
    dormantMinReactions: fc.integer({ min: 0, max: 3 }),
  })
  .map(({ extra, ...t }): StageThresholds => ({ ...t, lapseDays: t.activeDays + extra }));

describe('fan stages (SPEC §3, seed 002)', () => {
  // The precedence table, row by row: each line is a customer and the stage the spec gives.
  const base: StageInput = { registered: true, purchases: 1, daysSinceLast: 10, subscribed: false, positiveReactions: 0 };
  test.each<[string, Partial<StageInput>, StageId]>([
    ['partner: ≥2 purchases, <60 days, subscribed, ≥3 reactions', { purchases: 2, subscribed: true, positiveReactions: 3 }, 'partner'],
    ['partner beats supporter when both match', { purchases: 5, subscribed: true, positiveReactions: 9 }, 'partner'],
    ['supporter: 1 purchase, subscribed, 2 reactions', { subscribed: true, positiveReactions: 2 }, 'supporter'],
    ['supporter: 2 purchases but only 2 reactions', { purchases: 2, subscribed: true, positiveReactions: 2 }, 'supporter'],
    ['visitor: exactly 1 purchase, <60 days, not subscribed', {}, 'visitor'],
    ['visitor regardless of reactions', { positiveReactions: 5 }, 'visitor'],
    ['follower: 2 purchases within 60 days', { purchases: 2 }, 'follower'],
    ['follower: 1 purchase 60–89 days ago', { daysSinceLast: 60 }, 'follower'],
    ['follower: 89 days', { purchases: 3, daysSinceLast: 89 }, 'follower'],
    ['dormant: ≥90 days, a positive reaction', { daysSinceLast: 90, positiveReactions: 1 }, 'dormant'],
    ['lapsed: ≥90 days, no positive reaction', { daysSinceLast: 90 }, 'lapsed'],
    ['lapsed after a long time', { purchases: 7, daysSinceLast: 400 }, 'lapsed'],
    ['unregistered comes first, even for a would-be partner', { registered: false, purchases: 3, subscribed: true, positiveReactions: 5 }, 'unregistered'],
    ['no purchase: registered, never bought', { purchases: 0, daysSinceLast: undefined }, 'noPurchase'],
    ['unclassified: subscribed with 1 reaction', { subscribed: true, positiveReactions: 1 }, 'unclassified'],
    ['unclassified: subscribed but 60 days since last order', { subscribed: true, positiveReactions: 3, purchases: 2, daysSinceLast: 60 }, 'unclassified'],
    ['unclassified: subscribed, dormant by time', { subscribed: true, daysSinceLast: 120, positiveReactions: 4 }, 'unclassified'],
  ])('%s', (_name, change, stage) => {
    expect(stageOf({ ...base, ...change })).toBe(stage);
  });

  test('agrees with a literal reading of SPEC §3 for any customer and any thresholds', () => {
    fc.assert(
      fc.property(customer, thresholds, (m, t) => {
        expect(stageOf(m, t)).toBe(oracle(m, t));
      }),
      { numRuns: 5000 },
    );
  });

  test('unclassified customers are exactly the subscribed buyers who miss Supporter/Partner (default thresholds)', () => {
    fc.assert(
      fc.property(customer, (m) => {
        const unclassified = stageOf(m) === 'unclassified';
        const d = m.daysSinceLast ?? Infinity;
        expect(unclassified).toBe(m.registered && m.purchases >= 1 && m.subscribed && !(d < 60 && m.positiveReactions >= 2));
      }),
      { numRuns: 2000 },
    );
  });

  test('one more positive reaction never moves a customer down the funnel', () => {
    const rank: Record<StageId, number> = {
      unregistered: -1, unclassified: 0, noPurchase: 0, lapsed: 0, dormant: 1, visitor: 1, follower: 1, supporter: 2, partner: 3,
    };
    fc.assert(
      fc.property(customer, (m) => {
        const before = stageOf(m);
        const after = stageOf({ ...m, positiveReactions: m.positiveReactions + 1 });
        expect(rank[after]).toBeGreaterThanOrEqual(rank[before]);
      }),
    );
  });

  test('the reason for Unclassified names the nearest stage and each condition it misses', () => {
    const r = classify({ registered: true, purchases: 1, daysSinceLast: 75, subscribed: true, positiveReactions: 1 }, rules);
    expect(r.stage).toBe('unclassified');
    expect(r.nearest?.stage).toBe('supporter');
    expect(describeUnclassified(r, 'en')).toBe(
      'Not a Supporter: days since last order 75 (needs < 60); positive reactions 1 (needs ≥ 2)',
    );
    expect(describeUnclassified(r, 'ja')).toBe(
      'サポーターの条件を満たしていません: 最終購入からの日数 75(必要: 60未満)、ポジティブ反応 1(必要: 2以上)',
    );
    fc.assert(
      fc.property(customer, (m) => {
        const res = classify(m, rules);
        expect(describeUnclassified(res, 'en') !== '').toBe(res.stage === 'unclassified');
      }),
    );
  });
});
