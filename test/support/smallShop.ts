/**
 * A small shop of 12 customers (issue 17: most shops have a few dozen repeat customers, not
 * thousands), too small for the purchase model: 4 repeat buyers, 8 one-time buyers, and a
 * customers sheet with birthdays. Reconstructed for the tests (not a real export); its headers are
 * the generic Japanese ones HEADERS.md lists (顧客ID, 氏名, 注文日, 金額, 誕生日).
 *
 * As of 2026-11-30 (Tokyo), by construction:
 * - S01 山田 花子 bought every 42 days, last 38 days ago: due in 4 days (her own rhythm);
 * - S02 佐藤 一郎 every 30 days, last 35 days ago: 5 days past due (his own rhythm);
 * - S03 鈴木 次郎 every 20 days, last 160 days ago: 8 intervals away — worth winning back;
 * - S04 高橋 三奈 twice, 50 days apart, last 100 days ago: the shop's rhythm, 36 days
 *   (the median of 20, 30, 42, 50), and far past it — worth winning back;
 * - S07 bought once 30 days ago: due in 6 days by the shop's rhythm;
 * - birthdays: S01 on 12/02 (in the week), S02 on 11/15 (this month, passed: not listed).
 */
import { dayFromCivil, isoDay } from '../../src/core/dates';

export const SMALL_SHOP_NOW = Date.parse('2026-11-30T03:00:00Z');
const AS_OF = dayFromCivil(2026, 11, 30);

const NAMES = ['山田 花子', '佐藤 一郎', '鈴木 次郎', '高橋 三奈', '田中 四郎', '伊藤 五月', '渡辺 六花', '山本 七海', '中村 八雲', '小林 九美', '加藤 十和', '吉田 十一'];
/** Days before the as-of day of each customer's purchases. */
const AGO: readonly number[][] = [
  [164, 122, 80, 38],
  [95, 65, 35],
  [200, 180, 160],
  [150, 100],
  [10],
  [20],
  [30],
  [45],
  [60],
  [100],
  [200],
  [400],
];

export const smallShopId = (i: number): string => `S${String(i + 1).padStart(2, '0')}`;

export function smallShopSheets(): Record<'Orders' | 'Customers', Array<Array<string | number>>> {
  const orders: Array<Array<string | number>> = [['注文番号', '顧客ID', '氏名', '注文日', '金額']];
  let n = 1000;
  AGO.forEach((days, i) => {
    for (const d of days) orders.push([String(++n), smallShopId(i), NAMES[i]!, isoDay(AS_OF - d).replace(/-/g, '/'), 3_000 + 500 * i]);
  });
  const customers: Array<Array<string | number>> = [['顧客ID', '氏名', '誕生日']];
  NAMES.forEach((name, i) => customers.push([smallShopId(i), name, i === 0 ? '1985/12/02' : i === 1 ? '1990/11/15' : '1992/03/03']));
  return { Orders: orders, Customers: customers };
}

export const SMALL_SHOP_NAMES = NAMES;
