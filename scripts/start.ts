/**
 * npm start — runs the BUILT add-on (dist/Code.js, loaded the way Apps Script loads it) on CSV files,
 * as a shop owner's spreadsheet would run =FANSTAGE(…) and =LTVRANK(…), and prints what came out.
 *
 *   npm start                                  the sample shop: Japanese order list (+ customers,
 *                                              survey), then the Shopify export (+ survey)
 *   npm start -- --orders FILE [--customers FILE] [--survey FILE] [--as-of YYYY-MM-DD]
 *   npm start -- --lang en                     English labels (spreadsheet locale en_US)
 *   npm start -- --export out.xlsx             also write the refreshed workbook to an .xlsx
 *   npm start -- --no-serve                    only the report (CI=true does the same)
 *
 * Then (unless --no-serve or CI) the local preview: the same add-on on an in-memory spreadsheet,
 * served on 127.0.0.1 — tabs, formulas recalculated by HyperFormula, the real sidebar (preview/).
 *
 * The CSV cells are converted as pasting a CSV into Sheets would: numeric text becomes a number,
 * TRUE/FALSE a boolean, a blank cell '', everything else stays text (dates too: the add-on reads
 * date text itself). The ranges are handed to the bundle's own functions, by name.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { analyze, readInputs, type ReadInputs } from '../src/core/analyze';
import { makeZone } from '../src/core/dates';
import { STAGE_LABELS, TIER_LABELS, pickLang, type Lang, type StageId, type TierId } from '../src/core/labels';
import type { Table } from '../src/core/orders';
import { profileLabel, type ProfileId } from '../src/core/profiles';
import { DEFAULT_SETTINGS } from '../src/core/settings';
import { ALL_STAGES, FUNNEL } from '../src/core/stages';
import { loadBundle, projectRoot, type LoadedBundle } from '../test/support/gasBundle';
import { startPreviewServer } from '../preview/server';
import { PreviewWorkbook, makeZone as sheetZone } from '../preview/workbook';
import { exportXlsx, readXlsx } from '../preview/xlsx';
import { parseCsv, toRange, type SheetValue } from './csv';
import { sampleFiles } from './generate-samples';
import { SAMPLE_AS_OF, generateShop } from './sampleShop';

const TIME_ZONE = 'Asia/Tokyo';
const ROOT = projectRoot();
const SAMPLES = join(ROOT, 'samples');

// ---------------------------------------------------------------------------------------------
// Arguments

interface Args {
  orders?: string;
  customers?: string;
  survey?: string;
  asOf?: string;
  lang: Lang;
  top: number;
  help: boolean;
  /** Write the refreshed workbook to this .xlsx. */
  export?: string;
  /** Start the preview server (default: yes, unless CI). */
  serve: boolean;
  port: number;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { lang: 'ja', top: 10, help: false, serve: !process.env.CI, port: 8080 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--orders':
        args.orders = value();
        break;
      case '--customers':
        args.customers = value();
        break;
      case '--survey':
        args.survey = value();
        break;
      case '--as-of': {
        const v = value();
        if (!isCalendarDay(v)) {
          throw new UsageError(`--as-of must be a date like 2026-10-31, not "${v}"`);
        }
        args.asOf = v;
        break;
      }
      case '--lang': {
        const v = value();
        if (v !== 'ja' && v !== 'en') throw new UsageError(`--lang is ja or en, not "${v}"`);
        args.lang = v;
        break;
      }
      case '--top': {
        const v = Number(value());
        if (!Number.isInteger(v) || v < 1) throw new UsageError('--top needs a whole number ≥ 1');
        args.top = v;
        break;
      }
      case '--export': {
        const v = value();
        if (!/\.xlsx$/i.test(v)) throw new UsageError(`--export writes an .xlsx file, not "${v}"`);
        args.export = v;
        break;
      }
      case '--no-serve':
        args.serve = false;
        break;
      case '--serve':
        args.serve = true;
        break;
      case '--port': {
        const v = Number(value());
        if (!Number.isInteger(v) || v < 0 || v > 65535) throw new UsageError('--port needs a port number (0 for any free port)');
        args.port = v;
        break;
      }
      case '-h':
      case '--help':
        args.help = true;
        break;
      default:
        throw new UsageError(`unknown argument "${a}"`);
    }
  }
  if (args.orders === undefined && (args.customers !== undefined || args.survey !== undefined)) {
    throw new UsageError('--customers and --survey go with --orders FILE');
  }
  return args;
}

class UsageError extends Error {}

/** `YYYY-MM-DD` naming a real day (not 2026-02-30). */
function isCalendarDay(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const t = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return t.getUTCFullYear() === +m[1]! && t.getUTCMonth() === +m[2]! - 1 && t.getUTCDate() === +m[3]!;
}

const USAGE = `Fan Funnel — runs the built add-on (dist/Code.js) on CSV files and prints the fan stages and the LTV ranking.

  npm start                       the sample shop in samples/ (Japanese order list, then Shopify export)
  npm start -- --orders FILE [--customers FILE] [--survey FILE] [--as-of YYYY-MM-DD] [--lang en] [--top N]

  --orders FILE      an order export with a header row (Shopify, BASE, 楽天, EC-CUBE, or any sheet
                     with customer, date and amount columns); UTF-8 or Shift_JIS, comma or tab
  --customers FILE   optional customers sheet: LINE/メルマガ登録, 定期課金, 誕生日 …
  --survey FILE      optional survey responses (e.g. Google Forms) with NPS / 満足度
  --as-of DAY        the day to evaluate on; default: the samples' export day (${SAMPLE_AS_OF})
                     for the sample files, today (Japan time) for your own files
  --lang en          English labels (the spreadsheet locale en_US); default ja (ja_JP)
  --top N            how many of the LTV ranking to show (default 10)
  --export FILE.xlsx write the refreshed workbook (tabs, formats, the chart's data) to an .xlsx
  --no-serve         print the report only; no local preview (also when CI is set)
  --port N           the preview's port on 127.0.0.1 (default 8080; 0 = any free port)

Files may be CSV (UTF-8, or Shift_JIS/CP932 as BASE, カラーミー and 楽天 write) or XLSX (first sheet).
After the report, the local preview serves the workbook on http://127.0.0.1:PORT/: the tabs, the
formulas =FANSTAGE/=LTVRANK recalculated as you edit orders, the real sidebar, the time trigger.`;

// ---------------------------------------------------------------------------------------------
// Reading CSV files as Sheets would hold them

/** Decodes a file: UTF-8 (BOM or not), else Shift_JIS / CP932 as Japanese carts often write. */
function decode(bytes: Buffer): { text: string; encoding: string } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('shift_jis').decode(bytes), encoding: 'Shift_JIS' };
  }
}

interface Input {
  /** As shown to the user. */
  readonly label: string;
  readonly range: Array<Array<SheetValue | Date>>;
  readonly encoding: string;
}

async function readInput(file: string): Promise<Input> {
  const path = resolve(file);
  if (!existsSync(path)) throw new UsageError(`no such file: ${file}`);
  if (/\.xlsx$/i.test(path)) {
    // As Sheets holds an opened .xlsx: numbers, text, booleans, and Dates for date cells.
    const { rows } = await readXlsx(readFileSync(path), sheetZone(TIME_ZONE));
    if (rows.length === 0) throw new UsageError(`${file} is empty`);
    return { label: displayPath(path), range: rows as Array<Array<SheetValue | Date>>, encoding: 'XLSX' };
  }
  const { text, encoding } = decode(readFileSync(path));
  const rows = parseCsv(text);
  if (rows.length === 0) throw new UsageError(`${file} is empty`);
  return { label: displayPath(path), range: toRange(rows), encoding };
}

function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}

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

/** `2026-10-31` of a `Date` (of any realm) in the spreadsheet's time zone. */
function dayText(v: unknown): string {
  if (v === '' || v === undefined || v === null) return '';
  const t = Object.prototype.toString.call(v) === '[object Date]' ? (v as Date).getTime() : NaN;
  if (Number.isNaN(t)) return String(v);
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(t));
}

function todayInTokyo(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

// ---------------------------------------------------------------------------------------------
// One run

interface Run {
  readonly title: Record<Lang, string>;
  readonly orders: Input;
  readonly customers?: Input;
  readonly survey?: Input;
  readonly asOf: string;
  readonly asOfNote: Record<Lang, string>;
}

const SKIP_REASON: Record<'customer' | 'date' | 'amount', Record<Lang, string>> = {
  customer: { ja: '顧客IDもメールアドレスもありません', en: 'no customer ID or e-mail' },
  date: { ja: '日付を読めません', en: 'unreadable date' },
  amount: { ja: '金額を読めません', en: 'unreadable amount' },
};

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

function runOne(b: LoadedBundle, run: Run, lang: Lang, top: number, out: (s?: string) => void): void {
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
    throw new UsageError((e as Error).message);
  }

  // ---- the add-on itself: its top-level functions, by name, with values of its own realm
  const asOf = b.date(`${run.asOf}T00:00:00+09:00`);
  const orders = b.sheetValues(run.orders.range);
  const customers = run.customers === undefined ? undefined : b.sheetValues(run.customers.range);
  const survey = run.survey === undefined ? undefined : b.sheetValues(run.survey.range);

  let t0 = performance.now();
  const stageTable = b.call('FANSTAGE', orders, undefined, asOf, customers, survey) as unknown[][];
  const fanMs = performance.now() - t0;
  t0 = performance.now();
  const rankTable = b.call('LTVRANK', orders, undefined, asOf) as unknown[][];
  const rankMs = performance.now() - t0;

  // FANSTAGE's table lists the customers with a purchase. Those known only from the customers
  // sheet (never bought) are asked for by key, as a column of keys in a sheet would be.
  const buyers = new Set(stageTable.slice(1).map((r) => String(r[0])));
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
  for (const r of stageTable.slice(1)) tally(String(r[0]), r[1]);
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
        `${int(o.rows)}行 → 注文${int(orderCount)}件 (${profileName(o.profile, lang)})`,
        `${int(o.rows)} rows → ${int(orderCount)} orders (${profileName(o.profile, lang)})`,
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
  facts.push([T('基準日', 'As of'), `${run.asOf} (${TIME_ZONE}) — ${run.asOfNote[lang]}`]);
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
      out(`    ${T(`${RANGE_NAME[x.range].ja} ${x.row}行目`, `${RANGE_NAME[x.range].en} row ${x.row}`)}: ${SKIP_REASON[x.reason][lang]}${value}`);
    }
    if (skipped.length > 12) out(`    … ${T(`ほか${int(skipped.length - 12)}行`, `${int(skipped.length - 12)} more`)}`);
  }

  // ---- stages
  out();
  out(`  ${T('ファンステージ', 'Fan stages')}  (=FANSTAGE)`);
  const stageRow = (id: StageId): string[] => {
    const n = counts.get(id)!;
    const bar = '█'.repeat(total === 0 ? 0 : Math.round((50 * n) / total));
    return ja ? [STAGE_LABELS[id].ja, STAGE_LABELS[id].en, int(n), pct(n, total), bar] : [STAGE_LABELS[id].en, STAGE_LABELS[id].ja, int(n), pct(n, total), bar];
  };
  const outside = ALL_STAGES.filter((id) => !FUNNEL.includes(id));
  const lines = tableLines(
    [T('ステージ', 'Stage'), ja ? 'Stage' : '(日本語)', T('人数', 'Customers'), T('割合', 'Share'), ''],
    [...FUNNEL.map(stageRow), ...outside.map(stageRow), [T('合計', 'Total'), '', int(total), pct(total, total), '']],
    [false, false, true, true, false],
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
  if (unknownLabels.size > 0) out(`    (unrecognised stage labels: ${[...unknownLabels].join(', ')})`);

  // ---- VIP and tiers
  const ranking = rankTable.slice(1);
  const vips = ranking.filter((r) => r[6] === true).length;
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
    .map((t) => `${ja ? `${TIER_LABELS[t].ja} ` : ''}${TIER_LABELS[t].en} ${int(tiers.get(t)!)}`)
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
      dayText(r[4]),
      String(r[5] ?? ''),
      r[6] === true ? 'VIP' : '',
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

function profileName(id: ProfileId, lang: Lang): string {
  const name = profileLabel(id, lang);
  if (id === 'generic') return name;
  return lang === 'ja' ? `${name} 形式` : `${name} layout`;
}

// ---------------------------------------------------------------------------------------------

async function sampleInputs(out: (s?: string) => void): Promise<Record<'shopify' | 'ja' | 'customers' | 'survey', Input>> {
  const names = { shopify: 'shopify_orders.csv', ja: 'orders_ja.csv', customers: 'customers.csv', survey: 'survey.csv' } as const;
  const missing = Object.values(names).some((n) => !existsSync(join(SAMPLES, n)));
  if (!missing) {
    return {
      shopify: await readInput(join(SAMPLES, names.shopify)),
      ja: await readInput(join(SAMPLES, names.ja)),
      customers: await readInput(join(SAMPLES, names.customers)),
      survey: await readInput(join(SAMPLES, names.survey)),
    };
  }
  // No samples on disk (not generated yet): make them in memory, exactly as `npm run samples` would.
  out('(samples/ has no sample files yet — generating them in memory; `npm run samples` writes them)');
  const files = new Map(sampleFiles(generateShop()).map((f) => [f.name, f.text]));
  const input = (name: string): Input => ({ label: `samples/${name} (in memory)`, range: toRange(parseCsv(files.get(name)!)), encoding: 'UTF-8' });
  return { shopify: input(names.shopify), ja: input(names.ja), customers: input(names.customers), survey: input(names.survey) };
}

async function main(): Promise<void> {
  const out = (s = ''): void => console.log(s);
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`${e.message}\n\n${USAGE}`);
      process.exit(2);
    }
    throw e;
  }
  if (args.help) {
    out(USAGE);
    return;
  }
  const lang = args.lang;
  const locale = lang === 'ja' ? 'ja_JP' : 'en_US';
  const T = (ja: string, en: string): string => (lang === 'ja' ? ja : en);
  const b = loadBundle({ locale, timeZone: TIME_ZONE });
  // The bundle picks the language from the locale, as a spreadsheet does; check it agrees.
  if (pickLang('auto', locale) !== lang) throw new Error(`locale ${locale} does not give ${lang}`);

  out(`Fan Funnel ${T('— ファンファネル', '')}`.trimEnd());
  out(
    T(
      `ビルド済みのアドオン dist/Code.js を Apps Script と同じ形で読み込み、シートの関数 =FANSTAGE と =LTVRANK を呼び出します (ロケール ${locale}、${TIME_ZONE})。`,
      `Loads the built add-on dist/Code.js as Apps Script does and calls its sheet functions =FANSTAGE and =LTVRANK (locale ${locale}, ${TIME_ZONE}).`,
    ),
  );
  out();

  const runs: Run[] = [];
  try {
    if (args.orders === undefined) {
      const s = await sampleInputs(out);
      const asOf = args.asOf ?? SAMPLE_AS_OF;
      const note: Record<Lang, string> = args.asOf
        ? { ja: '--as-of で指定', en: 'given with --as-of' }
        : { ja: 'サンプルをエクスポートした日', en: 'the day the samples were exported' };
      runs.push({
        title: { ja: '[1/2] 日本語の注文一覧 + 顧客シート + アンケート', en: '[1/2] Japanese order list + customers sheet + survey' },
        orders: s.ja,
        customers: s.customers,
        survey: s.survey,
        asOf,
        asOfNote: note,
      });
      runs.push({
        title: { ja: '[2/2] Shopify の注文エクスポート + アンケート', en: '[2/2] Shopify orders export + survey' },
        orders: s.shopify,
        survey: s.survey,
        asOf,
        asOfNote: note,
      });
    } else {
      const orders = await readInput(args.orders);
      const isSample = resolve(args.orders).startsWith(SAMPLES);
      const asOf = args.asOf ?? (isSample ? SAMPLE_AS_OF : todayInTokyo());
      const note: Record<Lang, string> = args.asOf
        ? { ja: '--as-of で指定', en: 'given with --as-of' }
        : isSample
          ? { ja: 'サンプルをエクスポートした日', en: 'the day the samples were exported' }
          : { ja: '今日 (--as-of で変えられます)', en: 'today (change it with --as-of)' };
      runs.push({
        title: { ja: orders.label, en: orders.label },
        orders,
        ...(args.customers === undefined ? {} : { customers: await readInput(args.customers) }),
        ...(args.survey === undefined ? {} : { survey: await readInput(args.survey) }),
        asOf,
        asOfNote: note,
      });
    }
    for (const run of runs) runOne(b, run, lang, args.top, out);
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`Fan Funnel: ${e.message}`);
      process.exit(1);
    }
    throw e;
  }
  const legend = T(
    `凡例 (基準日から見て)
  ビジター     登録済み・購入1回・60日以内に購入
  フォロワー   登録済み・90日以内に購入
  サポーター   登録済み・定期課金中・60日以内に購入・好意的な反応2回以上
  パートナー   サポーターの条件 + 購入2回以上・好意的な反応3回以上
  一時離脱     90日以上購入なし、でも好意的な反応あり (離脱 = 反応もなし)
  未分類       どのステージの条件にも当てはまらない (例: 定期課金中だが好意的な反応が2回未満)`,
    `Legend (counted back from the as-of day)
  Visitor       registered, 1 purchase, bought within 60 days
  Follower      registered, bought within 90 days
  Supporter     registered, subscribed, bought within 60 days, 2+ positive reactions
  Partner       a Supporter with 2+ purchases and 3+ positive reactions
  Dormant       no purchase for 90+ days, but a positive reaction (Lapsed: none either)
  Unclassified  fits no stage (e.g. subscribed with fewer than 2 positive reactions)`,
  );
  out(legend);
  await preview(runs[0]!, args, locale, out);
}

/**
 * The workbook of the first run (orders, customers, survey as sheets), refreshed by the add-on;
 * written to --export, then served as the local preview unless --no-serve / CI.
 */
async function preview(run: Run, args: Args, locale: string, out: (s?: string) => void): Promise<void> {
  if (!args.serve && args.export === undefined) return;
  const T = (ja: string, en: string): string => (args.lang === 'ja' ? ja : en);
  const sheets: Record<string, unknown[][]> = { Orders: run.orders.range };
  if (run.customers) sheets.Customers = run.customers.range;
  if (run.survey) sheets.Survey = run.survey.range;
  out();
  out(T('ワークブックを準備しています (シートに貼り付け、アドオンで更新)…', 'Preparing the workbook (sheets pasted, refreshed by the add-on)…'));
  // The script clock: noon of the as-of day in Japan, so "today" is that day.
  const wb = new PreviewWorkbook({ sheets, locale, timeZone: TIME_ZONE, now: Date.parse(`${run.asOf}T12:00:00+09:00`) });
  if (args.export !== undefined) {
    const file = resolve(args.export);
    writeFileSync(file, await exportXlsx(wb));
    out(T(`書き出しました: ${displayPath(file)} (${wb.tabs().map((t) => t.name).join(', ')})`, `Wrote ${displayPath(file)} (${wb.tabs().map((t) => t.name).join(', ')})`));
  }
  if (!args.serve) return;
  let server;
  try {
    server = await startPreviewServer(wb, { port: args.port });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
    server = await startPreviewServer(wb, { port: 0 });
  }
  out();
  out(T(`ローカルプレビュー: ${server.url}`, `Local preview: ${server.url}`));
  out(T('  (ブラウザで開いてください。Ctrl+C で終了)', '  (open it in a browser; Ctrl+C stops it)'));
  const stop = (): void => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
