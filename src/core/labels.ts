/**
 * Every word the product shows, in Japanese and English — the one source of truth for labels.
 * Japanese stage names are the seeds' own (seed 002: ビジター, フォロワー, サポーター, パートナー, 一時離脱).
 */
import type { Field, RangeKind } from './headers';
import type { NumberSettingPath } from './settings';

export type Lang = 'ja' | 'en';

/** The add-on's name where it names itself: the sidebar's and the toast's title, a tab's spare name. */
export const PRODUCT_NAME = 'Fan Funnel';

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

/** A message with arguments, filled in both languages (a problem the sidebar shows in its own). */
export function bothLanguages<A extends unknown[]>(message: Readonly<Record<Lang, (...args: A) => string>>, ...args: A): Text {
  return { ja: message.ja(...args), en: message.en(...args) };
}

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
  phone: { ja: '電話番号', en: 'phone' },
  lineAmount: { ja: '明細の金額', en: 'line amount' },
  unitPrice: { ja: '単価', en: 'unit price' },
  quantity: { ja: '数量', en: 'quantity' },
};

/**
 * The header of every column of the output tables — the Customers and VIP tabs, the lists of the
 * Fan Funnel tab and the custom functions' tables (src/core/columns.ts) — by the column's id. A
 * column shown in several tables has one entry, so its header reads the same everywhere.
 */
export const COLUMN_LABELS = {
  customer: { ja: '顧客', en: 'Customer' },
  name: { ja: '氏名', en: 'Name' },
  stage: { ja: 'ステージ', en: 'Stage' },
  purchases: { ja: '購入回数', en: 'Purchases' },
  ltv: { ja: 'LTV', en: 'LTV' },
  firstOrder: { ja: '初回購入日', en: 'First order' },
  lastOrder: { ja: '最終購入日', en: 'Last order' },
  daysSinceLast: { ja: '最終購入からの日数', en: 'Days since last' },
  subscribed: { ja: '定期購入', en: 'Subscribed' },
  registered: { ja: '登録', en: 'Registered' },
  positiveReactions: { ja: 'ポジティブ反応', en: 'Positive reactions' },
  nps: { ja: 'NPS', en: 'NPS' },
  rank: { ja: '順位', en: 'Rank' },
  tier: { ja: 'ランク', en: 'Tier' },
  vip: { ja: 'VIP', en: 'VIP' },
  whyUnclassified: { ja: '未分類の理由', en: 'Why unclassified' },
  message: { ja: 'メッセージ', en: 'Message' },
  // Next-purchase prediction (BG/NBD + Gamma-Gamma).
  pAlive: { ja: '継続確率', en: 'P(alive)' },
  expected30: { ja: '30日間の予測購入回数', en: 'Expected purchases (30 days)' },
  expected90: { ja: '90日間の予測購入回数', en: 'Expected purchases (90 days)' },
  nextPurchase: { ja: '次回購入予測日', en: 'Next purchase by' },
  value12m: { ja: '12か月の予測購入額', en: '12-month value' },
  buySoon: { ja: '14日以内の購入確率', en: 'P(purchase within 14 days)' },
  birthday: { ja: '誕生日', en: 'Birthday' },
} as const satisfies Readonly<Record<string, Text>>;

export type ColumnId = keyof typeof COLUMN_LABELS;

/** Next-purchase prediction (BG/NBD + Gamma-Gamma): the lists of the Fan Funnel tab. */
export const PREDICT_LABELS = {
  buySoonTitle: { ja: '14日以内に購入しそうな顧客', en: 'Likely to buy in the next 14 days' },
  winBackTitle: { ja: '呼び戻す価値の高い一時離脱の顧客', en: 'Dormant customers most worth winning back' },
  birthdaysTitle: { ja: '今月が誕生日の顧客', en: 'Birthdays this month' },
  /** What "Next purchase by" means, for a note under the table. */
  nextPurchaseNote: {
    ja: '次回購入予測日: 次の購入が起きている確率が50%を超える日(離脱している可能性も含めて計算)。12か月以内に50%に届かない顧客は空欄です。',
    en: 'Next purchase by: the day by which a next purchase becomes more likely than not (allowing for the chance the customer has left). Blank when that does not happen within 12 months.',
  },
} as const;

export const PREDICT_MESSAGES = {
  fewRepeatBuyers: {
    ja: (n: number, min: number) =>
      `予測に必要なデータが足りません: 2回以上購入した顧客が${n}人です(${min}人以上必要)。注文が増えると予測を表示します。`,
    en: (n: number, min: number) =>
      `Not enough data to predict next purchases: ${n} customers have bought more than once (at least ${min} are needed). Predictions appear once there are more orders.`,
  },
  notConverged: {
    ja: 'このデータからは購買モデルを安定して推定できなかったため(最尤推定が収束しません)、予測の数値は表示しません。',
    en: 'The purchase model could not be fitted reliably to this data (the maximum-likelihood fit did not converge), so no predicted numbers are shown.',
  },
  spendFewBuyers: {
    ja: (n: number, min: number) =>
      `購入額の予測に必要なデータが足りません: 2回以上購入し金額が正の顧客が${n}人です(${min}人以上必要)。12か月の予測購入額は空欄です。`,
    en: (n: number, min: number) =>
      `Not enough data to predict spend: ${n} customers have repeat purchases with a positive amount (at least ${min} are needed). The 12-month value is left blank.`,
  },
  spendNotConverged: {
    ja: 'このデータからは購入額のモデルを安定して推定できなかったため、12か月の予測購入額は空欄です。',
    en: 'The spend model could not be fitted reliably to this data, so the 12-month value is left blank.',
  },
} as const;

/** Why a customer is Unclassified: the conditions of the nearest funnel stage it fails. */
export const CONDITION_LABELS: Readonly<Record<'registered' | 'purchases' | 'daysSinceLast' | 'subscribed' | 'positiveReactions', Text>> = {
  registered: { ja: '登録', en: 'registered' },
  purchases: { ja: '購入回数', en: 'purchases' },
  daysSinceLast: { ja: '最終購入からの日数', en: 'days since last order' },
  subscribed: { ja: '定期課金', en: 'subscribed' },
  positiveReactions: { ja: 'ポジティブ反応', en: 'positive reactions' },
};

export const MESSAGES = {
  /** A field named in a message: in Japanese with its English name, for owners who search for it. */
  field: {
    ja: (ja: string, en: string) => `${ja} (${en})`,
    en: (_ja: string, en: string) => en,
  },
  /** Between fields that are alternatives (a customer ID or an e-mail). */
  or: { ja: ' または ', en: ' or ' },
  /** Between the items of a list in a sentence. */
  listSeparator: { ja: '、', en: '; ' },
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
  /** What `badAsOf` says it was given when it was a range of several cells. */
  aRange: { ja: '(範囲)', en: '(range)' },
  rangeKind: {
    ja: { orders: '注文', customers: '顧客', survey: 'アンケート' },
    en: { orders: 'orders', customers: 'customers', survey: 'survey' },
  },
  unclassified: {
    ja: (stage: string, failed: string) => `${stage}の条件を満たしていません: ${failed}`,
    en: (stage: string, failed: string) => `Not a ${stage}: ${failed}`,
  },
  /** One condition an Unclassified customer fails: what they have, what the stage needs. */
  unmet: {
    ja: (condition: string, actual: string, need: string) => `${condition} ${actual}(必要: ${need})`,
    en: (condition: string, actual: string, need: string) => `${condition} ${actual} (needs ${need})`,
  },
  atLeast: { ja: (n: number) => `${n}以上`, en: (n: number) => `≥ ${n}` },
  below: { ja: (n: number) => `${n}未満`, en: (n: number) => `< ${n}` },
  exactly: { ja: (n: number) => `${n}`, en: (n: number) => `= ${n}` },
  /** Between the two bounds of a range (`1以上・3未満`). */
  and: { ja: '・', en: ' and ' },
  /** A value a customer does not have (no purchase, so no days since the last). */
  none: { ja: '—', en: '—' },
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
  ordersCancelled: { ja: 'キャンセル・返品・決済失敗の注文', en: 'Cancelled/refunded/failed orders' },
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

/** Headers of the History tab (src/core/history.ts): its snapshot block and its customer block. */
export const HISTORY_HEADERS = {
  asOf: TAB_TEXT.asOf,
  refreshedAt: TAB_TEXT.refreshedAt,
  total: TAB_TEXT.total,
  customer: COLUMN_LABELS.customer,
  stageAt: { ja: (d: string) => `ステージ ${d}`, en: (d: string) => `Stage ${d}` },
  baselineAt: { ja: (d: string) => `比較元 ${d}`, en: (d: string) => `Baseline ${d}` },
  code: { ja: 'コード', en: 'code' },
  baselineCode: { ja: '比較元コード', en: 'baseline code' },
} as const;

/** The kinds of input range as the sidebar names them (a heading, hence capitalised). */
export const RANGE_LABELS: Readonly<Record<RangeKind, Text>> = {
  orders: { ja: '注文', en: 'Orders' },
  customers: { ja: '顧客', en: 'Customers' },
  survey: { ja: 'アンケート', en: 'Survey' },
};

/** Every word of the sidebar (the client renders only what the server sends it). */
export const SIDEBAR_TEXT = {
  title: { ja: PRODUCT_NAME, en: PRODUCT_NAME },
  refresh: { ja: '更新する', en: 'Refresh' },
  refreshing: { ja: '更新中…', en: 'Refreshing…' },
  readingSheets: { ja: 'シートを読み込んでいます…', en: 'Reading the sheets…' },
  lastRefresh: { ja: '前回の更新', en: 'Last refresh' },
  duration: { ja: '所要時間', en: 'Took' },
  seconds: { ja: '秒', en: 's' },
  asOf: { ja: '基準日', en: 'As of' },
  byTrigger: { ja: '自動更新', en: 'automatic' },
  byMenu: { ja: 'メニュー', en: 'menu' },
  bySidebar: { ja: 'サイドバー', en: 'sidebar' },
  never: { ja: 'まだ更新していません。「更新する」を押してください。', en: 'Not refreshed yet. Press Refresh.' },
  busy: { ja: '別の更新(自動更新など)が実行中です。少し待ってからもう一度押してください。', en: 'Another refresh (e.g. the automatic one) is running. Try again in a moment.' },
  failed: { ja: '更新できませんでした', en: 'The refresh failed' },
  previousKept: { ja: '前回のタブはそのまま残っています。', en: 'The previous tabs were left as they were.' },
  warnings: { ja: '注意', en: 'Warnings' },
  skipped: { ja: '読み飛ばした行', en: 'Skipped rows' },
  skippedMore: { ja: '件 (ほか', en: ' (and' },
  row: { ja: '行', en: 'row' },
  reasonCustomer: { ja: '顧客ID・メールアドレス・電話番号がありません', en: 'no customer ID, e-mail or phone' },
  reasonDate: { ja: '日付を読めません', en: 'unreadable date' },
  reasonAmount: { ja: '金額を読めません', en: 'unreadable amount' },
  registrationAssumed: {
    ja: '登録(LINE・メルマガ)の列がないため、全員を登録済みとして数えています。',
    en: 'No registration (LINE / newsletter) column: every customer counts as registered.',
  },
  customersUnit: { ja: '人', en: '' },
  settings: { ja: '設定', en: 'Settings' },
  sources: { ja: '元データのシート', en: 'Source sheets' },
  detect: { ja: '自動で見つける', en: 'Detect' },
  none: { ja: 'なし', en: 'None' },
  detected: { ja: '見つかった列', en: 'Detected columns' },
  column: { ja: '列', en: 'Column' },
  notFound: { ja: '(なし)', en: '(none)' },
  thresholds: { ja: 'ステージの条件', en: 'Stage thresholds' },
  vip: { ja: 'VIP', en: 'VIP' },
  vipMode: { ja: '条件の組み合わせ', en: 'Combine' },
  or: { ja: 'どちらか (OR)', en: 'Either (OR)' },
  and: { ja: '両方 (AND)', en: 'Both (AND)' },
  tiers: { ja: '会員ランク(LTV 円以上)', en: 'Tiers (LTV in yen)' },
  autoRefresh: { ja: '自動更新', en: 'Automatic refresh' },
  off: { ja: 'しない', en: 'Off' },
  daily: { ja: '毎日', en: 'Daily' },
  hourly: { ja: '1時間ごと', en: 'Hourly' },
  atHour: { ja: '時', en: ':00' },
  language: { ja: '言語', en: 'Language' },
  auto: { ja: 'スプレッドシートに合わせる', en: 'Spreadsheet locale' },
  save: { ja: '保存', en: 'Save' },
  saved: { ja: '保存しました', en: 'Saved' },
  fixErrors: { ja: '赤い項目を直してください', en: 'Fix the fields in red' },
  funnelChart: { ja: 'ステージ別の顧客数', en: 'Customers per stage' },
  // Templates: the client fills in {name} placeholders.
  skippedRow: { ja: '{range} {row}行目', en: '{range} row {row}' },
  skippedShown: { ja: '(最初の{shown}件を表示)', en: '(first {shown} shown)' },
  rowsRead: { ja: '読み込んだ行', en: 'Rows read' },
  total: { ja: '合計', en: 'Total' },
  outsideFunnel: { ja: 'ファネルの外', en: 'Outside the funnel' },
  sheet: { ja: 'シート', en: 'Sheet' },
  hour: { ja: '時刻', en: 'Hour' },
  japanese: { ja: '日本語', en: 'Japanese (日本語)' },
  english: { ja: '英語 (English)', en: 'English' },
  saving: { ja: '保存中…', en: 'Saving…' },
  permission: {
    ja: 'Google アカウントに複数ログインしていると動かないことがあります。ほかのアカウントからログアウトするか、シークレットウィンドウで開いてください。',
    en: 'This can fail when you are signed in to several Google accounts. Sign out of the others or use a private window.',
  },
} as const;

/** The label of each whole-number setting in the sidebar's form (src/core/settings.ts). */
export const NUMBER_SETTING_LABELS: Readonly<Record<NumberSettingPath, Text>> = {
  'stages.activeDays': { ja: 'アクティブ(日未満)', en: 'Active within (days)' },
  'stages.lapseDays': { ja: '離脱まで(日以上)', en: 'Lapsed after (days)' },
  'stages.partnerMinPurchases': { ja: 'パートナーの購入回数', en: 'Partner: purchases' },
  'stages.partnerMinReactions': { ja: 'パートナーの好意的な反応', en: 'Partner: positive reactions' },
  'stages.supporterMinReactions': { ja: 'サポーターの好意的な反応', en: 'Supporter: positive reactions' },
  'stages.dormantMinReactions': { ja: '一時離脱の好意的な反応', en: 'Dormant: positive reactions' },
  'vip.count': { ja: 'VIPの人数', en: 'Number of VIPs' },
  'vip.minLtv': { ja: 'LTV(円以上)', en: 'LTV at least (yen)' },
  'vip.minPurchases': { ja: '購入回数(回以上)', en: 'Purchases at least' },
  'tiers.diamond': TIER_LABELS.diamond,
  'tiers.platinum': TIER_LABELS.platinum,
  'tiers.gold': TIER_LABELS.gold,
  ltvWindowDays: { ja: 'LTVの期間(日、空欄=全期間)', en: 'LTV window (days, blank = all time)' },
};

/** The default VIP thank-you message (seed 003); `{name}`, `{ltv}`, `{purchases}`, `{tier}`. */
export const VIP_MESSAGE_TEMPLATE: Text = {
  ja: '{name}様、累計{ltv}円のご愛顧に心から感謝します',
  en: 'Dear {name}, thank you from our hearts for your loyalty: {ltv} yen with us so far.',
};

/** Why a setting was refused (src/core/settings.ts, src/gas/sidebarApi.ts); the sidebar's own
 *  check of a typed number shows the same `wholeNumber` words. */
export const SETTINGS_MESSAGES = {
  wholeNumber: {
    ja: (min: number) => `${min}以上の整数を入力してください`,
    en: (min: number) => `Enter a whole number of at least ${min}`,
  },
  lapseBeforeActive: {
    ja: '離脱までの日数はアクティブ日数以上にしてください',
    en: 'Days to lapse must be at least the active days',
  },
  vipMode: { ja: 'AND か OR を選んでください', en: 'Choose AND or OR' },
  tiersOrder: {
    ja: 'ダイヤモンド ≥ プラチナ ≥ ゴールド の順にしてください',
    en: 'Tiers must be Diamond ≥ Platinum ≥ Gold',
  },
  hour: { ja: '0〜23時で選んでください', en: 'Choose an hour from 0 to 23' },
  noSheet: {
    ja: (name: string) => `シート「${name}」はありません`,
    en: (name: string) => `There is no sheet "${name}"`,
  },
} as const;

/** The add-on menu and its toast (src/gas/menu.ts). */
export const MENU_TEXT = {
  open: { ja: 'サイドバーを開く', en: 'Open sidebar' },
  refresh: { ja: '今すぐ更新', en: 'Refresh now' },
  done: { ja: 'ファンファネルを更新しました', en: 'Fan Funnel refreshed' },
  busy: { ja: '別の更新が実行中です', en: 'Another refresh is running' },
  failed: { ja: '更新できませんでした: ', en: 'The refresh failed: ' },
} as const;

/** Why a refresh found no orders to read (src/gas/refresh.ts). */
export const REFRESH_ERRORS = {
  chosenSheetGone: {
    ja: (name: string) => `設定の注文シート「${name}」が見つかりません。設定で選び直してください。`,
    en: (name: string) => `The orders sheet "${name}" chosen in the settings is not there any more. Choose it again in the settings.`,
  },
  nearestSheet: {
    ja: (name: string, why: string) => `注文のシートが見つかりません。「${name}」: ${why}`,
    en: (name: string, why: string) => `No orders sheet found. "${name}": ${why}`,
  },
  noOrdersSheet: {
    ja: '注文のシートが見つかりません。注文データ(顧客ID・注文日・金額の見出し付き)を貼り付けるか、設定で注文シートを選んでください。',
    en: 'No orders sheet found. Paste an order export (with customer, date and amount headers) or choose the orders sheet in the settings.',
  },
} as const;

// ---------------------------------------------------------------------------------------------
// Reading shop exports (issue 9) and what the custom functions say when something is left out
// (issue 11): the words of src/core/orders.ts and src/core/functions.ts.

/** What to download instead, for an export that cannot give what is needed (a profile's hint). */
export type ExportHintId = 'amazonAllOrders';

export const EXPORT_HINTS: Readonly<Record<ExportHintId, Text>> = {
  amazonAllOrders: {
    ja: 'このレポート(未出荷の注文)には価格の列がありません。セラーセントラルの「レポート → フルフィルメント → すべての注文」から「すべての注文」レポートをダウンロードして貼り付けてください。',
    en: 'This report (unshipped orders) has no price column. Download the All Orders report instead (Seller Central: Reports → Fulfillment → All Orders) and paste that.',
  },
};

/** Why an order row was skipped, in a cell's words (the sidebar has its own, SIDEBAR_TEXT). */
export const SKIP_REASON_TEXT: Readonly<Record<'customer' | 'date' | 'amount', Text>> = {
  customer: SIDEBAR_TEXT.reasonCustomer,
  date: SIDEBAR_TEXT.reasonDate,
  amount: SIDEBAR_TEXT.reasonAmount,
};

/** The custom functions' own words: a table's note rows, a lookup's refusal, the as_of range. */
export const FUNCTION_TEXT = {
  /** A table's last row when order rows were skipped: how many, and the first few with why. */
  skippedRows: {
    ja: (n: string, rows: string) => `読み飛ばした注文の行: ${n}件(この表に含まれていません)。${rows}`,
    en: (n: string, rows: string) => `Skipped order rows: ${n} (not in this table). ${rows}`,
  },
  /** One skipped row in a list: `5行目 顧客ID…がありません「#N/A」`. */
  skippedRow: {
    ja: (row: number, reason: string, value: string) => `${row}行目 ${reason}${value === '' ? '' : `「${value}」`}`,
    en: (row: number, reason: string, value: string) => `row ${row}: ${reason}${value === '' ? '' : ` "${value}"`}`,
  },
  /** Between the rows of that list, and what ends a list that goes on. */
  rowSeparator: { ja: '、', en: '; ' },
  andMore: { ja: (n: string) => ` ほか${n}件`, en: (n: string) => ` and ${n} more` },
  /** A table cut to its cap: where the rest is. */
  truncated: {
    ja: (shown: string, total: string, tab: string) =>
      `${total}人のうち上位${shown}人を表示しています(セルに返せる大きさの上限)。全員の一覧は「${tab}」タブにあります(サイドバーの「更新する」で作成)。`,
    en: (shown: string, total: string, tab: string) =>
      `Showing the first ${shown} of ${total} customers (the most a cell can return). Everyone is on the "${tab}" tab (made by Refresh in the sidebar).`,
  },
  /** The export has no customer ID or e-mail: customers are told apart by name. */
  keyedByName: {
    ja: 'この注文データには顧客IDもメールアドレスもないため、顧客を氏名で区別しています(同姓同名の方は1人として数えます)。',
    en: 'This export has no customer ID or e-mail, so customers are told apart by name (two people of the same name count as one).',
  },
  /** A single-key lookup of a customer some of whose rows were skipped. */
  customerRowsSkipped: {
    ja: (key: string, rows: string) => `「${key}」の注文の行を読めませんでした: ${rows}。その行を直すと正しい結果になります。`,
    en: (key: string, rows: string) => `Some order rows of "${key}" could not be read: ${rows}. Fix them to get the right answer.`,
  },
  /** The same, in one cell of a range of keys. */
  customerRowsSkippedShort: {
    ja: (rows: string) => `読めない注文の行あり(${rows})`,
    en: (rows: string) => `unreadable order rows (${rows})`,
  },
  /** An as_of outside the days the product reads. */
  asOfOutOfRange: {
    ja: (typed: string, from: string, to: string) => `基準日(as_of)は${from}〜${to}の日付にしてください: ${typed}`,
    en: (typed: string, from: string, to: string) => `as_of must be a day from ${from} to ${to}: ${typed}`,
  },
} as const;
