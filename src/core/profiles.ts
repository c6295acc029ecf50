/**
 * Platform profiles (HEADERS.md): recognised by signature columns, each fixes what generic header
 * matching would get wrong for one shop system's order export. Kept as data so that a profile is
 * easy to read and to correct when a platform changes its export.
 */
import { normalizeHeader, type Field } from './headers';
import type { Lang } from './labels';

/** What a profile says about one export layout; `id` is its name in code. */
interface ProfileSpec {
  readonly id: string;
  /** The platform's name as the owner knows it (the sidebar's column mapping, `npm start`): one
   *  proper name for both languages, or the Japanese and English words where they differ. */
  readonly label: string | Readonly<Record<Lang, string>>;
  /** Every group of headers in one of these lists must be present (any list suffices). */
  readonly signatures: readonly (readonly string[])[];
  /** Headers that fill a field before the generic aliases are tried (first present wins). */
  readonly columns: Partial<Record<Field, readonly string[]>>;
  /** The customer's name split over columns (姓, 名): the first group present is joined. */
  readonly nameParts?: readonly (readonly string[])[];
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
  /** Status values (exact, after trimming) that exclude an order, beyond the cancel words. */
  readonly excludedStatuses?: readonly string[];
  /** Status substrings that exclude an order, beyond the cancel words. */
  readonly excludedStatusWords?: readonly string[];
  /** The subscription column marks a subscription order when it contains one of these words
   *  (case-insensitive) — e.g. Shopify's Tags written by subscription apps. */
  readonly subscriptionWords?: readonly string[];
  /** `orderType` values that mark a subscription order. */
  readonly subscriptionTypes?: readonly string[];
  /** Subtract `refundedAmount` from a standing (e.g. partially refunded) order. */
  readonly subtractRefunded?: boolean;
}

/** Keeps each profile's `id` as a literal, so that `ProfileId` is read off the list itself. */
const profiles = <const Id extends string>(list: readonly (ProfileSpec & { readonly id: Id })[]) => list;

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
    // Subscription apps (Shopify Subscriptions, Recharge…) tag their orders.
    subscriptionWords: ['subscription', '定期'],
    without: ['customerId'],
    amounts: 'first',
    subtractRefunded: true,
  },
  {
    id: 'amazon',
    label: 'Amazon',
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
    amounts: 'sum',
    orderExtras: ['shipping', 'adjustment'],
  },
  {
    id: 'rakuten',
    label: '楽天 RMS',
    signatures: [
      ['注文番号', '注文者メールアドレス'],
      ['受注番号', '受注ステータス'],
    ],
    // `合計` is the goods subtotal; the order total is `合計金額`, where -99999 means "no value".
    columns: { orderType: ['注文種別'], amount: ['合計金額(-99999=無効値)', '合計金額', '請求金額(-99999=無効値)', '請求金額'] },
    nameParts: [
      ['注文者姓', '注文者名'],
      ['注文者名字', '注文者名前'],
    ],
    amounts: 'first',
    noValue: -99999,
    excludedStatuses: ['900', '800'],
    subscriptionTypes: ['4', '5'],
  },
  {
    id: 'eccube',
    label: 'EC-CUBE',
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
    id: 'colorme',
    label: 'カラーミーショップ',
    signatures: [['売上ID', '受注日']],
    columns: {
      orderId: ['売上ID'],
      customerId: ['購入者 顧客ID'],
      email: ['購入者 メールアドレス'],
      date: ['受注日'],
      amount: ['総合計金額'],
    },
    amounts: 'first',
  },
  {
    id: 'makeshop',
    label: 'MakeShop',
    signatures: [['処理状況', '注文時間']],
    // The calendar day is all the product compares, so `日付` alone is the order date; `注文時間`
    // (hhmmss) only orders purchases within a day, which the row order already does.
    columns: { date: ['日付'], status: ['処理状況'] },
    amounts: 'first',
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

/** The profile whose signature the header row carries, else the generic layout. */
export function detectProfile(headers: readonly unknown[]): Profile {
  const present = new Set(headers.map(normalizeHeader));
  for (const p of PROFILES) {
    if (p.signatures.some((sig) => sig.every((h) => present.has(normalizeHeader(h))))) return p;
  }
  return GENERIC_PROFILE;
}
