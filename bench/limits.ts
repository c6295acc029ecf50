/**
 * Issue 10's table: what Google's limits say of a refresh and of the custom functions' table forms
 * on 10,000 / 100,000 / 300,000 order rows — run on the emulator with Sheets' limits, time projected
 * by emulator/cost.ts (not Node's): the peak cell count of a refresh (every sheet's grid at its
 * largest, scratch sheets included), its projected Apps Script time, each table form's, and the
 * outcome — done, or refused / failed with Apps Script's message.
 *
 * Time limits run in 'report' mode: an execution Apps Script would stop at 6 min (30 s for a custom
 * function) runs to its end here, so the table can say how long it would need; it is reported as
 * failed with the message it would have got. The 10-million-cell limit is enforced as in Sheets.
 * Run by `npm run bench` (from bench.ts) or alone: node scripts/run-ts.mjs bench/limits.ts [--quick].
 */
import { performance } from 'node:perf_hooks';
import { loadBundle } from '../emulator/bundle';
import { CALIBRATION } from '../emulator/cost';
import { CUSTOM_FUNCTION_LIMIT_MS, CUSTOM_FUNCTION_TIMEOUT_NOTE, EXECUTION_LIMIT_MS, MAX_CELLS, NEW_SHEET_COLUMNS } from '../emulator/limits';
import { mulberry32 } from '../scripts/random';

const SHEET = '注文';
/** A Japanese shop's export, eight columns (A:H), one row per order. */
const HEADER = ['注文番号', '注文日時', '顧客ID', 'メールアドレス', '商品名', '合計金額', '注文ステータス', '定期購入'];
const FUNCTIONS = ['FANSTAGE', 'LTVRANK', 'NEXTPURCHASE'] as const;

function orders(n: number, customers: number, end: number): unknown[][] {
  const rnd = mulberry32(10);
  const span = 730 * 86_400_000;
  const rows: unknown[][] = [HEADER];
  for (let i = 0; i < n; i++) {
    const c = Math.floor(rnd() ** 1.5 * customers);
    rows.push([
      `#${100000 + i}`,
      new Date(end - Math.floor(rnd() * span / 60_000) * 60_000),
      `C${String(c).padStart(6, '0')}`,
      `c${c}@example.jp`,
      `商品${Math.floor(rnd() * 40)}`,
      1000 + Math.floor(rnd() * 30) * 500,
      rnd() < 0.03 ? 'キャンセル' : '発送済み',
      rnd() < 0.1 ? '定期' : '',
    ]);
  }
  return rows;
}

export interface LimitsRow {
  rows: number;
  customers: number;
  peakCells: number;
  refreshMs: number;
  refresh: string;
  /** The next day's refresh of the same orders (the daily trigger's case: formats in place, History read). */
  nextMs: number;
  next: string;
  /** Where the refresh's projected time goes. */
  detail: string;
  functions: Record<(typeof FUNCTIONS)[number], { ms: number; outcome: string; detail: string }>;
  /** With SEGMENTS saved (issue 14): the refresh that makes their sheets, and the next that rewrites them. */
  segments: { rows: number; firstMs: number; first: string; againMs: number; again: string };
}

/**
 * Three saved segments (issue 14), the largest a shop would keep: everyone with an e-mail (a sheet
 * row per customer), the win-back list, and サポーター・パートナー VIPs.
 */
const EMPTY_FILTERS = { registeredOnly: false, hasEmail: false, hasLineUserId: false, ltv: { min: null, max: null }, daysSinceLast: { min: null, max: null } };
const SEGMENTS = [
  { name: '全員', stages: [], tiers: [], vipOnly: false, lists: [], birthdaysThisMonth: false, filters: { ...EMPTY_FILTERS, hasEmail: true }, message: '{name}様' },
  { name: '呼び戻し', stages: [], tiers: [], vipOnly: false, lists: ['winBack'], birthdaysThisMonth: false, filters: EMPTY_FILTERS, message: '{name}様、お久しぶりです' },
  { name: 'VIP', stages: ['supporter', 'partner'], tiers: [], vipOnly: true, lists: [], birthdaysThisMonth: false, filters: EMPTY_FILTERS, message: '{name}様、累計{ltv}円' },
];

const n = (v: number): string => v.toLocaleString('en-US');
const s = (ms: number): string => (ms >= 60_000 ? `${(ms / 60_000).toFixed(1)} min` : `${(ms / 1000).toFixed(1)} s`);

function runSize(rows: number): LimitsRow {
  const customers = rows / 10;
  const values = orders(rows, customers, Date.now() - 86_400_000);
  // Pasted into a new sheet: the grid grows to the rows, the columns stay A–Z (26), as Sheets keeps them.
  const b = loadBundle({
    realm: 'this',
    locale: 'ja_JP',
    timeZone: 'Asia/Tokyo',
    sheets: { [SHEET]: { values, maxRows: values.length, maxColumns: NEW_SHEET_COLUMNS } },
    gas: { timeLimits: 'report' },
  });
  const env = b.env;

  env.call('refreshFromMenu');
  const r = env.cost.last!;
  const last = JSON.parse(env.properties.document.map.get('fanFunnel.lastRefresh') ?? '{}') as { ok?: boolean; error?: string };
  // Both can happen: Apps Script would stop it at 6 min, and (running on here) it also met another limit.
  const problems: string[] = [];
  if (r.outcome === 'stopped') problems.push(`fails: "${r.error}" at ${s(r.limit!.ms)}`);
  if (r.outcome === 'threw') problems.push(`fails: "${r.error}"`);
  if (!last.ok && r.outcome !== 'threw') problems.push(`the refresh records: "${last.error}"`);
  const refresh = problems.length === 0 ? 'done' : problems.join('; ');
  const k = r.breakdown;
  const detail =
    `${s((k.cellsRead * CALIBRATION.cellRead))} reading ${n(k.cellsRead)} cells, ${s(k.cellsWritten * CALIBRATION.cellWritten)} writing ` +
    `${n(k.cellsWritten)} cells, ${s(k.scriptMs * CALIBRATION.scriptFactor)} of script, the rest ${n(Object.values(k.calls).reduce((x, y) => x + y, 0))} calls and ${k.commits} commits`;

  // The next day, the same orders: what the daily trigger does (a click or the menu always refreshes).
  env.clock.advance(86_400_000);
  env.call('refreshFromMenu');
  const r2 = env.cost.last!;
  const next = r2.outcome === 'done' ? 'done' : `fails: "${r2.error}"`;

  const functions = {} as LimitsRow['functions'];
  for (const fn of FUNCTIONS) {
    const cell = b.formula(`=${fn}(${SHEET}!A:H)`);
    if (cell.status === 'loading') {
      functions[fn] = { ms: 0, outcome: cell.display, detail: cell.reason };
      continue;
    }
    const report = cell.report;
    // Both can happen: stopped at 30 s, and (running on here) a result too large as well.
    const notes: string[] = [];
    if (report.outcome === 'stopped') notes.push(CUSTOM_FUNCTION_TIMEOUT_NOTE);
    if (cell.status === 'error') notes.push(cell.note);
    const outcome = notes.length === 0 ? `done (${n(cell.status === 'value' ? cell.cells : 0)} cells)` : `#ERROR! ${notes.join(' / ')}`;
    const args = report.breakdown.argumentCells;
    functions[fn] = { ms: report.projectedMs, outcome, detail: `${s(args * CALIBRATION.cellRead)} of it reading ${n(args)} argument cells` };
  }
  // The saved segments' sheets: made at the next refresh, rewritten at the one after.
  env.properties.document.map.set('fanFunnel.segments', JSON.stringify({ segments: SEGMENTS }));
  env.clock.advance(86_400_000);
  env.call('refreshFromMenu');
  const r3 = env.cost.last!;
  env.clock.advance(86_400_000);
  env.call('refreshFromMenu');
  const r4 = env.cost.last!;
  const segmentRows = SEGMENTS.reduce((sum, g) => sum + Math.max(0, (env.spreadsheet.getSheetByName(`セグメント: ${g.name}`)?.getLastRow() ?? 0) - 3), 0);
  const segments = {
    rows: segmentRows,
    firstMs: r3.projectedMs,
    first: r3.outcome === 'done' ? 'done' : `fails: "${r3.error}"`,
    againMs: r4.projectedMs,
    again: r4.outcome === 'done' ? 'done' : `fails: "${r4.error}"`,
  };
  return { rows, customers, peakCells: r.peakCells, refreshMs: r.projectedMs, refresh, nextMs: r2.projectedMs, next, detail, functions, segments };
}

export function runLimitsBench(quick = false, only?: readonly number[]): LimitsRow[] {
  const sizes = only ?? (quick ? [10_000] : [10_000, 100_000, 300_000]);
  const c = CALIBRATION;
  console.log("Google's limits (issue 10): a refresh and the table forms on the emulator, time projected for Apps Script");
  console.log(
    `  orders: ${HEADER.length} columns pasted into a sheet that keeps A–Z (26 columns), 10 orders per customer; limits: ` +
      `${n(MAX_CELLS)} cells, ${s(EXECUTION_LIMIT_MS)} per execution, ${s(CUSTOM_FUNCTION_LIMIT_MS)} per custom function`,
  );
  console.log(
    `  projected time (emulator/cost.ts, ours from published figures): ${c.cellRead} ms per cell read or written (custom-function ` +
      `arguments included), ${c.call.sheetWrite} ms per write call, ${c.call.sheetRead} per read call, ${c.call.sheetMetadata} per ` +
      `getLastRow-like call, ${c.commit} per commit, + the script's own time in this Node (× ${c.scriptFactor})`,
  );
  const out: LimitsRow[] = [];
  for (const rows of sizes) {
    const t0 = performance.now();
    const row = runSize(rows);
    out.push(row);
    console.log(`  ${n(rows)} order rows / ${n(row.customers)} customers  (bench took ${s(performance.now() - t0)} of Node time)`);
    console.log(`    refresh (menu): peak ${n(row.peakCells)} cells; projected ${s(row.refreshMs)} — ${row.refresh}`);
    console.log(`      (${row.detail})`);
    console.log(`    the next day's refresh of the same orders: projected ${s(row.nextMs)} — ${row.next}`);
    const g = row.segments;
    console.log(
      `    with ${SEGMENTS.length} saved segments (${n(g.rows)} sheet rows): the refresh that makes their sheets ${s(g.firstMs)} (+${s(g.firstMs - row.nextMs)}) — ${g.first}; ` +
        `the next, rewriting them, ${s(g.againMs)} (+${s(g.againMs - row.nextMs)}) — ${g.again}`,
    );
    for (const fn of FUNCTIONS) {
      const f = row.functions[fn];
      console.log(`    =${fn}(${SHEET}!A:H): projected ${s(f.ms)} (${f.detail}) — ${f.outcome}`);
    }
    (globalThis as { gc?: () => void }).gc?.();
  }
  console.log('  summary (rows | peak cells | refresh | next day | FANSTAGE | LTVRANK | NEXTPURCHASE):');
  for (const r of out) {
    const fns = FUNCTIONS.map((fn) => `${s(r.functions[fn].ms)} ${r.functions[fn].outcome.startsWith('done') ? 'ok' : 'FAIL'}`);
    console.log(
      `    ${n(r.rows).padStart(7)} | ${n(r.peakCells).padStart(10)} | ${s(r.refreshMs)} ${r.refresh === 'done' ? 'ok' : 'FAIL'} | ${s(r.nextMs)} ${r.next === 'done' ? 'ok' : 'FAIL'} | ${fns.join(' | ')}`,
    );
  }
  return out;
}

// Run directly (not imported by bench.ts).
// --sizes=10000,100000 runs only those sizes.
if (process.argv[1]?.endsWith('limits.ts')) {
  const sizes = process.argv.find((a) => a.startsWith('--sizes='))?.slice('--sizes='.length).split(',').map(Number);
  runLimitsBench(process.argv.includes('--quick'), sizes);
}
