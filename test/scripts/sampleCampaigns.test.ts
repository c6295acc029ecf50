/**
 * The preview's sample campaigns (issue 14, scripts/sampleShop/campaigns.ts): started on the sample's
 * export day, each on every other customer of a stage. With the sample's following days (the
 * continuation, boosted for the coupon's targets only), 30 days later the coupon shows 効果あり and
 * the mail 効果は見えません — measured here by the core on the same rows the preview appends day by
 * day, without the preview's 30 refreshes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../emulator/project';
import { parseCsv, toRange } from '../../scripts/csv';
import { sampleCampaigns } from '../../scripts/sampleShop/campaigns';
import { continueShop, sampleUpcomingRows } from '../../scripts/sampleShop/continuation';
import { generateShop } from '../../scripts/sampleShop/generate';
import { analyze, readInputs } from '../../src/core/analyze';
import { startCampaign } from '../../src/core/campaignReport';
import { MIN_GROUP, readCampaignRequest } from '../../src/core/campaigns';
import { dayFromCivil, makeZone } from '../../src/core/dates';
import { DEFAULT_SETTINGS } from '../../src/core/settings';

const csv = (file: string) => toRange(parseCsv(readFileSync(join(projectRoot(), 'samples', file), 'utf8')));
const EXPORT_DAY = dayFromCivil(2026, 10, 31);

test('30 days after the export day: the coupon worked, the mail did not', () => {
  const ranges = { orders: csv('orders_ja.csv'), customers: csv('customers.csv'), survey: csv('survey.csv') };
  const sample = sampleCampaigns(ranges, '2026-10-31', 'Asia/Tokyo', 'ja');
  const upcoming = sampleUpcomingRows(() => true, sample.boost);
  const orders = [...ranges.orders, ...upcoming.filter((u) => u.sheet === 'Orders').map((u) => [...u.row])];
  const customers = [...ranges.customers, ...upcoming.filter((u) => u.sheet === 'Customers').map((u) => [...u.row])];
  const read = readInputs({ orders, customers, survey: ranges.survey }, { zone: makeZone('Asia/Tokyo'), settings: DEFAULT_SETTINGS, locale: 'ja_JP' });
  const a = analyze(read, EXPORT_DAY + 30, DEFAULT_SETTINGS);
  const results = sample.campaigns.map((c) => {
    const [from, to] = c.input.move.split('>');
    const checked = readCampaignRequest({ ...c.input, from, to, start: '2026/10/31' }, a.asOf, []);
    if (!('request' in checked)) throw new Error(JSON.stringify(checked));
    return startCampaign(checked.request, c.input.keys, a, DEFAULT_SETTINGS, c.input.name, 0).campaign.result!;
  });
  const [coupon, mail] = results;
  expect(coupon!.closed).toBe(true);
  expect(coupon!.targets.n).toBeGreaterThanOrEqual(MIN_GROUP);
  expect(coupon!.referenceGroup!.n).toBeGreaterThanOrEqual(MIN_GROUP);
  expect(coupon!.verdict).toBe('effect');
  expect(mail!.targets.n).toBeGreaterThanOrEqual(MIN_GROUP);
  expect(mail!.verdict).toBe('noEffect');
});

test('the boost adds orders for its keys only; every other order keeps its customer, moment, basket and price', () => {
  const shop = generateShop();
  const keys = new Set(shop.customers.slice(0, 200).map((c) => c.id));
  const plain = continueShop(shop, 40);
  const boosted = continueShop(shop, 40, shop.seed + 1, { keys, share: 0.5, days: 30 });
  const strip = (o: (typeof plain.orders)[number]) => [o.customerId, o.at, o.total, o.lines.map((l) => `${l.product.sku}×${l.quantity}`).join(',')];
  const added = boosted.orders.length - plain.orders.length;
  expect(added).toBeGreaterThan(50);
  const rest = [...boosted.orders.map(strip)];
  for (const o of plain.orders.map(strip)) {
    const i = rest.findIndex((x) => JSON.stringify(x) === JSON.stringify(o));
    expect(i).toBeGreaterThanOrEqual(0);
    rest.splice(i, 1);
  }
  expect(rest).toHaveLength(added);
  expect(rest.every((o) => keys.has(o[0] as string))).toBe(true);
  expect(boosted.customers).toEqual(plain.customers);
});
