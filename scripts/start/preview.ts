/** After the report: the first run's workbook, exported to .xlsx and served as the local preview (preview/). */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startPreviewServer } from '../../preview/server';
import { PreviewWorkbook } from '../../preview/workbook';
import { exportXlsx } from '../../preview/xlsx';
import type { Args } from './args';
import { TIME_ZONE, displayPath } from './inputs';
import type { Run } from './report';

/**
 * The workbook of the first run (orders, customers, survey as sheets), refreshed by the add-on;
 * written to --export, then served as the local preview unless --no-serve / CI.
 */
export async function preview(run: Run, args: Args, locale: string, out: (s?: string) => void): Promise<void> {
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
