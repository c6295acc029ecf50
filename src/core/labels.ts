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
  reasonCustomer: { ja: '顧客IDもメールアドレスもありません', en: 'no customer ID or e-mail' },
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
  'refresh.minShareOfLast': { ja: '注文が前回の何%未満なら更新しない', en: 'Refuse a refresh below this % of last time’s orders' },
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
  wholeNumberUpTo: {
    ja: (min: number, max: number) => `${min}〜${max}の整数を入力してください`,
    en: (min: number, max: number) => `Enter a whole number from ${min} to ${max}`,
  },
  templateTooLong: {
    ja: (max: number) => `メッセージは${max}文字以内にしてください`,
    en: (max: number) => `Keep the message to ${max} characters or fewer`,
  },
  tooLarge: {
    ja: (bytes: number, max: number) => `設定が大きすぎて保存できません(${bytes}バイト、上限${max}バイト)。列の割り当てやメッセージを短くしてください`,
    en: (bytes: number, max: number) => `The settings are too large to store (${bytes} bytes; at most ${max}). Shorten the column choices or the message`,
  },
  notStored: {
    ja: (why: string) => `設定を保存できませんでした: ${why}`,
    en: (why: string) => `The settings could not be stored: ${why}`,
  },
  triggerFailed: {
    ja: (why: string) => `自動更新を設定できなかったため、設定は保存していません: ${why}`,
    en: (why: string) => `The automatic refresh could not be set up, so the settings were not saved: ${why}`,
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
// The refresh's safety (issues 10 and 11): what it says when it refuses, stops half-way or cannot
// record; the line on every tab; the automatic refresh's status in the sidebar.

/** A list of names in a sentence. */
const list = (names: readonly string[], lang: Lang): string => names.join(MESSAGES.listSeparator[lang]);

/** The line on top of every tab the add-on writes, and its sheet protection's description. */
export const TAB_NOTICE = {
  line: {
    ja: 'このタブは Fan Funnel が更新のたびに書き直します。メモや数式は別のシートに書いてください。',
    en: 'Fan Funnel rewrites this tab at each refresh. Keep your notes and formulas on another sheet.',
  },
  protection: {
    ja: 'Fan Funnel が更新のたびに書き直すタブです(編集しても次の更新で消えます)',
    en: 'Fan Funnel rewrites this tab at each refresh (edits here are lost at the next one)',
  },
} as const;

/** Why a skipped row was skipped, in a count ("日付を読めない 3行"). */
const SKIP_REASON_WORDS: Readonly<Record<string, Text>> = {
  customer: { ja: '顧客IDもメールアドレスもない', en: 'no customer ID or e-mail' },
  date: { ja: '日付を読めない', en: 'unreadable date' },
  amount: { ja: '金額を読めない', en: 'unreadable amount' },
};

function reasonList(reasons: Readonly<Record<string, number | undefined>>, lang: Lang): string {
  const parts = Object.entries(reasons)
    .filter((e): e is [string, number] => (e[1] ?? 0) > 0)
    .sort((x, y) => y[1] - x[1])
    .map(([r, n]) => (lang === 'ja' ? `${SKIP_REASON_WORDS[r]?.ja ?? r} ${n}行` : `${SKIP_REASON_WORDS[r]?.en ?? r}: ${n}`));
  return parts.length === 0 ? (lang === 'ja' ? 'なし' : 'none') : list(parts, lang);
}

const int = (n: number): string => n.toLocaleString('en-US');

export const REFRESH_SAFETY = {
  noValidOrders: {
    ja: (sheet: string, skipped: number, reasons: Readonly<Record<string, number | undefined>>) =>
      `注文シート「${sheet}」から有効な注文を1件も読めなかったため、何も変更していません(履歴も前回のままです)。読み飛ばした行: ${int(skipped)}行(${reasonList(reasons, 'ja')})。貼り付けた内容を確認してください。`,
    en: (sheet: string, skipped: number, reasons: Readonly<Record<string, number | undefined>>) =>
      `No valid order could be read from the orders sheet "${sheet}", so nothing was changed (History included). Rows skipped: ${int(skipped)} (${reasonList(reasons, 'en')}). Check what was pasted.`,
  },
  fewOrders: {
    ja: (sheet: string, read: number, previous: number, share: number, skipped: number, reasons: Readonly<Record<string, number | undefined>>) =>
      `注文シート「${sheet}」から読めた注文は${int(read)}件で、前回の${int(previous)}件の${share}%未満のため、何も変更していません(履歴も前回のままです)。読み飛ばした行: ${int(skipped)}行(${reasonList(reasons, 'ja')})。古い注文を別の場所に移したなど意図どおりなら、設定の「注文が前回の何%未満なら更新しない」を下げてから更新してください。`,
    en: (sheet: string, read: number, previous: number, share: number, skipped: number, reasons: Readonly<Record<string, number | undefined>>) =>
      `Only ${int(read)} orders could be read from the orders sheet "${sheet}", less than ${share}% of the ${int(previous)} read last time, so nothing was changed (History included). Rows skipped: ${int(skipped)} (${reasonList(reasons, 'en')}). If this is intended (you moved old orders elsewhere), lower "Refuse a refresh below this % of last time’s orders" in the settings, then refresh.`,
  },
  tooManyCells: {
    ja: (needed: number, limit: number, now: number, advice: readonly string[]) =>
      `この更新には${int(needed)}セルが必要ですが、1つのスプレッドシートに入るのは${int(limit)}セルまでです(今は${int(now)}セル)。途中まで書くことはせず、何も変更していません。空きを作るには: ${list(advice, 'ja')}。`,
    en: (needed: number, limit: number, now: number, advice: readonly string[]) =>
      `This refresh needs ${int(needed)} cells, but a spreadsheet holds at most ${int(limit)} (it has ${int(now)} now). Rather than write half of it, nothing was changed. To make room: ${list(advice, 'en')}.`,
  },
  adviceEmptyColumns: {
    ja: (sheet: string, columns: number, used: number, gain: number) => `「${sheet}」の使っていない列を削除する(${columns}列のうち${used}列だけ使用、約${int(gain)}セル空きます)`,
    en: (sheet: string, columns: number, used: number, gain: number) => `delete the unused columns of "${sheet}" (${used} of its ${columns} columns hold data: about ${int(gain)} cells freed)`,
  },
  adviceEmptyRows: {
    ja: (sheet: string, rows: number, used: number, gain: number) => `「${sheet}」の空の行を削除する(${int(rows)}行のうち${int(used)}行だけ使用、約${int(gain)}セル空きます)`,
    en: (sheet: string, rows: number, used: number, gain: number) => `delete the empty rows of "${sheet}" (${int(used)} of its ${int(rows)} rows hold data: about ${int(gain)} cells freed)`,
  },
  adviceArchive: {
    ja: '古い注文を別のスプレッドシートに移す(アーカイブ)',
    en: 'move old orders to another spreadsheet (archive them)',
  },
  adviceSheets: { ja: '使っていないシートを削除する', en: 'delete sheets you no longer need' },
  interrupted: {
    ja: (at: string) => `${at} に始めた更新が最後まで終わりませんでした(Apps Script の6分の制限などで止められました)。`,
    en: (at: string) => `The refresh started at ${at} did not finish (Apps Script stopped it, e.g. at its 6-minute limit).`,
  },
  failedWhileWriting: {
    ja: (why: string) => `タブを書いている途中で失敗しました: ${why}`,
    en: (why: string) => `The refresh failed while writing the tabs: ${why}`,
  },
  tabsNew: {
    ja: (names: readonly string[], asOf: string) => `新しくなったタブ(基準日 ${asOf}): ${list(names, 'ja')}。`,
    en: (names: readonly string[], asOf: string) => `New tabs (as of ${asOf}): ${list(names, 'en')}.`,
  },
  tabsIncomplete: {
    ja: (names: readonly string[]) => `書き換えの途中で止まったタブ: ${list(names, 'ja')}。`,
    en: (names: readonly string[]) => `Tabs whose rewrite was cut short: ${list(names, 'en')}.`,
  },
  tabsOld: {
    ja: (names: readonly string[]) => `前回のままのタブ: ${list(names, 'ja')}。`,
    en: (names: readonly string[]) => `Tabs still from the previous refresh: ${list(names, 'en')}.`,
  },
  allTabsOld: { ja: 'タブはすべて前回のままです。', en: 'All tabs are still from the previous refresh.' },
  repairHint: { ja: 'もう一度「更新する」を押すと、すべてのタブが新しくなります。', en: 'Refresh again to bring every tab up to date.' },
  notRecorded: {
    ja: (why: string) => `更新の結果を保存できませんでした(次にサイドバーを開いたときには表示されません): ${why}`,
    en: (why: string) => `The refresh’s outcome could not be recorded (the sidebar will not show it next time): ${why}`,
  },
  asOfNotNamed: {
    ja: (name: string, why: string) => `基準日の名前付き範囲 ${name} を設定できませんでした(これを参照する数式の基準日が古いままになります): ${why}`,
    en: (name: string, why: string) => `The as-of named range ${name} could not be set (formulas that use it keep an old as-of day): ${why}`,
  },
  notProtected: {
    ja: (why: string) => `タブに編集時の警告を設定できませんでした: ${why}`,
    en: (why: string) => `The tabs’ edit warning could not be set: ${why}`,
  },
  noDocument: {
    ja: '自動更新がスプレッドシートを開けませんでした(Apps Script が時間主導トリガーにスプレッドシートを渡しませんでした)。サイドバーの「更新する」から更新してください。',
    en: 'The automatic refresh could not open the spreadsheet (Apps Script gave the time-driven trigger no spreadsheet). Refresh from the sidebar instead.',
  },
  noLock: {
    ja: 'スプレッドシートのロックを取得できないため、更新しませんでした。',
    en: 'The spreadsheet’s lock was not available, so nothing was refreshed.',
  },
} as const;

/** The automatic refresh's status in the sidebar (src/gas/trigger.ts). Templates: `{name}`. */
export const AUTO_REFRESH_TEXT = {
  off: { ja: '自動更新: しない', en: 'Automatic refresh: off' },
  daily: { ja: '自動更新: 毎日 {hour}時台({owner})', en: 'Automatic refresh: daily between {hour}:00 and {next}:00 ({owner})' },
  hourly: { ja: '自動更新: 1時間ごと({owner})', en: 'Automatic refresh: hourly ({owner})' },
  lastRun: { ja: '前回の自動更新', en: 'Last automatic run' },
  never: { ja: 'まだ実行されていません', en: 'not run yet' },
  done: { ja: '更新しました', en: 'refreshed' },
  unchanged: { ja: '元データに変更がないため、そのまま', en: 'no change in the source sheets: tabs left as they were' },
  busy: { ja: '別の更新が実行中のため見送り', en: 'skipped: another refresh was running' },
  failed: { ja: '失敗: {error}', en: 'failed: {error}' },
  removed: { ja: '設定と合わないため自動更新を削除しました', en: 'removed itself: it no longer matched the settings' },
  othersTrigger: {
    ja: 'この自動更新は {owner} さんが設定したものです。設定を変えると、あなたのアカウントの自動更新に置き換わります。',
    en: 'This automatic refresh was set up by {owner}. Changing it replaces it with one of your own.',
  },
  unknownOwner: { ja: '設定した人は不明', en: 'set up by an unknown account' },
} as const;
