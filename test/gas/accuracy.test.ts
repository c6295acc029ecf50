/**
 * The Fan Funnel tab's 予測の確かさ section and the sidebar's one line (issue 15), from the built
 * bundle on the in-memory Sheets: the refresh writes the calibration/holdout table, draws its chart
 * beside it, and records the verdict the sidebar shows.
 */
import { loadBundle } from '../../emulator/bundle';
import { dayFromCivil, isoDay } from '../../src/core/dates';
import { PROPERTY_KEYS } from '../../src/gas/keys';
import type { RefreshOutcome } from '../../src/gas/refresh';
import { simulateShop } from '../support/btyd';

const AS_OF = dayFromCivil(2025, 6, 30);
const slash = (day: number) => isoDay(day).replace(/-/g, '/');
const shop = simulateShop({ r: 0.8, alpha: 40, a: 0.6, b: 3 }, { customers: 600, firstDay: AS_OF - 500, asOf: AS_OF, seed: 21, spend: { p: 4, q: 5, gamma: 20_000 } });
// Reconstructed (simulated) orders under a Japanese shop export's headers.
const orders: unknown[][] = [['注文番号', '顧客ID', '注文日', '合計金額'], ...shop.orders.map((o, i) => [`#${i + 1}`, o.key, slash(o.day), o.amount])];

function refreshed(sheets: Record<string, unknown[][]>) {
  const b = loadBundle({ locale: 'ja_JP', sheets, now: Date.parse('2025-06-30T09:00:00+09:00') });
  b.env.call('refreshFromMenu');
  const outcome = JSON.parse(b.env.properties.document.map.get(PROPERTY_KEYS.lastRefresh)!) as RefreshOutcome;
  const funnel = b.env.sheet('ファンファネル');
  return { b, outcome, funnel, values: funnel.values as unknown[][] };
}

describe('予測の確かさ on the Fan Funnel tab', () => {
  const { b, outcome, funnel, values } = refreshed({ 注文: orders });
  const at = (first: string) => values.findIndex((r) => r[0] === first);

  test('the section: model in use, the holdout period, and the table by repeat purchases with its total', () => {
    expect(outcome.ok).toBe(true);
    expect(at('予測の確かさ')).toBeGreaterThan(0);
    expect(values[at('検証期間')]![1]).toBe(`${slash(AS_OF - 89)}〜${slash(AS_OF)}`);
    expect(['BG/NBD', 'Pareto/NBD', 'MBG/NBD']).toContain(values[at('使用モデル')]![1]);
    const header = at('検証期間より前のリピート購入回数');
    expect(values[header]!.slice(0, 4)).toEqual(['検証期間より前のリピート購入回数', '顧客数', '実際の購入回数', '予測購入回数']);
    const labels = values.slice(header + 1, header + 9).map((r) => r[0]);
    expect(labels).toEqual(['0回', '1回', '2回', '3回', '4回', '5回', '6回', '7回以上']);
    const total = values[header + 9]!;
    expect(total[0]).toBe('合計');
    const bins = values.slice(header + 1, header + 9);
    expect(bins.reduce((n, r) => n + (r[2] as number), 0)).toBe(total[2]);
    expect(bins.reduce((n, r) => n + (r[1] as number), 0)).toBe(total[1]);
    expect(funnel.numberFormats[header + 1]!.slice(1, 4)).toEqual(['#,##0', '#,##0', '0.0']);
  });

  test('its chart: columns of actual and predicted, reading the table beside it', () => {
    const header = at('検証期間より前のリピート購入回数');
    const column = funnel.charts.find((c) => c.type === 'COLUMN');
    expect(funnel.charts).toHaveLength(2);
    expect(column).toBeDefined();
    expect(column!.ranges).toEqual([`ファンファネル!A${header + 1}:A${header + 9}`, `ファンファネル!C${header + 1}:D${header + 9}`]);
    expect(column!.options.title).toBe('検証期間の購入回数(予測と実際)');
  });

  test('the sidebar’s line: predicted vs actual over the last 90 days, with the model', () => {
    const total = values[at('検証期間より前のリピート購入回数') + 9]!;
    const actual = (total[2] as number).toLocaleString('en-US');
    const predicted = Math.round(total[3] as number).toLocaleString('en-US');
    expect(outcome.accuracyLine).toBe(`直近90日: 予測 ${predicted}回、実際 ${actual}回(${values[at('使用モデル')]![1]})`);
  });

  test('the refresh records the model in use, for NEXTPURCHASE', () => {
    const recorded = JSON.parse(b.env.properties.document.map.get(PROPERTY_KEYS.predictionModel)!) as { model: string; asOf: string };
    const label = { bgnbd: 'BG/NBD', paretoNbd: 'Pareto/NBD', mbgnbd: 'MBG/NBD' }[recorded.model];
    expect(label).toBe(values[at('使用モデル')]![1]);
    expect(recorded.asOf).toBe(isoDay(AS_OF));
  });

  test('a second refresh keeps one chart of each kind', () => {
    const { b } = refreshed({ 注文: orders });
    b.env.call('refreshFromMenu');
    expect(b.env.sheet('ファンファネル').charts.map((c) => c.type).sort()).toEqual(['COLUMN', 'LINE']);
  });
});

test('too little data: the section says so, and there is no accuracy chart', () => {
  const { outcome, funnel, values } = refreshed({ 注文: orders.slice(0, 40) });
  expect(outcome.ok).toBe(true);
  expect(values.some((r) => typeof r[0] === 'string' && r[0].startsWith('確かめるにはデータが足りません'))).toBe(true);
  expect(outcome.accuracyLine).toBe('直近90日の予測の確かさ: データが足りないため確かめられません');
  expect(funnel.charts.map((c) => c.type)).toEqual(['LINE']);
});
