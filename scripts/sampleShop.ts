/**
 * A deterministic sample shop: 茶の葉 みどり園, a small Japanese online tea shop, over the 18 months
 * up to the day its data was exported (SAMPLE_AS_OF). Same seed, same shop — no Math.random, no
 * clock: every draw comes from a seeded mulberry32.
 *
 * The shape follows what small shops see: most customers buy once (often the お試し set), a share
 * comes back after gaps of weeks to months and then tends to stay, about 8% take the monthly 定期便
 * and some of them cancel it, a few gift buyers spend a lot (so the LTV tiers and VIP list fill),
 * a few orders are cancelled, returned or partly refunded, and survey answers follow how attached a
 * customer is (promoters are mostly repeaters).
 *
 * `generateShop` returns the structured data; the renderers turn it into the sheets a shop owner
 * would paste: a Shopify orders export, a generic Japanese order list, a customers sheet and a
 * Google Forms response sheet. Times are JST wall-clock times ("local ms": ms since 1970-01-01 on
 * the Tokyo wall clock), which is how the exports write them.
 */

import { mulberry32 } from './random';

/** The day the sample was exported; its data ends on this day. */
export const SAMPLE_AS_OF = '2026-10-31';
export const SAMPLE_SEED = 20261031;
export const SAMPLE_CUSTOMERS = 3000;
/** Months of history up to the as-of day. */
export const SAMPLE_MONTHS = 18;
export const SHOP_NAME = '茶の葉 みどり園';
/** Shopify's Vendor (the brand on each line item). */
const VENDOR = 'みどり園';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;

// ---------------------------------------------------------------------------------------------
// Seeded randomness


class Rng {
  private readonly next: () => number;
  private spare: number | undefined;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** [0, 1) */
  float(): number {
    return this.next();
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** Integer in [lo, hi], both ends included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  weighted<T>(items: readonly T[], weight: (t: T) => number): T {
    let total = 0;
    for (const t of items) total += weight(t);
    let x = this.next() * total;
    for (const t of items) {
      x -= weight(t);
      if (x < 0) return t;
    }
    return items[items.length - 1]!;
  }
  /** Standard normal (Box–Muller, both values used). */
  normal(): number {
    if (this.spare !== undefined) {
      const s = this.spare;
      this.spare = undefined;
      return s;
    }
    let u = 0;
    while (u === 0) u = this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }
  /** Log-normal with the given median. */
  lognormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }
  /** Exponential with the given mean. */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }
}

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

// ---------------------------------------------------------------------------------------------
// Calendar on the Tokyo wall clock

/** `YYYY-MM-DD` → local ms of that day's midnight. */
export function dayMs(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${iso}`);
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!);
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function parts(ms: number): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const t = new Date(ms);
  return {
    y: t.getUTCFullYear(),
    mo: t.getUTCMonth() + 1,
    d: t.getUTCDate(),
    h: t.getUTCHours(),
    mi: t.getUTCMinutes(),
    s: t.getUTCSeconds(),
  };
}

/** `2025-05-01 10:00:00 +0900` (Shopify). */
export function shopifyTime(ms: number): string {
  const p = parts(ms);
  return `${p.y}-${pad(p.mo)}-${pad(p.d)} ${pad(p.h)}:${pad(p.mi)}:${pad(p.s)} +0900`;
}

/** `2025/05/01 10:00` (Japanese carts). */
export function jaTime(ms: number): string {
  const p = parts(ms);
  return `${p.y}/${pad(p.mo)}/${pad(p.d)} ${pad(p.h)}:${pad(p.mi)}`;
}

/** `2025/06/01 12:34:56` (Google Forms, Japanese locale). */
export function formsTime(ms: number): string {
  const p = parts(ms);
  return `${p.y}/${pad(p.mo)}/${pad(p.d)} ${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}`;
}

/** `1985/04/12`. */
export function jaDate(ms: number): string {
  const p = parts(ms);
  return `${p.y}/${pad(p.mo)}/${pad(p.d)}`;
}

/** `2025-05-01`. */
export function isoDate(ms: number): string {
  const p = parts(ms);
  return `${p.y}-${pad(p.mo)}-${pad(p.d)}`;
}

/** Same day-of-month `n` months later (clamped to the month's length). */
function addMonths(ms: number, n: number): number {
  const p = parts(ms);
  const first = Date.UTC(p.y, p.mo - 1 + n, 1);
  const last = new Date(Date.UTC(p.y, p.mo + n, 0)).getUTCDate();
  return first + (Math.min(p.d, last) - 1) * DAY + (ms % DAY);
}

/** `12800` → `¥12,800`. */
export function yenText(n: number): string {
  const s = String(Math.abs(Math.round(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 ? '-' : ''}¥${s}`;
}

// ---------------------------------------------------------------------------------------------
// The shop's catalogue and people

export type ProductKind = 'trial' | 'tea' | 'ware' | 'gift' | 'subscription';

export interface Product {
  readonly sku: string;
  readonly name: string;
  /** Tax-inclusive price in yen (Japanese shops show 税込 prices). */
  readonly price: number;
  readonly compareAt?: number;
  /** Consumption tax rate: 8% for food (軽減税率), 10% for goods. */
  readonly taxRate: 8 | 10;
  readonly kind: ProductKind;
  /** How often it is picked for an ordinary basket. */
  readonly weight: number;
  /** Picked more in these months (1–12). */
  readonly season?: readonly number[];
}

export const PRODUCTS: readonly Product[] = [
  { sku: 'TR-001', name: 'お試し 3種飲み比べセット', price: 1980, compareAt: 2640, taxRate: 8, kind: 'trial', weight: 0 },
  { sku: 'SN-100', name: '深蒸し煎茶「みどり」100g', price: 1620, taxRate: 8, kind: 'tea', weight: 10 },
  { sku: 'SN-200', name: '特上煎茶「翠雲」100g', price: 2700, taxRate: 8, kind: 'tea', weight: 6 },
  { sku: 'GY-100', name: '玉露「露しずく」100g', price: 5400, taxRate: 8, kind: 'tea', weight: 2 },
  { sku: 'HJ-020', name: 'ほうじ茶ティーバッグ 20包', price: 1080, taxRate: 8, kind: 'tea', weight: 8 },
  { sku: 'GM-200', name: '玄米茶 200g', price: 1296, taxRate: 8, kind: 'tea', weight: 5 },
  { sku: 'MC-030', name: '有機抹茶 30g', price: 2160, taxRate: 8, kind: 'tea', weight: 5 },
  { sku: 'WK-050', name: '和紅茶 50g', price: 1944, taxRate: 8, kind: 'tea', weight: 4, season: [10, 11, 12, 1, 2] },
  { sku: 'MZ-015', name: '水出し煎茶ティーバッグ 15包', price: 1188, taxRate: 8, kind: 'tea', weight: 6, season: [6, 7, 8] },
  { sku: 'SW-001', name: '抹茶スイーツ詰め合わせ', price: 3240, taxRate: 8, kind: 'tea', weight: 3 },
  { sku: 'KY-001', name: '常滑焼 急須', price: 6600, taxRate: 10, kind: 'ware', weight: 1.2 },
  { sku: 'YN-002', name: '湯呑み 2客セット', price: 4400, taxRate: 10, kind: 'ware', weight: 1.2 },
  { sku: 'CS-001', name: '茶筅(百本立)', price: 3850, taxRate: 10, kind: 'ware', weight: 0.8 },
  { sku: 'TK-001', name: '茶器セット(急須・湯呑み5客)', price: 16500, compareAt: 19800, taxRate: 10, kind: 'ware', weight: 0.3 },
  { sku: 'GF-003', name: 'ギフトセット 煎茶3種', price: 5400, taxRate: 8, kind: 'gift', weight: 2.5, season: [5, 6, 8, 12] },
  { sku: 'GF-005', name: 'ギフトセット 玉露・煎茶 桐箱入り', price: 10800, taxRate: 8, kind: 'gift', weight: 0.8, season: [6, 8, 12] },
  { sku: 'SB-001', name: '【定期便】季節のお茶 3種セット', price: 4320, taxRate: 8, kind: 'subscription', weight: 0 },
  { sku: 'SB-002', name: '【定期便】プレミアム 玉露入り4種セット', price: 7560, taxRate: 8, kind: 'subscription', weight: 0 },
];

const product = (sku: string): Product => {
  const p = PRODUCTS.find((x) => x.sku === sku);
  if (p === undefined) throw new Error(`no product ${sku}`);
  return p;
};
const BASKET = PRODUCTS.filter((p) => p.weight > 0);
const GIFTS = PRODUCTS.filter((p) => p.kind === 'gift');

const FAMILY: ReadonlyArray<readonly [string, string]> = [
  ['佐藤', 'sato'], ['鈴木', 'suzuki'], ['高橋', 'takahashi'], ['田中', 'tanaka'], ['伊藤', 'ito'],
  ['渡辺', 'watanabe'], ['山本', 'yamamoto'], ['中村', 'nakamura'], ['小林', 'kobayashi'], ['加藤', 'kato'],
  ['吉田', 'yoshida'], ['山田', 'yamada'], ['佐々木', 'sasaki'], ['山口', 'yamaguchi'], ['松本', 'matsumoto'],
  ['井上', 'inoue'], ['木村', 'kimura'], ['林', 'hayashi'], ['斎藤', 'saito'], ['清水', 'shimizu'],
  ['山崎', 'yamazaki'], ['森', 'mori'], ['池田', 'ikeda'], ['橋本', 'hashimoto'], ['阿部', 'abe'],
  ['石川', 'ishikawa'], ['前田', 'maeda'], ['藤田', 'fujita'], ['小川', 'ogawa'], ['岡田', 'okada'],
];

const GIVEN: ReadonlyArray<readonly [string, string]> = [
  ['陽子', 'yoko'], ['恵子', 'keiko'], ['由美', 'yumi'], ['裕子', 'yuko'], ['美香', 'mika'], ['直美', 'naomi'],
  ['智子', 'tomoko'], ['久美子', 'kumiko'], ['真由美', 'mayumi'], ['明美', 'akemi'], ['愛', 'ai'], ['彩', 'aya'],
  ['さくら', 'sakura'], ['美咲', 'misaki'], ['結衣', 'yui'], ['葵', 'aoi'], ['陽菜', 'hina'], ['千尋', 'chihiro'],
  ['奈々', 'nana'], ['舞', 'mai'], ['香織', 'kaori'], ['早苗', 'sanae'], ['和子', 'kazuko'], ['幸子', 'sachiko'],
  ['健一', 'kenichi'], ['誠', 'makoto'], ['大輔', 'daisuke'], ['翔太', 'shota'], ['拓也', 'takuya'], ['浩', 'hiroshi'],
  ['隆', 'takashi'], ['直樹', 'naoki'], ['亮', 'ryo'], ['蓮', 'ren'],
];

/** Reserved example domains (RFC 2606, JPRS): no real mailbox can be hit. */
const DOMAINS: ReadonlyArray<readonly [string, number]> = [
  ['example.com', 5], ['example.jp', 3], ['example.ne.jp', 3], ['example.co.jp', 1], ['example.net', 2], ['example.org', 1],
];

interface Place {
  readonly pref: string;
  readonly code: string;
  readonly prefEn: string;
  readonly city: string;
  readonly town: string;
  readonly zip: string;
}

const PLACES: readonly Place[] = [
  { pref: '東京都', code: 'JP-13', prefEn: 'Tokyo', city: '世田谷区', town: '桜新町', zip: '154-0015' },
  { pref: '東京都', code: 'JP-13', prefEn: 'Tokyo', city: '杉並区', town: '阿佐谷南', zip: '166-0004' },
  { pref: '神奈川県', code: 'JP-14', prefEn: 'Kanagawa', city: '横浜市青葉区', town: '美しが丘', zip: '225-0002' },
  { pref: '埼玉県', code: 'JP-11', prefEn: 'Saitama', city: 'さいたま市浦和区', town: '常盤', zip: '330-0061' },
  { pref: '千葉県', code: 'JP-12', prefEn: 'Chiba', city: '船橋市', town: '本町', zip: '273-0005' },
  { pref: '大阪府', code: 'JP-27', prefEn: 'Osaka', city: '豊中市', town: '上野東', zip: '560-0012' },
  { pref: '京都府', code: 'JP-26', prefEn: 'Kyoto', city: '京都市左京区', town: '北白川', zip: '606-8267' },
  { pref: '愛知県', code: 'JP-23', prefEn: 'Aichi', city: '名古屋市千種区', town: '覚王山通', zip: '464-0841' },
  { pref: '静岡県', code: 'JP-22', prefEn: 'Shizuoka', city: '静岡市葵区', town: '呉服町', zip: '420-0031' },
  { pref: '福岡県', code: 'JP-40', prefEn: 'Fukuoka', city: '福岡市中央区', town: '大濠', zip: '810-0052' },
  { pref: '北海道', code: 'JP-01', prefEn: 'Hokkaido', city: '札幌市中央区', town: '円山西町', zip: '064-0944' },
  { pref: '宮城県', code: 'JP-04', prefEn: 'Miyagi', city: '仙台市青葉区', town: '国分町', zip: '980-0803' },
];

const COMMENTS: readonly string[] = [
  '香りがとても良かったです。また買います！',
  '梱包が丁寧で、贈り物にも安心して使えます',
  '「水出し煎茶」が夏にぴったりでした',
  '届くまで少し時間がかかりました。\n次回はもう少し早いと嬉しいです',
  '定期便、毎月の楽しみになっています',
  'お試しセットで好みのお茶が見つかりました',
  '少し値段が高いと感じました',
  '母の日のギフトに使いました。とても喜ばれました',
  'ティーバッグが手軽で、職場でも飲んでいます',
  '玉露の甘みに驚きました',
  'Good tea, fast shipping. Thank you!',
  'パッケージに "賞味期限" がもう少し大きく書いてあると助かります',
];

// ---------------------------------------------------------------------------------------------
// Structured data

export type CustomerKind = 'regular' | 'subscriber' | 'gift' | 'member';

export interface Customer {
  /** `C000123`, in order of sign-up. */
  readonly id: string;
  readonly family: string;
  readonly given: string;
  /** `佐藤 陽子` */
  readonly name: string;
  readonly email: string;
  readonly place: Place;
  /** Local ms of the birthday's midnight, when known. */
  readonly birthday: number | undefined;
  /** 友だち登録 on the shop's LINE account. */
  readonly line: boolean;
  /** Accepts e-mail marketing (Shopify's "Accepts Marketing"). */
  readonly acceptsMarketing: boolean;
  readonly kind: CustomerKind;
  /** 0–1: how attached the customer becomes; drives repeats and survey answers. */
  readonly affinity: number;
  /** Local ms of sign-up (the first order, or joining without buying). */
  readonly signup: number;
  /** 定期便: local ms of its start and, when cancelled, of the cancellation. */
  subscriptionStart: number | undefined;
  subscriptionEnd: number | undefined;
}

export interface OrderLine {
  readonly product: Product;
  readonly quantity: number;
}

export type OrderStatus = 'fulfilled' | 'unfulfilled' | 'cancelled' | 'returned' | 'partially_refunded';

export interface Order {
  /** Order number, 1001… in order of creation (Shopify's `#1001`). */
  number: number;
  /** '' for a walk-in sale at an event (no customer recorded). */
  readonly customerId: string;
  /** Local ms of creation. */
  readonly at: number;
  readonly lines: readonly OrderLine[];
  readonly subtotal: number;
  readonly discountCode: string;
  readonly discount: number;
  readonly shipping: number;
  /** Consumption tax included in the total (内税). */
  readonly tax: number;
  readonly total: number;
  /** An order of the 定期便. */
  readonly subscription: boolean;
  readonly source: 'web' | 'subscription' | 'pos';
  status: OrderStatus;
  /** Local ms of cancellation / refund / fulfilment, when they happened. */
  cancelledAt: number | undefined;
  /** A cancelled order whose card authorisation was voided (never paid). */
  voided: boolean;
  refundedAt: number | undefined;
  /** Yen refunded (the total for a return; part of it for a partial refund). */
  refunded: number;
  fulfilledAt: number | undefined;
  /** Shopify's internal order id. */
  shopifyId: number;
}

export interface SurveyResponse {
  /** Local ms of the response. */
  readonly at: number;
  /** The e-mail as the respondent's Google account gave it (case may differ). */
  readonly email: string;
  /** '' for a respondent who is not a customer. */
  readonly customerId: string;
  readonly nps: number;
  readonly satisfaction: number | undefined;
  readonly comment: string;
}

export interface Shop {
  readonly name: string;
  readonly seed: number;
  /** `YYYY-MM-DD`: the export day; nothing after it. */
  readonly asOf: string;
  /** `YYYY-MM-DD`: the first day of the history. */
  readonly start: string;
  readonly customers: readonly Customer[];
  /** By order number. */
  readonly orders: readonly Order[];
  /** By time. */
  readonly survey: readonly SurveyResponse[];
}

export interface ShopOptions {
  /** Customers who bought, roughly (a few members who never bought come on top). Default 3000. */
  readonly customers?: number;
  readonly seed?: number;
  /** The export day `YYYY-MM-DD`. Default SAMPLE_AS_OF. */
  readonly asOf?: string;
}

// ---------------------------------------------------------------------------------------------
// Generation

/** Relative number of new customers by month (gift seasons, summer lull). */
const MONTH_WEIGHT = [0.85, 0.8, 0.95, 1, 1.3, 1.1, 1, 0.9, 0.95, 1, 1.15, 1.5];
/** Hour-of-day weights for web orders (JST): lunch and late evening. */
const HOUR_WEIGHT = [1.2, 0.6, 0.3, 0.2, 0.2, 0.3, 0.6, 1.2, 1.6, 1.8, 2, 2.2, 2.8, 2.4, 2, 2, 2, 2, 2.2, 2.6, 3.2, 3.6, 3.4, 2.2];
const HOURS = HOUR_WEIGHT.map((w, h) => ({ h, w }));

interface Draft {
  customerId: string;
  at: number;
  lines: OrderLine[];
  discountCode: string;
  subscription: boolean;
  source: Order['source'];
}

export function generateShop(opts: ShopOptions = {}): Shop {
  const seed = opts.seed ?? SAMPLE_SEED;
  const asOf = opts.asOf ?? SAMPLE_AS_OF;
  const buyers = opts.customers ?? SAMPLE_CUSTOMERS;
  const rng = new Rng(seed);

  const end = dayMs(asOf) + DAY - 1000; // 23:59:59 of the export day
  const startDay = addMonths(dayMs(asOf) + DAY, -SAMPLE_MONTHS); // e.g. 2025-05-01
  const days = Math.round((dayMs(asOf) + DAY - startDay) / DAY);

  const timeOfDay = (): number => rng.weighted(HOURS, (x) => x.w).h * HOUR + rng.int(0, 59) * MINUTE + rng.int(0, 59) * 1000;

  // Sign-up days: growing a little over time, with the gift seasons.
  const dayWeights: number[] = [];
  for (let d = 0; d < days; d++) {
    const month = parts(startDay + d * DAY).mo;
    dayWeights.push((1 + (0.6 * d) / days) * MONTH_WEIGHT[month - 1]!);
  }
  const cumulative: number[] = [];
  let acc = 0;
  for (const w of dayWeights) cumulative.push((acc += w));
  const signupDay = (): number => {
    const x = rng.float() * acc;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return startDay + lo * DAY;
  };

  // People. Members who joined on LINE without buying come on top of the buyers (≈2%).
  const members = Math.round(buyers * 0.02);
  const emails = new Set<string>();
  const people: Array<Omit<Customer, 'id'>> = [];
  for (let i = 0; i < buyers + members; i++) {
    const kind: CustomerKind =
      i >= buyers ? 'member' : rng.chance(0.08) ? 'subscriber' : rng.chance(0.016) ? 'gift' : 'regular';
    const [family, familyRo] = rng.pick(FAMILY);
    const [given, givenRo] = rng.weighted(GIVEN, (g) => (GIVEN.indexOf(g) < 24 ? 2.5 : 1));
    let affinity = clamp(0.5 + 0.22 * rng.normal(), 0, 1);
    if (kind === 'subscriber' || kind === 'gift') affinity = clamp(affinity + 0.15, 0, 1);
    const domain = rng.weighted(DOMAINS, (d) => d[1])[0];
    const style = rng.int(0, 3);
    const yy = pad(rng.int(60, 99) % 100);
    let local =
      style === 0 ? `${givenRo}.${familyRo}` : style === 1 ? `${familyRo}${givenRo}` : style === 2 ? `${givenRo[0]}${familyRo}${yy}` : `${givenRo}_${familyRo[0]}`;
    let email = `${local}@${domain}`;
    while (emails.has(email)) {
      local = `${local}${rng.int(1, 9)}`;
      email = `${local}@${domain}`;
    }
    emails.add(email);
    const line = kind === 'member' ? rng.chance(0.9) : rng.chance(0.42 + 0.4 * affinity);
    const acceptsMarketing = rng.chance(line ? 0.7 : 0.3);
    const birthYear = rng.int(1950, 2002);
    const birthday = rng.chance(0.8) ? Date.UTC(birthYear, rng.int(0, 11), rng.int(1, 28)) : undefined;
    const day = signupDay();
    people.push({
      family,
      given,
      name: `${family} ${given}`,
      email,
      place: rng.pick(PLACES),
      birthday,
      line,
      acceptsMarketing,
      kind,
      affinity,
      signup: day + timeOfDay(),
      subscriptionStart: undefined,
      subscriptionEnd: undefined,
    });
  }
  people.sort((a, b) => a.signup - b.signup);
  const customers: Customer[] = people.map((p, i) => ({ ...p, id: `C${pad(i + 1, 6)}` }));

  // Orders.
  const drafts: Draft[] = [];
  const basket = (at: number, min = 1): OrderLine[] => {
    const month = parts(at).mo;
    const n = Math.max(min, rng.weighted([1, 2, 3, 4], (k) => [0.5, 0.3, 0.14, 0.06][k - 1]!));
    const lines: OrderLine[] = [];
    for (let k = 0; k < n; k++) {
      const p = rng.weighted(BASKET, (x) => (x.season?.includes(month) ? 3 * x.weight : x.weight));
      const existing = lines.find((l) => l.product === p);
      const quantity = rng.weighted([1, 2, 3], (q) => [0.8, 0.15, 0.05][q - 1]!);
      if (existing === undefined) lines.push({ product: p, quantity });
    }
    return lines;
  };
  const giftBasket = (): OrderLine[] => {
    const lines: OrderLine[] = [];
    const kinds = rng.int(1, 2);
    for (let k = 0; k < kinds; k++) {
      const p = rng.pick(GIFTS);
      if (lines.some((l) => l.product === p)) continue;
      lines.push({ product: p, quantity: Math.round(rng.lognormal(3, 0.6)) + 1 });
    }
    if (rng.chance(0.3)) lines.push({ product: rng.pick(BASKET), quantity: 1 });
    return lines;
  };
  const webTime = (day: number): number => Math.floor(day / DAY) * DAY + timeOfDay();

  for (const c of customers) {
    if (c.kind === 'member') continue;
    const a = c.affinity;
    let at = c.signup;
    if (c.kind === 'gift') {
      // Gift buyers: large orders (company gifts, 御中元・御歳暮), coming back often.
      let n = 0;
      while (at <= end) {
        drafts.push({ customerId: c.id, at, lines: giftBasket(), discountCode: '', subscription: false, source: 'web' });
        n++;
        if (!rng.chance(n === 1 ? 0.7 : 0.82)) break;
        at = webTime(at + rng.lognormal(45, 0.5) * DAY);
      }
      continue;
    }
    // First order: often the お試し set, sometimes with the welcome code.
    const first: OrderLine[] = rng.chance(0.45) ? [{ product: product('TR-001'), quantity: 1 }] : basket(at);
    if (first[0]!.product.sku === 'TR-001' && rng.chance(0.25)) first.push(...basket(at).slice(0, 1));
    const welcome = rng.chance(0.25) ? 'WELCOME10' : '';

    if (c.kind === 'subscriber') {
      // Either the first order starts the 定期便, or a trial comes first and it starts weeks later.
      let subStart = at;
      if (rng.chance(0.5)) {
        drafts.push({ customerId: c.id, at, lines: first, discountCode: welcome, subscription: false, source: 'web' });
        subStart = webTime(at + rng.int(10, 45) * DAY);
      }
      if (subStart > end) continue;
      c.subscriptionStart = subStart;
      const plan = rng.chance(0.8) ? product('SB-001') : product('SB-002');
      const hazard = 0.03 + 0.09 * (1 - a);
      for (let k = 0; ; k++) {
        // Billing runs in the morning on the same day each month.
        const bill = Math.floor(addMonths(subStart, k) / DAY) * DAY + (k === 0 ? subStart % DAY : 9 * HOUR + rng.int(0, 59) * MINUTE + rng.int(0, 59) * 1000);
        if (bill > end) break;
        if (k > 0 && rng.chance(hazard)) {
          c.subscriptionEnd = Math.min(end, bill - rng.int(3, 12) * DAY + 10 * HOUR + rng.int(0, 600) * MINUTE);
          break;
        }
        if (k > 0 && rng.chance(0.03)) continue; // skipped this month
        const lines: OrderLine[] = [{ product: plan, quantity: 1 }];
        if (rng.chance(0.2)) lines.push(...basket(bill).slice(0, rng.int(1, 2)));
        drafts.push({ customerId: c.id, at: bill, lines, discountCode: '', subscription: true, source: k === 0 ? 'web' : 'subscription' });
        // Now and then a gift on the side.
        if (rng.chance(0.06)) {
          const side = webTime(bill + rng.int(3, 25) * DAY);
          if (side <= end) drafts.push({ customerId: c.id, at: side, lines: basket(side), discountCode: '', subscription: false, source: 'web' });
        }
      }
      // Some former subscribers still buy now and then.
      if (c.subscriptionEnd !== undefined && rng.chance(0.25)) {
        const later = webTime(c.subscriptionEnd + rng.lognormal(60, 0.5) * DAY);
        if (later <= end) drafts.push({ customerId: c.id, at: later, lines: basket(later), discountCode: '', subscription: false, source: 'web' });
      }
      continue;
    }

    // Regular customers: after each order, come back with a probability that grows once they have.
    drafts.push({ customerId: c.id, at, lines: first, discountCode: welcome, subscription: false, source: 'web' });
    for (let n = 1; ; n++) {
      const again = n === 1 ? 0.14 + 0.5 * a : 0.45 + 0.45 * a;
      if (!rng.chance(again)) break;
      const gap = rng.lognormal(40 + 70 * (1 - a), 0.6) + 5;
      at = webTime(at + gap * DAY);
      if (at > end) break;
      // Loyal customers' baskets grow a little.
      const lines = basket(at, n >= 3 && rng.chance(0.3) ? 2 : 1);
      if (rng.chance(0.04)) lines.push(...giftBasket().slice(0, 1));
      drafts.push({ customerId: c.id, at, lines, discountCode: '', subscription: false, source: 'web' });
    }
  }

  // Walk-in sales at a tea fair (POS): no customer recorded — Shopify leaves Email blank.
  for (let k = 0; k < 4; k++) {
    const at = dayMs('2026-04-18') + (k < 2 ? 0 : DAY) + (11 + 2 * k) * HOUR + rng.int(0, 59) * MINUTE;
    if (at <= end && at >= startDay) drafts.push({ customerId: '', at, lines: basket(at), discountCode: '', subscription: false, source: 'pos' });
  }

  drafts.sort((x, y) => x.at - y.at || (x.customerId < y.customerId ? -1 : 1));
  const orders: Order[] = drafts.map((d, i) => priceOrder(d, 1001 + i, rng, end));

  // Survey: an invitation a week after each delivered order; attached customers answer more often
  // and more warmly, and subscribers answer most.
  const byId = new Map(customers.map((c) => [c.id, c]));
  const seen = new Map<string, number>();
  const survey: SurveyResponse[] = [];
  for (const o of orders) {
    const c = byId.get(o.customerId);
    if (c === undefined) continue;
    const nth = (seen.get(c.id) ?? 0) + 1;
    seen.set(c.id, nth);
    if (o.status === 'cancelled') continue;
    const a = c.affinity;
    const p = o.subscription ? 0.12 + 0.3 * a : c.kind === 'gift' ? 0.15 : nth === 1 ? 0.06 + 0.2 * a : 0.05 + 0.15 * a;
    if (!rng.chance(p)) continue;
    const at = Math.floor((o.at + 7 * DAY + rng.exponential(2 * DAY)) / DAY) * DAY + timeOfDay();
    if (at > end) continue;
    let mean = 3.5 + 6 * a + (nth >= 2 ? 0.6 : 0) + (o.status === 'returned' || o.status === 'partially_refunded' ? -3 : 0);
    if (o.subscription) mean += 0.4;
    const nps = Math.round(clamp(mean + 1.4 * rng.normal(), 0, 10));
    const satisfaction = rng.chance(0.05) ? undefined : Math.round(clamp(1 + 0.42 * nps + 0.7 * rng.normal(), 1, 5));
    // Google accounts keep the case people typed; a few answer with capitals.
    const email = rng.chance(0.03) ? c.email.charAt(0).toUpperCase() + c.email.slice(1) : c.email;
    survey.push({ at, email, customerId: c.id, nps, satisfaction, comment: rng.chance(0.25) ? rng.pick(COMMENTS) : '' });
  }
  // A few answers from people who found the form but never bought here.
  for (let k = 0; k < 3; k++) {
    const at = startDay + rng.int(30, days - 1) * DAY + timeOfDay();
    survey.push({ at, email: `visitor${k + 1}@example.org`, customerId: '', nps: rng.int(3, 9), satisfaction: rng.int(2, 5), comment: '' });
  }
  survey.sort((x, y) => x.at - y.at);

  return { name: SHOP_NAME, seed, asOf, start: isoDate(startDay), customers, orders, survey };
}

/** A time on the same day between 10:00 and 17:59, when the shop's staff handle refunds. */
function businessHours(ms: number, rng: Rng): number {
  return Math.floor(ms / DAY) * DAY + rng.int(10, 17) * HOUR + rng.int(0, 59) * MINUTE + rng.int(0, 59) * 1000;
}

/** Prices an order and decides what happened to it after it was placed. */
function priceOrder(d: Draft, number: number, rng: Rng, end: number): Order {
  const subtotal = d.lines.reduce((s, l) => s + l.product.price * l.quantity, 0);
  const discount = d.discountCode === '' ? 0 : Math.floor(subtotal * 0.1);
  const shipping = d.subscription || d.source === 'pos' || subtotal >= 5000 ? 0 : 660;
  // 内税: the tax inside each line's price, at its rate.
  const tax = d.lines.reduce((s, l) => {
    const gross = l.product.price * l.quantity * (subtotal === 0 ? 1 : 1 - discount / subtotal);
    return s + Math.floor((gross * l.product.taxRate) / (100 + l.product.taxRate));
  }, 0);
  const total = subtotal - discount + shipping;
  const order: Order = {
    number,
    customerId: d.customerId,
    at: d.at,
    lines: d.lines,
    subtotal,
    discountCode: d.discountCode,
    discount,
    shipping,
    tax,
    total,
    subscription: d.subscription,
    source: d.source,
    status: 'fulfilled',
    cancelledAt: undefined,
    voided: false,
    refundedAt: undefined,
    refunded: 0,
    fulfilledAt: undefined,
    shopifyId: 5_812_400_000_000 + number * 37,
  };
  const age = end - d.at;
  if (d.source === 'pos') {
    order.fulfilledAt = d.at;
    return order;
  }
  const x = rng.float();
  if (x < 0.02) {
    // Cancelled: within hours (card authorisation voided) or a day or two later (refunded).
    order.status = 'cancelled';
    order.voided = rng.chance(0.5);
    order.cancelledAt = Math.min(end, d.at + (order.voided ? rng.int(5, 180) * MINUTE : rng.int(6, 40) * HOUR));
    if (!order.voided) {
      order.refundedAt = order.cancelledAt;
      order.refunded = total;
    }
    return order;
  }
  const shipped = d.at + rng.int(18, 60) * HOUR;
  if (shipped > end || age < 2 * DAY) return { ...order, status: 'unfulfilled' };
  order.fulfilledAt = shipped;
  if (age > 20 * DAY && x < 0.028) {
    // Returned in full (返品).
    order.status = 'returned';
    order.refundedAt = businessHours(shipped + rng.int(4, 12) * DAY, rng);
    order.refunded = total;
  } else if (age > 20 * DAY && x < 0.04) {
    // One item arrived damaged: that unit is refunded.
    const line = rng.pick(d.lines);
    order.status = 'partially_refunded';
    order.refundedAt = businessHours(shipped + rng.int(3, 10) * DAY, rng);
    order.refunded = Math.min(total, line.product.price);
  }
  return order;
}

// ---------------------------------------------------------------------------------------------
// Renderers: the sheets as an owner would paste them (a header row, then the data)

export type SheetCell = string | number;
export type Sheet = SheetCell[][];

export const SHOPIFY_HEADERS = [
  'Name', 'Email', 'Financial Status', 'Paid at', 'Fulfillment Status', 'Fulfilled at', 'Accepts Marketing', 'Currency',
  'Subtotal', 'Shipping', 'Taxes', 'Total', 'Discount Code', 'Discount Amount', 'Shipping Method', 'Created at',
  'Lineitem quantity', 'Lineitem name', 'Lineitem price', 'Lineitem compare at price', 'Lineitem sku',
  'Lineitem requires shipping', 'Lineitem taxable', 'Lineitem fulfillment status', 'Billing Name', 'Billing Street',
  'Billing Address1', 'Billing Address2', 'Billing Company', 'Billing City', 'Billing Zip', 'Billing Province',
  'Billing Country', 'Billing Phone', 'Shipping Name', 'Shipping Street', 'Shipping Address1', 'Shipping Address2',
  'Shipping Company', 'Shipping City', 'Shipping Zip', 'Shipping Province', 'Shipping Country', 'Shipping Phone',
  'Notes', 'Note Attributes', 'Cancelled at', 'Payment Method', 'Payment Reference', 'Refunded Amount', 'Vendor',
  'Outstanding Balance', 'Employee', 'Location', 'Device ID', 'Id', 'Tags', 'Risk Level', 'Source', 'Lineitem discount',
  'Tax 1 Name', 'Tax 1 Value', 'Tax 2 Name', 'Tax 2 Value', 'Tax 3 Name', 'Tax 3 Value', 'Tax 4 Name', 'Tax 4 Value',
  'Tax 5 Name', 'Tax 5 Value', 'Phone', 'Receipt Number', 'Duties', 'Billing Province Name', 'Shipping Province Name',
  'Payment ID', 'Payment Terms Name', 'Next Payment Due At', 'Payment References',
] as const;

type ShopifyHeader = (typeof SHOPIFY_HEADERS)[number];

function customerIndex(shop: Shop): Map<string, Customer> {
  return new Map(shop.customers.map((c) => [c.id, c]));
}

/**
 * A Shopify orders export (Orders → Export → CSV): one row per line item; the order-level fields
 * (Email, Financial Status, Total, Created at, Billing…) only on an order's first row; `Name` is
 * the order number `#1001`. Shopify has no customer ID column: the e-mail is the key.
 */
export function shopifyOrders(shop: Shop): Sheet {
  const people = customerIndex(shop);
  const col = new Map<ShopifyHeader, number>(SHOPIFY_HEADERS.map((h, i) => [h, i]));
  const rows: Sheet = [[...SHOPIFY_HEADERS]];
  for (const o of shop.orders) {
    const c = people.get(o.customerId);
    const financial =
      o.status === 'cancelled' ? (o.voided ? 'voided' : 'refunded') : o.status === 'returned' ? 'refunded' : o.status === 'partially_refunded' ? 'partially_refunded' : 'paid';
    const fulfilled = o.fulfilledAt !== undefined;
    o.lines.forEach((line, k) => {
      const row: SheetCell[] = new Array<SheetCell>(SHOPIFY_HEADERS.length).fill('');
      const set = (h: ShopifyHeader, v: SheetCell): void => {
        row[col.get(h)!] = v;
      };
      set('Name', `#${o.number}`);
      set('Lineitem quantity', line.quantity);
      set('Lineitem name', line.product.name);
      set('Lineitem price', line.product.price);
      set('Lineitem compare at price', line.product.compareAt ?? '');
      set('Lineitem sku', line.product.sku);
      set('Lineitem requires shipping', 'true');
      set('Lineitem taxable', 'true');
      set('Lineitem fulfillment status', fulfilled ? 'fulfilled' : 'pending');
      set('Lineitem discount', 0);
      set('Vendor', VENDOR);
      if (k === 0) {
        set('Email', c?.email ?? '');
        set('Financial Status', financial);
        set('Paid at', o.voided ? '' : shopifyTime(o.at + 2000));
        set('Fulfillment Status', fulfilled ? 'fulfilled' : 'unfulfilled');
        set('Fulfilled at', fulfilled ? shopifyTime(o.fulfilledAt!) : '');
        set('Accepts Marketing', c?.acceptsMarketing ? 'yes' : 'no');
        set('Currency', 'JPY');
        set('Subtotal', o.subtotal - o.discount);
        set('Shipping', o.shipping);
        set('Taxes', o.tax);
        set('Total', o.total);
        set('Discount Code', o.discountCode);
        set('Discount Amount', o.discount);
        set('Shipping Method', o.source === 'pos' ? '' : o.shipping === 0 ? '送料無料' : '通常配送');
        set('Created at', shopifyTime(o.at));
        if (c !== undefined) {
          const p = c.place;
          const address = `${p.town}${(o.number % 4) + 1}-${(o.number % 17) + 1}-${(o.number % 9) + 1}`;
          for (const side of ['Billing', 'Shipping'] as const) {
            set(`${side} Name`, c.name);
            set(`${side} Street`, address);
            set(`${side} Address1`, address);
            set(`${side} City`, p.city);
            set(`${side} Zip`, p.zip);
            set(`${side} Province`, p.code);
            set(`${side} Country`, 'JP');
            set(`${side} Province Name`, p.prefEn);
          }
        }
        set('Cancelled at', o.cancelledAt === undefined ? '' : shopifyTime(o.cancelledAt));
        set('Payment Method', o.source === 'pos' ? 'Cash' : 'Shopify Payments');
        set('Refunded Amount', o.status === 'partially_refunded' || o.refunded > 0 ? o.refunded : 0);
        set('Outstanding Balance', 0);
        set('Location', o.source === 'pos' ? '静岡 お茶まつり会場' : '');
        set('Id', o.shopifyId);
        set('Tags', o.subscription ? (o.source === 'subscription' ? 'Subscription, Subscription Recurring Order' : 'Subscription, Subscription First Order') : '');
        set('Risk Level', 'Low');
        set('Source', o.source === 'subscription' ? 'subscription_contract' : o.source);
        set('Tax 1 Name', o.lines.some((l) => l.product.taxRate === 8) ? '消費税 8%' : '消費税 10%');
        set('Tax 1 Value', o.tax);
      }
      rows.push(row);
    });
  }
  return rows;
}

export const JA_ORDER_HEADERS = ['注文番号', '注文日時', '顧客ID', '氏名', 'メールアドレス', '商品名', '数量', '単価', '合計金額', '注文ステータス', '定期購入'];

/** Orders before this day come from the shop's old cart, which exported amounts as `¥12,800` text. */
export const JA_TEXT_AMOUNTS_BEFORE = '2025-09-01';

/**
 * A generic Japanese order list: one row per line item. Every row repeats the order's fields —
 * including 合計金額, the ORDER total (after discount, with shipping), as EC-CUBE-style exports do —
 * so the order is read from its first row and the sheet can be sorted or filtered safely.
 * 注文ステータス: 発送済み / 発送準備中 / キャンセル / 返品; a partial refund is its own 赤伝 row with a
 * negative amount. 定期購入: 定期 / 通常.
 *
 * Three hand-entered phone orders (注文番号 TEL-…) are deliberately broken — an impossible date, a
 * missing customer, an amount of 要確認 — so that the skipped-row report has something to show.
 */
export function japaneseOrders(shop: Shop): Sheet {
  const people = customerIndex(shop);
  const oldCart = dayMs(JA_TEXT_AMOUNTS_BEFORE);
  const rows: Sheet = [[...JA_ORDER_HEADERS]];
  const refunds: Array<{ at: number; row: SheetCell[] }> = [];
  const status = (o: Order): string =>
    o.status === 'cancelled' ? 'キャンセル' : o.status === 'returned' ? '返品' : o.status === 'unfulfilled' ? '発送準備中' : '発送済み';
  const fullWidthSpace = (name: string): string => name.replace(' ', '\u3000');

  const messy = messyPhoneOrders(shop);
  let nextMessy = 0;
  for (const o of shop.orders) {
    while (nextMessy < messy.length && messy[nextMessy]!.after === o.number) rows.push(messy[nextMessy++]!.row);
    const c = people.get(o.customerId);
    const money = (n: number): SheetCell => (o.at < oldCart ? yenText(n) : n);
    for (const line of o.lines) {
      rows.push([
        o.number,
        jaTime(o.at),
        c?.id ?? '',
        c === undefined ? '' : fullWidthSpace(c.name),
        c?.email ?? '',
        line.product.name,
        line.quantity,
        money(line.product.price),
        money(o.total),
        status(o),
        o.subscription ? '定期' : '通常',
      ]);
    }
    if (o.status === 'partially_refunded' && c !== undefined) {
      refunds.push({
        at: o.refundedAt!,
        row: [
          `R${o.number}`,
          jaTime(o.refundedAt!),
          c.id,
          fullWidthSpace(c.name),
          c.email,
          `一部返金(注文番号 ${o.number})`,
          1,
          -o.refunded,
          -o.refunded,
          '赤伝',
          '通常',
        ],
      });
    }
  }
  // Refund slips are listed at the end, in the order they were issued.
  refunds.sort((x, y) => x.at - y.at);
  for (const r of refunds) rows.push(r.row);
  return rows;
}

/** The broken hand-entered rows of the Japanese layout, and after which order each appears. */
function messyPhoneOrders(shop: Shop): Array<{ after: number; row: SheetCell[] }> {
  const pickOrder = (fraction: number): Order => shop.orders[Math.floor(shop.orders.length * fraction)]!;
  const people = customerIndex(shop);
  const out: Array<{ after: number; row: SheetCell[] }> = [];
  const make = (o: Order, id: string, date: string, amount: SheetCell, withCustomer: boolean): SheetCell[] => {
    const c = people.get(o.customerId);
    return [
      id,
      date,
      withCustomer ? (c?.id ?? '') : '',
      withCustomer && c !== undefined ? c.name.replace(' ', '\u3000') : '電話注文(お名前未確認)',
      withCustomer ? (c?.email ?? '') : '',
      '深蒸し煎茶「みどり」100g',
      2,
      1620,
      amount,
      '発送済み',
      '通常',
    ];
  };
  const a = pickOrder(0.55);
  // 2月30日 does not exist: a typo in a hand-entered date.
  const p = parts(a.at);
  out.push({ after: a.number, row: make(a, 'TEL-0001', `${p.y}/02/30 14:05`, 3900, true) });
  const b = pickOrder(0.7);
  out.push({ after: b.number, row: make(b, 'TEL-0002', jaTime(b.at + 30 * MINUTE), 3900, false) });
  const c = pickOrder(0.85);
  out.push({ after: c.number, row: make(c, 'TEL-0003', jaTime(c.at + 45 * MINUTE), '要確認', true) });
  return out;
}

export const CUSTOMER_HEADERS = ['顧客ID', '氏名', 'メールアドレス', 'LINE登録', '定期課金', '誕生日'];

/**
 * The shop's member list: every customer with an ID, including members who joined on LINE but
 * never bought. LINE登録 ○/×; 定期課金 ○ while the 定期便 runs (× once cancelled); 誕生日 when given.
 */
export function customersSheet(shop: Shop): Sheet {
  const end = dayMs(shop.asOf) + DAY;
  const rows: Sheet = [[...CUSTOMER_HEADERS]];
  for (const c of shop.customers) {
    const active = c.subscriptionStart !== undefined && c.subscriptionStart < end && c.subscriptionEnd === undefined;
    rows.push([
      c.id,
      c.name.replace(' ', '\u3000'),
      c.email,
      c.line ? '○' : '×',
      active ? '○' : '×',
      c.birthday === undefined ? '' : jaDate(c.birthday),
    ]);
  }
  return rows;
}

export const SURVEY_HEADERS = [
  'タイムスタンプ',
  'メールアドレス',
  'このショップを友人や知人に勧める可能性はどのくらいありますか？',
  '総合満足度を教えてください',
  'ご意見・ご感想があればお聞かせください',
];

/** A Google Forms response sheet (e-mail addresses collected), one row per answer. */
export function surveySheet(shop: Shop): Sheet {
  const rows: Sheet = [[...SURVEY_HEADERS]];
  for (const r of shop.survey) rows.push([formsTime(r.at), r.email, r.nps, r.satisfaction ?? '', r.comment]);
  return rows;
}

/** Figures for the README and for checking the sample's realism. */
export function shopStats(shop: Shop) {
  const counts = new Map<string, number>();
  const ltv = new Map<string, number>();
  let cancelled = 0;
  let returned = 0;
  let partial = 0;
  let lineRows = 0;
  for (const o of shop.orders) {
    lineRows += o.lines.length;
    if (o.status === 'cancelled') cancelled++;
    if (o.status === 'returned') returned++;
    if (o.status === 'partially_refunded') partial++;
    if (o.customerId === '' || o.status === 'cancelled' || o.status === 'returned') continue;
    counts.set(o.customerId, (counts.get(o.customerId) ?? 0) + 1);
    ltv.set(o.customerId, (ltv.get(o.customerId) ?? 0) + o.total - o.refunded);
  }
  const buyers = [...counts.values()];
  const values = [...ltv.values()];
  return {
    customers: shop.customers.length,
    buyers: buyers.length,
    neverBought: shop.customers.length - buyers.length,
    orders: shop.orders.length,
    lineRows,
    cancelled,
    returned,
    partiallyRefunded: partial,
    oneTime: buyers.filter((n) => n === 1).length,
    fivePlus: buyers.filter((n) => n >= 5).length,
    subscribers: shop.customers.filter((c) => c.subscriptionStart !== undefined).length,
    activeSubscribers: shop.customers.filter((c) => c.subscriptionStart !== undefined && c.subscriptionEnd === undefined).length,
    ltv80k: values.filter((v) => v >= 80_000).length,
    ltv150k: values.filter((v) => v >= 150_000).length,
    ltv300k: values.filter((v) => v >= 300_000).length,
    maxLtv: Math.max(...values),
    lineRegistered: shop.customers.filter((c) => c.line).length,
    surveyResponses: shop.survey.length,
  };
}
