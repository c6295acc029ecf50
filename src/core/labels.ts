/**
 * Every word the product shows, in Japanese and English — the one source of truth for labels.
 * Japanese stage names are the seeds' own (seed 002: ビジター, フォロワー, サポーター, パートナー, 一時離脱).
 */
import type { Field, RangeKind } from './headers';
import type { NumberSettingPath } from './settings';
import type { ModelId } from './predict/models';

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
  lineUserId: { ja: 'LINEユーザーID', en: 'LINE user ID' },
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
  reason: { ja: '理由', en: 'Why' },
  // Segment lists (issue 14): the columns a mail or LINE tool imports.
  email: { ja: 'メールアドレス', en: 'E-mail' },
  lineUserId: { ja: 'LINEユーザーID', en: 'LINE user ID' },
} as const satisfies Readonly<Record<string, Text>>;

export type ColumnId = keyof typeof COLUMN_LABELS;

/**
 * A yes/no cell (定期購入, 登録, VIP) as the owner reads it: ○/× in Japanese, Yes/No in English —
 * text, not Sheets' TRUE/FALSE (issue 17). Not checkboxes (DataValidationBuilder.requireCheckbox,
 * developers.google.com/apps-script/reference/spreadsheet/data-validation-builder): a checkbox
 * invites a click that the next refresh overwrites, and a custom function's result cannot carry
 * one. Both words are read back as booleans (SPEC §1.4), so a tab pasted in as the customers range
 * still works.
 */
export const YES_NO: Readonly<Record<'yes' | 'no', Text>> = {
  yes: { ja: '○', en: 'Yes' },
  no: { ja: '×', en: 'No' },
};

export function yesNo(value: boolean, lang: Lang): string {
  return YES_NO[value ? 'yes' : 'no'][lang];
}

/** Next-purchase prediction (BG/NBD + Gamma-Gamma): words under the Fan Funnel tab's lists. */
export const PREDICT_LABELS = {
  /** What "Next purchase by" means, for a note under the table. */
  nextPurchaseNote: {
    ja: '次回購入予測日: 次の購入が起きている確率が50%を超える日(離脱している可能性も含めて計算)。12か月以内に50%に届かない顧客は空欄です。',
    en: 'Next purchase by: the day by which a next purchase becomes more likely than not (allowing for the chance the customer has left). Blank when that does not happen within 12 months.',
  },
} as const;

/**
 * 今週やること / This week (issue 17): the short lists at the top of the funnel tab and the sidebar,
 * each entry with its reason, and every empty list with why and what would fill it.
 */
export const THIS_WEEK_TEXT = {
  section: { ja: (from: string, to: string) => `今週やること(${from}〜${to})`, en: (from: string, to: string) => `This week (${from}–${to})` },
  /** The heading of the full lists further down the funnel tab. */
  allOf: { ja: (title: string) => `${title}: 全員`, en: (title: string) => `${title}: everyone` },
  title: {
    buySoon: {
      model: { ja: 'そろそろ購入しそうな方(14日以内・予測)', en: 'Likely to buy soon (next 14 days, predicted)' },
      rule: { ja: 'そろそろ購入の時期の方(目安)', en: 'Due to buy again (rule of thumb)' },
    },
    winBack: {
      model: { ja: '呼び戻したい方(一時離脱・予測)', en: 'Worth winning back (Dormant, predicted)' },
      rule: { ja: '呼び戻したい方(目安)', en: 'Worth winning back (rule of thumb)' },
    },
    birthdays: { ja: '7日以内に誕生日の方', en: 'Birthdays in the next 7 days' },
    newVips: { ja: '新しくVIPになった方(お礼を)', en: 'New VIPs to thank' },
    movedUp: { ja: 'ステージが上がった方(お祝いを)', en: 'Moved up a stage (to congratulate)' },
  },
  more: {
    ja: (n: number, tab: string, title: string) => `他 ${n}人 — 全員は「${tab}」タブの「${title}: 全員」に`,
    en: (n: number, tab: string, title: string) => `and ${n} more — all of them in the “${tab}” tab under “${title}: everyone”`,
  },
  /** A full list cut at its cap. */
  moreRows: {
    ja: (n: number, tab: string) => `ほか ${n}人は「${tab}」タブで`,
    en: (n: number, tab: string) => `${n} more: see the “${tab}” tab`,
  },
  ruleNote: {
    ja: (why: string) => `購入の間隔から出した目安です(予測ではありません)。${why}`,
    en: (why: string) => `A rule of thumb from the intervals between purchases, not a prediction. ${why}`,
  },
  // Reasons, one per entry.
  modelBuySoon: { ja: (pct: string) => `14日以内に購入する確率 ${pct}(予測)`, en: (pct: string) => `${pct} chance of buying in the next 14 days (predicted)` },
  modelWinBack: {
    ja: (days: number, value: string) => `一時離脱・前回の購入から${days}日・${value}`,
    en: (days: number, value: string) => `Dormant; last bought ${days} days ago; ${value}`,
  },
  value12m: { ja: (yen: string) => `12か月の予測購入額 ¥${yen}`, en: (yen: string) => `12-month value ¥${yen}` },
  expected90: { ja: (n: string) => `90日間の予測購入回数 ${n}`, en: (n: string) => `${n} purchases expected in 90 days` },
  ownRhythm: {
    ja: (interval: number, since: number) => `いつも約${interval}日ごとに購入・前回から${since}日`,
    en: (interval: number, since: number) => `Usually buys every ~${interval} days; last bought ${since} days ago`,
  },
  shopRhythm: {
    ja: (interval: number, since: number) => `この店のお客様は約${interval}日ごとに購入・前回から${since}日`,
    en: (interval: number, since: number) => `Customers here buy every ~${interval} days; last bought ${since} days ago`,
  },
  dueIn: { ja: (n: number) => `(目安まであと${n}日)`, en: (n: number) => ` (due in ${n} days)` },
  dueToday: { ja: '(今日が目安)', en: ' (due today)' },
  pastDue: { ja: (n: number) => `(目安を${n}日過ぎ)`, en: (n: number) => ` (${n} days past due)` },
  overdueTimes: {
    ja: (times: string, ltv: string) => `(いつもの間隔の${times}倍)・累計 ¥${ltv}`,
    en: (times: string, ltv: string) => ` (${times}× the usual interval); ¥${ltv} so far`,
  },
  birthday: {
    ja: (date: string, inDays: number) => `${date} が誕生日${inDays === 0 ? '(今日)' : `(あと${inDays}日)`}`,
    en: (date: string, inDays: number) => `Birthday ${date}${inDays === 0 ? ' (today)' : ` (in ${inDays} days)`}`,
  },
  newVip: {
    ja: (ltv: string, purchases: number, tier: string) => `VIPになりました: 累計 ¥${ltv}・${purchases}回購入${tier === '' ? '' : `・${tier}`}`,
    en: (ltv: string, purchases: number, tier: string) => `Now a VIP: ¥${ltv} so far, ${purchases} purchases${tier === '' ? '' : `, ${tier}`}`,
  },
  movedUp: { ja: (from: string, to: string) => `${from} → ${to}`, en: (from: string, to: string) => `${from} → ${to}` },
  returned: { ja: (from: string, to: string) => `${from}から復帰 → ${to}`, en: (from: string, to: string) => `Back from ${from} → ${to}` },
  // Why a list is empty, and what would fill it.
  noRepeatBuyers: {
    ja: '2回以上購入した方がまだいないため、購入の間隔がわかりません。どなたかが2回目の購入をすると、この目安を表示します。',
    en: 'No one has bought twice yet, so there is no interval between purchases to go by. Once someone buys a second time, this list appears.',
  },
  emptyModelBuySoon: {
    ja: (pct: string) => `14日以内の購入確率が${pct}以上の方はいません(予測)。`,
    en: (pct: string) => `No one has a ${pct} or higher chance of buying in the next 14 days (predicted).`,
  },
  emptyRuleBuySoon: {
    ja: (interval: number) => `購入の目安日が前後14日以内の方はいません(この店の購入間隔: 約${interval}日)。`,
    en: (interval: number) => `No one is due within 14 days either side of today (this shop’s usual interval: ~${interval} days).`,
  },
  emptyModelWinBack: {
    ja: (days: number, reactions: number) => `一時離脱の方はいません(一時離脱 = 最終購入から${days}日以上・ポジティブ反応${reactions}回以上)。`,
    en: (days: number, reactions: number) => `No one is Dormant (Dormant = ${days}+ days since the last purchase and ${reactions}+ positive reactions).`,
  },
  emptyRuleWinBack: {
    ja: 'いつもの間隔の2倍を過ぎても購入がなく、最後の購入が1年以内の方(2回以上購入)はいません。',
    en: 'No repeat buyer is past twice their usual interval with a purchase within the last year.',
  },
  noCustomersSheet: {
    ja: '顧客シートがないため誕生日がわかりません。誕生日(生年月日)の列がある顧客シートを追加すると表示します。',
    en: 'There is no customers sheet, so birthdays are unknown. Add a customers sheet with a birthday column to see them.',
  },
  noBirthdayColumn: {
    ja: '顧客シートに誕生日(生年月日)の列がありません。列を追加すると表示します。',
    en: 'The customers sheet has no birthday column. Add one to see birthdays here.',
  },
  noBirthdays: {
    ja: (from: string, to: string) => `${from}〜${to} に誕生日の方はいません。`,
    en: (from: string, to: string) => `No birthdays from ${from} to ${to}.`,
  },
  noSnapshot: {
    ja: '前回の更新の記録がまだないため比べられません。別の日にもう一度更新すると表示します。',
    en: 'There is no earlier refresh to compare with yet. Refresh again on another day to see this list.',
  },
  noNewVips: {
    ja: (since: string, rule: string) => `${since} からVIPになった方はいません(VIPの条件: ${rule})。`,
    en: (since: string, rule: string) => `No one has become a VIP since ${since} (VIP: ${rule}).`,
  },
  noMovedUp: {
    ja: (since: string) => `${since} からステージが上がった方はいません。`,
    en: (since: string) => `No one has moved up a stage since ${since}.`,
  },
  /** The VIP rule in words, from the settings. */
  vipRule: {
    ja: (ltv: string, purchases: number, mode: 'and' | 'or') => `LTV ¥${ltv}以上 ${mode === 'and' ? 'かつ' : 'または'} ${purchases}回以上購入`,
    en: (ltv: string, purchases: number, mode: 'and' | 'or') => `LTV ¥${ltv} or more ${mode === 'and' ? 'and' : 'or'} ${purchases}+ purchases`,
  },
  /** The VIP tab with no VIP. */
  noVips: {
    ja: (rule: string) => `候補 0人: ${rule}の方がまだいません。`,
    en: (rule: string) => `0 candidates: no customer has ${rule} yet.`,
  },
  vipCountZero: {
    ja: 'VIPの人数が0人に設定されています(サイドバーの設定で変えられます)。',
    en: 'The number of VIPs is set to 0 (change it in the sidebar’s settings).',
  },
  // Selecting a customer from the sidebar.
  notFound: {
    ja: (key: string, tab: string) => `「${tab}」タブに ${key} が見つかりません。「更新する」を押してからもう一度選んでください。`,
    en: (key: string, tab: string) => `${key} is not in the “${tab}” tab. Refresh, then choose again.`,
  },
} as const;

/** The purchase models, by their names in the literature (the same in both languages). */
export const MODEL_NAMES: Readonly<Record<ModelId, string>> = { bgnbd: 'BG/NBD', paretoNbd: 'Pareto/NBD', mbgnbd: 'MBG/NBD' };

/**
 * The 予測の確かさ section of the Fan Funnel tab and the sidebar's one line (issue 15): how the
 * model predicted the last H days from the orders before them (src/core/predict/backtest.ts).
 * Numbers arrive already formatted (digits grouped).
 */
export const BACKTEST_TEXT = {
  title: { ja: '予測の確かさ', en: 'How good is the prediction' },
  how: {
    ja: (h: number) => `直近${h}日の注文を伏せ、それより前の注文だけで予測して、実際の購入回数と比べました。`,
    en: (h: number) => `The last ${h} days of orders were hidden, predicted from the orders before them, and compared with what actually happened.`,
  },
  model: { ja: '使用モデル', en: 'Model in use' },
  period: { ja: '検証期間', en: 'Holdout period' },
  /** Column headers of the table; the first is the calibration-period repeat purchases. */
  repeatBefore: { ja: '検証期間より前のリピート購入回数', en: 'Repeat purchases before the holdout' },
  customers: { ja: '顧客数', en: 'Customers' },
  actual: { ja: '実際の購入回数', en: 'Actual purchases' },
  predicted: { ja: '予測購入回数', en: 'Predicted purchases' },
  times: { ja: (n: number, orMore: boolean) => `${n}回${orMore ? '以上' : ''}`, en: (n: number, orMore: boolean) => `${n}${orMore ? '+' : ''}` },
  total: { ja: '合計', en: 'Total' },
  chartTitle: { ja: '検証期間の購入回数(予測と実際)', en: 'Purchases in the holdout period: predicted vs actual' },
  verdict: {
    better: {
      ja: (m: string, base: string, h: number) => `直近${h}日の購入を${base}より確かに正確に予測したため、${m}を使います。`,
      en: (m: string, base: string, h: number) => `${m} is used: it predicted the last ${h} days clearly better than ${base}.`,
    },
    baselineBest: {
      ja: (m: string, _base: string, h: number) => `直近${h}日の購入を他のモデルより確かに正確に予測したため、${m}を使います。`,
      en: (m: string, _base: string, h: number) => `${m} is used: it predicted the last ${h} days clearly better than the other models.`,
    },
    indistinguishable: {
      ja: (m: string, _base: string, h: number) =>
        `直近${h}日の予測では、モデルの差は偶然の範囲でした(どれを使ってもほぼ同じです)。標準の${m}を使います。`,
      en: (m: string, _base: string, h: number) =>
        `Over the last ${h} days the models did not differ by more than chance (any of them would do). The standard ${m} is used.`,
    },
  },
  /** Why there is no comparison. */
  gap: {
    off: { ja: '予測の確かさの検証はオフです。', en: 'The prediction check is turned off.' },
    fewRepeatBuyers: {
      ja: (n: number, min: number, h: number) =>
        `確かめるにはデータが足りません: 直近${h}日より前に2回以上購入した顧客が${n}人です(${min}人以上必要)。`,
      en: (n: number, min: number, h: number) =>
        `Not enough data to tell: ${n} customers had bought more than once before the last ${h} days (at least ${min} are needed).`,
    },
    notConverged: {
      ja: '直近の期間より前の注文には、どのモデルも安定して当てはまりませんでした。',
      en: 'No model could be fitted reliably to the orders before the holdout period.',
    },
  },
  /** The sidebar's one line. */
  line: {
    ja: (h: number, predicted: string, actual: string, m: string) => `直近${h}日: 予測 ${predicted}回、実際 ${actual}回(${m})`,
    en: (h: number, predicted: string, actual: string, m: string) => `Last ${h} days: predicted ${predicted} purchases, actual ${actual} (${m})`,
  },
  lineGap: {
    ja: (h: number) => `直近${h}日の予測の確かさ: データが足りないため確かめられません`,
    en: (h: number) => `Prediction check for the last ${h} days: not enough data to tell`,
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

/**
 * The preview's .xlsx export: the sheet that keeps the charts' data (Excel files from exceljs carry
 * no chart), its header, and the kinds of chart the add-on draws (Charts.ChartType names).
 */
export const XLSX_CHART_TEXT = {
  sheet: { ja: 'グラフ', en: 'Charts' },
  header: { ja: ['シート', 'グラフの種類', 'タイトル', '範囲'], en: ['Sheet', 'Chart', 'Title', 'Range'] },
  types: {
    LINE: { ja: '折れ線グラフ', en: 'Line chart' },
    COLUMN: { ja: '縦棒グラフ', en: 'Column chart' },
    BAR: { ja: '横棒グラフ', en: 'Bar chart' },
    AREA: { ja: '面グラフ', en: 'Area chart' },
    PIE: { ja: '円グラフ', en: 'Pie chart' },
  } as Readonly<Record<string, Text>>,
} as const;

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
  bigQuerySection: { ja: 'BigQuery(コネクテッド シート)', en: 'BigQuery (Connected Sheets)' },
  segmentsSection: { ja: 'セグメント(配信リスト)', en: 'Segments (send lists)' },
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

/**
 * セグメント / Segments (issue 14): a saved definition of who to send to, its sheet, its CSV and
 * the sidebar's section (src/core/segments.ts, src/gas/segments.ts, src/sidebar/segments.ts).
 */
export const SEGMENT_TEXT = {
  sheetName: { ja: (name: string) => `セグメント: ${name}`, en: (name: string) => `Segment: ${name}` },
  summary: {
    ja: (name: string, n: number, asOf: string, rule: string) => `セグメント「${name}」 ${n}人(基準日 ${asOf})・条件: ${rule}`,
    en: (name: string, n: number, asOf: string, rule: string) => `Segment “${name}”: ${n} (as of ${asOf}). Rule: ${rule}`,
  },
  everyone: { ja: 'すべてのお客さま', en: 'every customer' },
  and: { ja: '・', en: '; ' },
  or: { ja: '・', en: ' or ' },
  // The criteria, as the summary line, the sidebar and an empty result name them.
  stages: { ja: (list: string) => `ステージ: ${list}`, en: (list: string) => `stage: ${list}` },
  tiers: { ja: (list: string) => `ランク: ${list}`, en: (list: string) => `tier: ${list}` },
  vip: { ja: 'VIP', en: 'VIP' },
  lists: { ja: (list: string) => `リスト: ${list}`, en: (list: string) => `list: ${list}` },
  listBuySoon: { ja: 'そろそろ購入しそうな方', en: 'Likely to buy soon' },
  listWinBack: { ja: '呼び戻したい方', en: 'Worth winning back' },
  birthdays: { ja: '今月が誕生日', en: 'birthday this month' },
  registered: { ja: '登録済み(LINE・メルマガ)のみ', en: 'registered (LINE / newsletter) only' },
  hasEmail: { ja: 'メールアドレスあり', en: 'has an e-mail' },
  hasLine: { ja: 'LINEユーザーIDあり', en: 'has a LINE user ID' },
  ltvRange: { ja: (range: string) => `LTV ${range}円`, en: (range: string) => `LTV ${range} yen` },
  daysRange: { ja: (range: string) => `最終購入から${range}日`, en: (range: string) => `${range} days since the last purchase` },
  atLeast: { ja: (n: string) => `${n}以上`, en: (n: string) => `at least ${n}` },
  atMost: { ja: (n: string) => `${n}以下`, en: (n: string) => `at most ${n}` },
  between: { ja: (a: string, b: string) => `${a}〜${b}`, en: (a: string, b: string) => `${a}–${b}` },
  // Why a segment is empty: the first criterion that left nobody, and what it had before.
  empty: { ja: (why: string) => `該当する方がいません: ${why}`, en: (why: string) => `Nobody matches: ${why}` },
  emptyAt: {
    ja: (criterion: string, before: number) => `「${criterion}」で ${before}人 → 0人になりました。`,
    en: (criterion: string, before: number) => `“${criterion}” took ${before} to 0.`,
  },
  noCustomers: { ja: 'まだお客さまが読み込まれていません(注文のシートを確認して「更新する」を押してください)。', en: 'No customers have been read yet (check the orders sheet and press Refresh).' },
  noEmailAnywhere: {
    ja: '顧客シートにも注文にもメールアドレスの列がありません。',
    en: 'Neither the customers sheet nor the orders have an e-mail column.',
  },
  noLineColumn: {
    ja: '顧客シートに「LINEユーザーID」の列がありません(LINE 連携ツールから書き出した列を顧客シートに入れてください)。',
    en: 'The customers sheet has no “LINE user ID” column (add the one your LINE integration tool exports).',
  },
  noRegisteredColumn: {
    ja: '登録(LINE・メルマガ)の列がないため、全員を登録済みとして数えています。',
    en: 'No registration (LINE / newsletter) column: everyone counts as registered.',
  },
  badLineIds: {
    ja: (n: number) => `LINEユーザーIDの形(U で始まる 33 文字)でない値が ${n}件あり、空欄として扱いました(LINE ID〔検索用の ID〕はオーディエンスに使えません)。`,
    en: (n: number) => `${n} value(s) in the LINE user ID column are not user IDs (U followed by 32 hex digits) and were left blank (a LINE ID, the one people search for, cannot be used for an audience).`,
  },
  // Validation of a definition (the sidebar shows these next to the field).
  nameMissing: { ja: 'セグメントの名前を入れてください。', en: 'Give the segment a name.' },
  nameTooLong: { ja: (n: number) => `名前は${n}文字までにしてください。`, en: (n: number) => `Keep the name to ${n} characters.` },
  nameChars: { ja: '名前に改行や制御文字は使えません。', en: 'The name cannot contain line breaks or control characters.' },
  wholeNumber: { ja: '0 以上の整数を入れてください(空欄は「指定なし」)。', en: 'Enter a whole number of 0 or more (blank: no limit).' },
  rangeOrder: { ja: '下限が上限より大きくなっています。', en: 'The lower bound is above the upper bound.' },
  templateTooLong: { ja: (n: number) => `メッセージは${n}文字までにしてください。`, en: (n: number) => `Keep the message to ${n} characters.` },
  tooMany: {
    ja: (n: number) => `保存できるセグメントは${n}個までです。使わないものを削除してください。`,
    en: (n: number) => `At most ${n} segments can be saved. Delete one you no longer use.`,
  },
  tooBig: {
    ja: 'セグメントの保存領域(スプレッドシートのプロパティ、9KB まで)がいっぱいです。メッセージを短くするか、使わないセグメントを削除してください。',
    en: 'The segments’ storage (a spreadsheet property, 9 KB at most) is full. Shorten a message or delete a segment you no longer use.',
  },
  ownerSheet: {
    ja: (wanted: string, used: string) => `「${wanted}」という名前のシートがすでにあるため(アドオンが作ったものではないので触りません)、「${used}」に書きました。`,
    en: (wanted: string, used: string) => `A sheet named “${wanted}” already exists and is not the add-on’s, so it was left alone; the list is in “${used}”.`,
  },
  notWritten: { ja: (name: string, why: string) => `セグメント「${name}」のシートを書けませんでした: ${why}`, en: (name: string, why: string) => `The sheet of segment “${name}” could not be written: ${why}` },
  notFound: { ja: (name: string) => `セグメント「${name}」は保存されていません。`, en: (name: string) => `There is no saved segment “${name}”.` },
  // The CSV (src/gas/segments.ts encodes it through Apps Script's Blob).
  formatUtf8: { ja: 'CSV(UTF-8・BOM付き、Excel 向け)', en: 'CSV (UTF-8 with BOM, for Excel)' },
  formatSjis: { ja: 'CSV(Shift_JIS、日本のメール配信サービス向け)', en: 'CSV (Shift_JIS, for Japanese mail services)' },
  formatLine: { ja: 'LINE ユーザーID(1行に1つ、オーディエンス用)', en: 'LINE user IDs (one a line, for an audience)' },
  unencodable: {
    ja: (line: number, column: string, chars: string) => `${line}行目「${column}」の「${chars}」`,
    en: (line: number, column: string, chars: string) => `line ${line} “${column}”: “${chars}”`,
  },
  unencodableIntro: {
    ja: (n: number) => `Shift_JIS にできない文字が ${n}か所あり、「?」になっています。UTF-8 を選べばそのまま入ります:`,
    en: (n: number) => `${n} place(s) hold characters Shift_JIS cannot hold; they became “?”. Choose UTF-8 to keep them:`,
  },
  noLineIds: { ja: 'このセグメントには LINE ユーザーID のある方がいません。', en: 'Nobody in this segment has a LINE user ID.' },
  // The sidebar's section.
  section: { ja: 'セグメント(配信リスト)', en: 'Segments (send lists)' },
  name: { ja: '名前', en: 'Name' },
  who: { ja: '対象', en: 'Who' },
  filters: { ja: '絞り込み', en: 'Filters' },
  ltvLabel: { ja: 'LTV(円)', en: 'LTV (yen)' },
  daysLabel: { ja: '最終購入からの日数', en: 'Days since last purchase' },
  from: { ja: '以上', en: 'from' },
  to: { ja: '以下', en: 'to' },
  message: { ja: 'メッセージ({name} {ltv} {purchases} {tier} {stage} が使えます)', en: 'Message ({name} {ltv} {purchases} {tier} {stage} are filled in)' },
  count: { ja: (n: number) => `${n}人`, en: (n: number) => `${n} ${n === 1 ? 'customer' : 'customers'}` },
  counting: { ja: '数えています…', en: 'Counting…' },
  make: { ja: 'リストを作成', en: 'Make list' },
  made: { ja: (sheet: string, n: number) => `「${sheet}」に ${n}人を書きました。更新のたびに書き直します。`, en: (sheet: string, n: number) => `Wrote ${n} to “${sheet}”. Each refresh rewrites it.` },
  download: { ja: 'CSVをダウンロード', en: 'Download CSV' },
  format: { ja: '形式', en: 'Format' },
  saved: { ja: '保存したセグメント', en: 'Saved segments' },
  noneSaved: { ja: 'まだありません。条件を選んで「リストを作成」を押すと、ここに並びます。', en: 'None yet. Choose who and press Make list: it appears here.' },
  edit: { ja: '開く', en: 'Open' },
  remove: { ja: '削除', en: 'Delete' },
  removed: { ja: (name: string) => `セグメント「${name}」と、そのシートを削除しました。`, en: (name: string) => `Deleted segment “${name}” and its sheet.` },
  working: { ja: '作成中…', en: 'Working…' },
} as const;

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
  customer: { ja: '顧客ID・メールアドレス・電話番号がない', en: 'no customer ID, e-mail or phone' },
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
  /** `hadTabs`: whether there are tabs (and a History) that were kept; a first refresh made none. */
  noValidOrders: {
    ja: (sheet: string, skipped: number, reasons: Readonly<Record<string, number | undefined>>, hadTabs: boolean) =>
      `注文シート「${sheet}」から有効な注文を1件も読めなかったため、${hadTabs ? '何も変更していません(履歴も前回のままです)' : 'タブは作っていません'}。読み飛ばした行: ${int(skipped)}行(${reasonList(reasons, 'ja')})。貼り付けた内容を確認してください。`,
    en: (sheet: string, skipped: number, reasons: Readonly<Record<string, number | undefined>>, hadTabs: boolean) =>
      `No valid order could be read from the orders sheet "${sheet}", so ${hadTabs ? 'nothing was changed (History included)' : 'no tab was made'}. Rows skipped: ${int(skipped)} (${reasonList(reasons, 'en')}). Check what was pasted.`,
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
  tooSlow: {
    ja: (writeMin: string, readMin: string) =>
      `タブの書き込みにあと約${writeMin}分かかる見込みです(ここまで${readMin}分)。Apps Script は1回の実行を6分で止めるため、途中まで書くことはせず、何も変更していません。古い注文を別のスプレッドシートに移す(アーカイブ)と短くなります。`,
    en: (writeMin: string, readMin: string) =>
      `Writing the tabs would take about ${writeMin} more minutes (${readMin} so far). Apps Script stops a run at 6 minutes, so rather than write half of it, nothing was changed. Moving old orders to another spreadsheet (archiving them) makes it shorter.`,
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
  tabsAbsent: {
    ja: (names: readonly string[]) => `まだ作られていないタブ: ${list(names, 'ja')}。`,
    en: (names: readonly string[]) => `Tabs not made yet: ${list(names, 'en')}.`,
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
  andMore: { ja: (n: string) => `、ほか${n}件`, en: (n: string) => `; and ${n} more` },
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

// ---------------------------------------------------------------------------------------------
// Diagnostics (issue 10 §3): the menu's 診断 report (src/core/diagnostics.ts) and what
// =FANFUNNEL_ARGS shows (src/core/argumentReport.ts). Plain words: the owner reads them, then
// sends the report to us.

/** The words of the diagnostics report: its frame, then each check's name, facts and meanings. */
export const DIAGNOSTICS_TEXT = {
  menuItem: { ja: '診断', en: 'Diagnostics' },
  title: { ja: 'Fan Funnel 診断', en: 'Fan Funnel diagnostics' },
  ok: { ja: 'OK', en: 'OK' },
  attention: { ja: '注意', en: 'WARN' },
  header: {
    ja: (at: string, zone: string) => `Fan Funnel 診断 ${at} (${zone})`,
    en: (at: string, zone: string) => `Fan Funnel diagnostics ${at} (${zone})`,
  },
  summary: {
    ja: (attention: number, total: number) => (attention === 0 ? `${total} 項目すべて OK` : `注意 ${attention} 件 / ${total} 項目`),
    en: (attention: number, total: number) => (attention === 0 ? `All ${total} checks OK` : `${attention} of ${total} checks need attention`),
  },
  copyHint: {
    ja: 'この報告を開発者に送るときは「コピー」を押すか、全部選択してコピーしてください(Ctrl+A → Ctrl+C、Mac は ⌘A → ⌘C)。',
    en: 'To send this report to the developers, press Copy, or select all and copy (Ctrl+A, Ctrl+C; ⌘A, ⌘C on a Mac).',
  },
  copy: { ja: 'コピー', en: 'Copy' },
  copied: { ja: 'コピーしました', en: 'Copied' },
  couldNotCheck: { ja: (error: string) => `確認できませんでした: ${error}`, en: (error: string) => `Could not check: ${error}` },
  couldNotCheckMeaning: {
    ja: 'Google の環境でこの項目を調べられませんでした。この報告を開発者に送ってください。',
    en: 'This could not be checked in Google’s environment. Please send this report to the developers.',
  },
  next: {
    ja: '次に: 空いているセルに =FANFUNNEL_ARGS(A2, , A1:C3) と入力してください(A2 は日付のセル、2つ目は空けたまま)。それぞれの引数がどう届いたかが表に出ます。その表もコピーして送ってください。',
    en: 'Next: type =FANFUNNEL_ARGS(A2, , A1:C3) in an empty cell (A2 a date cell, the second argument left empty). A table shows how each argument arrived; copy it into your message too.',
  },

  version: {
    name: { ja: 'バージョン', en: 'Version' },
    facts: {
      ja: (version: string, commit: string, dirty: boolean) => `${version} (${commit}${dirty ? '、コミットしていない変更あり' : ''})`,
      en: (version: string, commit: string, dirty: boolean) => `${version} (${commit}${dirty ? ', with uncommitted changes' : ''})`,
    },
    ok: {
      ja: '動いているアドオンのビルドです。不具合を知らせるときはこの行も送ってください。',
      en: 'The build of the add-on that is running. Include this line when you report a problem.',
    },
    untraceable: {
      ja: 'どのコミットから作ったか分からないビルドです(開発者向け: clasp push の前に変更をコミットしてください)。',
      en: 'This build cannot be traced to a commit (developers: commit before clasp push).',
    },
  },

  timeZones: {
    name: { ja: 'タイムゾーン', en: 'Time zones' },
    facts: {
      ja: (script: string, spreadsheet: string, manifest: string, runtime: string) =>
        `スクリプト ${script}・スプレッドシート ${spreadsheet}・appsscript.json ${manifest}(実行環境の既定 ${runtime})`,
      en: (script: string, spreadsheet: string, manifest: string, runtime: string) =>
        `script ${script}, spreadsheet ${spreadsheet}, appsscript.json ${manifest} (runtime default ${runtime})`,
    },
    same: {
      ja: 'すべて同じタイムゾーンです。日付が前の日や次の日にずれることはありません。',
      en: 'All the same zone: no date can shift to the day before or after.',
    },
    scriptNotManifest: {
      ja: (manifest: string) =>
        `スクリプトのタイムゾーンが appsscript.json の ${manifest} と違います。カスタム関数に渡る日付はスクリプトのタイムゾーンで作られるため、アドオンの想定と違います。開発者に知らせてください。`,
      en: (manifest: string) =>
        `The script’s time zone is not appsscript.json’s ${manifest}. Dates reach the custom functions in the script’s zone, so this is not what the add-on expects: please tell the developers.`,
    },
    spreadsheetDiffers: {
      ja: (spreadsheet: string, script: string) =>
        `スプレッドシート(${spreadsheet})とスクリプト(${script})のタイムゾーンが違います。アドオンは日付をスプレッドシートのタイムゾーンで数えますが、カスタム関数に渡る日付のセルはスクリプトのタイムゾーンで作られると考えられています(Google は公開していません)。=FANFUNNEL_ARGS(日付のセル) で、その日の 0:00 がどちらのタイムゾーンで届くか確かめてください。`,
      en: (spreadsheet: string, script: string) =>
        `The spreadsheet (${spreadsheet}) and the script (${script}) are in different zones. The add-on counts days in the spreadsheet’s zone, but date cells are believed to reach custom functions made in the script’s zone (Google does not say). Check with =FANFUNNEL_ARGS(a date cell) in which zone the day’s 0:00 arrives.`,
    },
  },

  intl: {
    name: { ja: '日付の計算 (Intl と Utilities)', en: 'Date arithmetic (Intl vs Utilities)' },
    facts: {
      ja: (instants: number, edges: number, zones: string) => `${zones} で ${instants} 時点を比較(夏時間の切り替わり ${edges} 時点を含む)`,
      en: (instants: number, edges: number, zones: string) => `${instants} instants compared in ${zones} (${edges} at daylight-saving changes)`,
    },
    mismatch: {
      ja: (at: string, zone: string, intl: string, utilities: string) => `不一致 ${at} ${zone}: Intl ${intl} / Utilities ${utilities}`,
      en: (at: string, zone: string, intl: string, utilities: string) => `mismatch ${at} ${zone}: Intl ${intl} / Utilities ${utilities}`,
    },
    noZone: { ja: '比べるタイムゾーンがありません', en: 'no time zone to compare' },
    failed: {
      ja: (zone: string, error: string) => `${zone}: ${error}`,
      en: (zone: string, error: string) => `${zone}: ${error}`,
    },
    ok: {
      ja: 'アドオンの日付計算(Intl)は Google の日付計算(Utilities.formatDate)とすべて一致しました。',
      en: 'The add-on’s date arithmetic (Intl) agrees with Google’s (Utilities.formatDate) everywhere it was compared.',
    },
    disagree: {
      ja: 'アドオンの日付計算が Google と一致しない時点があります。その前後の注文が1時間、場合によっては1日ずれて数えられる可能性があります。この報告を開発者に送ってください。',
      en: 'At some instants the add-on’s date arithmetic disagrees with Google’s: orders near them may be counted an hour, or a day, off. Please send this report to the developers.',
    },
  },

  triggers: {
    name: { ja: '自動更新のトリガー', en: 'Automatic-refresh trigger' },
    facts: {
      ja: (mine: string, project: number, who: string, setting: string) =>
        `あなた(${who})のトリガー: ${mine}。getProjectTriggers で見えるもの ${project} 件。設定: ${setting}`,
      en: (mine: string, project: number, who: string, setting: string) =>
        `your triggers (${who}): ${mine}. getProjectTriggers sees ${project}. Setting: ${setting}`,
    },
    none: { ja: 'なし', en: 'none' },
    trigger: {
      ja: (handler: string, type: string, uid: string) => `${handler}(${type}、ID ${uid})`,
      en: (handler: string, type: string, uid: string) => `${handler} (${type}, id ${uid})`,
    },
    settingOff: { ja: 'しない', en: 'off' },
    settingDaily: { ja: (hour: number) => `毎日 ${hour}時`, en: (hour: number) => `daily at ${hour}:00` },
    settingHourly: { ja: '1時間ごと', en: 'hourly' },
    probeFacts: {
      ja: (uid: string, listed: boolean, deleted: boolean) =>
        `テスト用に作ったトリガー ID ${uid}: 一覧に${listed ? '出た' : '出ない'}、${deleted ? '削除済み' : '削除できず'}`,
      en: (uid: string, listed: boolean, deleted: boolean) =>
        `test trigger id ${uid}: ${listed ? 'listed' : 'not listed'}, ${deleted ? 'deleted' : 'NOT deleted'}`,
    },
    probeFailed: { ja: (error: string) => `テスト用のトリガーを作れません: ${error}`, en: (error: string) => `could not create a test trigger: ${error}` },
    ok: {
      ja: '自動更新のトリガーがあなたのものとして1つだけ登録されています。トリガーは作った人のものとして動き、ほかの人からは見えません。',
      en: 'Exactly one automatic-refresh trigger is registered, as yours. A trigger runs as the person who made it and is invisible to others.',
    },
    okOff: {
      ja: '自動更新はオフで、トリガーもありません。',
      en: 'Automatic refresh is off and there is no trigger.',
    },
    probeOk: {
      ja: 'テスト用のトリガーを作って、あなたの一覧に出ることを確かめてから削除しました。自動更新をオンにすれば、アドオンはそのトリガーを見つけて管理できます。',
      en: 'A test trigger was created, found in your list, and deleted: when automatic refresh is on, the add-on can find and manage its trigger.',
    },
    probeNotListed: {
      ja: '作ったトリガーがあなたの一覧に出ません。アドオンは自動更新のトリガーを見つけられず、二重に作ったり消せなかったりする可能性があります。この報告を開発者に送ってください。',
      en: 'The trigger just created is not in your list: the add-on cannot find its own trigger and may duplicate it or fail to remove it. Please send this report to the developers.',
    },
    probeNotDeleted: {
      ja: 'テスト用のトリガーを削除できませんでした。サイドバーで自動更新を一度オンにして保存し、オフにして保存すると消えます。',
      en: 'The test trigger could not be deleted. In the sidebar, save automatic refresh on once, then off: that removes it.',
    },
    probeError: {
      ja: 'この場所ではトリガーを作れません。自動更新をオンにしても動かない可能性があります。',
      en: 'No trigger can be created here, so automatic refresh may not work either.',
    },
    onButMissing: {
      ja: '設定では自動更新がオンですが、あなたのトリガーはありません。ほかの人がオンにした場合、そのトリガーはその人にしか見えません(Google の仕様)。自分のものにするには、サイドバーで自動更新を保存し直してください。',
      en: 'Automatic refresh is on in the settings, but you have no trigger. If someone else turned it on, their trigger is visible only to them (Google’s rule). To make it yours, save automatic refresh again in the sidebar.',
    },
    offButPresent: {
      ja: '設定では自動更新がオフなのに、トリガーが残っています。サイドバーで自動更新を一度オンにして保存し、オフにして保存すると消えます。',
      en: 'Automatic refresh is off in the settings, yet a trigger remains. In the sidebar, save automatic refresh on once, then off: that removes it.',
    },
    duplicate: {
      ja: '自動更新のトリガーが2つ以上あります。更新が重なって無駄に動きます。サイドバーで自動更新を保存し直すと1つになります。',
      en: 'There is more than one automatic-refresh trigger, so refreshes run twice. Saving automatic refresh again in the sidebar leaves one.',
    },
  },

  lock: {
    name: { ja: 'ドキュメントのロック', en: 'Document lock' },
    facts: {
      ja: { null: 'null(取得できない)', free: '取得できます', busy: 'ほかの処理が使用中' },
      en: { null: 'null (not available)', free: 'available', busy: 'held by another execution' },
    },
    ok: {
      ja: 'ボタンでの更新と自動更新が同時に走っても、片方が待つので表が混ざりません。',
      en: 'A click and the automatic refresh cannot interleave: one waits for the other.',
    },
    busy: {
      ja: 'ロックは使えます。今はほかの処理(更新中など)が持っています。',
      en: 'The lock exists; another execution (a refresh?) holds it right now.',
    },
    missing: {
      ja: 'ロックが取得できません。ボタンでの更新と自動更新が同時に走ると、表が混ざる可能性があります。この報告を開発者に送ってください。',
      en: 'No lock here: a click and the automatic refresh could run at once and mix the tabs. Please send this report to the developers.',
    },
  },

  properties: {
    name: {
      ja: { document: 'ドキュメントのプロパティ', user: 'ユーザーのプロパティ', script: 'スクリプトのプロパティ' },
      en: { document: 'Document properties', user: 'User properties', script: 'Script properties' },
    },
    facts: {
      ja: (count: number, total: string, largest: string) => `${count} 件、合計 ${total} / 500 KB${largest === '' ? '' : `、最大の値 ${largest} / 9 KB`}`,
      en: (count: number, total: string, largest: string) => `${count} keys, ${total} of 500 KB in all${largest === '' ? '' : `, largest value ${largest} of 9 KB`}`,
    },
    ok: { ja: '上限まで余裕があります。', en: 'Well within the limits.' },
    near: {
      ja: '上限(1つの値 9 KB、全体 500 KB)に近づいています。超えると設定や更新の結果を保存できなくなります。',
      en: 'Close to the limits (9 KB a value, 500 KB in all): beyond them, settings and refresh results can no longer be saved.',
    },
    over: {
      ja: 'Google の公開している上限を超えています。今は保存できていても、いつ拒否されてもおかしくありません。この報告を開発者に送ってください。',
      en: 'Over the limit Google documents: it was accepted so far, but may be refused at any time. Please send this report to the developers.',
    },
  },

  cells: {
    name: { ja: 'セルの数', en: 'Cells' },
    facts: {
      ja: (sheets: number, cells: string, percent: string, largest: string, rows: string, columns: string) =>
        `${sheets} 枚のシートで ${cells} / 10,000,000 セル(${percent})。最大は「${largest}」${rows} 行 × ${columns} 列`,
      en: (sheets: number, cells: string, percent: string, largest: string, rows: string, columns: string) =>
        `${cells} of 10,000,000 cells in ${sheets} sheets (${percent}); the largest is "${largest}", ${rows} rows × ${columns} columns`,
    },
    ok: {
      ja: 'Sheets の上限(1,000万セル。空のセルや非表示のシートも数えます)まで余裕があります。',
      en: 'Well within Sheets’ limit (10 million cells, empty cells and hidden sheets included).',
    },
    near: {
      ja: 'Sheets の上限(1,000万セル。空のセルや非表示のシートも数えます)に近づいています。更新に必要なセルが足りないと、更新は何も書かずに止まります。使っていないシートや、空の行・列を削除してください。',
      en: 'Close to Sheets’ limit (10 million cells, empty cells and hidden sheets included). A refresh that would cross it stops without writing. Delete unused sheets and empty rows and columns.',
    },
  },

  language: {
    name: { ja: '言語', en: 'Language' },
    facts: {
      ja: (locale: string, user: string, setting: string, tabs: string, menu: string) =>
        `スプレッドシートのロケール ${locale}、あなたのアカウントの言語 ${user}、設定 ${setting} → タブと関数: ${tabs}、メニュー: ${menu}`,
      en: (locale: string, user: string, setting: string, tabs: string, menu: string) =>
        `spreadsheet locale ${locale}, your account’s language ${user}, setting ${setting} → tabs and functions: ${tabs}, menu: ${menu}`,
    },
    names: { ja: { ja: '日本語', en: '英語', auto: '自動' }, en: { ja: 'Japanese', en: 'English', auto: 'automatic' } },
    ok: {
      ja: 'タブ・関数・メニューは同じ言語で表示されます。',
      en: 'Tabs, functions and the menu all speak the same language.',
    },
    split: {
      ja: 'メニューはあなたの Google アカウントの言語、タブと関数はスプレッドシート(またはサイドバーの「言語」)に従うため、言語が分かれます。揃えるにはサイドバーの「言語」か、ファイル → 設定 のロケールを変えてください。',
      en: 'The menu follows your Google account’s language; the tabs and functions follow the spreadsheet (or the sidebar’s Language). To match them, change the sidebar’s Language or File → Settings → Locale.',
    },
  },

  tabs: {
    name: { ja: 'アドオンのタブ', en: 'The add-on’s tabs' },
    own: {
      ja: (tab: string, sheet: string, id: number) => `${tab}: 「${sheet}」(シートID ${id})`,
      en: (tab: string, sheet: string, id: number) => `${tab}: "${sheet}" (sheet id ${id})`,
    },
    notYet: { ja: (tab: string) => `${tab}: まだありません`, en: (tab: string) => `${tab}: not yet created` },
    copies: {
      ja: (names: string) => `印の付いたコピー(書き込みません): ${names}`,
      en: (names: string) => `marked copies (never written): ${names}`,
    },
    gone: {
      ja: (ids: string) => `登録されたシートID ${ids} は削除されています(次の更新で作り直します)`,
      en: (ids: string) => `registered sheet id ${ids} was deleted (the next refresh makes a new one)`,
    },
    staging: {
      ja: (names: string) => `途中で止まった更新の作業用シート: ${names}`,
      en: (names: string) => `scratch sheets of a refresh that stopped: ${names}`,
    },
    badRegistry: { ja: 'タブの登録を読めません', en: 'the tab registry is unreadable' },
    others: {
      ja: (names: string) => `アドオンのほかのシート(セグメント・施策など。注文データとしては読みません): ${names}`,
      en: (names: string) => `the add-on’s other sheets (segments, campaigns…; never read as order data): ${names}`,
    },
    sheet: { ja: (name: string, id: number) => `「${name}」(${id})`, en: (name: string, id: number) => `"${name}" (${id})` },
    ok: {
      ja: 'アドオンは自分で作ったタブ(印とシートIDの両方で確認)にだけ書き込みます。まだないタブは次の更新で作ります。',
      en: 'The add-on writes only to the tabs it made (checked by their mark and their sheet id). A missing tab is made by the next refresh.',
    },
    attention: {
      ja: '作業用シートが残っているか、タブの登録が読めません。次の更新で片付けますが、続くときはこの報告を開発者に送ってください。',
      en: 'Scratch sheets were left behind, or the tab registry is unreadable. The next refresh tidies up; if this persists, please send this report to the developers.',
    },
  },

  readSpeed: {
    name: { ja: '読み込みの速さ', en: 'Read speed' },
    facts: {
      ja: (sheet: string, rows: string, columns: string, ms: string, per1000: string, model: string) =>
        `「${sheet}」の ${rows} 行 × ${columns} 列を ${ms} ms で読み込み: 1,000 セルあたり ${per1000} ms(見積もり ${model} ms)`,
      en: (sheet: string, rows: string, columns: string, ms: string, per1000: string, model: string) =>
        `read ${rows} rows × ${columns} columns of "${sheet}" in ${ms} ms: ${per1000} ms per 1,000 cells (estimate ${model} ms)`,
    },
    nothing: { ja: 'データのあるシートがありません', en: 'no sheet with data' },
    ok: {
      ja: '見積もりより速いか同じです。README の「扱えるショップの大きさ」はこの見積もりで計算しています。',
      en: 'As fast as estimated or faster. README’s largest shop is computed with this estimate.',
    },
    nothingMeaning: { ja: '注文を貼り付けてからもう一度診断すると測れます。', en: 'Paste the orders and run the diagnostics again to measure it.' },
    slow: {
      ja: '見積もりより遅いため、大きなショップの更新は README の目安より時間がかかります(6分を超えると止まります)。この行を開発者に送ってください。',
      en: 'Slower than estimated: a large shop’s refresh takes longer than README says (it stops at 6 minutes). Please send this line to the developers.',
    },
  },
  returnedDates: {
    name: { ja: '関数が返す日付', en: 'Dates the functions return' },
    facts: {
      ja: (cell: string, shown: string, zone: string) => `${cell} の =FANFUNNEL_ARGS が返した日付は ${shown}(${zone})`,
      en: (cell: string, shown: string, zone: string) => `the date =FANFUNNEL_ARGS returned in ${cell} holds ${shown} (${zone})`,
    },
    none: { ja: 'このシートに =FANFUNNEL_ARGS のセルがありません', en: 'no =FANFUNNEL_ARGS cell on this sheet' },
    noneMeaning: {
      ja: '空いているセルに =FANFUNNEL_ARGS() と入力し、そのシートを開いたままもう一度診断すると、関数が返す日付がこのスプレッドシートで正しい日に見えるか確かめられます。',
      en: 'Type =FANFUNNEL_ARGS() in an empty cell and run the diagnostics again with that sheet open: it checks that the dates the functions return show as the right day in this spreadsheet.',
    },
    ok: {
      ja: '正しい日です。最終注文日や次回購入日は、このスプレッドシートでもシートに見えるとおりの日になります。',
      en: 'The right day: last orders and next purchases show as the days they are in this spreadsheet.',
    },
    wrong: {
      ja: (expected: string) =>
        `${expected} 0:00 のはずです。Google はスクリプトのタイムゾーンでなく別の方法で日付を受け取っています。関数が返す日付(最終注文日など)がずれて見えます。この行を開発者に送ってください(emulator/sheetsCall.ts の dateZone)。`,
      en: (expected: string) =>
        `It should be ${expected} 0:00: Sheets reads the dates a function returns in another way than the script's zone, so the dates the functions return (last order…) show shifted. Please send this line to the developers (emulator/sheetsCall.ts, dateZone).`,
    },
  },
  sjis: {
    name: { ja: 'Shift_JIS の CSV', en: 'The Shift_JIS CSV' },
    facts: {
      ja: (charset: string, bytes: string) => `${charset} で書いたバイト: ${bytes}`,
      en: (charset: string, bytes: string) => `bytes written as ${charset}: ${bytes}`,
    },
    ok: {
      ja: '想定どおりです。セグメントの「CSV(Shift_JIS、日本のメール配信サービス向け)」は、日本のメール配信サービスや Excel が読む形で書かれます(「−」のように Shift_JIS にない文字は「?」になり、ダウンロードのときにお知らせします)。',
      en: 'As expected: a segment’s Shift_JIS CSV is written the way Japanese mail services and Excel read it (a character Shift_JIS lacks, such as “−”, becomes “?”, and the download says where).',
    },
    expected: { ja: (char: string, bytes: string) => `「${char}」は ${bytes} のはず`, en: (char: string, bytes: string) => `“${char}” should be ${bytes}` },
    wrong: {
      ja: (which: string) =>
        `想定と違います(${which})。セグメントの「CSV(Shift_JIS、日本のメール配信サービス向け)」で、これらの文字が違って見えることがあります。メール配信サービスで文字化けするときは「CSV(UTF-8・BOM付き、Excel 向け)」を選んでください。この行を開発者に送ってください(emulator/session.ts の BLOB_CHARSETS)。`,
      en: (which: string) =>
        `Not as expected (${which}). In a segment’s Shift_JIS CSV these characters may show differently; if your mail service garbles them, choose the UTF-8 CSV. Please send this line to the developers (emulator/session.ts, BLOB_CHARSETS).`,
    },
    failed: {
      ja: (charset: string, error: string) => `${charset} で書けませんでした: ${error}`,
      en: (charset: string, error: string) => `could not write ${charset}: ${error}`,
    },
    failedMeaning: {
      ja: 'セグメントの「CSV(Shift_JIS、日本のメール配信サービス向け)」はこのスプレッドシートでは作れません。「CSV(UTF-8・BOM付き、Excel 向け)」を選び、この報告を開発者に送ってください。',
      en: 'A segment’s Shift_JIS CSV cannot be made in this spreadsheet. Choose the UTF-8 CSV, and please send this report to the developers.',
    },
    notRun: { ja: '確かめていません', en: 'not checked' },
    notRunMeaning: { ja: 'この版の診断は Shift_JIS を確かめていません。', en: 'This version’s diagnostics did not check Shift_JIS.' },
  },
} as const;

/** What =FANFUNNEL_ARGS shows: one row per argument as it arrived, then the time zones. */
export const FANFUNNEL_ARGS_TEXT = {
  header: { ja: ['引数', '型', '届いた値'], en: ['Argument', 'Type', 'As it arrived'] },
  /** The last row's label: a date the function returns, for the owner (and 診断) to see how it shows. */
  returnedDate: {
    ja: (day: string) => `返した日付(${day} 0:00 と見えれば正しい)`,
    en: (day: string) => `A returned date (right if it shows ${day} 0:00)`,
  },
  /** The type column: JavaScript's names, which the developers read. */
  types: {
    ja: { undefined: 'undefined', null: 'null', empty: '""', string: 'string', number: 'number', boolean: 'boolean', date: 'Date', grid: '2次元配列', array: '配列', object: 'object' },
    en: { undefined: 'undefined', null: 'null', empty: '""', string: 'string', number: 'number', boolean: 'boolean', date: 'Date', grid: '2-D array', array: 'array', object: 'object' },
  },
  undefined: { ja: '値なし: 省略された引数は undefined で届きました', en: 'no value: a skipped argument arrived as undefined' },
  null: { ja: 'null', en: 'null' },
  empty: { ja: '空の文字列: 空のセル、または省略された引数', en: 'empty string: an empty cell, or a skipped argument' },
  string: {
    ja: (json: string, length: number) => `${json}(${length} 文字)`,
    en: (json: string, length: number) => `${json} (${length} character${length === 1 ? '' : 's'})`,
  },
  date: {
    ja: (iso: string, offset: number, walls: string, verdict: string) => `${iso}・getTimezoneOffset ${offset}・${walls}・${verdict}`,
    en: (iso: string, offset: number, walls: string, verdict: string) => `${iso}; getTimezoneOffset ${offset}; ${walls}; ${verdict}`,
  },
  invalidDate: { ja: '無効な日付 (Invalid Date)', en: 'Invalid Date' },
  midnightScript: {
    ja: (zone: string) => `スクリプトのタイムゾーン(${zone})の 0:00: 日付のセルはスクリプトのタイムゾーンで作られています`,
    en: (zone: string) => `0:00 in the script’s zone (${zone}): the date cell was made in the script’s zone`,
  },
  midnightSpreadsheet: {
    ja: (zone: string) => `スプレッドシートのタイムゾーン(${zone})の 0:00: 日付のセルはスプレッドシートのタイムゾーンで作られています`,
    en: (zone: string) => `0:00 in the spreadsheet’s zone (${zone}): the date cell was made in the spreadsheet’s zone`,
  },
  midnightBoth: { ja: '0:00(2つのタイムゾーンは同じ時刻)', en: '0:00 (both zones agree here)' },
  withTime: { ja: '時刻つき(どちらのタイムゾーンでも 0:00 ではありません)', en: 'with a time of day (0:00 in neither zone)' },
  grid: {
    ja: (rows: number, columns: number, ragged: boolean) => `${rows} 行 × ${columns} 列${ragged ? '(行ごとに長さが違います)' : ''}`,
    en: (rows: number, columns: number, ragged: boolean) =>
      `${rows} row${rows === 1 ? '' : 's'} × ${columns} column${columns === 1 ? '' : 's'}${ragged ? ' (rows of different lengths)' : ''}`,
  },
  array: { ja: (length: number) => `長さ ${length}`, en: (length: number) => `length ${length}` },
  firstCells: { ja: (row: number, cells: string) => `${row}行目: ${cells}`, en: (row: number, cells: string) => `row ${row}: ${cells}` },
  scriptZone: { ja: 'スクリプトのタイムゾーン', en: 'Script time zone' },
  runtimeZone: { ja: '実行環境の既定のタイムゾーン', en: 'Runtime default time zone' },
  spreadsheetZone: { ja: 'スプレッドシートのタイムゾーン', en: 'Spreadsheet time zone' },
  count: { ja: '受け取った引数の数', en: 'Arguments received' },
  unknown: { ja: (error: string) => `不明: ${error}`, en: (error: string) => `unknown: ${error}` },
} as const;

// ---------------------------------------------------------------------------------------------
// Import (issue 13): the sidebar's 取り込む section (src/sidebar/importPanel.ts, which takes these
// words from here: the sidebar may import the pure core) and the server's messages and sheet names
// (src/gas/importer.ts). `{name}` placeholders are filled by fillTemplate (src/core/shared.ts).

/** The sidebar's import section. */
export const IMPORT_TEXT = {
  heading: { ja: '注文CSVの取り込み', en: 'Import an order CSV' },
  intro: {
    ja: 'ショップの管理画面から書き出した注文のCSVファイルを選んでください(複数まとめて選べます)。書き込む前に内容を確認できます。',
    en: 'Choose the order CSV you downloaded from your shop’s admin (several at once is fine). You can check what it holds before anything is written.',
  },
  choose: { ja: 'CSVファイルを選ぶ', en: 'Choose CSV files' },
  reading: { ja: '{file} を読み込んでいます…', en: 'Reading {file}…' },
  comparing: { ja: 'シートにある注文と照らし合わせています…', en: 'Comparing with the orders already in the sheet…' },
  platform: { ja: 'ショップ', en: 'Platform' },
  charset: { ja: '文字コード', en: 'Encoding' },
  rows: { ja: '行数', en: 'Rows' },
  period: { ja: '注文日', en: 'Order dates' },
  periodValue: { ja: '{first} 〜 {last}', en: '{first} to {last}' },
  orders: { ja: '注文', en: 'Orders' },
  newOrders: { ja: '新しい注文', en: 'New orders' },
  existingOrders: { ja: 'シートにある注文(飛ばします)', en: 'Already in the sheet (skipped)' },
  cancelledOrders: { ja: 'うちキャンセル・返品', en: 'of which cancelled/refunded' },
  count: { ja: '{n}件', en: '{n}' },
  rowCount: { ja: '{n}行', en: '{n}' },
  target: { ja: '書き込み先', en: 'Goes to' },
  newSheet: { ja: '{sheet}(新しく作るシート)', en: '{sheet} (a new sheet)' },
  unreadable: { ja: '読めない行: {n}行(その注文は取り込みません)', en: 'Unreadable rows: {n} (their orders are not imported)' },
  unreadableLine: { ja: '{line}行目', en: 'line {line}' },
  reasonColumns: { ja: '列の数が見出しより多い', en: 'more fields than the header' },
  reasonCustomer: SKIP_REASON_TEXT.customer,
  reasonDate: SKIP_REASON_TEXT.date,
  reasonAmount: SKIP_REASON_TEXT.amount,
  fixAndRetry: {
    ja: 'ファイルを直して(または書き出し直して)もう一度取り込むと、これらの注文が追加されます。',
    en: 'Fix the file (or download it again) and import it again to add these orders.',
  },
  confirm: { ja: '{n}件の注文を取り込む', en: 'Import {n} orders' },
  nothingNew: { ja: '新しい注文はありません。シートはそのままです。', en: 'No new orders: the sheet stays as it is.' },
  discard: { ja: 'やめる', en: 'Cancel' },
  stop: { ja: '中止する', en: 'Stop' },
  importing: { ja: '取り込み中… {done} / {total}件', en: 'Importing… {done} / {total} orders' },
  stopping: { ja: '今の書き込みが終わったら止めます…', en: 'Stopping after the current write…' },
  done: { ja: '「{sheet}」に{n}件の注文を追加しました。', en: 'Added {n} orders to "{sheet}".' },
  doneNothing: { ja: '追加した注文はありません。', en: 'No orders were added.' },
  refreshNow: { ja: 'タブを今すぐ更新する', en: 'Refresh the tabs now' },
  otherSource: {
    ja: '今の設定では、更新は「{source}」の注文を読みます。',
    en: 'With the current settings, the refresh reads the orders in "{source}".',
  },
  useSheet: { ja: '「{sheet}」の注文で更新する', en: 'Refresh from "{sheet}"' },
  stopped: {
    ja: '取り込みを中止しました。それまでの{n}件は追加済みです(注文の途中で切れてはいません)。もう一度取り込むと、残りの注文だけが追加されます。',
    en: 'Import stopped. The {n} orders added before stay (whole orders only). Import again to add only the rest.',
  },
  failedAt: {
    ja: '{total}回に分けた書き込みの{k}回目(ファイルの{from}〜{to}行目)で止まりました: {error}',
    en: 'Stopped at write {k} of {total} (lines {from}–{to} of the file): {error}',
  },
  failedKept: {
    ja: 'それまでの{n}件は追加済みで、注文の途中で切れてはいません。もう一度取り込むと、残りの注文だけが追加されます。',
    en: 'The {n} orders added before it stay, whole orders only. Import again to add only the rest.',
  },
  failed: { ja: '取り込めませんでした', en: 'The import failed' },
  fileProblem: { ja: '{file} は取り込めません', en: '{file} cannot be imported' },
  nothingWritten: { ja: 'シートには何も書き込んでいません。', en: 'Nothing was written to the sheet.' },
  // Why a file is refused (src/sidebar/decode.ts and the checks of src/sidebar/importPanel.ts).
  empty: { ja: '中身が空のファイルです。', en: 'The file is empty.' },
  excel: {
    ja: 'Excelのファイルです。ショップの管理画面からCSVで書き出すか、Excelで「CSV UTF-8(コンマ区切り)」として保存してから選んでください。',
    en: 'This is an Excel workbook. Download the CSV from your shop’s admin, or save it from Excel as “CSV UTF-8 (Comma delimited)”, then choose that.',
  },
  zip: { ja: 'ZIPの圧縮ファイルです。展開してから、中のCSVファイルを選んでください。', en: 'This is a zip archive. Unzip it and choose the CSV inside.' },
  pdf: { ja: 'PDFのファイルです。注文のCSVファイルを選んでください。', en: 'This is a PDF. Choose the order CSV instead.' },
  image: { ja: '画像のファイルです。注文のCSVファイルを選んでください。', en: 'This is an image. Choose the order CSV instead.' },
  binary: { ja: '文字のファイルではないため、CSVとして読めません。', en: 'This is not a text file, so it cannot be read as CSV.' },
  encoding: {
    ja: '文字コードを判別できません(UTF-8でもShift_JISでもありません)。',
    en: 'The encoding is neither UTF-8 nor Shift_JIS.',
  },
  mixed: {
    ja: '文字コードが混ざっています(UTF-8の行: {utf8}、それ以外の行: {other})。ショップの管理画面から書き出し直したファイルを、そのまま選んでください。',
    en: 'It mixes encodings (UTF-8 lines: {utf8}; other lines: {other}). Download the export again and choose it as it is.',
  },
  tooLarge: {
    ja: '大きすぎます({size} MB)。{max} MB までのファイルを取り込めます。期間を区切って書き出してください。',
    en: 'It is too large ({size} MB). Files up to {max} MB can be imported: download a shorter period.',
  },
  noRows: { ja: '見出しの行だけで、注文の行がありません。', en: 'It has a header row but no orders.' },
  noHeader: { ja: '1行目に注文の見出しが見つかりません。', en: 'The first line is not a header of orders.' },
  unclosedQuote: {
    ja: '{line}行目で始まる「"」が閉じられていないため、それより後を読めません。',
    en: 'A quote (") opened on line {line} is never closed, so the rest of the file cannot be read.',
  },
  cellTooLong: {
    ja: '{line}行目に5万文字を超える欄があります(スプレッドシートのセルに入りません)。',
    en: 'Line {line} has a field of more than 50,000 characters (more than a cell holds).',
  },
  slowRefresh: {
    ja: '取り込むと「{sheet}」は {cells} セルになり、更新で読める目安({max} セル、Apps Script の1回6分の制限)を超えます。更新が失敗する場合は、期間を区切って書き出すか、使わない列を削除してください。',
    en: 'After this import "{sheet}" holds {cells} cells, more than the refresh can read within Apps Script’s 6 minutes (about {max}). If the refresh fails, download a shorter period or delete columns you do not use.',
  },
  tooManyCells: {
    ja: 'このスプレッドシートのセル数の上限(1,000万)を超えてしまいます。必要 {need} セル、残り {room} セル。使っていないシートを削除してからもう一度お試しください。',
    en: 'It would take the spreadsheet past its limit of 10 million cells: it needs {need} cells, {room} are left. Delete sheets you do not need and try again.',
  },
} as const;

/** The name of an orders sheet the import creates, by the platform's name (profileLabel). */
export const IMPORT_SHEET_NAME: Readonly<Record<Lang, (platform: string) => string>> = {
  ja: (platform) => `注文データ(${platform})`,
  en: (platform) => `Orders (${platform})`,
};

/** Why the server refused a chunk (src/gas/importer.ts). */
export const IMPORT_ERRORS = {
  changed: {
    ja: (sheet: string) => `「${sheet}」が確認した後に変わりました(別の画面からの取り込みや手での編集)。もう一度ファイルを選んでください。`,
    en: (sheet: string) => `"${sheet}" changed after the check (another import or an edit). Choose the file again.`,
  },
  busy: {
    ja: '別の更新か取り込みが実行中です。少し待ってからもう一度お試しください。',
    en: 'Another refresh or import is running. Try again in a moment.',
  },
  cells: {
    ja: (need: number, room: number) => `スプレッドシートのセル数の上限(1,000万)を超えるため書き込みませんでした(必要 ${need} セル、残り ${room} セル)。`,
    en: (need: number, room: number) => `Not written: it would take the spreadsheet past 10 million cells (needs ${need}, ${room} left).`,
  },
  badRequest: { ja: '取り込むデータの形が正しくありません。', en: 'The rows sent to import are not in the expected form.' },
} as const;

/**
 * The sidebar's BigQuery (Connected Sheets) section and what it says (issue 16;
 * src/sidebar/bigQueryPanel.ts, src/gas/connectedSheets.ts). Collapsed by default: most owners
 * never need it.
 */
export const BIGQUERY_TEXT = {
  section: SIDEBAR_TEXT.bigQuerySection,
  intro: {
    ja: '注文が数十万行を超えたら、注文を BigQuery に置き、同じステージとランクを BigQuery で計算してシートに表示します。Google Cloud のプロジェクトと、BigQuery を使える Google アカウントが必要です。',
    en: 'Past a few hundred thousand orders, keep them in BigQuery: the same stages and ranks are computed there and shown in sheets. Needs a Google Cloud project and a Google account with BigQuery access.',
  },
  scopeNote: {
    ja: 'この機能は BigQuery 版のアドオン(BigQuery へのアクセスを許可する版)でだけ動きます。',
    en: 'This works only in the BigQuery build of the add-on (the one you allowed to use BigQuery).',
  },
  projectId: { ja: 'プロジェクト ID', en: 'Project ID' },
  table: { ja: '注文の表(データセット.テーブル)', en: 'Orders table (dataset.table)' },
  readColumns: { ja: '列を読み込む', en: 'Read the columns' },
  reading: { ja: '読み込み中…', en: 'Reading…' },
  columns: { ja: '列の対応', en: 'Column mapping' },
  notMapped: { ja: '(使わない)', en: '(not used)' },
  orderedAtKind: { ja: '注文日時の種類', en: 'Order time type' },
  instant: { ja: 'TIMESTAMP(世界時)', en: 'TIMESTAMP (an instant)' },
  wallClock: { ja: 'DATETIME(現地時刻)', en: 'DATETIME (local time)' },
  connect: { ja: 'シートを作成・更新', en: 'Create or update the sheets' },
  connecting: { ja: 'BigQuery で計算中…', en: 'Running in BigQuery…' },
  done: { ja: '作成しました', en: 'Done' },
  sheetsMade: { ja: '作成・更新したシート', en: 'Sheets created or updated' },
  needColumns: { ja: '先に「列を読み込む」を押してください。', en: 'Press “Read the columns” first.' },
} as const;

/** The SQL fields' names in the column mapping (src/core/sql/connected.ts `SqlField`). */
export const SQL_FIELD_LABELS = {
  line: { ja: '明細の順番(行番号)', en: 'Line position (row number)' },
  orderedAt: { ja: '注文日時', en: 'Order time' },
  amount: { ja: '金額', en: 'Amount' },
  customerId: { ja: '顧客ID', en: 'Customer ID' },
  email: { ja: 'メールアドレス', en: 'E-mail' },
  phone: { ja: '電話番号(ゲスト)', en: 'Phone (guests)' },
  orderId: { ja: '注文番号', en: 'Order ID' },
  status: { ja: 'ステータス', en: 'Status' },
  cancelledAt: { ja: 'キャンセル日時', en: 'Cancelled at' },
  subscription: { ja: '定期購入', en: 'Subscription' },
  consent: { ja: 'メルマガ同意(登録)', en: 'Marketing consent (registered)' },
  name: { ja: '名前', en: 'Name' },
} as const;

/** The add-on's sheets of the BigQuery section (src/gas/connectedSheets.ts). */
export const BIGQUERY_SHEET_NAMES = {
  customers: { ja: '顧客ステージ (BigQuery)', en: 'Customers (BigQuery)' },
  summary: { ja: 'ステージ集計 (BigQuery)', en: 'Stage summary (BigQuery)' },
  funnel: { ja: 'ファンファネル (BigQuery)', en: 'Fan Funnel (BigQuery)' },
  columns: { ja: '列の一覧 (BigQuery)', en: 'Columns (BigQuery)' },
} as const;

/** The BigQuery funnel tab's words. */
export const BIGQUERY_TAB_TEXT = {
  title: { ja: 'ファンファネル(BigQuery)', en: 'Fan Funnel (BigQuery)' },
  source: { ja: '元データ', en: 'Source' },
  refreshedAt: { ja: '更新日時', en: 'Refreshed at' },
  stage: { ja: 'ステージ', en: 'Stage' },
  customers: { ja: '顧客数', en: 'Customers' },
  revenue: { ja: '売上(LTV)', en: 'Revenue (LTV)' },
  total: { ja: '合計', en: 'Total' },
  note: {
    ja: 'この表は「ステージ集計 (BigQuery)」シートから作られます。BigQuery のデータを更新したら、サイドバーの「シートを作成・更新」をもう一度押してください。',
    en: 'Made from the "Stage summary (BigQuery)" sheet. After refreshing the BigQuery data, press "Create or update the sheets" in the sidebar again.',
  },
} as const;

/** Problems and failures of the BigQuery section, in both languages. */
export const BIGQUERY_MESSAGES = {
  badProject: {
    ja: (v: string) => `「${v}」はプロジェクト ID の形ではありません(小文字・数字・ハイフンの 6〜30 文字、英字で始まる)。Google Cloud コンソールのプロジェクト ID を入れてください。`,
    en: (v: string) => `"${v}" is not a project ID (6–30 lower-case letters, digits and hyphens, starting with a letter). Use the ID shown in the Google Cloud console.`,
  },
  badTable: {
    ja: (v: string) => `「${v}」は「データセット.テーブル」の形ではありません(例: shop.orders)。`,
    en: (v: string) => `"${v}" is not "dataset.table" (e.g. shop.orders).`,
  },
  badColumn: {
    ja: (v: string) => `「${v}」は BigQuery の列名の形ではありません(文字・数字・_・-・空白、300 文字まで)。`,
    en: (v: string) => `"${v}" is not a BigQuery column name (letters, digits, _, -, spaces; at most 300).`,
  },
  required: { ja: 'この列は必要です。', en: 'This column is required.' },
  needKey: { ja: '顧客ID・メールアドレス・電話番号のどれかの列が必要です。', en: 'A customer ID, e-mail or phone column is required.' },
  tooLarge: {
    ja: (bytes: number, cap: number) => `BigQuery の設定が大きすぎて保存できません(${bytes} バイト、上限 ${cap} バイト)。`,
    en: (bytes: number, cap: number) => `The BigQuery settings are too large to store (${bytes} bytes, at most ${cap}).`,
  },
  noConnectedSheets: {
    ja: (detail: string) =>
      `このアカウントではコネクテッド シート(BigQuery)を使えません。コネクテッド シートは Google Workspace の管理者が Google Cloud を有効にしている組織のアカウントで、BigQuery の権限(BigQuery ジョブユーザーとデータ閲覧者)がある場合に使えます。管理者に確認してください。(${detail})`,
    en: (detail: string) =>
      `Connected Sheets (BigQuery) is not available to this account. It needs an account whose Google Workspace administrator has turned on Google Cloud, and BigQuery roles (Job User and Data Viewer). Ask your administrator. (${detail})`,
  },
  notThisBuild: {
    ja: 'このアドオンには BigQuery へのアクセス許可がありません。README の「BigQuery 版を入れる」の手順で BigQuery 版を入れてください。',
    en: 'This add-on has no permission to use BigQuery. Install the BigQuery build (README: "Installing the BigQuery build").',
  },
  queryFailed: {
    ja: (sheet: string, detail: string) => `BigQuery のクエリが失敗しました(${sheet}): ${detail}`,
    en: (sheet: string, detail: string) => `The BigQuery query failed (${sheet}): ${detail}`,
  },
  timedOut: {
    ja: (sheet: string) => `BigQuery の計算が時間内に終わりませんでした(${sheet})。シートは作成済みです。しばらくしてからもう一度押してください。`,
    en: (sheet: string) => `BigQuery did not finish in time (${sheet}). The sheet exists; press again in a while.`,
  },
  noColumns: {
    ja: (table: string) => `表「${table}」が見つからないか、列がありません。プロジェクト ID と「データセット.テーブル」を確かめてください。`,
    en: (table: string) => `Table "${table}" was not found or has no columns. Check the project ID and "dataset.table".`,
  },
  busy: { ja: '別の更新が実行中です。少し待ってからもう一度押してください。', en: 'Another refresh is running. Try again in a moment.' },
} as const;

/** 施策 / Campaigns (issue 14): the 施策 sheet, its block per campaign, the funnel tab's summary, the sidebar's section. */
export const CAMPAIGN_TEXT = {
  tabName: { ja: '施策', en: 'Campaigns' },
  dataSheetName: { ja: '施策データ', en: 'Campaign data' },
  title: { ja: '施策の結果', en: 'Campaign results' },
  method: {
    ja: (min: number) =>
      `「動いた人」= 期間の最終日(または今日)のステージが目標のステージ(またはファネルの上の段)になった人。率の幅は95%の区間(Wilson)、差の幅は Newcombe の方法。どちらかの群が${min}人未満なら「判断できません」。`,
    en: (min: number) =>
      `"Moved" = at the target stage (or higher on the funnel) on the window's last day (or today). Rates carry a 95% Wilson interval, the difference Newcombe's. With fewer than ${min} people in either group: "Can't tell".`,
  },
  none: {
    ja: 'まだ施策はありません。サイドバーの「施策」で、保存したセグメントから施策を始めると、ここに結果が出ます。',
    en: 'No campaigns yet. Start one from a saved segment in the sidebar’s Campaigns section and its result appears here.',
  },
  start: { ja: '開始日', en: 'Started' },
  move: { ja: '狙う移動', en: 'Target move' },
  window: { ja: '期間', en: 'Window' },
  windowDays: { ja: (n: number, end: string) => `${n}日間(${end}まで)`, en: (n: number, end: string) => `${n} days (to ${end})` },
  status: { ja: '状態', en: 'Status' },
  open: { ja: (measured: string, left: number) => `計測中: ${measured}時点の途中経過(あと${left}日)`, en: (measured: string, left: number) => `Running: interim result as of ${measured} (${left} days left)` },
  closed: { ja: '終了: 結果は確定しています', en: 'Ended: the result is final' },
  startedToday: { ja: '今日始めたばかりです: 明日の更新から計測します', en: 'Started today: measured from tomorrow’s refresh' },
  hypothesis: { ja: '仮説(メモ)', en: 'Hypothesis (note)' },
  segment: { ja: 'セグメント', en: 'Segment' },
  noSegment: { ja: '(指定した顧客)', en: '(customers given)' },
  group: { ja: 'グループ', en: 'Group' },
  people: { ja: '人数', en: 'People' },
  movers: { ja: '動いた人', en: 'Moved' },
  rate: { ja: '移動率', en: 'Rate' },
  interval: { ja: '95%の幅', en: '95% interval' },
  purchasesPerHead: { ja: '期間中の購入回数/人', en: 'Orders per person in the window' },
  revenuePerHead: { ja: '期間中の売上/人', en: 'Revenue per person in the window' },
  targets: { ja: (from: string) => `対象(開始日に${from})`, en: (from: string) => `Targets (${from} at the start)` },
  comparison: { ja: (from: string) => `比較(対象外で開始日に${from})`, en: (from: string) => `Comparison (${from} at the start, not targeted)` },
  prior: {
    ja: (days: number, from: string) => `比較: 開始前の${days}日間の同じ移動(${from}だった全員)`,
    en: (days: number, from: string) => `Comparison: the same move in the ${days} days before (everyone who was ${from})`,
  },
  noReference: { ja: (from: string) => `比較できる人がいません(開始日に${from}だった人は全員が対象で、開始前の期間にも${from}の人がいません)`, en: (from: string) => `Nothing to compare with (everyone ${from} at the start was targeted, and nobody was ${from} before)` },
  difference: { ja: '差(対象 − 比較)', en: 'Difference (targets − comparison)' },
  verdict: { ja: '判定', en: 'Verdict' },
  verdicts: {
    effect: { ja: '効果あり', en: 'Worked' },
    noEffect: { ja: '効果は見えません', en: 'No effect seen' },
    tooFew: { ja: '判断できません', en: 'Can’t tell' },
    notYet: { ja: '判断できません', en: 'Can’t tell' },
  },
  why: {
    effect: { ja: '対象の移動率が比較より高く、95%の幅でも差が0を上回っています', en: 'The targets moved more than the comparison, and the 95% interval of the difference is above 0' },
    noEffect: { ja: '差の95%の幅に0が入っています: 偶然の差と区別できません', en: 'The 95% interval of the difference includes 0: not told apart from chance' },
    tooFew: { ja: (min: number) => `少なすぎて判断できません(どちらの群も${min}人以上必要です)`, en: (min: number) => `Too few to tell (each group needs at least ${min} people)` },
    notYet: { ja: 'まだ1日も経っていません', en: 'No day of the window has passed yet' },
  },
  otherTargets: {
    ja: (n: number, from: string) => `対象のうち開始日に${from}でなかった${n}人は、移動率に含めていません`,
    en: (n: number, from: string) => `${n} targets who were not ${from} at the start are not in the rate`,
  },
  notMeasured: { ja: 'まだ計測していません(次の更新で計測します)', en: 'Not measured yet (the next refresh measures it)' },
  // A data sheet's columns no campaign could be read from (src/core/campaigns.ts readStore): said, never rewritten.
  unreadable: {
    ja: (sheet: string, columns: string, name: string | undefined, reason: 'version' | 'definition' | 'duplicate' | 'stray') =>
      `「${sheet}」シートの${columns}列${name === undefined ? '' : `(施策「${name}」)`}は、${
        reason === 'version' ? '新しい版のアドオンが書いたもので、この版では読めません' : reason === 'duplicate' ? '同じ施策の2つ目の写しなので読みません' : '施策として読めません'
      }。表示も計測もしていませんが、データは消さずにそのまま残しています。${
        reason === 'version'
          ? 'スプレッドシートを開き直すと、新しい版のアドオンで読めます。'
          : '手で書き換えた場合は、メニューの「ファイル」→「変更履歴」→「変更履歴を表示」で書き換える前の版に戻せます。不要なら、そのシートを表示してこの列を削除してください。'
      }`,
    en: (sheet: string, columns: string, name: string | undefined, reason: 'version' | 'definition' | 'duplicate' | 'stray') =>
      `Column${columns.includes('–') ? 's' : ''} ${columns} of the “${sheet}” sheet${name === undefined ? '' : ` (campaign “${name}”)`} ${
        reason === 'version' ? 'were written by a newer version of the add-on and cannot be read by this one' : reason === 'duplicate' ? 'hold a second copy of a campaign and are not read' : 'cannot be read as a campaign'
      }. They are neither shown nor measured, and kept as they are. ${
        reason === 'version'
          ? 'Open the spreadsheet again to read them with the newer add-on.'
          : 'If they were edited by hand, File → Version history → See version history restores the version before the edit. If you do not need them, show that sheet and delete these columns.'
      }`,
  },
  funnelSection: { ja: (n: number) => `施策(${n}件)`, en: (n: number) => `Campaigns (${n})` },
  funnelLine: {
    ja: (name: string, move: string, t: string, r: string) => `${name}: ${move} 対象 ${t} / 比較 ${r}`,
    en: (name: string, move: string, t: string, r: string) => `${name}: ${move} targets ${t} / comparison ${r}`,
  },
  funnelMore: { ja: (n: number, tab: string) => `ほか${n}件は「${tab}」シートにあります`, en: (n: number, tab: string) => `${n} more on the “${tab}” sheet` },
  // The sidebar's section.
  section: { ja: '施策', en: 'Campaigns' },
  intro: {
    ja: 'セグメントの顧客に何かをして(メール、LINE、同梱物など)、狙ったステージの移動が起きたかを比べます。対象と比較の顧客は開始日のステージで固定されます。',
    en: 'Do something for a segment’s customers (mail, LINE, a note in the parcel) and compare whether the move you aimed at happened. Targets and the comparison group are frozen with their stage on the start day.',
  },
  startTitle: { ja: '施策を始める', en: 'Start a campaign' },
  fieldSegment: { ja: '対象のセグメント', en: 'Segment' },
  fieldKeys: { ja: '対象の顧客(1行に1人: 顧客ID・メール)', en: 'Target customers (one per line: ID or e-mail)' },
  fieldName: { ja: '施策の名前', en: 'Name' },
  fieldDate: { ja: '開始日(2026/11/30 の形)', en: 'Start day (2026/11/30)' },
  fieldMove: { ja: '狙う移動', en: 'Target move' },
  fieldWindow: { ja: '期間(日)', en: 'Window (days)' },
  fieldNote: { ja: '仮説(メモ)', en: 'Hypothesis (note)' },
  startButton: { ja: '始める', en: 'Start' },
  starting: { ja: '準備中…', en: 'Starting…' },
  deleteButton: { ja: '削除', en: 'Delete' },
  confirmDelete: { ja: (name: string) => `施策「${name}」を削除しますか? 固定した対象者も消えます。`, en: (name: string) => `Delete the campaign “${name}”? Its frozen targets go too.` },
  listTitle: { ja: '施策の一覧', en: 'Campaigns' },
  targetsShort: { ja: '対象', en: 'Targets' },
  referenceShort: { ja: '比較', en: 'Comparison' },
  noSegments: {
    ja: '保存したセグメントがまだありません。上の「セグメント」で作って保存すると、ここで選べます。',
    en: 'No saved segment yet. Make and save one in Segments above to pick it here.',
  },
  needRefresh: { ja: 'まず「更新する」を押してください: 施策は更新したデータから始めます。', en: 'Press Refresh first: a campaign starts from the refreshed data.' },
  started: { ja: (name: string, n: number, c: number) => `「${name}」を始めました: 対象 ${n}人、比較 ${c}人`, en: (name: string, n: number, c: number) => `Started “${name}”: ${n} targets, ${c} in the comparison group` },
  deleted: { ja: (name: string) => `「${name}」を削除しました`, en: (name: string) => `Deleted “${name}”` },
  notFound: { ja: 'その施策は見つかりません(別の画面で削除されたかもしれません)', en: 'That campaign is not there (deleted elsewhere?)' },
  busy: { ja: '更新が実行中です。少し待ってからもう一度押してください。', en: 'A refresh is running. Try again in a moment.' },
  segmentGone: { ja: (name: string) => `セグメント「${name}」が見つかりません(削除されたかもしれません)`, en: (name: string) => `No saved segment “${name}” (deleted?)` },
  directInput: { ja: '(顧客を直接入力する)', en: '(type the customers)' },
  noTargets: { ja: '対象の顧客がいません: セグメントが空か、顧客が注文データにいません', en: 'No target customers: the segment is empty or its customers are not in the orders' },
  tooMany: { ja: (max: number) => `施策は${max}件までです。終わったものを削除してください。`, en: (max: number) => `At most ${max} campaigns: delete an ended one.` },
  problems: {
    name: { ja: (max: number) => `名前を${max}文字以内で入れてください`, en: (max: number) => `Give a name of at most ${max} characters` },
    nameTaken: { ja: () => 'その名前の施策がすでにあります', en: () => 'A campaign of that name exists' },
    date: { ja: () => '日付は 2026/11/30 の形で入れてください', en: () => 'Write the day as 2026/11/30' },
    future: { ja: () => '開始日は今日か過去の日にしてください', en: () => 'The start day must be today or earlier' },
    move: { ja: () => '狙う移動を選んでください', en: () => 'Choose the target move' },
    window: { ja: (max: number) => `期間は1〜${max}日で入れてください`, en: (max: number) => `The window is 1 to ${max} days` },
    note: { ja: (max: number) => `メモは${max}文字以内にしてください`, en: (max: number) => `The note is at most ${max} characters` },
  },
} as const;
