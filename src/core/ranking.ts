/**
 * LTV ranking, VIPs and tiers (SPEC §4, seed 003: LTV×回数で「売上の核」を特定し、上位100名をVIPに).
 */
import type { TierId } from './labels';
import type { CustomerMetrics } from './metrics';
import type { Tiers, VipRules } from './settings';

export interface Ranked {
  readonly customer: CustomerMetrics;
  /** 1..N, unique. */
  readonly rank: number;
  readonly tier: TierId | undefined;
  readonly vip: boolean;
}

/**
 * Code-point order of two strings (JS `<` compares UTF-16 units, which puts an emoji or a rare
 * kanji outside the BMP before U+E000–U+FFFF characters such as full-width letters).
 */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // At the first difference, a surrogate must be compared as the code point it starts.
    const cx = a.codePointAt(i)!;
    const cy = b.codePointAt(i)!;
    return cx < cy ? -1 : cx > cy ? 1 : 0;
  }
  return a.length - b.length;
}

/** LTV desc, purchases desc, last order desc, customer key asc (code points). */
export function compareRanking(a: CustomerMetrics, b: CustomerMetrics): number {
  if (a.ltv !== b.ltv) return b.ltv - a.ltv;
  if (a.purchases !== b.purchases) return b.purchases - a.purchases;
  const la = a.lastOrder ?? -Infinity;
  const lb = b.lastOrder ?? -Infinity;
  if (la !== lb) return lb > la ? 1 : -1;
  return compareCodePoints(a.key, b.key);
}

export function tierOf(ltv: number, tiers: Tiers): TierId | undefined {
  if (ltv >= tiers.diamond) return 'diamond';
  if (ltv >= tiers.platinum) return 'platinum';
  if (ltv >= tiers.gold) return 'gold';
  return undefined;
}

export function isVipCandidate(c: CustomerMetrics, rules: VipRules): boolean {
  const byLtv = c.ltv >= rules.minLtv;
  const byCount = c.purchases >= rules.minPurchases;
  return rules.mode === 'and' ? byLtv && byCount : byLtv || byCount;
}

/** Ranks every customer with a purchase; the first `count` candidates in that order are VIPs. */
export function rankCustomers(customers: Iterable<CustomerMetrics>, rules: VipRules, tiers: Tiers): Ranked[] {
  const buyers: CustomerMetrics[] = [];
  for (const c of customers) if (c.purchases > 0) buyers.push(c);
  buyers.sort(compareRanking);
  let vips = 0;
  return buyers.map((customer, i) => {
    const vip = vips < rules.count && isVipCandidate(customer, rules);
    if (vip) vips++;
    return { customer, rank: i + 1, tier: tierOf(customer.ltv, tiers), vip };
  });
}

/** 12800 → "12,800". */
export function groupDigits(n: number): string {
  const s = String(Math.round(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 ? `-${s}` : s;
}

// The thank-you template is filled by the one template filler the sidebar uses too.
export { fillTemplate } from './shared';
