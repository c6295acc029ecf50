/**
 * The sample shop's following days (scripts/sampleShop/continuation.ts), which the preview lets
 * arrive day by day: the exported sample stays exactly as committed, and what follows is the
 * same shop going on — orders at the pace of its last month, 定期便 billing on their day, new
 * customers numbered on — as a fresh export would show it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../emulator/project';
import { DAY, dayMs } from '../../scripts/sampleShop/calendar';
import { continueShop, upcomingRows } from '../../scripts/sampleShop/continuation';
import { generateShop } from '../../scripts/sampleShop/generate';
import { JA_ORDER_HEADERS, sampleFiles } from '../../scripts/sampleShop/sheets';

const shop = generateShop();
const next = continueShop(shop, 28);
const exportEnd = dayMs(shop.asOf) + DAY;

test('the exported sample is unchanged (samples/ is what the generator makes)', () => {
  for (const f of sampleFiles(shop)) expect(readFileSync(join(projectRoot(), 'samples', f.name), 'utf8')).toBe(f.text);
});

test('orders come after the export day, within the days asked, numbered on from the last', () => {
  expect(next.orders.length).toBeGreaterThan(0);
  for (const o of next.orders) {
    expect(o.at).toBeGreaterThanOrEqual(exportEnd);
    expect(o.at).toBeLessThan(exportEnd + 28 * DAY);
  }
  const last = Math.max(...shop.orders.map((o) => o.number));
  expect(next.orders.map((o) => o.number)).toEqual(next.orders.map((_, i) => last + 1 + i));
  expect(next.orders.every((o) => o.status === 'unfulfilled' || o.status === 'cancelled')).toBe(true);
});

test('at the pace of the shop’s last 30 days, from old and new customers alike', () => {
  const lastMonth = shop.orders.filter((o) => o.at >= exportEnd - 30 * DAY && o.customerId !== '').length / 30;
  const perDay = next.orders.length / 28;
  expect(perDay).toBeGreaterThan(lastMonth * 0.6);
  expect(perDay).toBeLessThan(lastMonth * 1.5);
  const known = new Set(shop.customers.map((c) => c.id));
  const returning = next.orders.filter((o) => known.has(o.customerId)).length;
  expect(returning).toBeGreaterThan(next.orders.length * 0.3);
  expect(returning).toBeLessThan(next.orders.length);
});

test('active 定期便 bill on their day of the month; cancelled ones do not', () => {
  const active = shop.customers.filter((c) => c.subscriptionStart !== undefined && c.subscriptionEnd === undefined);
  const ended = new Set(shop.customers.filter((c) => c.subscriptionEnd !== undefined).map((c) => c.id));
  expect(active.length).toBeGreaterThan(20);
  for (const c of active) {
    const bills = next.orders.filter((o) => o.customerId === c.id && o.subscription);
    // 28 days after a month's end cover each day of the month at most once (the 29th–31st aside).
    const day = new Date(c.subscriptionStart!).getUTCDate();
    if (day <= 28) expect(bills.map((o) => new Date(o.at).getUTCDate())).toEqual([day]);
  }
  expect(next.orders.some((o) => o.subscription && ended.has(o.customerId))).toBe(false);
});

test('new customers are numbered on and first buy on the day they sign up', () => {
  expect(next.customers.length).toBeGreaterThan(10);
  next.customers.forEach((c, i) => expect(c.id).toBe(`C${String(shop.customers.length + 1 + i).padStart(6, '0')}`));
  for (const c of next.customers) {
    const first = next.orders.find((o) => o.customerId === c.id);
    expect(first?.at).toBe(c.signup);
  }
  const emails = [...shop.customers, ...next.customers].map((c) => c.email);
  expect(new Set(emails).size).toBe(emails.length);
});

test('as rows of the Japanese order list and the customers sheet, in time order', () => {
  const rows = upcomingRows(shop, next);
  expect(rows.map((r) => r.at)).toEqual([...rows.map((r) => r.at)].sort((a, b) => a - b));
  const orders = rows.filter((r) => r.sheet === 'Orders');
  expect(orders.length).toBeGreaterThanOrEqual(next.orders.length);
  for (const r of orders) {
    expect(r.row).toHaveLength(JA_ORDER_HEADERS.length);
    expect(['発送準備中', 'キャンセル']).toContain(r.row[JA_ORDER_HEADERS.indexOf('注文ステータス')]);
  }
  expect(rows.filter((r) => r.sheet === 'Customers').map((r) => r.row[0])).toEqual(next.customers.map((c) => c.id));
});
