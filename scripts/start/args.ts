/** npm start's command line: the arguments, their checks, the usage text. */
import type { Lang } from '../../src/core/labels';
import type { DialectId } from '../../src/core/sql/dialect';
import { formatDay, parseIsoDay } from '../../src/core/dates';
import { SAMPLE_AS_OF } from '../sampleShop/shop';

export interface Args {
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
  /** Print the SQL of the stages and ranking in this dialect and stop. */
  exportSql?: DialectId;
}

export function parseArgs(argv: readonly string[]): Args {
  const args: Args = { lang: 'ja', top: 10, help: false, serve: !process.env.CI, port: 8080 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} には値が必要です`, `${flag} needs a value`);
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
        const day = calendarDay(v);
        if (day === undefined) {
          throw new UsageError(`--as-of には 2026/10/31 のような日付を指定してください (「${v}」は読めません)`, `--as-of must be a date like 2026/10/31, not "${v}"`);
        }
        args.asOf = day;
        break;
      }
      case '--lang': {
        const v = value();
        if (v !== 'ja' && v !== 'en') throw new UsageError(`--lang は ja か en です (「${v}」ではありません)`, `--lang is ja or en, not "${v}"`);
        args.lang = v;
        break;
      }
      case '--top': {
        const v = Number(value());
        if (!Number.isInteger(v) || v < 1) throw new UsageError('--top には 1 以上の整数を指定してください', '--top needs a whole number ≥ 1');
        args.top = v;
        break;
      }
      case '--export': {
        const v = value();
        if (!/\.xlsx$/i.test(v)) throw new UsageError(`--export は .xlsx ファイルに書き出します (「${v}」ではありません)`, `--export writes an .xlsx file, not "${v}"`);
        args.export = v;
        break;
      }
      case '--export-sql': {
        const v = value();
        if (v !== 'duckdb' && v !== 'bigquery') throw new UsageError(`--export-sql は duckdb か bigquery です (「${v}」ではありません)`, `--export-sql is duckdb or bigquery, not "${v}"`);
        args.exportSql = v;
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
        if (!Number.isInteger(v) || v < 0 || v > 65535) throw new UsageError('--port にはポート番号を指定してください (0 なら空いている番号)', '--port needs a port number (0 for any free port)');
        args.port = v;
        break;
      }
      case '-h':
      case '--help':
        args.help = true;
        break;
      default:
        throw new UsageError(`知らない引数です: ${a}`, `unknown argument "${a}"`);
    }
  }
  if (args.orders === undefined && (args.customers !== undefined || args.survey !== undefined)) {
    throw new UsageError('--customers と --survey は --orders ファイル と一緒に指定します', '--customers and --survey go with --orders FILE');
  }
  return args;
}

/** A mistake on the command line or in a file, said in both languages; `message` is the English. */
export class UsageError extends Error {
  readonly text: Readonly<Record<Lang, string>>;
  constructor(ja: string, en: string) {
    super(en);
    this.text = { ja, en };
  }
}

/** The language of the messages before the arguments are read: `--lang en` anywhere, else ja. */
export function langOf(argv: readonly string[]): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return 'ja';
  const v = argv[i]!.includes('=') ? argv[i]!.slice(argv[i]!.indexOf('=') + 1) : argv[i + 1];
  return v === 'en' ? 'en' : 'ja';
}

/** `YYYY-MM-DD` or `YYYY/MM/DD` naming a real day (not 2026-02-30); returns it as `YYYY-MM-DD`. */
function calendarDay(v: string): string | undefined {
  const m = /^(\d{4})[-/](\d{2})[-/](\d{2})$/.exec(v);
  return m !== null && isCalendarDay(`${m[1]}-${m[2]}-${m[3]}`) ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

function isCalendarDay(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const t = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return t.getUTCFullYear() === +m[1]! && t.getUTCMonth() === +m[2]! - 1 && t.getUTCDate() === +m[3]!;
}

/** `npm start -- --help`, in the chosen language (`--lang en`; Japanese by default). */
export function usage(lang: Lang): string {
  const sample = formatDay(parseIsoDay(SAMPLE_AS_OF)!);
  return lang === 'ja'
    ? `Fan Funnel (ファンファネル) — ビルド済みのアドオン (dist/Code.js) で CSV ファイルを読み、ファンステージと LTV ランキングを表示します。

  npm start                       サンプルのショップ (samples/ の日本語の注文一覧、次に Shopify のエクスポート)
  npm start -- --orders ファイル [--customers ファイル] [--survey ファイル] [--as-of 2026/10/31] [--lang en] [--top N]

  --orders ファイル     見出し行のある注文エクスポート (Shopify、BASE、楽天、EC-CUBE、または顧客・日付・金額の
                        列があるシート)。UTF-8 か Shift_JIS、カンマ区切りかタブ区切り
  --customers ファイル  顧客シート (任意): LINE/メルマガ登録、定期課金、誕生日 …
  --survey ファイル     アンケートの回答 (任意。Google フォームなど): NPS / 満足度
  --as-of 日付          集計の基準日。既定: サンプルではエクスポートした日 (${sample})、
                        ご自分のファイルでは今日 (日本時間)
  --lang en             英語で表示 (スプレッドシートのロケール en_US)。既定は日本語 (ja_JP)
  --top N               LTV ランキングを何位まで表示するか (既定 10)
  --export ファイル.xlsx 更新後のワークブック (タブ・表示形式・グラフのデータ) を .xlsx に書き出す
  --export-sql D        ステージとランキングの SQL を表示して終了 (D = bigquery または duckdb)。
                        設定と注文の列はサンプル (または --orders ファイル) のもの
  --no-serve            レポートだけ表示し、ローカルプレビューは開かない (CI が設定されていても同じ)
  --port N              プレビューのポート番号 (127.0.0.1。既定 8080。0 なら空いている番号)

ファイルは CSV (UTF-8、または BASE・カラーミー・楽天が書き出す Shift_JIS/CP932) か XLSX (最初のシート)。
レポートのあと、ローカルプレビューが http://127.0.0.1:ポート/ でワークブックを表示します: タブ、注文を
編集すると計算し直される =FANSTAGE/=LTVRANK、本物のサイドバー、時間トリガー。`
    : `Fan Funnel — runs the built add-on (dist/Code.js) on CSV files and prints the fan stages and the LTV ranking.

  npm start                       the sample shop in samples/ (Japanese order list, then Shopify export)
  npm start -- --orders FILE [--customers FILE] [--survey FILE] [--as-of 2026/10/31] [--lang en] [--top N]

  --orders FILE      an order export with a header row (Shopify, BASE, 楽天, EC-CUBE, or any sheet
                     with customer, date and amount columns); UTF-8 or Shift_JIS, comma or tab
  --customers FILE   optional customers sheet: LINE/メルマガ登録, 定期課金, 誕生日 …
  --survey FILE      optional survey responses (e.g. Google Forms) with NPS / 満足度
  --as-of DAY        the day to evaluate on; default: the samples' export day (${sample})
                     for the sample files, today (Japan time) for your own files
  --lang en          English labels (the spreadsheet locale en_US); default ja (ja_JP)
  --top N            how many of the LTV ranking to show (default 10)
  --export FILE.xlsx write the refreshed workbook (tabs, formats, the chart's data) to an .xlsx
  --export-sql D     print the SQL of the stages and ranking (D = bigquery or duckdb) for the
                     settings and columns of the orders (the sample's, or --orders FILE) and stop
  --no-serve         print the report only; no local preview (also when CI is set)
  --port N           the preview's port on 127.0.0.1 (default 8080; 0 = any free port)

Files may be CSV (UTF-8, or Shift_JIS/CP932 as BASE, カラーミー and 楽天 write) or XLSX (first sheet).
After the report, the local preview serves the workbook on http://127.0.0.1:PORT/: the tabs, the
formulas =FANSTAGE/=LTVRANK recalculated as you edit orders, the real sidebar, the time trigger.`;
}
