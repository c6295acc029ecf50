/**
 * The sample shop rendered as the sheets a shop owner would paste (a header row, then the data):
 * a Shopify orders export, a generic Japanese order list, a customers sheet and a Google Forms
 * response sheet — and the four CSV files of them that samples/ holds.
 */
import { writeCsv } from '../csv';
import { DAY, MINUTE, dayMs, formsTime, jaDate, jaTime, parts, shopifyTime } from './calendar';
import { VENDOR, type Customer, type Order, type Shop } from './shop';

export type SheetCell = string | number;
export type Sheet = SheetCell[][];

export const SHOPIFY_HEADERS = [
  'Name', 'Email', 'Financial Status', 'Paid at', 'Fulfillment Status', 'Fulfilled at', 'Accepts Marketing', 'Currency',
  'Subtotal', 'Shipping', 'Taxes', 'Total', 'Discount Code', 'Discount Amount', 'Shipping Method', 'Created at',
  'Lineitem quantity', 'Lineitem name', 'Lineitem price', 'Lineitem compare at price', 'Lineitem sku',
  'Lineitem requires shipping', 'Lineitem taxable', 'Lineitem fulfillment status', 'Billing Name', 'Billing Street',
  'Billing Address1', 'Billing Address2', 'Billing Company', 'Billing City', 'Billing Zip', 'Billing Province',
  'Billing Country', 'Billing Phone', 'Shipping Name', 'Shipping Street', 'Shipping Address1', 'Shipping Address2',
  'Shipping Company', 'Shipping City', 'Shipping Zip', 'Shipping Province', 'Shipping Country', 'Shipping Phone',
  'Notes', 'Note Attributes', 'Cancelled at', 'Payment Method', 'Payment Reference', 'Refunded Amount', 'Vendor',
  'Outstanding Balance', 'Employee', 'Location', 'Device ID', 'Id', 'Tags', 'Risk Level', 'Source', 'Lineitem discount',
  'Tax 1 Name', 'Tax 1 Value', 'Tax 2 Name', 'Tax 2 Value', 'Tax 3 Name', 'Tax 3 Value', 'Tax 4 Name', 'Tax 4 Value',
  'Tax 5 Name', 'Tax 5 Value', 'Phone', 'Receipt Number', 'Duties', 'Billing Province Name', 'Shipping Province Name',
  'Payment ID', 'Payment Terms Name', 'Next Payment Due At', 'Payment References',
] as const;

type ShopifyHeader = (typeof SHOPIFY_HEADERS)[number];

function customerIndex(shop: Shop): Map<string, Customer> {
  return new Map(shop.customers.map((c) => [c.id, c]));
}

/**
 * A Shopify orders export (Orders → Export → CSV): one row per line item; the order-level fields
 * (Email, Financial Status, Total, Created at, Billing…) only on an order's first row; `Name` is
 * the order number `#1001`. Shopify has no customer ID column: the e-mail is the key.
 */
export function shopifyOrders(shop: Shop): Sheet {
  const people = customerIndex(shop);
  const col = new Map<ShopifyHeader, number>(SHOPIFY_HEADERS.map((h, i) => [h, i]));
  const rows: Sheet = [[...SHOPIFY_HEADERS]];
  for (const o of shop.orders) {
    const c = people.get(o.customerId);
    const financial =
      o.status === 'cancelled' ? (o.voided ? 'voided' : 'refunded') : o.status === 'returned' ? 'refunded' : o.status === 'partially_refunded' ? 'partially_refunded' : 'paid';
    const fulfilled = o.fulfilledAt !== undefined;
    o.lines.forEach((line, k) => {
      const row: SheetCell[] = new Array<SheetCell>(SHOPIFY_HEADERS.length).fill('');
      const set = (h: ShopifyHeader, v: SheetCell): void => {
        row[col.get(h)!] = v;
      };
      set('Name', `#${o.number}`);
      set('Lineitem quantity', line.quantity);
      set('Lineitem name', line.product.name);
      set('Lineitem price', line.product.price);
      set('Lineitem compare at price', line.product.compareAt ?? '');
      set('Lineitem sku', line.product.sku);
      set('Lineitem requires shipping', 'true');
      set('Lineitem taxable', 'true');
      set('Lineitem fulfillment status', fulfilled ? 'fulfilled' : 'pending');
      set('Lineitem discount', 0);
      set('Vendor', VENDOR);
      if (k === 0) {
        set('Email', c?.email ?? '');
        set('Financial Status', financial);
        set('Paid at', o.voided ? '' : shopifyTime(o.at + 2000));
        set('Fulfillment Status', fulfilled ? 'fulfilled' : 'unfulfilled');
        set('Fulfilled at', fulfilled ? shopifyTime(o.fulfilledAt!) : '');
        set('Accepts Marketing', c?.acceptsMarketing ? 'yes' : 'no');
        set('Currency', 'JPY');
        set('Subtotal', o.subtotal - o.discount);
        set('Shipping', o.shipping);
        set('Taxes', o.tax);
        set('Total', o.total);
        set('Discount Code', o.discountCode);
        set('Discount Amount', o.discount);
        set('Shipping Method', o.source === 'pos' ? '' : o.shipping === 0 ? '送料無料' : '通常配送');
        set('Created at', shopifyTime(o.at));
        if (c !== undefined) {
          const p = c.place;
          const address = `${p.town}${(o.number % 4) + 1}-${(o.number % 17) + 1}-${(o.number % 9) + 1}`;
          for (const side of ['Billing', 'Shipping'] as const) {
            set(`${side} Name`, c.name);
            set(`${side} Street`, address);
            set(`${side} Address1`, address);
            set(`${side} City`, p.city);
            set(`${side} Zip`, p.zip);
            set(`${side} Province`, p.code);
            set(`${side} Country`, 'JP');
            set(`${side} Province Name`, p.prefEn);
          }
        }
        set('Cancelled at', o.cancelledAt === undefined ? '' : shopifyTime(o.cancelledAt));
        set('Payment Method', o.source === 'pos' ? 'Cash' : 'Shopify Payments');
        set('Refunded Amount', o.status === 'partially_refunded' || o.refunded > 0 ? o.refunded : 0);
        set('Outstanding Balance', 0);
        set('Location', o.source === 'pos' ? '静岡 お茶まつり会場' : '');
        set('Id', o.shopifyId);
        set('Tags', o.subscription ? (o.source === 'subscription' ? 'Subscription, Subscription Recurring Order' : 'Subscription, Subscription First Order') : '');
        set('Risk Level', 'Low');
        set('Source', o.source === 'subscription' ? 'subscription_contract' : o.source);
        set('Tax 1 Name', o.lines.some((l) => l.product.taxRate === 8) ? '消費税 8%' : '消費税 10%');
        set('Tax 1 Value', o.tax);
      }
      rows.push(row);
    });
  }
  return rows;
}

export const JA_ORDER_HEADERS = ['注文番号', '注文日時', '顧客ID', '氏名', 'メールアドレス', '商品名', '数量', '単価', '合計金額', '注文ステータス', '定期購入'];

/** Orders before this day come from the shop's old cart, which exported amounts as `¥12,800` text. */
export const JA_TEXT_AMOUNTS_BEFORE = '2025-09-01';

/**
 * A generic Japanese order list: one row per line item. Every row repeats the order's fields —
 * including 合計金額, the ORDER total (after discount, with shipping), as EC-CUBE-style exports do —
 * so the order is read from its first row and the sheet can be sorted or filtered safely.
 * 注文ステータス: 発送済み / 発送準備中 / キャンセル / 返品; a partial refund is its own 赤伝 row with a
 * negative amount. 定期購入: 定期 / 通常.
 *
 * Three hand-entered phone orders (注文番号 TEL-…) are deliberately broken — an impossible date, a
 * missing customer, an amount of 要確認 — so that the skipped-row report has something to show.
 */
export function japaneseOrders(shop: Shop, options: { readonly messy?: boolean } = {}): Sheet {
  const people = customerIndex(shop);
  const oldCart = dayMs(JA_TEXT_AMOUNTS_BEFORE);
  const rows: Sheet = [[...JA_ORDER_HEADERS]];
  const refunds: Array<{ at: number; row: SheetCell[] }> = [];
  const status = (o: Order): string =>
    o.status === 'cancelled' ? 'キャンセル' : o.status === 'returned' ? '返品' : o.status === 'unfulfilled' ? '発送準備中' : '発送済み';
  const fullWidthSpace = (name: string): string => name.replace(' ', '\u3000');

  const messy = options.messy === false ? [] : messyPhoneOrders(shop);
  let nextMessy = 0;
  for (const o of shop.orders) {
    while (nextMessy < messy.length && messy[nextMessy]!.after === o.number) rows.push(messy[nextMessy++]!.row);
    const c = people.get(o.customerId);
    const money = (n: number): SheetCell => (o.at < oldCart ? yenText(n) : n);
    for (const line of o.lines) {
      rows.push([
        o.number,
        jaTime(o.at),
        c?.id ?? '',
        c === undefined ? '' : fullWidthSpace(c.name),
        c?.email ?? '',
        line.product.name,
        line.quantity,
        money(line.product.price),
        money(o.total),
        status(o),
        o.subscription ? '定期' : '通常',
      ]);
    }
    if (o.status === 'partially_refunded' && c !== undefined) {
      refunds.push({
        at: o.refundedAt!,
        row: [
          `R${o.number}`,
          jaTime(o.refundedAt!),
          c.id,
          fullWidthSpace(c.name),
          c.email,
          `一部返金(注文番号 ${o.number})`,
          1,
          -o.refunded,
          -o.refunded,
          '赤伝',
          '通常',
        ],
      });
    }
  }
  // Refund slips are listed at the end, in the order they were issued.
  refunds.sort((x, y) => x.at - y.at);
  for (const r of refunds) rows.push(r.row);
  return rows;
}

/** The broken hand-entered rows of the Japanese layout, and after which order each appears. */
function messyPhoneOrders(shop: Shop): Array<{ after: number; row: SheetCell[] }> {
  const pickOrder = (fraction: number): Order => shop.orders[Math.floor(shop.orders.length * fraction)]!;
  const people = customerIndex(shop);
  const out: Array<{ after: number; row: SheetCell[] }> = [];
  const make = (o: Order, id: string, date: string, amount: SheetCell, withCustomer: boolean): SheetCell[] => {
    const c = people.get(o.customerId);
    return [
      id,
      date,
      withCustomer ? (c?.id ?? '') : '',
      withCustomer && c !== undefined ? c.name.replace(' ', '\u3000') : '電話注文(お名前未確認)',
      withCustomer ? (c?.email ?? '') : '',
      '深蒸し煎茶「みどり」100g',
      2,
      1620,
      amount,
      '発送済み',
      '通常',
    ];
  };
  const a = pickOrder(0.55);
  // 2月30日 does not exist: a typo in a hand-entered date.
  const p = parts(a.at);
  out.push({ after: a.number, row: make(a, 'TEL-0001', `${p.y}/02/30 14:05`, 3900, true) });
  const b = pickOrder(0.7);
  out.push({ after: b.number, row: make(b, 'TEL-0002', jaTime(b.at + 30 * MINUTE), 3900, false) });
  const c = pickOrder(0.85);
  out.push({ after: c.number, row: make(c, 'TEL-0003', jaTime(c.at + 45 * MINUTE), '要確認', true) });
  return out;
}

export const CUSTOMER_HEADERS = ['顧客ID', '氏名', 'メールアドレス', 'LINE登録', '定期課金', '誕生日'];

/**
 * The shop's member list: every customer with an ID, including members who joined on LINE but
 * never bought. LINE登録 ○/×; 定期課金 ○ while the 定期便 runs (× once cancelled); 誕生日 when given.
 */
export function customersSheet(shop: Shop): Sheet {
  const end = dayMs(shop.asOf) + DAY;
  const rows: Sheet = [[...CUSTOMER_HEADERS]];
  for (const c of shop.customers) {
    const active = c.subscriptionStart !== undefined && c.subscriptionStart < end && c.subscriptionEnd === undefined;
    rows.push([
      c.id,
      c.name.replace(' ', '\u3000'),
      c.email,
      c.line ? '○' : '×',
      active ? '○' : '×',
      c.birthday === undefined ? '' : jaDate(c.birthday),
    ]);
  }
  return rows;
}

export const SURVEY_HEADERS = [
  'タイムスタンプ',
  'メールアドレス',
  'このショップを友人や知人に勧める可能性はどのくらいありますか？',
  '総合満足度を教えてください',
  'ご意見・ご感想があればお聞かせください',
];

/** A Google Forms response sheet (e-mail addresses collected), one row per answer. */
export function surveySheet(shop: Shop): Sheet {
  const rows: Sheet = [[...SURVEY_HEADERS]];
  for (const r of shop.survey) rows.push([formsTime(r.at), r.email, r.nps, r.satisfaction ?? '', r.comment]);
  return rows;
}

/** `12800` → `¥12,800`. */
export function yenText(n: number): string {
  const s = String(Math.abs(Math.round(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 ? '-' : ''}¥${s}`;
}

export interface SampleFile {
  readonly name: string;
  /** Data rows (without the header row). */
  readonly rows: number;
  readonly text: string;
}

const file = (name: string, sheet: ReadonlyArray<ReadonlyArray<string | number>>, bom = false): SampleFile => ({
  name,
  rows: sheet.length - 1,
  text: writeCsv(sheet, { bom }),
});

/** The four CSV files of a shop, as text. orders_ja.csv starts with a BOM, as Japanese carts write it. */
export function sampleFiles(shop: Shop): SampleFile[] {
  return [
    file('shopify_orders.csv', shopifyOrders(shop)),
    file('orders_ja.csv', japaneseOrders(shop), true),
    file('customers.csv', customersSheet(shop)),
    file('survey.csv', surveySheet(shop)),
  ];
}
