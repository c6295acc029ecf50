/**
 * The report npm start prints for one run: what was read, the rows skipped, the fan stages, VIPs
 * and tiers, and the top of the LTV ranking — the built add-on's own FANSTAGE and LTVRANK, called
 * by name with values of its realm — laid out for a terminal.
 */
import { analyze, readInputs, type ReadInputs } from '../../src/core/analyze';
import { formatDay, makeZone, parseIsoDay, type Zone } from '../../src/core/dates';
import { tableParts } from '../../src/core/functions';
import { SKIP_REASON_TEXT, STAGE_LABELS, TIER_LABELS, yesNo, type Lang, type StageId, type TierId } from '../../src/core/labels';
import type { Table } from '../../src/core/orders';
import { layoutName } from '../../src/core/profiles';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { ALL_STAGES, FUNNEL } from '../../src/core/stages';
import type { LoadedBundle } from '../../emulator/bundle';
import { UsageError } from './args';
import { TIME_ZONE, type Input } from './inputs';

// ---------------------------------------------------------------------------------------------
// Terminal output

/** Columns a string takes in a terminal: East Asian wide and full-width characters take two. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x20 || (c >= 0x300 && c <= 0x36f) || c === 0x200b) continue;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0x303e) ||
      (c >= 0x3041 && c <= 0x33ff) ||
      (c >= 0x3400 && c <= 0x4dbf) ||
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0xa000 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x20000 && c <= 0x3fffd);
    w += wide ? 2 : 1;
  }
  return w;
}

const padEnd = (s: string, w: number): string => s + ' '.repeat(Math.max(0, w - displayWidth(s)));
const padStart = (s: string, w: number): string => ' '.repeat(Math.max(0, w - displayWidth(s))) + s;

/** An aligned table as lines: header, rule, rows; `right` marks right-aligned (numeric) columns. */
function tableLines(header: string[], rows: string[][], right: boolean[], indent = '    '): string[] {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: string[]): string =>
    (indent + cells.map((c, i) => (right[i] ? padStart(c, widths[i]!) : padEnd(c, widths[i]!))).join('  ')).trimEnd();
  const rule = indent + widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map(line)];
}

const int = (n: number): string => n.toLocaleString('en-US');
const yen = (n: number): string => `${n < 0 ? '-' : ''}¥${int(Math.abs(Math.round(n)))}`;
const pct = (n: number, total: number): string => (total === 0 ? '' : `${((100 * n) / total).toFixed(1)}%`);

/** `2026/10/31` of a `Date` (of any realm) in the spreadsheet's time zone (the core's formatDay). */
function dayText(v: unknown, zone: Zone): string {
  if (v === '' || v === undefined || v === null) return '';
  const t = Object.prototype.toString.call(v) === '[object Date]' ? (v as Date).getTime() : NaN;
  if (Number.isNaN(t)) return String(v);
  return formatDay(zone.dayOf(t));
}

// ---------------------------------------------------------------------------------------------
// One run

export interface Run {
  readonly title: Record<Lang, string>;
  readonly orders: Input;
  readonly customers?: Input;
  readonly survey?: Input;
  readonly asOf: string;
  readonly asOfNote: Record<Lang, string>;
}

const RANGE_NAME: Record<'orders' | 'customers' | 'survey', Record<Lang, string>> = {
  orders: { ja: '注文', en: 'orders' },
  customers: { ja: '顧客', en: 'customers' },
  survey: { ja: 'アンケート', en: 'survey' },
};

function stageOf(label: unknown): StageId | undefined {
  for (const id of ALL_STAGES) {
    if (STAGE_LABELS[id].ja === label || STAGE_LABELS[id].en === label) return id;
  }
  return undefined;
}

function tierOf(label: unknown): TierId | undefined {
  for (const id of ['diamond', 'platinum', 'gold'] as const) {
    if (TIER_LABELS[id].ja === label || TIER_LABELS[id].en === label) return id;
  }
  return undefined;
}

export function runOne(b: LoadedBundle, run: Run, lang: Lang, top: number, out: (s?: string) => void): void {
  const ja = lang === 'ja';
  const T = (jaText: string, enText: string): string => (ja ? jaText : enText);
  const locale = ja ? 'ja_JP' : 'en_US';

  // What the add-on reads (for the file summary, the skipped rows and the names): the pure core
  // the bundle is built from, with the default settings a fresh spreadsheet has.
  const zone = makeZone(TIME_ZONE);
  let read: ReadInputs;
  try {
    read = readInputs(
      { orders: run.orders.range as Table, customers: run.customers?.range, survey: run.survey?.range },
      { zone, settings: DEFAULT_SETTINGS, locale },
    );
  } catch (e) {
    throw new UsageError((e as Error).message, (e as Error).message);
  }

  // ---- the add-on itself: its top-level functions, by name, with values of its own realm
  const asOf = b.date(`${run.asOf}T00:00:00+09:00`);
  const orders = b.sheetValues(run.orders.range);
  const customers = run.customers === undefined ? undefined : b.sheetValues(run.customers.range);
  const survey = run.survey === undefined ? undefined : b.sheetValues(run.survey.range);

  let t0 = performance.now();
  // The tables' data rows: their last rows may be notes (rows skipped, a table cut to its cap).
  const stageTable = b.call('FANSTAGE', orders, undefined, asOf, customers, survey) as unknown[][];
  const fanMs = performance.now() - t0;
  t0 = performance.now();
  const rankTable = b.call('LTVRANK', orders, undefined, asOf) as unknown[][];
  const rankMs = performance.now() - t0;

  // FANSTAGE's table lists the customers with a purchase. Those known only from the customers
  // sheet (never bought) are asked for by key, as a column of keys in a sheet would be.
  const stageRows = tableParts(stageTable).rows;
  const buyers = new Set(stageRows.map((r) => String(r[0])));
  const others = [...(read.customers?.byKey.keys() ?? [])].filter((k) => !buyers.has(k));
  const otherLabels =
    others.length === 0
      ? []
      : (b.call('FANSTAGE', orders, b.sheetValues(others.map((k) => [k])), asOf, customers, survey) as unknown[][]).map((r) => r[0]);

  const counts = new Map<StageId, number>(ALL_STAGES.map((st) => [st, 0]));
  const stageByKey = new Map<string, StageId>();
  const unknownLabels = new Set<string>();
  const tally = (key: string, label: unknown): void => {
    const st = stageOf(label);
    if (st === undefined) {
      unknownLabels.add(String(label));
      return;
    }
    counts.set(st, counts.get(st)! + 1);
    stageByKey.set(key, st);
  };
  for (const r of stageRows) tally(String(r[0]), r[1]);
  others.forEach((k, i) => tally(k, otherLabels[i]));
  const total = [...counts.values()].reduce((acc, n) => acc + n, 0);

  const analysis = analyze(read, Math.floor(zone.localMs(asOf.getTime()) / 86_400_000), DEFAULT_SETTINGS);
  const nameOf = (key: string): string => analysis.byKey.get(key)?.metrics.name ?? '';

  // ---- what was read
  const title = run.title[lang];
  out(`━━ ${title} ${'━'.repeat(Math.max(4, 90 - displayWidth(title)))}`);
  const o = read.orders;
  const orderCount = o.orders.length + o.cancelled + new Set(o.skipped.map((x) => x.row)).size;
  const summary: string[][] = [
    [
      T('注文', 'Orders'),
      run.orders.label,
      T(
        `${int(o.rows)}行 → 注文${int(orderCount)}件 (${layoutName(o.profile, lang)})`,
        `${int(o.rows)} rows → ${int(orderCount)} orders (${layoutName(o.profile, lang)})`,
      ) + (run.orders.encoding === 'UTF-8' ? '' : `, ${run.orders.encoding}`),
    ],
  ];
  if (run.customers && read.customers) {
    summary.push([T('顧客', 'Customers'), run.customers.label, T(`${int(read.customers.rows)}行`, `${int(read.customers.rows)} rows`)]);
  }
  if (run.survey && read.survey) {
    summary.push([T('アンケート', 'Survey'), run.survey.label, T(`回答${int(read.survey.rows)}件`, `${int(read.survey.rows)} responses`)]);
  }
  for (const l of tableLines([T('入力', 'Input'), T('ファイル', 'File'), T('内容', 'Content')], summary, [false, false, false], '  ')) out(l);
  out();

  const header = (range: Input | undefined, col: number | undefined): string =>
    range === undefined || col === undefined ? '' : String(range.range[0]?.[col] ?? '');
  const facts: Array<[string, string]> = [];
  facts.push([T('基準日', 'As of'), `${formatDay(parseIsoDay(run.asOf)!)} (${TIME_ZONE}) — ${run.asOfNote[lang]}`]);
  facts.push([
    T('顧客数', 'Customers'),
    others.length > 0
      ? T(`${int(total)}人 = 購入あり ${int(buyers.size)}人 + 顧客シートのみ ${int(others.length)}人`, `${int(total)} = ${int(buyers.size)} with a purchase + ${int(others.length)} only in the customers sheet`)
      : T(`${int(total)}人 (購入あり)`, `${int(total)} with a purchase`),
  ]);
  const later = analysis.metrics.laterOrders;
  facts.push([
    T('除外した注文', 'Orders left out'),
    T(`キャンセル・返品 ${int(o.cancelled)}件`, `${int(o.cancelled)} cancelled or refunded`) +
      (later > 0 ? T(`、基準日より後 ${int(later)}件`, `, ${int(later)} after the as-of day`) : ''),
  ]);
  const reg = analysis.metrics.registration;
  facts.push([
    T('登録', 'Registered'),
    reg === 'customers'
      ? T(`顧客シートの「${header(run.customers, read.customers?.columns.registered)}」列`, `the customers sheet's "${header(run.customers, read.customers?.columns.registered)}" column`)
      : reg === 'orders'
        ? T(`注文の「${header(run.orders, o.columns.registered)}」列 (最新の注文)`, `the orders' "${header(run.orders, o.columns.registered)}" column (latest order)`)
        : T('登録の列がないため全員を登録済みとみなします', 'no registration column: everyone counts as registered'),
  ]);
  facts.push([
    T('定期購入', 'Subscribed'),
    read.customers?.hasSubscribed
      ? T(`顧客シートの「${header(run.customers, read.customers.columns.subscribed)}」列`, `the customers sheet's "${header(run.customers, read.customers.columns.subscribed)}" column`)
      : o.hasSubscription
        ? T(`注文の「${header(run.orders, o.columns.subscription ?? o.columns.orderType)}」列 (最新の注文)`, `the orders' "${header(run.orders, o.columns.subscription ?? o.columns.orderType)}" column (latest order)`)
        : T('列がないため定期購入者なし → サポーター・パートナーは0人', 'no column: nobody counts as subscribed, so Supporter and Partner stay at 0'),
  ]);
  facts.push([
    T('好意的な反応', 'Positive reactions'),
    read.survey
      ? T('アンケートの NPS 9〜10 または満足度 4〜5 の回答数', 'survey answers with NPS 9–10 or satisfaction 4–5')
      : read.customers?.hasReactions
        ? T('顧客シートの回数の列', "the customers sheet's count column")
        : T('アンケートがないため全員0回 → サポーター・パートナー・一時離脱は0人', 'no survey: 0 for everyone, so Supporter, Partner and Dormant stay at 0'),
  ]);
  const labelWidth = Math.max(...facts.map(([k]) => displayWidth(k)));
  for (const [k, v] of facts) out(`  ${padEnd(k, labelWidth)}  ${v}`);

  // ---- skipped rows
  const skipped = read.skipped;
  if (skipped.length > 0) {
    out();
    out(`  ${T(`読み飛ばした行: ${int(skipped.length)}行 (ほかの行はすべて計算に使っています)`, `Skipped rows: ${int(skipped.length)} (every other row was used)`)}`);
    for (const x of skipped.slice(0, 12)) {
      const value = x.value === '' ? '' : ` "${x.value}"`;
      out(`    ${T(`${RANGE_NAME[x.range].ja} ${x.row}行目`, `${RANGE_NAME[x.range].en} row ${x.row}`)}: ${SKIP_REASON_TEXT[x.reason][lang]}${value}`);
    }
    if (skipped.length > 12) out(`    … ${T(`ほか${int(skipped.length - 12)}行`, `${int(skipped.length - 12)} more`)}`);
  }

  // ---- stages
  out();
  out(`  ${T('ファンステージ', 'Fan stages')}  (=FANSTAGE)`);
  const stageRow = (id: StageId): string[] => {
    const n = counts.get(id)!;
    const bar = '█'.repeat(total === 0 ? 0 : Math.round((50 * n) / total));
    return [STAGE_LABELS[id][lang], int(n), pct(n, total), bar];
  };
  const outside = ALL_STAGES.filter((id) => !FUNNEL.includes(id));
  const lines = tableLines(
    [T('ステージ', 'Stage'), T('人数', 'Customers'), T('割合', 'Share'), ''],
    [...FUNNEL.map(stageRow), ...outside.map(stageRow), [T('合計', 'Total'), int(total), pct(total, total), '']],
    [false, true, true, false],
    '      ',
  );
  const [head, rule, ...body] = lines;
  out(head!);
  out(rule!);
  out(`    ${T('ファネル (上から順に)', 'The funnel, top first')}`);
  body.slice(0, FUNNEL.length).forEach((l) => out(l));
  out(`    ${T('ファネル外', 'Outside the funnel')}`);
  body.slice(FUNNEL.length, FUNNEL.length + outside.length).forEach((l) => out(l));
  out(rule!);
  out(body[body.length - 1]!);
  if (unknownLabels.size > 0) out(`    ${T('(読み取れないステージ名', '(unrecognised stage labels')}: ${[...unknownLabels].join(', ')})`);
  // What the formula's own table says under it (rows skipped, its size cap, customers told by name).
  for (const note of tableParts(stageTable).notes) out(`    ${note}`);

  // ---- VIP and tiers
  const ranking = tableParts(rankTable).rows;
  const isVip = (r: readonly unknown[]): boolean => r[6] === yesNo(true, lang);
  const vips = ranking.filter(isVip).length;
  const v = DEFAULT_SETTINGS.vip;
  const candidates = ranking.filter((r) => Number(r[2]) >= v.minLtv || Number(r[3]) >= v.minPurchases).length;
  const tiers = new Map<TierId, number>([
    ['diamond', 0],
    ['platinum', 0],
    ['gold', 0],
  ]);
  for (const r of ranking) {
    const t = tierOf(r[5]);
    if (t !== undefined) tiers.set(t, tiers.get(t)! + 1);
  }
  const tierText = (['diamond', 'platinum', 'gold'] as const)
    .map((t) => `${TIER_LABELS[t][lang]} ${int(tiers.get(t)!)}`)
    .join(' · ');
  const tiersAt = `${yen(DEFAULT_SETTINGS.tiers.diamond)} / ${yen(DEFAULT_SETTINGS.tiers.platinum)} / ${yen(DEFAULT_SETTINGS.tiers.gold)}`;
  out();
  out(
    `  ${T(
      `VIP: ${int(vips)}人  (候補 ${int(candidates)}人 = LTV ${yen(v.minLtv)}以上 または ${v.minPurchases}回以上購入。LTV順に上位${v.count}名まで)`,
      `VIPs: ${int(vips)}  (${int(candidates)} candidates with LTV ≥ ${yen(v.minLtv)} or ≥ ${v.minPurchases} purchases; the top ${v.count} by LTV)`,
    )}`,
  );
  out(`  ${T(`会員ランク: ${tierText}  (LTV ${tiersAt} 以上)`, `Tiers: ${tierText}  (LTV ≥ ${tiersAt})`)}`);

  // ---- top N
  out();
  out(`  ${T(`LTVランキング 上位${top}名`, `LTV ranking, top ${top}`)}  (=LTVRANK)`);
  const rankHead = rankTable[0]!.map(String);
  const topRows = ranking.slice(0, top).map((r) => {
    const key = String(r[1]);
    const st = stageByKey.get(key);
    return [
      String(r[0]),
      key,
      nameOf(key),
      yen(Number(r[2])),
      int(Number(r[3])),
      dayText(r[4], zone),
      String(r[5] ?? ''),
      isVip(r) ? 'VIP' : '',
      st === undefined ? '' : STAGE_LABELS[st][lang],
    ];
  });
  const rankLines = tableLines(
    [rankHead[0]!, rankHead[1]!, T('氏名', 'Name'), rankHead[2]!, rankHead[3]!, rankHead[4]!, rankHead[5]!, rankHead[6]!, T('ステージ', 'Stage')],
    topRows,
    [true, false, false, true, true, false, false, false, false],
  );
  for (const l of rankLines) out(l);
  out();
  out(`  ${T('計算時間', 'Computed in')}: FANSTAGE ${int(Math.round(fanMs))} ms, LTVRANK ${int(Math.round(rankMs))} ms`);
  out();
}


/** What each stage means, counted back from the as-of day. */
export function legend(lang: Lang): string {
  return lang === 'ja'
    ? `凡例 (基準日から見て)
  ビジター     登録済み・購入1回・60日以内に購入
  フォロワー   登録済み・90日以内に購入
  サポーター   登録済み・定期課金中・60日以内に購入・好意的な反応2回以上
  パートナー   サポーターの条件 + 購入2回以上・好意的な反応3回以上
  一時離脱     90日以上購入なし、でも好意的な反応あり (離脱 = 反応もなし)
  未分類       どのステージの条件にも当てはまらない (例: 定期課金中だが好意的な反応が2回未満)`
    : `Legend (counted back from the as-of day)
  Visitor       registered, 1 purchase, bought within 60 days
  Follower      registered, bought within 90 days
  Supporter     registered, subscribed, bought within 60 days, 2+ positive reactions
  Partner       a Supporter with 2+ purchases and 3+ positive reactions
  Dormant       no purchase for 90+ days, but a positive reaction (Lapsed: none either)
  Unclassified  fits no stage (e.g. subscribed with fewer than 2 positive reactions)`;
}
