/**
 * Issue 14: what campaigns cost a refresh, on the emulator with Apps Script's time projected by
 * emulator/cost.ts (as bench/limits.ts). A shop of N order rows (N/10 customers) is refreshed, then
 * the next day refreshed again (the daily trigger's case, no campaign) — then three campaigns are
 * started, each on every other customer (so their frozen lists are as long as they get: half the
 * shop targeted, the rest of the start stage compared), and the refreshes that follow are timed:
 *   running   the next day, three campaigns measured on the refresh's own analysis;
 *   closing   the day after their windows end: one extra analysis (at the window's end), results frozen;
 *   frozen    the day after: no member read again.
 * The bundle runs in an isolated realm (the only one whose clock the bench can move), whose script
 * time is slower than bench/limits.ts's: read the rows against each other, not against that table.
 * Run: node --expose-gc scripts/run-ts.mjs bench/campaigns.ts [--quick]
 */
import { loadBundle } from '../emulator/bundle';
import { CALIBRATION } from '../emulator/cost';
import { NEW_SHEET_COLUMNS } from '../emulator/limits';
import { mulberry32 } from '../scripts/random';

const DAY = 86_400_000;
const HEADER = ['注文番号', '注文日時', '顧客ID', 'メールアドレス', '商品名', '合計金額', '注文ステータス', '定期購入'];

function orders(n: number, customers: number, end: number): unknown[][] {
  const rnd = mulberry32(10);
  const span = 730 * DAY;
  const rows: unknown[][] = [HEADER];
  for (let i = 0; i < n; i++) {
    const c = Math.floor(rnd() ** 1.5 * customers);
    rows.push([`#${100000 + i}`, new Date(end - Math.floor((rnd() * span) / 60_000) * 60_000), `C${String(c).padStart(6, '0')}`, `c${c}@example.jp`, `商品${Math.floor(rnd() * 40)}`, 1000 + Math.floor(rnd() * 30) * 500, rnd() < 0.03 ? 'キャンセル' : '発送済み', rnd() < 0.1 ? '定期' : '']);
  }
  return rows;
}

const s = (ms: number): string => (ms >= 60_000 ? `${(ms / 60_000).toFixed(2)} min` : `${(ms / 1000).toFixed(1)} s`);

function runSize(rows: number): void {
  const customers = rows / 10;
  const values = orders(rows, customers, Date.now() - DAY);
  // An isolated realm: only there does the script clock move with env.clock (the campaigns' days);
  // its script time is slower than the shared realm's, so compare the rows with each other.
  const b = loadBundle({ now: Date.now(), locale: 'ja_JP', timeZone: 'Asia/Tokyo', sheets: { 注文: { values, maxRows: values.length, maxColumns: NEW_SHEET_COLUMNS } }, gas: { timeLimits: 'report' } });
  const env = b.env;
  const refresh = (label: string): number => {
    env.call('refreshFromMenu');
    const r = env.cost.last!;
    const k = r.breakdown;
    console.log(`    ${label.padEnd(44)} projected ${s(r.projectedMs).padStart(9)} — ${r.outcome}; read ${k.cellsRead.toLocaleString('en-US')} cells, wrote ${k.cellsWritten.toLocaleString('en-US')}, script ${s(k.scriptMs * CALIBRATION.scriptFactor)}`);
    return r.projectedMs;
  };
  console.log(`  ${rows.toLocaleString('en-US')} order rows / ${customers.toLocaleString('en-US')} customers`);
  refresh('first refresh');
  env.clock.advance(DAY);
  const plain = refresh('next day, no campaign');
  const keys = Array.from({ length: customers / 2 }, (_, i) => `C${String(2 * i).padStart(6, '0')}`);
  for (const [name, move] of [['A', 'visitor>follower'], ['B', 'follower>supporter'], ['C', 'dormant>follower']] as const) {
    env.call('startCampaign', { name, move, keys, windowDays: 30 });
    const r = env.cost.last!;
    const st = JSON.parse(JSON.stringify(env.cost.last)) as { projectedMs: number };
    console.log(`    start campaign ${name} (${move}, ${keys.length.toLocaleString('en-US')} keys)`.padEnd(48) + ` projected ${s(st.projectedMs).padStart(9)} — ${r.outcome}`);
  }
  env.clock.advance(DAY);
  const running = refresh('next day, 3 campaigns running');
  env.clock.advance(30 * DAY);
  const closing = refresh('windows ended: measured at their end, frozen');
  env.clock.advance(DAY);
  const frozen = refresh('the day after: frozen results');
  console.log(`    campaigns add: running ${s(running - plain)}, closing ${s(closing - plain)}, frozen ${s(frozen - plain)} to a ${s(plain)} refresh`);
  (globalThis as { gc?: () => void }).gc?.();
}

const quick = process.argv.includes('--quick');
console.log('Campaigns (issue 14): their cost to a refresh, projected for Apps Script (emulator/cost.ts)');
for (const rows of quick ? [10_000] : [10_000, 100_000]) runSize(rows);
