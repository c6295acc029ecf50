/**
 * The preview's own words (the page around the spreadsheet and the sidebar), in the workbook's
 * language — the server fills index.html's {{key}} slots from PAGE_TEXT, the page's script uses
 * the rest. The add-on's words (tabs, sidebar) come from src/core/labels.ts; these are the
 * preview's only, so they live beside it.
 */
import type { Lang } from '../../src/core/labels';
import type { SidebarServerFunction } from '../../src/sidebar/serverFunctions';
import type { TabKind } from '../workbook';

type Words = Record<Lang, string>;

/** The static parts of index.html, by slot. */
export const PAGE_TEXT = {
  title: { ja: 'Fan Funnel — ローカルプレビュー', en: 'Fan Funnel — local preview' },
  sub: { ja: 'ローカルプレビュー', en: 'local preview' },
  subTitle: {
    ja: 'ビルド済みのアドオンを、このパソコンのメモリ上のスプレッドシートで動かしています(Google には接続しません)',
    en: 'the built add-on on an in-memory spreadsheet on this computer (nothing is sent to Google)',
  },
  advanceDay: { ja: '1日進める', en: 'Advance 1 day' },
  advanceWeek: { ja: '1週間進める', en: 'Advance 1 week' },
  advanceTitle: {
    ja: 'プレビューの日付を進めます: その日の注文が届き、毎日の自動更新と同じようにタブが更新されます',
    en: 'Moves the preview’s date on: that day’s orders arrive and the tabs refresh as the daily automatic refresh would',
  },
  runTrigger: { ja: '自動更新を今すぐ実行', en: 'Run trigger now' },
  runTriggerTitle: { ja: '毎日の自動更新(時間トリガー)を、Apps Script と同じように今すぐ実行します', en: 'Fires the add-on’s time trigger (onAutoRefresh) as Apps Script would' },
  export: { ja: '.xlsx をダウンロード', en: 'Download .xlsx' },
  spreadsheet: { ja: 'スプレッドシート', en: 'Spreadsheet' },
  cellContents: { ja: 'セルの内容', en: 'Cell contents' },
  sheets: { ja: 'シート', en: 'Sheets' },
  sidebarFrame: { ja: 'Fan Funnel サイドバー', en: 'Fan Funnel sidebar' },
} satisfies Record<string, Words>;

export const KIND_LABEL: Record<TabKind, Words> = {
  input: { ja: '入力', en: 'input' },
  formulas: { ja: '数式', en: 'formulas' },
  addon: { ja: 'アドオン', en: 'add-on' },
};

/** What a sidebar call did, said in words (getSidebarState and listCampaigns only read: nothing to say). */
const SIDEBAR_DID: Record<SidebarServerFunction, Words> = {
  getSidebarState: { ja: 'サイドバーを読み込みました', en: 'The sidebar loaded' },
  refreshFromSidebar: { ja: 'サイドバーから更新しました', en: 'Refreshed from the sidebar' },
  saveSettings: { ja: 'サイドバーで設定を保存しました', en: 'Settings saved in the sidebar' },
  selectCustomer: { ja: '今週やることで選んだお客さまの行を表示しました', en: 'Showing the row of the customer chosen in This week' },
  readImportKeys: { ja: 'サイドバーの取り込みが既存の注文を確認しました', en: 'The sidebar’s import checked the orders already there' },
  appendImportRows: { ja: 'サイドバーから注文を取り込みました', en: 'Orders imported from the sidebar' },
  getBigQueryView: { ja: 'サイドバーが BigQuery の表示を読み込みました', en: 'The sidebar loaded its BigQuery section' },
  readBigQueryColumns: { ja: 'サイドバーが BigQuery の表の列を確認しました', en: 'The sidebar checked the BigQuery table’s columns' },
  connectBigQuery: { ja: 'サイドバーから BigQuery に接続しました', en: 'Connected to BigQuery from the sidebar' },
  listCampaigns: { ja: 'サイドバーが施策の一覧を読み込みました', en: 'The sidebar loaded its campaigns' },
  startCampaign: { ja: 'サイドバーから施策を始めました', en: 'A campaign was started from the sidebar' },
  deleteCampaign: { ja: 'サイドバーで施策を削除しました', en: 'A campaign was deleted in the sidebar' },
  getSegmentsView: { ja: 'サイドバーがセグメントを読み込みました', en: 'The sidebar loaded its segments' },
  previewSegment: { ja: 'サイドバーがセグメントの人数を数えました', en: 'The sidebar counted a segment' },
  saveSegment: { ja: 'サイドバーでセグメントのリストを作成しました', en: 'Made a segment list from the sidebar' },
  deleteSegment: { ja: 'サイドバーでセグメントを削除しました', en: 'Deleted a segment from the sidebar' },
  downloadSegment: { ja: 'サイドバーからセグメントの CSV をダウンロードしました', en: 'Downloaded a segment’s CSV from the sidebar' },
};

export const STATUS = {
  ready: { ja: '準備ができました', en: 'Ready' },
  loading: { ja: '読み込んでいます…', en: 'Loading…' },
  saving: { ja: (cell: string) => `${cell} を保存しています…`, en: (cell: string) => `Saving ${cell}…` },
  saved: {
    ja: (cell: string, shown: string, n: number, ms: number) => `${cell} に「${shown}」を入力 — 数式 ${n} セルを再計算しました(${ms} ミリ秒)`,
    en: (cell: string, shown: string, n: number, ms: number) => `${cell} = ${shown} — recalculated ${n} formula cells in ${ms} ms`,
  },
  triggerRunning: { ja: '自動更新を実行しています…', en: 'Running the time trigger (onAutoRefresh)…' },
  triggerDone: {
    ja: (installed: boolean) => (installed ? '自動更新(時間トリガー)でタブを更新しました' : '自動更新の処理でタブを更新しました(自動更新はオフのため、トリガーなしで実行)'),
    en: (installed: boolean) => (installed ? 'Ran the installed trigger: refreshed' : 'Ran onAutoRefresh (no trigger installed: automatic refresh is off): refreshed'),
  },
  triggerFailed: { ja: (why: string) => `自動更新はタブを更新できませんでした: ${why}`, en: (why: string) => `The time trigger did not refresh: ${why}` },
  notRun: { ja: '実行されませんでした(承認が必要です)', en: 'not run (authorisation required)' },
  advancing: { ja: (done: number, of: number) => `日付を進めています… (${done}/${of} 日)`, en: (done: number, of: number) => `Moving the date on… (${done}/${of} days)` },
  advanced: {
    ja: (day: string, orders: number, days: number) => `${day} になりました(${days} 日進めました): 注文 ${orders} 行が届き、毎日の自動更新でタブを更新しました`,
    en: (day: string, orders: number, days: number) => `It is now ${day} (${days} days on): ${orders} order rows arrived and the daily automatic refresh updated the tabs`,
  },
  sidebarDid: (name: string, lang: Lang): string =>
    (SIDEBAR_DID as Record<string, Words | undefined>)[name]?.[lang] ?? (lang === 'ja' ? 'サイドバーの操作を反映しました' : 'The sidebar changed the workbook'),
};

export const NOTES = {
  firstRows: {
    ja: (shown: number, total: number) => `先頭の ${shown.toLocaleString('ja-JP')} 行を表示しています(全 ${total.toLocaleString('ja-JP')} 行)。`,
    en: (shown: number, total: number) => `Showing the first ${shown.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} rows.`,
  },
  formulas: {
    ja: '数式は表計算エンジン HyperFormula がビルド済みアドオンの関数を呼び出して計算しています。注文を編集すると再計算されます。',
    en: 'Formulas computed by HyperFormula calling the built bundle’s custom functions; edit an order and they recalculate.',
  },
  addon: { ja: 'アドオンの更新(サイドバーのボタン、メニュー、自動更新)が書いたタブです。', en: 'Written by the add-on’s refresh (sidebar button, menu or trigger).' },
  input: { ja: '入力シートです: セルを選んで上のバーに入力し、Enter で保存します。', en: 'An input sheet: select a cell and type in the bar above (Enter saves).' },
  readOnly: { ja: 'このタブは更新のたびに書き直されます。入力シートを編集してください。', en: 'The add-on rewrites this tab at each refresh: edit an input sheet.' },
  chart: {
    ja: (title: string, ranges: string) => `グラフ「${title}」(データ: ${ranges})`,
    en: (title: string, ranges: string) => `Chart “${title}” (data: ${ranges})`,
  },
  chartEmpty: { ja: 'グラフの点は、2日目以降の更新で増えていきます。', en: 'The chart gains a point with each day’s refresh.' },
  today: { ja: 'プレビューの日時', en: 'Preview time' },
};

/** index.html with its {{key}} slots filled in `lang` (the text is escaped for HTML). */
export function fillPage(html: string, lang: Lang): string {
  const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return html.replace(/\{\{(\w+)\}\}/g, (slot, key: string) => {
    if (key === 'lang') return lang;
    const words = (PAGE_TEXT as Record<string, Words | undefined>)[key];
    if (words === undefined) throw new Error(`index.html: no text for ${slot}`);
    return escape(words[lang]);
  });
}
