/**
 * Orders range → orders (SPEC §1.1, §1.4, §1.5).
 *
 * Rows that share an order id are one order: its customer, date and amount are the first non-blank
 * value of each among its rows, or — where the platform puts an amount on every row (BASE, Amazon,
 * or the "sum the rows" setting) — the sum of its rows. Cancelled/refunded orders are dropped.
 * An order whose customer, date or amount cannot be read is skipped and reported with its row
 * number; it never takes other orders down with it.
 *
 * This is the hot loop over a shop's whole history: raw cells are collected per order first and
 * parsed once per order, through caches keyed by the raw value.
 */
import type { Day } from './dates';
import { DAY_MS, type Zone } from './dates';
import {
  GENERIC_FIELDS,
  findHeader,
  matchColumns,
  type ColumnMap,
  type Field,
  type RangeKind,
} from './headers';
import { FIELD_LABELS, MESSAGES, type Lang } from './labels';
import { detectProfile, type Profile, type ProfileId } from './profiles';
import type { Settings } from './settings';
import {
  amountReader,
  cellText,
  dateReader,
  isBlank,
  isCancelStatus,
  keyReader,
  nfkc,
  parseFlag,
  type Cell,
} from './values';

export type Table = ReadonlyArray<ReadonlyArray<Cell>>;

export interface Order {
  /** Customer key: the customer ID, else the e-mail address. */
  readonly key: string;
  /** The order's e-mail address ('' when none), which links e-mail-keyed ranges to IDs. */
  readonly email: string;
  /** Wall-clock time of the order in the spreadsheet's zone, for "most recent" comparisons. */
  readonly localMs: number;
  readonly day: Day;
  /** Negative for a refund row: lowers LTV, is not a purchase. */
  readonly amount: number;
  readonly subscription: boolean;
  /** Marketing consent on this order; undefined when the export has no such column. */
  readonly consent: boolean | undefined;
  readonly name: string;
  /** Sheet row of the order's first line. */
  readonly row: number;
}

export type SkipReason = 'customer' | 'date' | 'amount';

export interface SkippedRow {
  /** Sheet row number (the header row's number + its index). */
  readonly row: number;
  readonly reason: SkipReason;
  /** The offending cell as text ('' when blank). */
  readonly value: string;
}

export interface ReadOptions {
  readonly zone: Zone;
  readonly settings: Pick<Settings, 'columns' | 'sumOrderRows'>;
  readonly lang: Lang;
  /** Sheet row of the header row; data row i is row headerRow + i. Default 1. */
  readonly headerRow?: number;
}

export interface OrdersRead {
  readonly orders: Order[];
  readonly skipped: SkippedRow[];
  /** Non-blank data rows. */
  readonly rows: number;
  /** Orders left out as cancelled/refunded. */
  readonly cancelled: number;
  readonly profile: ProfileId;
  readonly headers: string[];
  readonly columns: ColumnMap;
  /** Which kind of key identifies customers. */
  readonly keyKind: 'id' | 'email';
  /** e-mail → customer key, to link ranges keyed by e-mail (Google Forms) to ID-keyed orders. */
  readonly emailToKey: ReadonlyMap<string, string>;
  readonly hasConsent: boolean;
  readonly hasSubscription: boolean;
}

/** Thrown for an argument the owner must fix; the message is written for them. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

export function headerTexts(table: Table): string[] {
  return (table[0] ?? []).map((h) => cellText(h));
}

/**
 * Decides the columns of a range: the owner's overrides first, then the platform profile's columns,
 * then the generic aliases. An override of '' means "none".
 */
export function resolveColumns(
  kind: RangeKind,
  headers: readonly unknown[],
  overrides: Readonly<Partial<Record<Field, string>>> | undefined,
  profile?: Profile,
): ColumnMap {
  const fixed: ColumnMap = {};
  const excluded = new Set<Field>(profile?.without ?? []);
  const taken = new Set<number>();
  for (const [field, header] of Object.entries(overrides ?? {}) as [Field, string][]) {
    if (typeof header !== 'string') continue;
    excluded.add(field);
    const col = header === '' ? undefined : findHeader(headers, [header]);
    if (col !== undefined && !taken.has(col)) {
      fixed[field] = col;
      taken.add(col);
    }
  }
  for (const [field, names] of Object.entries(profile?.columns ?? {}) as [Field, string[]][]) {
    if (fixed[field] !== undefined || excluded.has(field)) continue;
    const col = findHeader(headers, names);
    if (col !== undefined && !taken.has(col)) {
      fixed[field] = col;
      taken.add(col);
    }
  }
  const generic = GENERIC_FIELDS[kind].filter(([f]) => !excluded.has(f) && fixed[f] === undefined);
  return matchColumns(headers, generic, fixed);
}

/**
 * Throws the owner-facing error for missing required fields. Each group is one requirement that
 * any of its fields satisfies (a customer ID *or* an e-mail).
 */
export function missingColumns(kind: RangeKind, missing: Field[][], headers: string[], lang: Lang): never {
  const or = lang === 'ja' ? ' または ' : ' or ';
  const name = (f: Field): string => (lang === 'ja' ? `${FIELD_LABELS[f].ja} (${FIELD_LABELS[f].en})` : FIELD_LABELS[f].en);
  const fields = missing.map((group) => group.map(name).join(or)).join(lang === 'ja' ? '、' : '; ');
  const seen = headers.filter((h) => h !== '').map((h) => `"${h}"`).join(', ') || '—';
  throw new InputError(MESSAGES.missingColumns[lang](MESSAGES.rangeKind[lang][kind], fields, seen));
}

export function requireTable(v: unknown, kind: RangeKind, lang: Lang): Table {
  if (!Array.isArray(v) || v.length === 0 || !Array.isArray(v[0]) || (v[0] as unknown[]).every(isBlank)) {
    throw new InputError(MESSAGES.noHeader[lang](MESSAGES.rangeKind[lang][kind]));
  }
  return v as Table;
}

/** Collected raw cells of one order before parsing (first non-blank of each, or sums). */
interface Acc {
  row: number;
  id: Cell;
  email: Cell;
  date: Cell;
  amount: Cell;
  /** 'sum' mode: total of readable row amounts, and whether any row was readable. */
  sum: number;
  summed: boolean;
  /** 'sum' mode: the first row whose amount could not be read. */
  badRow: number;
  badValue: Cell;
  liveRows: number;
  cancelled: boolean;
  subscription: Cell;
  orderType: Cell;
  consent: Cell;
  name: Cell;
  refunded: Cell;
  extras: Cell[] | undefined;
}

function newAcc(row: number, extras: number): Acc {
  return {
    row,
    id: undefined,
    email: undefined,
    date: undefined,
    amount: undefined,
    sum: 0,
    summed: false,
    badRow: 0,
    badValue: undefined,
    liveRows: 0,
    cancelled: false,
    subscription: undefined,
    orderType: undefined,
    consent: undefined,
    name: undefined,
    refunded: undefined,
    extras: extras > 0 ? new Array<Cell>(extras).fill(undefined) : undefined,
  };
}

function rowIsBlank(row: ReadonlyArray<Cell>): boolean {
  for (let c = 0; c < row.length; c++) if (!isBlank(row[c])) return false;
  return true;
}

export function readOrders(input: unknown, opts: ReadOptions): OrdersRead {
  const { zone, settings, lang } = opts;
  const headerRow = opts.headerRow ?? 1;
  const table = requireTable(input, 'orders', lang);
  const headers = headerTexts(table);
  const profile = detectProfile(headers);
  const columns = resolveColumns('orders', headers, settings.columns.orders, profile);
  const sumMode = profile.amounts === 'sum' || (profile.id === 'generic' && settings.sumOrderRows);
  const parts = sumMode && profile.rowAmountParts?.every((f) => columns[f] !== undefined) ? profile.rowAmountParts : undefined;

  const missing: Field[][] = [];
  if (columns.customerId === undefined && columns.email === undefined) missing.push(['customerId', 'email']);
  if (columns.date === undefined) missing.push(['date']);
  if (columns.amount === undefined && parts === undefined) missing.push(['amount']);
  if (missing.length > 0) missingColumns('orders', missing, headers, lang);

  const col = (f: Field): number => columns[f] ?? -1;
  const idCol = col('customerId');
  const emailCol = col('email');
  const oidCol = col('orderId');
  const dateCol = col('date');
  const amountCol = col('amount');
  const statusCol = col('status');
  const cancelledAtCol = col('cancelledAt');
  const subCol = col('subscription');
  const typeCol = col('orderType');
  const consentCol = col('registered');
  const nameCol = col('name');
  const refundedCol = profile.subtractRefunded ? col('refundedAmount') : -1;
  const extraCols = (profile.orderExtras ?? []).map(col).filter((c) => c >= 0);
  const partCols = (parts ?? []).map(col);

  const readAmount = amountReader();
  const noValue = profile.noValue;
  const amountOf = (v: Cell): number => {
    const n = readAmount(v);
    return noValue !== undefined && n === noValue ? NaN : n;
  };
  const blankAmount = (v: Cell): boolean => isBlank(v) || (noValue !== undefined && readAmount(v) === noValue);

  // Status words repeat on nearly every row: judge each distinct value once.
  const statusCache = new Map<unknown, boolean>();
  const excludedExact = new Set(profile.excludedStatuses ?? []);
  const excludedWords = profile.excludedStatusWords ?? [];
  const excludes = (v: Cell): boolean => {
    let x = statusCache.get(v);
    if (x === undefined) {
      const s = nfkc(String(v)).trim();
      x = isCancelStatus(v) || excludedExact.has(s) || excludedWords.some((w) => s.includes(w));
      statusCache.set(v, x);
    }
    return x;
  };

  const byOrderId = new Map<unknown, Acc>();
  const accs: Acc[] = [];
  const skipped: SkippedRow[] = [];
  let rows = 0;

  for (let r = 1; r < table.length; r++) {
    const row = table[r];
    if (row === undefined || rowIsBlank(row)) continue;
    rows++;
    const sheetRow = headerRow + r;
    let a: Acc | undefined;
    if (oidCol >= 0) {
      const raw = row[oidCol];
      if (!isBlank(raw)) {
        // Numbers and their text are one order id, like customer keys.
        const oid = typeof raw === 'string' ? raw.trim() : String(raw);
        a = byOrderId.get(oid);
        if (a === undefined) {
          a = newAcc(sheetRow, extraCols.length);
          byOrderId.set(oid, a);
          accs.push(a);
        }
      }
    }
    if (a === undefined) {
      a = newAcc(sheetRow, extraCols.length);
      accs.push(a);
    }

    let rowCancelled = false;
    if (statusCol >= 0) {
      const s = row[statusCol];
      if (!isBlank(s) && excludes(s)) rowCancelled = true;
    }
    if (cancelledAtCol >= 0 && !isBlank(row[cancelledAtCol])) rowCancelled = true;

    if (idCol >= 0 && a.id === undefined && !isBlank(row[idCol])) a.id = row[idCol];
    if (emailCol >= 0 && a.email === undefined && !isBlank(row[emailCol])) a.email = row[emailCol];
    if (a.date === undefined && !isBlank(row[dateCol])) a.date = row[dateCol];
    if (nameCol >= 0 && a.name === undefined && !isBlank(row[nameCol])) a.name = row[nameCol];
    if (subCol >= 0 && a.subscription === undefined && !isBlank(row[subCol])) a.subscription = row[subCol];
    if (typeCol >= 0 && a.orderType === undefined && !isBlank(row[typeCol])) a.orderType = row[typeCol];
    if (consentCol >= 0 && a.consent === undefined && !isBlank(row[consentCol])) a.consent = row[consentCol];
    if (refundedCol >= 0 && a.refunded === undefined && !isBlank(row[refundedCol])) a.refunded = row[refundedCol];
    if (a.extras !== undefined) {
      for (let i = 0; i < extraCols.length; i++) {
        const v = row[extraCols[i]!];
        if (a.extras[i] === undefined && !isBlank(v)) a.extras[i] = v;
      }
    }

    if (!sumMode) {
      if (rowCancelled) a.cancelled = true;
      if (a.amount === undefined && !blankAmount(row[amountCol])) a.amount = row[amountCol];
      continue;
    }
    // Sum mode: a cancelled line drops out of the order; the order is cancelled when all are.
    if (rowCancelled) continue;
    a.liveRows++;
    let rowAmount = 0;
    let any = false;
    let bad = false;
    let badValue: Cell;
    const cells = parts === undefined ? [amountCol] : partCols;
    for (const c of cells) {
      const v = row[c];
      if (blankAmount(v)) continue;
      const n = amountOf(v);
      if (n !== n) {
        bad = true;
        badValue = v;
      } else {
        rowAmount += n;
        any = true;
      }
    }
    if (bad) {
      skipped.push({ row: sheetRow, reason: 'amount', value: cellText(badValue) });
      if (a.badRow === 0) {
        a.badRow = sheetRow;
        a.badValue = badValue;
      }
    } else if (any) {
      a.sum += rowAmount;
      a.summed = true;
    }
  }

  // Keys: the ID, else the e-mail — mapped to the ID another order of that e-mail carries
  // (EC-CUBE guests), so one person is one customer.
  const keyOf = keyReader();
  const emailToKey = new Map<string, string>();
  const ids: string[] = new Array<string>(accs.length);
  const emails: string[] = new Array<string>(accs.length);
  for (let i = 0; i < accs.length; i++) {
    const a = accs[i]!;
    const id = idCol >= 0 ? keyOf(a.id) : '';
    const email = emailCol >= 0 ? keyOf(a.email) : '';
    ids[i] = id;
    emails[i] = email;
    if (id !== '' && email !== '' && !emailToKey.has(email)) emailToKey.set(email, id);
  }

  const readDate = dateReader(zone);
  const subscriptionTypes = new Set(profile.subscriptionTypes ?? []);
  const orders: Order[] = [];
  let cancelled = 0;
  for (let i = 0; i < accs.length; i++) {
    const a = accs[i]!;
    if (a.cancelled || (sumMode && a.liveRows === 0)) {
      cancelled++;
      continue;
    }
    const email = emails[i]!;
    let key = ids[i]!;
    if (key === '' && email !== '') {
      key = emailToKey.get(email) ?? email;
      if (!emailToKey.has(email)) emailToKey.set(email, key);
    }
    if (key === '') {
      skipped.push({ row: a.row, reason: 'customer', value: '' });
      continue;
    }
    const localMs = readDate(a.date);
    if (localMs !== localMs) {
      skipped.push({ row: a.row, reason: 'date', value: cellText(a.date) });
      continue;
    }
    let amount: number;
    if (sumMode) {
      if (!a.summed) {
        // Every line unreadable (already reported line by line) or blank.
        if (a.badRow === 0) skipped.push({ row: a.row, reason: 'amount', value: '' });
        continue;
      }
      amount = a.sum;
    } else {
      amount = amountOf(a.amount);
      if (amount !== amount) {
        skipped.push({ row: a.row, reason: 'amount', value: cellText(a.amount) });
        continue;
      }
    }
    if (a.extras !== undefined) {
      for (const v of a.extras) {
        const n = v === undefined ? NaN : amountOf(v);
        if (n === n) amount += n;
      }
    }
    if (a.refunded !== undefined) {
      const n = amountOf(a.refunded);
      if (n > 0) amount -= n;
    }
    let subscription = subCol >= 0 && parseFlag(a.subscription);
    if (!subscription && a.orderType !== undefined && subscriptionTypes.size > 0) {
      subscription = subscriptionTypes.has(nfkc(String(a.orderType)).trim());
    }
    orders.push({
      key,
      email,
      localMs,
      day: Math.floor(localMs / DAY_MS),
      amount,
      subscription,
      consent: consentCol >= 0 ? parseFlag(a.consent) : undefined,
      name: nameCol >= 0 ? cellText(a.name) : '',
      row: a.row,
    });
  }
  skipped.sort((x, y) => x.row - y.row);

  return {
    orders,
    skipped,
    rows,
    cancelled,
    profile: profile.id,
    headers,
    columns,
    keyKind: idCol >= 0 ? 'id' : 'email',
    emailToKey,
    hasConsent: consentCol >= 0,
    hasSubscription: subCol >= 0 || (typeCol >= 0 && subscriptionTypes.size > 0),
  };
}
