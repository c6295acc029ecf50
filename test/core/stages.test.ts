import fc from 'fast-check';
import { DEFAULT_SETTINGS, type StageThresholds } from '../../src/core/settings';
import { classify, describeUnclassified, stageRules, type StageInput, type Unmet } from '../../src/core/stages';
import type { StageId } from '../../src/core/labels';
import { oracleStage } from '../support/oracle';

const T = DEFAULT_SETTINGS.stages;
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
    const r = classify({ registered: true, purchases: 1, daysSinceLast: 75, subscribed: true, positiveReactions: 1 }, stageRules(T));
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
        const res = classify(m, stageRules(T));
        expect(describeUnclassified(res, 'en') !== '').toBe(res.stage === 'unclassified');
      }),
    );
  });
});

describe('why a customer is Unclassified (the nearest stage and what it misses)', () => {
  /** The conditions of SPEC §3's table a subscribed, registered buyer fails for Partner or Supporter. */
  function failed(stage: 'partner' | 'supporter', m: StageInput, t: StageThresholds): string[] {
    const out: string[] = [];
    const minPurchases = stage === 'partner' ? t.partnerMinPurchases : 1;
    const minReactions = stage === 'partner' ? t.partnerMinReactions : t.supporterMinReactions;
    if (m.purchases < minPurchases) out.push('purchases');
    if (!((m.daysSinceLast ?? Infinity) < t.activeDays)) out.push('daysSinceLast');
    if (m.positiveReactions < minReactions) out.push('positiveReactions');
    return out;
  }

  test('for any thresholds: the stage of their own kind with the fewest unmet conditions, Supporter on a tie, and exactly those conditions (property)', () => {
    const subscribedBuyer = customer.map((m): StageInput => ({ ...m, registered: true, subscribed: true, purchases: Math.max(1, m.purchases), daysSinceLast: m.daysSinceLast ?? 0 }));
    fc.assert(
      fc.property(subscribedBuyer, thresholds, (m, t) => {
        const r = classify(m, stageRules(t));
        if (r.stage !== 'unclassified') return;
        const partner = failed('partner', m, t);
        const supporter = failed('supporter', m, t);
        const nearest = partner.length < supporter.length ? 'partner' : 'supporter';
        expect(r.nearest?.stage).toBe(nearest);
        expect(r.nearest!.unmet.map((u) => u.condition)).toEqual(nearest === 'partner' ? partner : supporter);
        for (const u of r.nearest!.unmet) expect(u.actual).toBe(m[u.condition]);
      }),
      { numRuns: 3000 },
    );
  });

  const reason = (m: Partial<StageInput>, lang: 'ja' | 'en', t: StageThresholds = T) =>
    describeUnclassified(classify({ registered: true, purchases: 1, daysSinceLast: 30, subscribed: true, positiveReactions: 0, ...m }, stageRules(t)), lang);

  test('only what is missing is named: the reactions, or the days, or both', () => {
    expect(reason({ positiveReactions: 1 }, 'en')).toBe('Not a Supporter: positive reactions 1 (needs ≥ 2)');
    expect(reason({ daysSinceLast: 75, positiveReactions: 2 }, 'en')).toBe('Not a Supporter: days since last order 75 (needs < 60)');
    expect(reason({ daysSinceLast: 60, positiveReactions: 0 }, 'en')).toBe(
      'Not a Supporter: days since last order 60 (needs < 60); positive reactions 0 (needs ≥ 2)',
    );
  });

  test('in Japanese', () => {
    expect(reason({ daysSinceLast: 75, positiveReactions: 1 }, 'ja')).toBe(
      'サポーターの条件を満たしていません: 最終購入からの日数 75(必要: 60未満)、ポジティブ反応 1(必要: 2以上)',
    );
  });

  test('a tie between Partner and Supporter names Supporter, the next step up', () => {
    // Two purchases and one reaction: Partner misses the reactions (needs 3), Supporter too (needs 2).
    const r = classify({ registered: true, purchases: 2, daysSinceLast: 30, subscribed: true, positiveReactions: 1 }, stageRules(T));
    expect(r.nearest?.stage).toBe('supporter');
    expect(describeUnclassified(r, 'en')).toBe('Not a Supporter: positive reactions 1 (needs ≥ 2)');
  });

  test('Partner is named when it is strictly nearer (thresholds where Supporter asks for more reactions)', () => {
    const t = { ...T, partnerMinReactions: 1, supporterMinReactions: 3 };
    expect(reason({ purchases: 1, positiveReactions: 1, daysSinceLast: 75 }, 'en', t)).toBe(
      'Not a Supporter: days since last order 75 (needs < 60); positive reactions 1 (needs ≥ 3)',
    );
    expect(reason({ purchases: 2, positiveReactions: 2, daysSinceLast: 75 }, 'en', t)).toBe('Not a Partner: days since last order 75 (needs < 60)');
  });

  test('a buyer whose last order day is unknown is Unclassified, and the reason shows — rather than a number', () => {
    const r = classify({ registered: true, purchases: 1, daysSinceLast: undefined, subscribed: false, positiveReactions: 2 }, stageRules(T));
    expect(r.stage).toBe('unclassified');
    // Visitor, Follower and Dormant each miss only the days; Dormant is the lowest of them.
    expect(describeUnclassified(r, 'en')).toBe('Not a Dormant: days since last order — (needs ≥ 90)');
    expect(describeUnclassified(r, 'ja')).toBe('一時離脱の条件を満たしていません: 最終購入からの日数 —(必要: 90以上)');
  });

  test('a classified customer has no reason', () => {
    expect(describeUnclassified(classify({ registered: true, purchases: 1, daysSinceLast: 3, subscribed: false, positiveReactions: 0 }, stageRules(T)), 'en')).toBe('');
    expect(classify({ registered: false, purchases: 3, daysSinceLast: 3, subscribed: true, positiveReactions: 0 }, stageRules(T))).toEqual({ stage: 'unregistered' });
  });
});

describe('the wording of each kind of condition in a reason', () => {
  const text = (unmet: readonly Unmet[], lang: 'ja' | 'en') =>
    describeUnclassified({ stage: 'unclassified', nearest: { stage: 'visitor', unmet } }, lang);

  test('an exact count reads "= 1"; a range with both ends reads "≥ 1 and < 5"; one end reads "≥ 2" or "< 60"', () => {
    expect(text([{ condition: 'purchases', actual: 2, need: { min: 1, max: 2 } }], 'en')).toBe('Not a Visitor: purchases 2 (needs = 1)');
    expect(text([{ condition: 'purchases', actual: 2, need: { min: 1, max: 2 } }], 'ja')).toBe('ビジターの条件を満たしていません: 購入回数 2(必要: 1)');
    expect(text([{ condition: 'purchases', actual: 7, need: { min: 1, max: 5 } }], 'en')).toBe('Not a Visitor: purchases 7 (needs ≥ 1 and < 5)');
    expect(text([{ condition: 'purchases', actual: 7, need: { min: 1, max: 5 } }], 'ja')).toBe('ビジターの条件を満たしていません: 購入回数 7(必要: 1以上・5未満)');
    expect(text([{ condition: 'positiveReactions', actual: 0, need: { min: 2, max: Infinity } }], 'en')).toBe('Not a Visitor: positive reactions 0 (needs ≥ 2)');
    expect(text([{ condition: 'daysSinceLast', actual: 61, need: { min: -Infinity, max: 60 } }], 'en')).toBe('Not a Visitor: days since last order 61 (needs < 60)');
  });

  test('a yes/no condition reads yes or no, in the language of the sheet', () => {
    expect(text([{ condition: 'subscribed', actual: true, need: false }], 'en')).toBe('Not a Visitor: subscribed yes (needs no)');
    expect(text([{ condition: 'registered', actual: false, need: true }], 'ja')).toBe('ビジターの条件を満たしていません: 登録 いいえ(必要: はい)');
  });
});
