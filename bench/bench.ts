/**
 * npm run bench — speed of the built bundle's custom functions on a shop's whole history.
 *
 * FANSTAGE's table form over N order rows, against a bare pass over the same cells that only
 * dedupes order ids and groups rows by customer (the least any correct implementation must do),
 * in the same process and realm. Prints both times (median of several runs after a warm-up), their
 * ratio, and memory. Not a test: figures vary with the machine; the ratio is what we hold to
 * (required ≤ 6, aim ≤ 3).
 *
 * Then the next-purchase models' fit times (bench/predict.ts): CDNOW sample and master file, and
 * 200,000 simulated customers; the refresh's I/O (bench/refresh.ts); and Google's limits on 10k /
 * 100k / 300k order rows — peak cells, projected Apps Script time of a refresh and of each table
 * form, and the outcome (bench/limits.ts); and the CSV import of a large 楽天 export (bench/import.ts).
 *
 * These speed figures are Node's: the time limits (enforced on projected time) only report here.
 */
import { performance } from 'node:perf_hooks';
import { loadBundle, type LoadedBundle } from '../emulator/bundle';
import { mulberry32 as prng } from '../scripts/random';
import { runImportBench } from './import';
import { runLimitsBench } from './limits';
import { runPredictBench } from './predict';
import { runRefreshBench } from './refresh';
import { TABLE_MAX_CUSTOMERS, tableParts } from '../src/core/functions';

interface Case {
  rows: number;
  customers: number;
  runs: number;
  layout: 'sheets' | 'text';
}

const CASES: Case[] = [
  { rows: 200_000, customers: 20_000, runs: 9, layout: 'sheets' },
  { rows: 200_000, customers: 20_000, runs: 5, layout: 'text' },
  { rows: 1_000_000, customers: 100_000, runs: 3, layout: 'sheets' },
];


const HEADER = ['注文番号', '顧客ID', 'メールアドレス', '注文日時', '商品名', '合計金額', '注文ステータス', '定期購入', '氏名'];
const START = Date.parse('2024-01-01T00:00:00+09:00');
const SPAN_DAYS = 540;

/**
 * A Japanese generic export as Sheets hands it to a custom function: one row per line item,
 * the order's fields on its first line only, Dates for dates, numbers for amounts ('sheets');
 * or the same export kept as text, as when a CSV is pasted without conversion ('text').
 */
function makeOrders(c: Case): unknown[][] {
  const rnd = prng(42);
  const rows: unknown[][] = [HEADER];
  let order = 0;
  while (rows.length <= c.rows) {
    order++;
    const cust = Math.floor(rnd() ** 1.5 * c.customers);
    const id = `C${String(cust).padStart(6, '0')}`;
    const ms = START + Math.floor(rnd() * SPAN_DAYS * 86_400) * 1000;
    const amount = 1000 + Math.floor(rnd() * 30) * 500;
    const cancelled = rnd() < 0.03;
    const sub = rnd() < 0.1;
    const lines = 1 + Math.floor(rnd() * rnd() * 3);
    for (let l = 0; l < lines && rows.length <= c.rows; l++) {
      const first = l === 0;
      if (c.layout === 'sheets') {
        rows.push([
          `#${order}`,
          first ? id : '',
          first ? `${id.toLowerCase()}@example.jp` : '',
          first ? new Date(ms) : '',
          `商品${l}`,
          first ? amount : '',
          first ? (cancelled ? 'キャンセル' : '発送済み') : '',
          first && sub ? '定期' : '',
          first ? `顧客 ${cust}` : '',
        ]);
      } else {
        const d = new Date(ms + 9 * 3_600_000).toISOString();
        rows.push([
          `#${order}`,
          first ? id : '',
          first ? `${id.toLowerCase()}@example.jp` : '',
          first ? `${d.slice(0, 10).replace(/-/g, '/')} ${d.slice(11, 16)}` : '',
          `商品${l}`,
          first ? `¥${amount.toLocaleString('en-US')}` : '',
          first ? (cancelled ? 'キャンセル' : '発送済み') : '',
          first && sub ? '定期' : '',
          first ? `顧客 ${cust}` : '',
        ]);
      }
    }
  }
  return rows;
}

/** The bare pass, defined in the bundle's realm: dedupe order ids, group rows by customer. */
const BARE = `(function bare(rows) {
  const orders = new Set();
  const byCustomer = new Map();
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    const id = row[0];
    if (orders.has(id)) continue;
    orders.add(id);
    const key = row[1];
    const n = byCustomer.get(key);
    byCustomer.set(key, n === undefined ? 1 : n + 1);
  }
  return byCustomer.size;
})`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(runs: number, fn: () => unknown): number {
  fn(); // warm-up: JIT and caches, as a recalculating spreadsheet would have them
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  return median(t);
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function runCase(b: LoadedBundle, c: Case): void {
  const values = b.sheetValues(makeOrders(c));
  const bare = b.eval<(rows: unknown[][]) => number>(BARE);
  const asOf = b.date('2025-06-30T00:00:00+09:00');

  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const table = b.call('FANSTAGE', values, undefined, asOf) as unknown[][];
  const heapAfter = process.memoryUsage().heapUsed;
  // The table shows at most TABLE_MAX_CUSTOMERS rows (a note says how many there are); every
  // customer is still analysed and ranked, which is what is timed.
  const customers = bare(values);
  const shown = tableParts(table).rows.length;
  if (shown !== Math.min(customers, TABLE_MAX_CUSTOMERS) && c.layout === 'sheets') {
    // Cancelled-only customers drop out of the table; the bare pass keeps them. Only a gross
    // mismatch would mean the bench measures the wrong thing.
    if (Math.abs(shown - Math.min(customers, TABLE_MAX_CUSTOMERS)) > c.customers * 0.05) throw new Error(`customer counts differ: ${shown} vs ${customers}`);
  }

  const tBare = time(c.runs, () => bare(values));
  const tFan = time(c.runs, () => b.call('FANSTAGE', values, undefined, asOf));
  const tRank = time(c.runs, () => b.call('LTVRANK', values, undefined, asOf));
  console.log(
    [
      `${c.rows.toLocaleString('en-US')} rows / ${customers.toLocaleString('en-US')} customers, ${shown.toLocaleString('en-US')} shown (${c.layout === 'sheets' ? 'Sheets values: Dates, numbers' : 'text: "2024/01/05 10:11", "¥12,800"'})`,
      `  bare pass (dedupe order ids, group by customer): ${tBare.toFixed(1)} ms`,
      `  FANSTAGE table form:                              ${tFan.toFixed(1)} ms   ratio ${(tFan / tBare).toFixed(2)}`,
      `  LTVRANK table form:                               ${tRank.toFixed(1)} ms   ratio ${(tRank / tBare).toFixed(2)}`,
      `  heap growth during one FANSTAGE call (incl. result): ${mb(heapAfter - heapBefore)}`,
    ].join('\n'),
  );
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  // --functions: only the custom functions' cases (the ratio), not the models, refresh and limits.
  const functionsOnly = process.argv.includes('--functions');
  const only = quick ? CASES.slice(0, 1) : CASES;
  // The bundle runs in this process's global scope, as in Apps Script: one global scope, its
  // functions called by name. (A vm context would tax every global lookup — Math, Map — through
  // an interceptor that Apps Script does not have, and mislead the ratio.)
  const b = loadBundle({ locale: 'ja_JP', timeZone: 'Asia/Tokyo', realm: 'this', gas: { timeLimits: 'report' } });
  console.log(`Fan Funnel benchmark — dist/Code.js loaded into one global scope, Node ${process.version}\n`);
  for (const c of only) {
    runCase(b, c);
    gc();
    console.log('');
  }
  if (functionsOnly) return;
  runPredictBench(quick);
  gc();
  console.log('');
  runRefreshBench();
  gc();
  console.log('');
  runLimitsBench(quick);
  gc();
  console.log('');
  await runImportBench(quick);
  gc();
  console.log('');
  console.log(`peak RSS of the process: ${mb(process.resourceUsage().maxRSS * 1024)}`);
}

void main();
