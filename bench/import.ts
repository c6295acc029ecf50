/**
 * The CSV import of a large 楽天 export (issue 13): how long the sidebar's side takes in Node
 * (decode CP932, parse, plan), how many chunks go to the server and the projected Apps Script time
 * of the slowest (each is one execution, limited to 6 minutes), and the projected time of the
 * refresh that then reads the import sheet — the figure behind README's "largest file".
 */
import { performance } from 'node:perf_hooks';
import { sidebarServer } from '../emulator/scriptRun';
import type { SidebarState } from '../src/gas/sidebarApi';
import { prepareImport, runImport, type ImportServer } from '../src/sidebar/importFlow';
import { cp932Csv, rakutenExport } from '../test/support/importFiles';

export async function runImportBench(quick: boolean): Promise<void> {
  const orders = quick ? 3_000 : 12_000;
  const e = rakutenExport(0, orders);
  const bytes = cp932Csv(e);
  const s = sidebarServer({ locale: 'ja_JP', timeZone: 'Asia/Tokyo', timeLimits: 'report' });
  const call = async (name: string, arg: unknown): Promise<never> => JSON.parse(JSON.stringify(s.backend.call(name, [JSON.parse(JSON.stringify(arg))]))) as never;
  const server: ImportServer = { readImportKeys: (r) => call('readImportKeys', r), appendImportRows: (r) => call('appendImportRows', r) };
  const state = s.backend.call('getSidebarState', []) as SidebarState;

  const t0 = performance.now();
  const file = { name: 'rakuten.csv', size: bytes.length, arrayBuffer: async () => Uint8Array.from(bytes).buffer };
  const prepared = await prepareImport([file], { server, settings: state.settings, lang: 'ja' });
  const tPlan = performance.now() - t0;
  const plan = prepared.previews[0]!.plan;
  const outcome = await runImport(prepared, { server, lang: 'ja', shouldStop: () => false });
  if (outcome.outcome !== 'done') throw new Error(`import ${outcome.outcome}: ${outcome.failure}`);
  const chunks = s.env.cost.executions.filter((x) => x.name === 'appendImportRows').map((x) => x.projectedMs);
  const refresh = s.env.callAs({ authMode: 'FULL', ui: false }, 'refreshFromSidebar') as { outcome: { ok: boolean } };
  const tRefresh = s.env.cost.last?.projectedMs ?? NaN;
  const cells = (plan.newRows + 1) * plan.width;
  console.log(
    [
      `CSV import: 楽天 export in CP932, ${(bytes.length / 1024 / 1024).toFixed(1)} MB, ${e.rows.length.toLocaleString('en-US')} rows × ${plan.width} columns, ${orders.toLocaleString('en-US')} orders`,
      `  sidebar side (decode, parse, plan; Node): ${tPlan.toFixed(0)} ms`,
      `  chunks: ${chunks.length}, slowest ${(Math.max(...chunks) / 1000).toFixed(1)} s projected (limit 360 s each)`,
      `  refresh of the import sheet (${cells.toLocaleString('en-US')} cells): ${(tRefresh / 1000).toFixed(0)} s projected (limit 360 s) — ${refresh.outcome.ok ? 'ok' : 'failed'}`,
    ].join('\n'),
  );
}
