/**
 * The refresh of 100,000 orders on the in-memory Sheets (issue 3): time of the whole refresh as the
 * menu runs it (read, core, staged writes, chart), and the I/O it costs — reads of the input sheet
 * and writes of each output tab, which the tests hold to one each — and its projected Apps Script
 * time (emulator/cost.ts).
 */
import { performance } from 'node:perf_hooks';
import { loadBundle } from '../emulator/bundle';
import { PROPERTY_KEYS } from '../src/gas/keys';

function orders(n: number, customers: number): unknown[][] {
  const rows: unknown[][] = [['注文番号', '顧客ID', 'メールアドレス', '注文日時', '合計金額', '注文ステータス', '定期購入']];
  const start = Date.parse('2025-01-01T00:00:00+09:00');
  let seed = 7;
  const rnd = () => ((seed = (seed * 1_103_515_245 + 12_345) >>> 0) / 4_294_967_296);
  for (let i = 0; i < n; i++) {
    const c = Math.floor(rnd() ** 1.5 * customers);
    rows.push([
      `#${i + 1}`,
      `C${String(c).padStart(6, '0')}`,
      `c${c}@example.jp`,
      new Date(start + Math.floor(rnd() * 500 * 86_400) * 1000),
      1000 + Math.floor(rnd() * 30) * 500,
      rnd() < 0.03 ? 'キャンセル' : '発送済み',
      rnd() < 0.1 ? '定期' : '',
    ]);
  }
  return rows;
}

export function runRefreshBench(): void {
  const b = loadBundle({ locale: 'ja_JP', timeZone: 'Asia/Tokyo', realm: 'this', sheets: { 注文: orders(100_000, 10_000) }, gas: { timeLimits: 'report' } });
  const io = b.env.io;
  const once = (label: string) => {
    io.reset();
    const t0 = performance.now();
    b.env.call('refreshFromMenu');
    const ms = performance.now() - t0;
    const outcome = JSON.parse(b.env.properties.document.map.get(PROPERTY_KEYS.lastRefresh) ?? '{}') as { ok?: boolean; error?: string };
    if (!outcome.ok) throw new Error(`refresh failed: ${outcome.error}`);
    const tabs = ['ファンファネル', '顧客ステージ', 'VIP', '履歴'];
    console.log(
      `  ${label}: ${ms.toFixed(0)} ms — reads: 注文 ${io.reads('注文')}, 履歴 ${io.reads('履歴')}; ` +
        `writes: ${tabs.map((t) => `${t} ${io.writes(t)}`).join(', ')}; service calls ${io.calls}; ` +
        `projected Apps Script time ${(b.env.cost.last!.projectedMs / 1000).toFixed(1)} s (emulator/cost.ts)`,
    );
  };
  console.log('Refresh of 100,000 orders / 10,000 customers on the in-memory Sheets (menu → four tabs)');
  once('first refresh (creates the tabs)');
  once('second refresh (reads History, updates the tabs)');
}
