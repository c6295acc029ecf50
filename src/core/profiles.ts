/**
 * Platform profiles (HEADERS.md): recognised by signature columns, each fixes what generic header
 * matching would get wrong for one shop system's order export. Kept as data so that a profile is
 * easy to read and to correct when a platform changes its export.
 */
import { normalizeHeader, type Field } from './headers';
import type { ExportHintId, Lang } from './labels';

/** What a profile says about one export layout; `id` is its name in code. */
interface ProfileSpec {
  readonly id: string;
  /** The platform's name as the owner knows it (the sidebar's column mapping, `npm start`): one
   *  proper name for both languages, or the Japanese and English words where they differ. */
  readonly label: string | Readonly<Record<Lang, string>>;
  /** Every group of headers in one of these lists must be present (any list suffices). Each list
   *  names headers only this platform writes, so that no other export is taken for it. */
  readonly signatures: readonly (readonly string[])[];
  /** Headers that fill a field before the generic aliases are tried (first present wins). */
  readonly columns: Partial<Record<Field, readonly string[]>>;
  /** The customer's name split over columns (姓, 名): the first group present is joined. */
  readonly nameParts?: readonly (readonly string[])[];
  /** The phone columns that key a guest order (SPEC §1.4), tried in this order; a group split
   *  over columns (電話番号1–3) is joined. Without: the generic phone column. */
  readonly phones?: readonly (readonly string[])[];
  /** Fields the generic aliases must not fill for this export (e.g. Shopify has no customer ID). */
  readonly without?: readonly Field[];
  /** 'sum': each row carries its own amount and the order is their sum; 'first': the order's
   *  amount is the first non-blank amount among its rows. */
  readonly amounts: 'first' | 'sum';
  /** With 'sum': a row's amount is the sum of these columns instead of `amount`. */
  readonly rowAmountParts?: readonly Field[];
  /** Order-level amounts added once per order (first non-blank among its rows). */
  readonly orderExtras?: readonly Field[];
  /** An amount cell with this value means "no value". */
  readonly noValue?: number;
  /** Status values (exact, after trimming) that exclude an order, beyond the cancel and failed
   *  words: a platform's codes (EC-CUBE 2's 対応状況 3, 7, 8) or words of its own. */
  readonly excludedStatuses?: readonly string[];
  /** Status substrings that exclude an order, beyond the cancel and failed words. */
  readonly excludedStatusWords?: readonly string[];
  /** Customer-ID values that mean a guest, beyond the generic placeholders (SPEC §1.4). */
  readonly guestIds?: readonly string[];
  /** The subscription column marks a subscription order when it contains one of these words
   *  (case-insensitive) — e.g. Shopify's Tags written by subscription apps. */
  readonly subscriptionWords?: readonly string[];
  /** The subscription column marks a subscription order whenever it is filled (Stripe's
   *  `Invoice ID`: a charge of a subscription invoice). */
  readonly subscriptionWhenFilled?: boolean;
  /** `orderType` values that mark a subscription order (codes or words). */
  readonly subscriptionTypes?: readonly string[];
  /** Subtract `refundedAmount` from a standing (e.g. partially refunded) order. */
  readonly subtractRefunded?: boolean;
  /** The export names customers only by name (no ID, e-mail or phone): the name is the key, and
   *  every answer says so, since two people of one name count as one. */
  readonly keyByName?: boolean;
  /** The export has no price at all: the missing-amount error says which report to download. */
  readonly missingAmountHint?: ExportHintId;
}

/** Keeps each profile's `id` as a literal, so that `ProfileId` is read off the list itself. */
const profiles = <const Id extends string>(list: readonly (ProfileSpec & { readonly id: Id })[]) => list;

/** The columns a line-sum or guest fallback could take, for an export that must not use them. */
const NO_LINE_AMOUNTS: readonly Field[] = ['amount', 'lineAmount', 'unitPrice', 'quantity'];

// Sources of every header: test/fixtures/exports/README.md; per platform, what is read and why:
// /work/team/exports-findings.md (issue 9). Order matters only where signatures could overlap:
// a platform is checked before any whose signature is a subset of its headers.
const PLATFORMS = profiles([
  {
    id: 'shopify',
    label: 'Shopify',
    signatures: [['Financial Status', 'Lineitem name']],
    columns: {
      orderId: ['Name'],
      email: ['Email'],
      name: ['Billing Name'],
      amount: ['Total'],
      date: ['Created at'],
      status: ['Financial Status'],
      cancelledAt: ['Cancelled at'],
      registered: ['Accepts Email Marketing', 'Accepts Marketing'],
      refundedAmount: ['Refunded Amount'],
      subscription: ['Tags'],
    },
    // POS and phone orders may carry no e-mail.
    phones: [['Phone'], ['Billing Phone'], ['Shipping Phone']],
    // Subscription apps (Shopify Subscriptions, Recharge…) tag their orders.
    subscriptionWords: ['subscription', '定期'],
    without: ['customerId'],
    amounts: 'first',
    subtractRefunded: true,
  },
  {
    id: 'amazon',
    label: { ja: 'Amazon すべての注文レポート', en: 'Amazon All Orders report' },
    signatures: [['amazon-order-id', 'purchase-date']],
    columns: {
      orderId: ['amazon-order-id'],
      date: ['purchase-date'],
      status: ['order-status'],
      itemPrice: ['item-price'],
      shippingPrice: ['shipping-price'],
      // A line can be cancelled inside a shipped order: it then drops out of the order's sum.
      itemStatus: ['item-status'],
    },
    amounts: 'sum',
    rowAmountParts: ['itemPrice', 'shippingPrice'],
  },
  {
    // Amazon.co.jp's 未出荷の注文 report: no price or total at all — its only money columns are
    // what a courier collects (cod-collectible-amount), fees and points. It cannot give an LTV.
    id: 'amazonUnshipped',
    label: { ja: 'Amazon.co.jp 未出荷の注文レポート', en: 'Amazon.co.jp unshipped orders report' },
    signatures: [['order-id', 'cod-collectible-amount', 'quantity-to-ship']],
    columns: {
      orderId: ['order-id'],
      email: ['buyer-email'],
      date: ['purchase-date'],
      name: ['buyer-name'],
    },
    phones: [['buyer-phone-number']],
    without: NO_LINE_AMOUNTS,
    amounts: 'first',
    missingAmountHint: 'amazonAllOrders',
  },
  {
    id: 'base',
    label: 'BASE',
    signatures: [['注文ID', '発送状況', '商品名']],
    columns: {
      orderId: ['注文ID'],
      email: ['メールアドレス(請求先)'],
      amount: ['合計金額'],
      status: ['発送状況'],
      shipping: ['送料'],
      adjustment: ['調整金額'],
    },
    nameParts: [['氏(請求先)', '名(請求先)']],
    phones: [['電話番号(請求先)']],
    amounts: 'sum',
    orderExtras: ['shipping', 'adjustment'],
  },
  {
    id: 'rakuten',
    label: '楽天 RMS',
    // 新形式: columns only RMS writes (注文番号 + 注文者メールアドレス alone is MakeShop too);
    // legacy: 受注番号 + 受注ステータス.
    signatures: [
      ['注文者メールアドレス', '楽天会員フラグ'],
      ['申込番号', '送付先ID'],
      ['受注番号', '受注ステータス'],
    ],
    // `合計` is the goods subtotal; the order total is `合計金額`, where -99999 means "no value".
    // `請求金額` is after 楽天 points and coupons (paid by 楽天, not by the customer to the shop).
    columns: {
      orderType: ['注文種別'],
      amount: ['合計金額(-99999=無効値)', '合計金額', '請求金額(-99999=無効値)', '請求金額'],
    },
    nameParts: [
      ['注文者姓', '注文者名'],
      ['注文者名字', '注文者名前'],
    ],
    phones: [['注文者電話番号1', '注文者電話番号2', '注文者電話番号3']],
    amounts: 'first',
    noValue: -99999,
    excludedStatuses: ['900', '800'],
    // 注文種別 as the API's code or as the CSV's word.
    subscriptionTypes: ['4', '5', '定期購入', '頒布会'],
  },
  {
    id: 'yahoo',
    label: 'Yahoo!ショッピング',
    signatures: [['OrderId', 'BillMailAddress']],
    // TotalPrice: the order total (SettleAmount is after Yahoo points and coupons).
    columns: {
      orderId: ['OrderId'],
      date: ['OrderTime'],
      email: ['BillMailAddress'],
      amount: ['TotalPrice'],
      status: ['OrderStatus'],
    },
    nameParts: [['BillLastName', 'BillFirstName']],
    phones: [['BillPhoneNumber']],
    amounts: 'first',
    // OrderStatus 4 = キャンセル (1 予約中, 2 処理中, 3 保留, 5 完了 are orders).
    excludedStatuses: ['4'],
  },
  {
    id: 'eccube',
    label: 'EC-CUBE 4',
    signatures: [['対応状況(名称)'], ['支払合計']],
    columns: {
      customerId: ['会員ID'],
      email: ['メールアドレス'],
      amount: ['支払合計'],
      status: ['対応状況(名称)', '対応状況'],
    },
    nameParts: [['お名前(姓)', 'お名前(名)']],
    amounts: 'first',
    excludedStatusWords: ['決済処理中', '購入処理中'],
  },
  {
    // EC-CUBE 2's 受注 CSV: one row per order; 会員ID 0 for guests; 対応状況 as mtb_order_status.
    id: 'eccube2',
    label: 'EC-CUBE 2',
    signatures: [['注文番号', '対応状況', 'お支払い合計']],
    // お支払い合計: after the shop's own points (合計 is before them).
    columns: {
      customerId: ['会員ID'],
      email: ['メールアドレス'],
      orderId: ['注文番号'],
      date: ['注文日時'],
      amount: ['お支払い合計'],
      status: ['対応状況'],
    },
    nameParts: [['お名前(姓)', 'お名前(名)']],
    phones: [['電話番号1', '電話番号2', '電話番号3']],
    amounts: 'first',
    // 3 キャンセル; 7 決済処理中 and 8 購入処理中: a payment that never completed.
    excludedStatuses: ['3', '7', '8'],
  },
  {
    id: 'colorme',
    label: 'カラーミーショップ',
    signatures: [['売上ID', '受注日']],
    // 入金状態 (入金済, 未入金 — both purchases; 全額返金済 not) and the first of the two 発送状態
    // columns are both read for cancel words: how a cancelled sale appears is not known.
    columns: {
      orderId: ['売上ID'],
      customerId: ['購入者 顧客ID'],
      email: ['購入者 メールアドレス'],
      date: ['受注日'],
      amount: ['総合計金額'],
      status: ['入金状態'],
      itemStatus: ['発送状態'],
      name: ['購入者 名前'],
    },
    phones: [['購入者 電話番号']],
    amounts: 'first',
  },
  {
    id: 'makeshop',
    label: 'MakeShop',
    signatures: [['処理状況', '注文時間']],
    // The calendar day is all the product compares, so `日付` alone is the order date; `注文時間`
    // (hhmmss) only orders purchases within a day, which the row order already does. The rest
    // is the owner's template (注文出力用テンプレート): the generic aliases find it.
    columns: { date: ['日付'], status: ['処理状況'], name: ['注文者'] },
    amounts: 'first',
  },
  {
    id: 'futureshop',
    label: 'futureshop',
    signatures: [['受注コード', '請求合計金額']],
    // 請求合計金額 is repeated on every item row: the total after the shop's points and discounts.
    columns: {
      orderId: ['受注コード'],
      date: ['注文日時'],
      email: ['メールアドレス(メイン)', 'メールアドレス(モバイル)', 'メールアドレス(サブ)'],
      amount: ['請求合計金額'],
      status: ['処理状況区分'],
      orderType: ['受注種別'],
    },
    nameParts: [['氏名(姓)', '氏名(名)']],
    phones: [['電話番号(メイン)'], ['携帯電話番号'], ['電話番号(サブ)']],
    amounts: 'first',
    subscriptionTypes: ['定期受注', '頒布会受注'],
  },
  {
    id: 'minne',
    label: 'minne',
    signatures: [['注文者のユーザーID', '注文の合計']],
    // No e-mail in this export: the buyer's minne user ID is the key. 注文の合計 = 販売価格 + 送料.
    columns: {
      customerId: ['注文者のユーザーID'],
      orderId: ['注文ID'],
      date: ['注文日'],
      amount: ['注文の合計'],
      status: ['注文状況'],
      name: ['注文者の氏名'],
    },
    phones: [['注文者の電話番号']],
    amounts: 'first',
  },
  {
    id: 'creema',
    label: 'Creema',
    signatures: [['取引相手', 'ご注文金額']],
    // No e-mail: 取引相手 (the buyer's Creema name) is the key. 合計金額 is after the shop's own
    // coupon (作家クーポン); ご注文金額 also takes off what Creema pays (お買い物券・ポイント).
    columns: {
      customerId: ['取引相手'],
      orderId: ['注文ID'],
      date: ['購入日'],
      amount: ['合計金額'],
      status: ['ステータス'],
      name: ['氏名'],
    },
    phones: [['TEL']],
    amounts: 'first',
  },
  {
    // WooCommerce → Analytics → Orders → Download: no customer ID or e-mail, only a name.
    id: 'woocommerce',
    label: 'WooCommerce',
    signatures: [['Order #', 'N. Revenue (formatted)', 'Net Sales']],
    // N. Revenue (formatted) is the order total (`¥8,800`); Net Sales is without shipping and tax.
    columns: {
      orderId: ['Order #'],
      date: ['Date'],
      amount: ['N. Revenue (formatted)'],
      status: ['Status'],
      name: ['Customer'],
    },
    without: ['customerId', 'email', 'phone'],
    keyByName: true,
    amounts: 'first',
    // "Pending payment": the payment was never made (an abandoned card checkout).
    excludedStatuses: ['pending'],
  },
  {
    // Square → Items Detail (商品詳細): one row per item, no order total; a refund is a negative
    // row with the sale's Transaction ID. The order's amount is the sum of its lines' Gross Sales.
    id: 'squareItems',
    label: { ja: 'Square 商品詳細', en: 'Square item sales' },
    signatures: [['Transaction ID', 'Gross Sales', 'Item', 'Qty']],
    columns: {
      orderId: ['Transaction ID'],
      date: ['Date'],
      customerId: ['Customer ID'],
      name: ['Customer Name'],
      lineAmount: ['Gross Sales'],
    },
    without: ['amount', 'unitPrice', 'quantity'],
    amounts: 'sum',
    rowAmountParts: ['lineAmount'],
  },
  {
    // Square → Transactions (取引): one row per payment; a refund row shares the Transaction ID.
    id: 'squareTransactions',
    label: { ja: 'Square 取引', en: 'Square transactions' },
    signatures: [['Transaction ID', 'Total Collected', 'Net Total']],
    // Total Collected: what the customer paid (Net Total is after Square's fees).
    columns: {
      orderId: ['Transaction ID'],
      date: ['Date'],
      customerId: ['Customer ID'],
      name: ['Customer Name'],
      amount: ['Total Collected'],
      status: ['Transaction Status'],
    },
    amounts: 'sum',
  },
  {
    // Stripe → Payments → Export: one row per charge; Created (UTC) in UTC, often day-first.
    id: 'stripe',
    label: 'Stripe',
    signatures: [['Created (UTC)', 'Amount Refunded']],
    columns: {
      orderId: ['id'],
      date: ['Created (UTC)'],
      customerId: ['Customer ID'],
      email: ['Customer Email'],
      amount: ['Amount'],
      refundedAmount: ['Amount Refunded'],
      status: ['Status'],
      name: ['Customer Description'],
      subscription: ['Invoice ID'],
    },
    amounts: 'first',
    subtractRefunded: true,
    subscriptionWhenFilled: true,
  },
]);

/** Every platform this file describes, and `generic`: an export no signature matches. */
export type ProfileId = (typeof PLATFORMS)[number]['id'] | 'generic';

export interface Profile extends ProfileSpec {
  readonly id: ProfileId;
}

export const PROFILES: readonly Profile[] = PLATFORMS;

export const GENERIC_PROFILE: Profile = {
  id: 'generic',
  label: { ja: '汎用レイアウト', en: 'generic layout' },
  signatures: [],
  columns: {},
  amounts: 'first',
};

/** The name of a profile in the owner's language. */
export function profileLabel(id: ProfileId, lang: Lang): string {
  const label = (PROFILES.find((p) => p.id === id) ?? GENERIC_PROFILE).label;
  return typeof label === 'string' ? label : label[lang];
}

/** What the owner reads for a detected layout (sidebar, terminal): `BASE 形式` / `BASE layout`,
 *  `汎用レイアウト` / `generic layout` — never the profile's id. */
export function layoutName(id: ProfileId, lang: Lang): string {
  const name = profileLabel(id, lang);
  if (id === 'generic') return name;
  return lang === 'ja' ? `${name} 形式` : `${name} layout`;
}

/** The profile whose signature the header row carries, else the generic layout. */
export function detectProfile(headers: readonly unknown[]): Profile {
  const present = new Set(headers.map(normalizeHeader));
  for (const p of PROFILES) {
    if (p.signatures.some((sig) => sig.every((h) => present.has(normalizeHeader(h))))) return p;
  }
  return GENERIC_PROFILE;
}
