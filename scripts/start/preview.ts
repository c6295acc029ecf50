/** After the report: the first run's workbook, exported to .xlsx and served as the local preview (preview/). */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startPreviewServer } from '../../preview/server';
import { PreviewWorkbook } from '../../preview/workbook';
import { sampleCampaigns } from '../sampleShop/campaigns';
import { sampleUpcomingRows } from '../sampleShop/continuation';
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
  // The script clock: the as-of day in Japan at the real time of day, running — so a refresh's
  // time and how long it took are real, and "today" is the as-of day (until --days moves it on).
  const now = Date.parse(`${run.asOf}T00:00:00+09:00`) + timeOfDayInTokyo();
  // The sample shop's two campaigns (施策): started on its export day; one worked, one did not.
  const sample = args.orders === undefined ? sampleCampaigns({ orders: run.orders.range, customers: run.customers?.range, survey: run.survey?.range }, run.asOf, TIME_ZONE, args.lang) : undefined;
  const wb = new PreviewWorkbook({ sheets, locale, timeZone: TIME_ZONE, now, running: true, upcoming: args.orders === undefined ? sampleUpcomingRows(() => true, sample?.boost) : [] });
  for (const c of sample?.campaigns ?? []) wb.run('startCampaign', [c.input]);
  if (sample !== undefined) {
    out(T(`施策を2つ始めました(${sample.campaigns.map((c) => c.input.name).join('、')}): 日付を進めると結果が出ます`, `Started two campaigns (${sample.campaigns.map((c) => c.input.name).join(', ')}): let days go by to see their results`));
  }
  if (args.days > 0) {
    out(T(`プレビューの日付を ${args.days} 日進めています (毎日、その日の注文が届き、自動更新が実行されます)…`, `Letting ${args.days} days go by in the preview (each day its orders arrive and the automatic refresh runs)…`));
    const dayText = (iso: string): string => new Intl.DateTimeFormat('ja-JP', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
    const days = wb.advanceDays(args.days, (d) => {
      const orders = d.arrived.Orders ?? 0;
      if (d.trigger.ok) out(T(`  ${dayText(d.now)}: 注文 ${orders} 行が届き、自動更新しました`, `  ${dayText(d.now)}: ${orders} order rows arrived; refreshed`));
      else out(T(`  ${dayText(d.now)}: 自動更新が失敗しました: ${d.trigger.message}`, `  ${dayText(d.now)}: the automatic refresh failed: ${d.trigger.message}`));
    });
    const orders = days.reduce((n, d) => n + (d.arrived.Orders ?? 0), 0);
    out(T(`  ${days.length} 日分の更新が終わりました: 注文 ${orders} 行が届きました`, `  ${days.length} days refreshed: ${orders} order rows arrived`));
  }
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

/** Milliseconds since midnight in Japan, now. */
function timeOfDayInTokyo(): number {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date())
      .map((x) => [x.type, Number(x.value)]),
  ) as Record<string, number>;
  return ((p.hour! * 60 + p.minute!) * 60 + p.second!) * 1000;
}

