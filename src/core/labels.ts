/**
 * Every word the product shows, in Japanese and English — the one source of truth for labels.
 * Japanese stage names are the seeds' own (seed 002: ビジター, フォロワー, サポーター, パートナー, 一時離脱).
 */
import type { Field } from './headers';

export type Lang = 'ja' | 'en';

export type StageId =
  | 'partner'
  | 'supporter'
  | 'visitor'
  | 'follower'
  | 'dormant'
  | 'unregistered'
  | 'noPurchase'
  | 'lapsed'
  | 'unclassified';

export type TierId = 'diamond' | 'platinum' | 'gold';

type Text = Readonly<Record<Lang, string>>;

export const STAGE_LABELS: Readonly<Record<StageId, Text>> = {
  partner: { ja: 'パートナー', en: 'Partner' },
  supporter: { ja: 'サポーター', en: 'Supporter' },
  visitor: { ja: 'ビジター', en: 'Visitor' },
  follower: { ja: 'フォロワー', en: 'Follower' },
  dormant: { ja: '一時離脱', en: 'Dormant' },
  unregistered: { ja: '未登録', en: 'Unregistered' },
  noPurchase: { ja: '未購入', en: 'No purchase' },
  lapsed: { ja: '離脱', en: 'Lapsed' },
  unclassified: { ja: '未分類', en: 'Unclassified' },
};

/** Seed 003: 会員ランク制度(例:Gold/Platinum/Diamond). */
export const TIER_LABELS: Readonly<Record<TierId, Text>> = {
  diamond: { ja: 'ダイヤモンド', en: 'Diamond' },
  platinum: { ja: 'プラチナ', en: 'Platinum' },
  gold: { ja: 'ゴールド', en: 'Gold' },
};

/** Names of the fields, for messages and the column mapping. */
export const FIELD_LABELS: Readonly<Record<Field, Text>> = {
  customerId: { ja: '顧客ID', en: 'customer ID' },
  email: { ja: 'メールアドレス', en: 'e-mail' },
  orderId: { ja: '注文ID', en: 'order id' },
  date: { ja: '注文日', en: 'date' },
  amount: { ja: '金額', en: 'amount' },
  status: { ja: 'ステータス', en: 'status' },
  cancelledAt: { ja: 'キャンセル日', en: 'cancelled at' },
  subscription: { ja: '定期購入', en: 'subscription' },
  name: { ja: '氏名', en: 'name' },
  registered: { ja: 'LINE・メルマガ登録', en: 'registered' },
  subscribed: { ja: '定期課金', en: 'subscribed' },
  birthday: { ja: '誕生日', en: 'birthday' },
  reactions: { ja: 'ポジティブ反応回数', en: 'positive reactions' },
  nps: { ja: 'NPS', en: 'NPS' },
  satisfaction: { ja: '満足度', en: 'satisfaction' },
  refundedAmount: { ja: '返金額', en: 'refunded amount' },
  shipping: { ja: '送料', en: 'shipping' },
  adjustment: { ja: '調整金額', en: 'adjustment' },
  orderType: { ja: '注文種別', en: 'order type' },
  itemPrice: { ja: '商品価格', en: 'item price' },
  shippingPrice: { ja: '配送料', en: 'shipping price' },
  itemStatus: { ja: '商品ステータス', en: 'item status' },
};

/** Table headers of the custom functions (SPEC §5). */
export const FANSTAGE_HEADERS: Readonly<Record<Lang, readonly string[]>> = {
  ja: ['顧客', 'ステージ', '購入回数', 'LTV', '最終購入日', '最終購入からの日数', '定期購入', 'ポジティブ反応'],
  en: ['Customer', 'Stage', 'Purchases', 'LTV', 'Last order', 'Days since last', 'Subscribed', 'Positive reactions'],
};

export const LTVRANK_HEADERS: Readonly<Record<Lang, readonly string[]>> = {
  ja: ['順位', '顧客', 'LTV', '購入回数', '最終購入日', 'ランク', 'VIP'],
  en: ['Rank', 'Customer', 'LTV', 'Purchases', 'Last order', 'Tier', 'VIP'],
};

/** Why a customer is Unclassified: the conditions of the nearest funnel stage it fails. */
export const CONDITION_LABELS: Readonly<Record<'registered' | 'purchases' | 'daysSinceLast' | 'subscribed' | 'positiveReactions', Text>> = {
  registered: { ja: '登録', en: 'registered' },
  purchases: { ja: '購入回数', en: 'purchases' },
  daysSinceLast: { ja: '最終購入からの日数', en: 'days since last order' },
  subscribed: { ja: '定期課金', en: 'subscribed' },
  positiveReactions: { ja: 'ポジティブ反応', en: 'positive reactions' },
};

export const MESSAGES = {
  missingColumns: {
    ja: (kind: string, fields: string, seen: string) =>
      `${kind}の範囲に必要な列が見つかりません: ${fields}。見つかった見出し: ${seen}`,
    en: (kind: string, fields: string, seen: string) =>
      `The ${kind} range is missing a column for: ${fields}. Headers seen: ${seen}`,
  },
  noHeader: {
    ja: (kind: string) => `${kind}には見出し行を含む範囲を指定してください(例: Orders!A:H)`,
    en: (kind: string) => `Pass the ${kind} as a range that includes its header row (e.g. Orders!A:H)`,
  },
  badAsOf: {
    ja: (v: string) => `基準日(as_of)を日付として読めません: ${v}`,
    en: (v: string) => `as_of is not a date: ${v}`,
  },
  rangeKind: {
    ja: { orders: '注文', customers: '顧客', survey: 'アンケート' },
    en: { orders: 'orders', customers: 'customers', survey: 'survey' },
  },
  unclassified: {
    ja: (stage: string, failed: string) => `${stage}の条件を満たしていません: ${failed}`,
    en: (stage: string, failed: string) => `Not a ${stage}: ${failed}`,
  },
  yes: { ja: 'はい', en: 'yes' },
  no: { ja: 'いいえ', en: 'no' },
} as const;

/** Japanese when the spreadsheet's locale is `ja*`, unless the owner chose a language. */
export function pickLang(choice: 'auto' | Lang, locale: string | undefined): Lang {
  if (choice !== 'auto') return choice;
  return (locale ?? '').toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

/** The add-on's own tabs (SPEC §6). */
export type TabId = 'funnel' | 'customers' | 'vip' | 'history';

export const TAB_NAMES: Readonly<Record<TabId, Text>> = {
  funnel: { ja: 'ファンファネル', en: 'Fan Funnel' },
  customers: { ja: '顧客ステージ', en: 'Customers' },
  vip: { ja: 'VIP', en: 'VIP' },
  history: { ja: '履歴', en: 'History' },
};

/** Words of the Fan Funnel, Customers and VIP tabs. */
export const TAB_TEXT = {
  title: { ja: 'ファンファネル', en: 'Fan Funnel' },
  asOf: { ja: '基準日', en: 'As of' },
  refreshedAt: { ja: '更新日時', en: 'Refreshed at' },
  rowsRead: { ja: '読み込んだ行', en: 'Rows read' },
  rowsSkipped: { ja: '読み飛ばした行', en: 'Rows skipped' },
  ordersCancelled: { ja: 'キャンセル・返品の注文', en: 'Cancelled/refunded orders' },
  laterOrders: { ja: '基準日より後の注文', en: 'Orders after the as-of day' },
  registrationAssumed: {
    ja: '登録の列がないため、全員を登録済みとして数えています',
    en: 'No registration column: every customer counts as registered',
  },
  stage: { ja: 'ステージ', en: 'Stage' },
  customers: { ja: '顧客数', en: 'Customers' },
  share: { ja: '割合', en: 'Share' },
  revenue: { ja: '売上(LTV計)', en: 'Revenue (LTV)' },
  averageLtv: { ja: '平均LTV', en: 'Average LTV' },
  nps: { ja: 'NPS', en: 'NPS' },
  change: { ja: '前回比', en: 'Change' },
  total: { ja: '合計', en: 'Total' },
  transitions: { ja: (d: string) => `ステージ移動(${d} から)`, en: (d: string) => `Stage transitions since ${d}` },
  noBaseline: {
    ja: 'ステージ移動: 前回のスナップショットがまだありません(次回の更新から表示されます)',
    en: 'Stage transitions: no earlier snapshot yet (shown from the next day’s refresh)',
  },
  fromTo: { ja: '前回 \\ 今回', en: 'From \\ to' },
  newCustomer: { ja: '新規', en: 'New' },
  targets: { ja: '目標の移動', en: 'Target transitions' },
  from: { ja: '前回', en: 'From' },
  to: { ja: '今回', en: 'To' },
  moved: { ja: '移動した人数', en: 'Moved' },
  base: { ja: '前回の人数', en: 'Base' },
  rate: { ja: '移動率', en: 'Rate' },
  fanMatrix: { ja: 'ファンマトリクス(購入回数 × LTV)', en: 'Fan matrix (purchases × LTV)' },
  fanMatrixRevenue: { ja: 'ファンマトリクス 売上', en: 'Fan matrix: revenue' },
  emotionMatrix: { ja: '感情マトリクス(購入回数 × NPS)', en: 'Emotion matrix (purchases × NPS)' },
  purchases: { ja: '購入回数', en: 'Purchases' },
  times: { ja: (b: string) => `${b}回`, en: (b: string) => `${b}×` },
  promoter: { ja: '推奨者(9-10)', en: 'Promoters (9–10)' },
  passive: { ja: '中立者(7-8)', en: 'Passives (7–8)' },
  detractor: { ja: '批判者(0-6)', en: 'Detractors (0–6)' },
  noAnswer: { ja: '回答なし', en: 'No answer' },
  chartTitle: { ja: 'ステージ別の顧客数の推移', en: 'Customers per stage over time' },
} as const;

/** Columns of the Customers tab (every metric of SPEC §2, then stage and ranking). */
export const CUSTOMER_COLUMNS: Readonly<Record<Lang, readonly string[]>> = {
  ja: [
    '顧客', '氏名', 'ステージ', '購入回数', 'LTV', '初回購入日', '最終購入日', '最終購入からの日数', '定期購入', '登録',
    'ポジティブ反応', 'NPS', '順位', 'ランク', 'VIP', '未分類の理由',
  ],
  en: [
    'Customer', 'Name', 'Stage', 'Purchases', 'LTV', 'First order', 'Last order', 'Days since last', 'Subscribed', 'Registered',
    'Positive reactions', 'NPS', 'Rank', 'Tier', 'VIP', 'Why unclassified',
  ],
};

export const VIP_COLUMNS: Readonly<Record<Lang, readonly string[]>> = {
  ja: ['順位', '顧客', '氏名', 'LTV', '購入回数', '最終購入日', 'ランク', 'ステージ', 'メッセージ'],
  en: ['Rank', 'Customer', 'Name', 'LTV', 'Purchases', 'Last order', 'Tier', 'Stage', 'Message'],
};
