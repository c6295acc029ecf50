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
 *   npm start -- --export-sql bigquery|duckdb  print the SQL of the stages and ranking (exportSql.ts)
 *
 * Then (unless --no-serve or CI) the local preview: the same add-on on an in-memory spreadsheet,
 * served on 127.0.0.1 — tabs, formulas recalculated by HyperFormula, the real sidebar (preview/).
 *
 * The CSV cells are converted as pasting a CSV into Sheets would: numeric text becomes a number,
 * TRUE/FALSE a boolean, a blank cell '', everything else stays text (dates too: the add-on reads
 * date text itself). The ranges are handed to the bundle's own functions, by name.
 *
 * This file runs the steps; args.ts reads the command line, inputs.ts the files, report.ts prints a
 * run's report, preview.ts exports and serves the workbook.
 */
import { resolve } from 'node:path';
import { pickLang, type Lang } from '../../src/core/labels';
import { loadBundle } from '../../emulator/bundle';
import { SAMPLE_AS_OF } from '../sampleShop/shop';
import { UsageError, langOf, parseArgs, usage, type Args } from './args';
import { SAMPLES, TIME_ZONE, readInput, sampleInputs } from './inputs';
import { exportSql } from './exportSql';
import { preview } from './preview';
import { legend, runOne, type Run } from './report';

/** Today in Japan, `YYYY-MM-DD`: the as-of day for a shop's own files. */
function todayInTokyo(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

async function main(): Promise<void> {
  const out = (s = ''): void => console.log(s);
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) {
      const lang = langOf(process.argv.slice(2));
      console.error(`${e.text[lang]}\n\n${usage(lang)}`);
      process.exit(2);
    }
    throw e;
  }
  if (args.help) {
    out(usage(args.lang));
    return;
  }
  if (args.exportSql !== undefined) {
    const orders = args.orders === undefined ? (await sampleInputs(() => undefined)).ja : await readInput(args.orders);
    out(exportSql(args.exportSql, orders, args.asOf ?? (args.orders === undefined ? SAMPLE_AS_OF : todayInTokyo()), args.lang));
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
      const s = await sampleInputs(out, lang);
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
      console.error(`Fan Funnel: ${e.text[lang]}`);
      process.exit(1);
    }
    throw e;
  }
  out(legend(lang));
  await preview(runs[0]!, args, locale, out);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
