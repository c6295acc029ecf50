/** npm start's command line: the arguments, their checks, the usage text. */
import type { Lang } from '../../src/core/labels';
import type { DialectId } from '../../src/core/sql/dialect';
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
      case '--export-sql': {
        const v = value();
        if (v !== 'duckdb' && v !== 'bigquery') throw new UsageError(`--export-sql is duckdb or bigquery, not "${v}"`);
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

export class UsageError extends Error {}

/** `YYYY-MM-DD` naming a real day (not 2026-02-30). */
function isCalendarDay(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const t = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return t.getUTCFullYear() === +m[1]! && t.getUTCMonth() === +m[2]! - 1 && t.getUTCDate() === +m[3]!;
}

export const USAGE = `Fan Funnel — runs the built add-on (dist/Code.js) on CSV files and prints the fan stages and the LTV ranking.

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
  --export-sql D     print the SQL of the stages and ranking (D = bigquery or duckdb) for the
                     settings and columns of the orders (the sample's, or --orders FILE) and stop
  --no-serve         print the report only; no local preview (also when CI is set)
  --port N           the preview's port on 127.0.0.1 (default 8080; 0 = any free port)

Files may be CSV (UTF-8, or Shift_JIS/CP932 as BASE, カラーミー and 楽天 write) or XLSX (first sheet).
After the report, the local preview serves the workbook on http://127.0.0.1:PORT/: the tabs, the
formulas =FANSTAGE/=LTVRANK recalculated as you edit orders, the real sidebar, the time trigger.`;
