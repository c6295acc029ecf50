import fc from 'fast-check';
import type { CustomerMetrics } from '../../src/core/metrics';
import { compareCodePoints, compareRanking, fillTemplate, groupDigits, rankCustomers, tierOf } from '../../src/core/ranking';
import { DEFAULT_SETTINGS, type VipRules } from '../../src/core/settings';

const metrics = (m: Partial<CustomerMetrics> & { key: string }): CustomerMetrics => ({
  name: '',
  purchases: 1,
  ltv: 0,
  firstOrder: 19000,
  lastOrder: 19000,
  daysSinceLast: 0,
  subscribed: false,
  registered: true,
  positiveReactions: 0,
  nps: undefined,
  birthday: undefined,
  ...m,
});

// Small value ranges so that ties on LTV, purchases and last order are frequent.
const customers = fc
  .uniqueArray(
    fc.record({
      key: fc.string({ minLength: 1, maxLength: 4, unit: fc.constantFrom('a', 'B', '1', 'é', '😀', 'Ａ', '顧') }),
      ltv: fc.constantFrom(-500, 0, 5000, 80_000, 150_000, 300_000, 79_999),
      purchases: fc.integer({ min: 0, max: 7 }),
      lastOrder: fc.integer({ min: 19_000, max: 19_003 }),
    }),
    { selector: (c) => c.key, maxLength: 60 },
  )
  .map((list) => list.map((c) => metrics(c)));

const vipRules = fc.record({
  count: fc.integer({ min: 0, max: 10 }),
  minLtv: fc.constantFrom(0, 80_000, 150_000),
  minPurchases: fc.integer({ min: 1, max: 6 }),
  mode: fc.constantFrom<'and' | 'or'>('and', 'or'),
});

const codePoints = (s: string): number[] => Array.from(s, (c) => c.codePointAt(0)!);

describe('LTV ranking (SPEC §4)', () => {
  test('ranks every buyer 1..N once, ordered by LTV, purchases, last order desc, then key in code-point order', () => {
    fc.assert(
      fc.property(customers, (list) => {
        const ranked = rankCustomers(list, DEFAULT_SETTINGS.vip, DEFAULT_SETTINGS.tiers);
        const buyers = list.filter((c) => c.purchases > 0);
        expect(ranked.map((r) => r.rank)).toEqual(buyers.map((_, i) => i + 1));
        expect(new Set(ranked.map((r) => r.customer.key))).toEqual(new Set(buyers.map((c) => c.key)));
        for (let i = 1; i < ranked.length; i++) {
          const a = ranked[i - 1]!.customer;
          const b = ranked[i]!.customer;
          const key = [b.ltv - a.ltv, b.purchases - a.purchases, b.lastOrder! - a.lastOrder!];
          const first = key.find((d) => d !== 0);
          if (first !== undefined) expect(first).toBeLessThan(0);
          else expect(compareCodePoints(a.key, b.key)).toBeLessThan(0);
        }
      }),
    );
  });

  test('the ranking does not depend on the order of the input rows', () => {
    fc.assert(
      fc.property(customers, fc.infiniteStream(fc.nat()), (list, rnd) => {
        const shuffled = [...list];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = rnd.next().value % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        const keys = (l: CustomerMetrics[]) => rankCustomers(l, DEFAULT_SETTINGS.vip, DEFAULT_SETTINGS.tiers).map((r) => r.customer.key);
        expect(keys(shuffled)).toEqual(keys(list));
      }),
    );
  });

  test('VIPs are the first N candidates in ranking order; AND/OR decides who is a candidate', () => {
    fc.assert(
      fc.property(customers, vipRules, (list, rules: VipRules) => {
        const ranked = rankCustomers(list, rules, DEFAULT_SETTINGS.tiers);
        const candidate = (c: CustomerMetrics) => {
          const l = c.ltv >= rules.minLtv;
          const p = c.purchases >= rules.minPurchases;
          return rules.mode === 'and' ? l && p : l || p;
        };
        const expected = ranked.filter((r) => candidate(r.customer)).slice(0, rules.count).map((r) => r.customer.key);
        expect(ranked.filter((r) => r.vip).map((r) => r.customer.key)).toEqual(expected);
      }),
    );
  });

  test('tiers by LTV with the seed defaults', () => {
    const t = DEFAULT_SETTINGS.tiers;
    expect(tierOf(300_000, t)).toBe('diamond');
    expect(tierOf(299_999, t)).toBe('platinum');
    expect(tierOf(150_000, t)).toBe('platinum');
    expect(tierOf(80_000, t)).toBe('gold');
    expect(tierOf(79_999, t)).toBeUndefined();
    fc.assert(
      fc.property(fc.integer({ min: -1e6, max: 1e7 }), fc.integer({ min: 0, max: 1e6 }), (a, d) => {
        const order = [undefined, 'gold', 'platinum', 'diamond'];
        expect(order.indexOf(tierOf(a + d, t))).toBeGreaterThanOrEqual(order.indexOf(tierOf(a, t)));
      }),
    );
  });

  test('code-point order differs from UTF-16 order where it matters', () => {
    // U+1F600 (an emoji, a surrogate pair in UTF-16) sorts after U+FF21 (full-width A) by code point.
    expect(compareCodePoints('😀', 'Ａ')).toBeGreaterThan(0);
    expect('😀' < 'Ａ').toBe(true);
    // Random text rarely shares a prefix; keys from a few characters share long ones, and differ
    // inside a surrogate pair (😀 U+1F600 and 😁 U+1F601 share their first UTF-16 unit).
    // Any code point but a lone surrogate half (fast-check's 'binary' unit costs seconds to set up).
    const anyChar = fc.integer({ min: 0, max: 0x10ffff - 0x800 }).map((c) => String.fromCodePoint(c >= 0xd800 ? c + 0x800 : c));
    const text = fc.oneof(fc.string({ unit: anyChar }), fc.string({ maxLength: 6, unit: fc.constantFrom('a', 'b', '😀', '😁', '𠀋', 'Ａ') }));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const x = codePoints(a);
        const y = codePoints(b);
        let expected = 0;
        for (let i = 0; i < Math.min(x.length, y.length) && expected === 0; i++) expected = Math.sign(x[i]! - y[i]!);
        if (expected === 0) expected = Math.sign(x.length - y.length);
        expect(Math.sign(compareCodePoints(a, b))).toBe(expected);
      }),
    );
  });

  test('full ties on LTV, purchases and last order are broken by the key, character by character', () => {
    // Shop IDs share long prefixes: the first differing character decides, and a key that is a
    // prefix of another comes first.
    const keys = ['C-1002', 'C-1001', 'C-100', '顧客2', '顧客10', 'c-1001'];
    const ranked = rankCustomers(
      keys.map((key) => metrics({ key, ltv: 5000, purchases: 2, lastOrder: 19_001 })),
      DEFAULT_SETTINGS.vip,
      DEFAULT_SETTINGS.tiers,
    );
    expect(ranked.map((r) => r.customer.key)).toEqual(['C-100', 'C-1001', 'C-1002', 'c-1001', '顧客10', '顧客2']);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  test('the ranking order is a total order for any customers, with or without a purchase (property)', () => {
    const anyone = fc
      .record({
        key: fc.string({ maxLength: 3, unit: fc.constantFrom('a', 'b', '😀') }),
        ltv: fc.constantFrom(0, 5000),
        purchases: fc.integer({ min: 0, max: 2 }),
        lastOrder: fc.integer({ min: 19_000, max: 19_001 }),
      })
      .map((c) => metrics({ ...c, lastOrder: c.purchases > 0 ? c.lastOrder : undefined }));
    fc.assert(
      fc.property(anyone, anyone, (a, b) => {
        expect(Math.sign(compareRanking(a, b)) + Math.sign(compareRanking(b, a))).toBe(0);
        expect(compareRanking(a, b) === 0).toBe(a.key === b.key && a.ltv === b.ltv && a.purchases === b.purchases && a.lastOrder === b.lastOrder);
      }),
    );
  });

  test('the thank-you message (seed 003)', () => {
    expect(fillTemplate(DEFAULT_SETTINGS.messageTemplate.ja, { name: '山田花子', ltv: groupDigits(80000) })).toBe(
      '山田花子様、累計80,000円のご愛顧に心から感謝します',
    );
    expect(groupDigits(-1234567)).toBe('-1,234,567');
    expect([0, 999, 1000, 12_800.4, 1_000_000].map(groupDigits)).toEqual(['0', '999', '1,000', '12,800', '1,000,000']);
    expect(fillTemplate('{name} {unknown}', { name: 'A' })).toBe('A {unknown}');
  });
});
