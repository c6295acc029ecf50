/**
 * Shop exports as the owner downloads them, for the import's tests: the 楽天 RMS fixture
 * (test/fixtures/exports/rakuten-rms-orders.csv, whose header's sources are in that folder's
 * README) grown to any number of orders, written as CSV and encoded as 楽天 writes it — CP932
 * (Windows-31J), by iconv-lite, an encoder that is not ours.
 *
 * Order k is a copy of one of the fixture's orders (all its rows) with its own order number and a
 * date k / 4 days after 2025-01-01 (and every tenth, k = 5, 15…, still unpriced: -99999), so that a range of k is a period of the shop's history, and
 * two ranges that overlap are two exports that overlap: orders [0, 600) and then [400, 1000) are
 * last month's download and this month's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { parseCsv, writeCsv } from '../../scripts/csv';
import { FIXTURE_DIR } from './fixtures';

export const RAKUTEN_FIXTURE = 'rakuten-rms-orders.csv';

/** The fixture: its header and its orders (the rows of each order id, in file order). */
function fixtureOrders(): { header: string[]; orders: string[][][] } {
  const [header, ...rows] = parseCsv(readFileSync(join(FIXTURE_DIR, RAKUTEN_FIXTURE), 'utf8'));
  const byId = new Map<string, string[][]>();
  for (const row of rows) {
    const list = byId.get(row[0]!) ?? [];
    list.push(row);
    byId.set(row[0]!, list);
  }
  return { header: header!, orders: [...byId.values()] };
}

/**
 * The characters that Shift_JIS alone cannot hold and CP932 can, in the first order: 髙 and 﨑
 * (IBM extensions), ① (NEC special characters) and ～ (U+FF5E, which CP932 writes as 0x8160).
 */
export const CP932_NAMES = { family: '髙橋', given: '﨑子', item: '①お試しセット～3種' } as const;

export interface RakutenExport {
  readonly header: string[];
  readonly rows: string[][];
  /** The order numbers, in order. */
  readonly ids: string[];
  /** Those whose amounts are still -99999 (楽天処理中: not priced yet): unreadable, not imported
   *  until an export that has their amounts. */
  readonly unpriced: string[];
  /** `ids` less `unpriced`: what an import adds. */
  readonly priced: string[];
  /** Order days (YYYY-MM-DD) of the first and last order. */
  readonly firstDay: string;
  readonly lastDay: string;
}

function day(k: number): string {
  return new Date(Date.UTC(2025, 0, 1) + Math.floor(k / 4) * 86_400_000).toISOString().slice(0, 10);
}

/** Orders [from, to) of the grown shop. */
export function rakutenExport(from: number, to: number): RakutenExport {
  const { header, orders } = fixtureOrders();
  const col = (name: string): number => header.indexOf(name);
  const [id, at, date, family, given, item, status] = ['注文番号', '注文日時', '注文日', '注文者姓', '注文者名', '商品名', 'ステータス'].map(col) as number[];
  const rows: string[][] = [];
  const ids: string[] = [];
  const unpriced: string[] = [];
  for (let k = from; k < to; k++) {
    const source = orders[k % orders.length]!;
    const orderId = `387654-${day(k).replace(/-/g, '')}-${String(k).padStart(10, '0')}`;
    ids.push(orderId);
    // Every tenth order is still 楽天処理中: its amounts are -99999, 楽天's "no value" (HEADERS.md).
    const pending = k % 10 === 5;
    if (pending) unpriced.push(orderId);
    for (const original of source) {
      const row = [...original];
      row[id!] = orderId;
      row[date!] = day(k);
      row[at!] = `${day(k)} ${original[at!]!.slice(11) || '10:00:00'}`;
      if (pending) {
        header.forEach((h, c) => h.includes('金額') && (row[c] = '-99999'));
        row[status!] = '楽天処理中';
      }
      if (k === 0) {
        row[family!] = CP932_NAMES.family;
        row[given!] = CP932_NAMES.given;
        row[item!] = CP932_NAMES.item;
      }
      rows.push(row);
    }
  }
  return { header, rows, ids, unpriced, priced: ids.filter((i) => !unpriced.includes(i)), firstDay: day(from), lastDay: day(to - 1) };
}

/** The export as 楽天 writes it: CSV with CRLF, in CP932. */
export function cp932Csv(e: RakutenExport): Buffer {
  return iconv.encode(writeCsv([e.header, ...e.rows]), 'cp932');
}
