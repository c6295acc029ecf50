/**
 * Finding columns by header (SPEC §1, HEADERS.md). Columns are never found by position.
 *
 * Matching: normalise the header and each alias the same way; first every field tries its aliases
 * for an exact match (in priority order), then the fields still missing try "contains". A column is
 * claimed once. Doing all exact matches first keeps a loose "contains" alias of an early field
 * (amount's `amount`) from taking a column another field names exactly (`Discount Amount` is not
 * the order total when a `Total` column exists). And a "contains" match for the amount never takes
 * a column that is only a part of the order total (`cod-collectible-amount`, `送料金額`…): SPEC §1.4.
 */
import { nfkc } from './values';

/** Every column the product reads, across the three kinds of input range. */
export type Field =
  | 'customerId'
  | 'email'
  | 'orderId'
  | 'date'
  | 'amount'
  | 'status'
  | 'cancelledAt'
  | 'subscription'
  | 'name'
  | 'registered'
  | 'subscribed'
  | 'birthday'
  | 'reactions'
  | 'nps'
  | 'satisfaction'
  // Platform-profile columns (HEADERS.md "Platform profiles").
  | 'refundedAmount'
  | 'shipping'
  | 'adjustment'
  | 'orderType'
  | 'itemPrice'
  | 'shippingPrice'
  | 'itemStatus'
  // The key of a guest order with neither ID nor e-mail (SPEC §1.4).
  | 'phone'
  // Where an export has no order total: the lines' gross, or price × quantity (SPEC §1.4).
  | 'lineAmount'
  | 'unitPrice'
  | 'quantity'
  // A customers sheet's LINE user ID (from a LINE integration tool), for a LINE audience (issue 14).
  | 'lineUserId';

export type RangeKind = 'orders' | 'customers' | 'survey';

/** Column index of each detected field. */
export type ColumnMap = Partial<Record<Field, number>>;

export interface AliasList {
  /** Matched exactly, then as a substring of the header. */
  readonly aliases: readonly string[];
  /** Matched exactly only: too generic to match inside a longer header. */
  readonly exactOnly?: readonly string[];
  /** A header (NFKC, lower-case, as written) that the "contains" pass must not take. */
  readonly notInside?: (header: string) => boolean;
}

/** A zone named at the end of a header — `Created (UTC)`, `注文日時(JST)`, `Date (UTC+9)` — and
 *  its UTC offset in ms. The header means that the times in its column are in that zone. */
const HEADER_ZONE_RE = /[(（]\s*(utc|gmt|jst)\s*(?:([+-])\s*(\d{1,2})(?::?(\d{2}))?)?\s*[)）]\s*$/i;

export function headerZoneOffset(h: unknown): number | undefined {
  const m = HEADER_ZONE_RE.exec(nfkc(String(h ?? '')));
  if (!m) return undefined;
  if (m[1]!.toLowerCase() === 'jst') return 9 * 3_600_000;
  if (m[2] === undefined) return 0;
  return (m[2] === '-' ? -1 : 1) * (Number(m[3]) * 60 + Number(m[4] ?? 0)) * 60_000;
}

/** NFKC, trim, lower-case, drop a leading `'` and a zone named at the end (`(UTC)`), drop spaces,
 *  `_`, `-`, `(`, `)`, `（`, `）`. */
export function normalizeHeader(h: unknown): string {
  let s = nfkc(String(h ?? '')).trim().toLowerCase();
  if (s.startsWith("'")) s = s.slice(1);
  if (s.endsWith(')')) s = s.replace(HEADER_ZONE_RE, ''); // NFKC made `）` a `)`
  return s.replace(/[\s_\-()（）]/g, '');
}

/** "Included" is not a part: `合計金額(税込)` is the total with its tax, `送料込` the total with
 *  its shipping. */
const INCLUDED_RE = /税込み?|送料込み?|手数料込み?|incl(?:uding|\.)?\s*tax|tax\s*incl(?:uded|usive|\.)?/g;
/** Words that name only a part of an order total (SPEC §1.4): cash on delivery, tax, shipping,
 *  fees, discounts, coupons, points, refunds, tips, and the goods subtotal. English words are
 *  matched whole (`Coffee Amount` is no fee). */
const PART_WORDS_EN = /(?:^|[^a-z])(?:cod|tax|taxes|shipping|postage|fees?|discounts?|coupons?|points?|refund|refunds|refunded|tips?|subtotal)(?:[^a-z]|$)/;
const PART_WORDS_JA = /代引|代金引換|税|送料|配送料|手数料|割引|値引|クーポン|ポイント|返金|小計|商品合計/;

/** Whether a header names only a part of the order total, not the total. */
export function isPartOfTotal(header: string): boolean {
  const h = header.replace(INCLUDED_RE, '');
  return PART_WORDS_EN.test(h) || PART_WORDS_JA.test(h);
}

// Generic aliases, HEADERS.md order. Extra exact-only names are ones a hand-made sheet uses.
const CUSTOMER_ID: AliasList = {
  aliases: ['顧客ID', '会員ID', '顧客番号', '会員番号', '購入者 顧客ID', 'customer id', 'customer_id', 'customer number'],
  exactOnly: ['customer', '顧客', 'customer key', '顧客キー', 'member id', 'user id', 'ユーザーID'],
};
const EMAIL: AliasList = {
  aliases: [
    'メールアドレス', 'メールアドレス(請求先)', '購入者 メールアドレス', '注文者メールアドレス', 'email', 'e-mail',
    'email address', 'buyer-email', 'BillMailAddress',
  ],
  exactOnly: ['mail', 'メール'],
};
const ORDER_ID: AliasList = {
  aliases: [
    '注文ID', '注文番号', '受注番号', '受注ID', '受注コード', '売上ID', 'オーダーID', 'order id', 'order number', 'order-id',
    'amazon-order-id', 'OrderId', 'order #', 'order no', 'transaction id',
  ],
  exactOnly: ['order', '注文'],
};
const DATE: AliasList = {
  aliases: [
    '注文日時', '受注日時', '注文日', '受注日', '購入日', '購入日時', '日付', 'created at', 'order date', 'purchase-date',
    'OrderTime', 'paid at', 'Timestamp', 'タイムスタンプ',
  ],
  exactOnly: ['date', '日時', 'created'],
};
const AMOUNT: AliasList = {
  aliases: [
    '総合計金額', '合計金額', '請求金額', '支払合計', 'お支払い金額', '注文金額', '購入金額', '売上金額', '金額', 'total',
    'order total', 'amount', 'TotalPrice', 'SettleAmount',
  ],
  exactOnly: ['合計', '売上'],
  notInside: isPartOfTotal,
};
const STATUS: AliasList = {
  aliases: [
    '注文ステータス', '受注ステータス', 'ステータス', '注文状況', '対応状況', '処理状況', '発送状況', '発送状態', '入金状態',
    'financial status', 'order-status', 'OrderStatus', 'status',
  ],
};
const PHONE: AliasList = {
  aliases: ['電話番号', 'phone', 'phone number', 'buyer-phone-number', 'BillPhoneNumber', 'telephone'],
  exactOnly: ['tel', '電話'],
};
/** A line's gross: where an export has no order total, the order's amount is their sum. */
const LINE_AMOUNT: AliasList = { aliases: ['gross sales', '小計', 'line total'] };
const UNIT_PRICE: AliasList = {
  aliases: ['単価', '販売価格', 'unit price', 'price'],
  exactOnly: ['価格'],
  notInside: isPartOfTotal, // not shipping-price
};
const QUANTITY: AliasList = { aliases: ['数量', '個数', 'quantity', 'qty'] };
const CANCELLED_AT: AliasList = { aliases: ['cancelled at', 'キャンセル日'] };
const SUBSCRIPTION: AliasList = {
  aliases: ['定期購入', '定期', '定期便', '頒布会', 'subscription', 'recurring'],
};
const ORDER_TYPE: AliasList = { aliases: ['注文種別'] };
const NAME: AliasList = {
  // 注文者 only exactly: inside longer headers it is 注文者郵便番号, 注文者電話番号…
  aliases: ['氏名', '顧客名', '名前', 'お名前', '購入者 名前', 'billing name', 'customer name'],
  exactOnly: ['注文者', '注文者名', '注文者氏名', '購入者名', 'name'],
};
/** In orders only a marketing-consent column registers a customer; short words like 会員 would
 *  match membership-rank columns there. */
const CONSENT: AliasList = {
  aliases: ['accepts email marketing', 'accepts marketing', 'LINE登録', 'メルマガ登録', 'LINE友だち', 'メルマガ購読'],
};
const REGISTERED: AliasList = {
  aliases: ['LINE登録', 'メルマガ登録', 'LINE友だち', '会員', '登録', 'accepts email marketing', 'accepts marketing'],
  exactOnly: ['registered'],
};
const SUBSCRIBED: AliasList = {
  aliases: ['定期課金', '定期購入中', '定期会員', 'subscribed', 'subscription status'],
};
const BIRTHDAY: AliasList = { aliases: ['誕生日', '生年月日', 'birthday', 'date of birth'] };
const REACTIONS: AliasList = { aliases: ['ポジティブ反応回数', 'positive reactions'] };
const NPS: AliasList = {
  aliases: ['NPS', '推奨度', 'おすすめ度', '勧める可能性', '紹介したい', 'likely to recommend'],
};
const SATISFACTION: AliasList = { aliases: ['満足度', '総合満足度', 'satisfaction', 'CSAT'] };
/** The Messaging API's user ID (`U` + 32 hex digits) that LINE integration tools export — not the
 *  LINE ID people search for, which no audience accepts (README, LINE). */
const LINE_USER_ID: AliasList = { aliases: ['LINEユーザーID', 'LINE user ID', 'LINE userId', 'line_user_id', 'LINE UID'] };
const SURVEY_DATE: AliasList = { aliases: ['Timestamp', 'タイムスタンプ', '回答日時', '回答日'], exactOnly: ['date', '日付'] };

/** The fields each kind of range has, in claiming priority. */
export const GENERIC_FIELDS: Record<RangeKind, ReadonlyArray<readonly [Field, AliasList]>> = {
  orders: [
    ['customerId', CUSTOMER_ID],
    ['email', EMAIL],
    ['orderId', ORDER_ID],
    ['date', DATE],
    ['amount', AMOUNT],
    ['status', STATUS],
    ['cancelledAt', CANCELLED_AT],
    ['subscription', SUBSCRIPTION],
    ['orderType', ORDER_TYPE],
    ['name', NAME],
    ['registered', CONSENT],
    ['phone', PHONE],
    ['lineAmount', LINE_AMOUNT],
    ['unitPrice', UNIT_PRICE],
    ['quantity', QUANTITY],
  ],
  customers: [
    ['customerId', CUSTOMER_ID],
    ['email', EMAIL],
    ['name', NAME],
    ['subscribed', SUBSCRIBED],
    ['registered', REGISTERED],
    ['birthday', BIRTHDAY],
    ['reactions', REACTIONS],
    ['lineUserId', LINE_USER_ID],
  ],
  survey: [
    ['customerId', CUSTOMER_ID],
    ['email', EMAIL],
    ['date', SURVEY_DATE],
    ['nps', NPS],
    ['satisfaction', SATISFACTION],
  ],
};

interface Prepared {
  field: Field;
  aliases: string[];
  extras: string[];
  notInside: ((header: string) => boolean) | undefined;
}

function prepare(list: ReadonlyArray<readonly [Field, AliasList]>): Prepared[] {
  return list.map(([field, a]) => ({
    field,
    aliases: a.aliases.map(normalizeHeader),
    extras: (a.exactOnly ?? []).map(normalizeHeader),
    notInside: a.notInside,
  }));
}

/**
 * Assigns columns to fields, in three passes over the fields in priority order: the listed
 * aliases exactly, then the listed aliases inside longer headers, then our extra exact-only names
 * (so that an extra like `合計` never beats a listed alias found inside `合計金額(-99999=無効値)`).
 * @param headers the header row
 * @param fields the fields to look for, in priority order
 * @param fixed columns already decided (a user's override or a platform profile): claimed first
 */
export function matchColumns(
  headers: readonly unknown[],
  fields: ReadonlyArray<readonly [Field, AliasList]>,
  fixed: ColumnMap = {},
): ColumnMap {
  const norm = headers.map(normalizeHeader);
  const raw = headers.map((h) => nfkc(String(h ?? '')).toLowerCase());
  const claimed = new Set<number>();
  const out: ColumnMap = {};
  for (const [f, col] of Object.entries(fixed) as [Field, number][]) {
    out[f] = col;
    claimed.add(col);
  }
  const prepared = prepare(fields).filter((p) => out[p.field] === undefined);
  const claim = (p: Prepared, aliases: string[], test: (c: number, alias: string) => boolean): void => {
    if (out[p.field] !== undefined) return;
    for (const alias of aliases) {
      for (let c = 0; c < norm.length; c++) {
        if (!claimed.has(c) && norm[c] !== '' && test(c, alias)) {
          out[p.field] = c;
          claimed.add(c);
          return;
        }
      }
    }
  };
  const exact = (c: number, a: string): boolean => norm[c] === a;
  for (const p of prepared) claim(p, p.aliases, exact);
  for (const p of prepared) {
    const refuse = p.notInside;
    claim(p, p.aliases, (c, a) => norm[c]!.includes(a) && !(refuse !== undefined && refuse(raw[c]!)));
  }
  for (const p of prepared) claim(p, p.extras, exact);
  return out;
}

/** Finds a header by name (normalised) — for a user's column override or a profile's column. */
export function findHeader(headers: readonly unknown[], names: readonly string[]): number | undefined {
  const norm = headers.map(normalizeHeader);
  for (const n of names) {
    const i = norm.indexOf(normalizeHeader(n));
    if (i >= 0) return i;
  }
  return undefined;
}
