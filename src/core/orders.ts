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
  flagReader,
  keyReader,
  nfkc,
  type Cell,
} from './values';

export type Table = ReadonlyArray<ReadonlyArray<Cell>>;

export interface Order {
  /** Customer key: the customer ID, else the e-mail address. */
  readonly key: string;
  /** Wall-clock time of the order in the spreadsheet's zone, for "most recent" comparisons. */
  readonly localMs: number;
  readonly day: Day;
  /** Negative for a refund row: lowers LTV, is not a purchase. */
  readonly amount: number;
  readonly subscription: boolean;
  /** Marketing consent on this order; undefined when the export has no such column. */
  readonly consent: boolean | undefined;
  /** The name cell as given (blank when none); made text only for the name a customer shows. */
  readonly name: Cell;
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
  /** The customer key an e-mail address belongs to, to link ranges keyed by e-mail (Google
   *  Forms) to ID-keyed orders; undefined when no order carries that address. */
  keyForEmail(email: string): string | undefined;
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
  const name = (f: Field): string => MESSAGES.field[lang](FIELD_LABELS[f].ja, FIELD_LABELS[f].en);
  const fields = missing.map((group) => group.map(name).join(MESSAGES.or[lang])).join(MESSAGES.listSeparator[lang]);
  const seen = headers.filter((h) => h !== '').map((h) => `"${h}"`).join(', ') || '—';
  throw new InputError(MESSAGES.missingColumns[lang](MESSAGES.rangeKind[lang][kind], fields, seen));
}

export function requireTable(v: unknown, kind: RangeKind, lang: Lang): Table {
  if (!Array.isArray(v) || v.length === 0 || !Array.isArray(v[0]) || (v[0] as unknown[]).every(isBlank)) {
    throw new InputError(MESSAGES.noHeader[lang](MESSAGES.rangeKind[lang][kind]));
  }
  return v as Table;
}

function rowIsBlank(row: ReadonlyArray<Cell>): boolean {
  for (let c = 0; c < row.length; c++) if (!isBlank(row[c])) return false;
  return true;
}

/** The name column, or the columns a profile splits the name over (姓, 名). */
function nameColumns(headers: readonly unknown[], profile: Profile, nameCol: number): number[] {
  for (const group of profile.nameParts ?? []) {
    const cols = group.map((h) => findHeader(headers, [h]));
    if (cols.every((c) => c !== undefined)) return cols as number[];
  }
  return nameCol >= 0 ? [nameCol] : [];
}

function joinName(parts: Cell[]): Cell {
  const text = parts.filter((p) => !isBlank(p)).map((p) => String(p).trim()).join(' ');
  return text === '' ? undefined : text;
}

/** Order ids compare like customer keys: 1001 and "1001" are one order; outer spaces ignored. */
export function orderIdOf(raw: Cell): unknown {
  if (typeof raw !== 'string') return String(raw);
  const n = raw.length;
  return n > 0 && (raw.charCodeAt(0) <= 32 || raw.charCodeAt(n - 1) <= 32) ? raw.trim() : raw;
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
  const itemStatusCol = col('itemStatus');
  const cancelledAtCol = col('cancelledAt');
  const subCol = col('subscription');
  const typeCol = col('orderType');
  const consentCol = col('registered');
  const nameCols = nameColumns(headers, profile, col('name'));
  const refundedCol = profile.subtractRefunded ? col('refundedAmount') : -1;
  const extraCols = (profile.orderExtras ?? []).map(col).filter((c) => c >= 0);
  const amountCols = parts === undefined ? [amountCol] : parts.map(col);

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

  // Pass 1 over the rows: only group lines into orders. Each order is its first row plus a chain
  // of later rows (`next`), so pass 2 reads an order's cells straight from its first row and walks
  // the chain only where that row is blank (Shopify continuation lines). This loop runs for every
  // line of a shop's whole history, so it does no more than a bare "dedupe order ids" pass.
  const head: number[] = []; // table index of each order's first row
  const tail: number[] = []; // table index of each order's last row so far
  const next = new Int32Array(table.length).fill(-1); // next row of the same order
  const byOrderId = new Map<unknown, number>();
  let rows = 0;
  for (let r = 1; r < table.length; r++) {
    const row = table[r];
    if (row === undefined || rowIsBlank(row)) continue;
    rows++;
    if (oidCol >= 0) {
      const raw = row[oidCol];
      if (!isBlank(raw)) {
        const oid = orderIdOf(raw);
        const known = byOrderId.get(oid);
        if (known !== undefined) {
          next[tail[known]!] = r;
          tail[known] = r;
          continue;
        }
        byOrderId.set(oid, head.length);
      }
    }
    head.push(r);
    tail.push(r);
  }

  /** The first non-blank cell of a column among an order's lines. */
  const first = (i: number, col: number): Cell => {
    if (col < 0) return undefined;
    for (let r = head[i]!; r >= 0; r = next[r]!) {
      const v = table[r]![col];
      if (!isBlank(v)) return v;
    }
    return undefined;
  };
  const lineCancelled = (row: ReadonlyArray<Cell>): boolean => {
    let v: Cell;
    return (
      (statusCol >= 0 && !isBlank((v = row[statusCol])) && excludes(v)) ||
      (itemStatusCol >= 0 && !isBlank((v = row[itemStatusCol])) && excludes(v)) ||
      (cancelledAtCol >= 0 && !isBlank(row[cancelledAtCol]))
    );
  };

  // Keys: the customer ID, else the e-mail — mapped to the ID that another order with that
  // e-mail carries (EC-CUBE guests), so one person is one customer. E-mails are normalised only
  // when they are needed: for keys, or when a linked range or a lookup asks.
  const keyOf = keyReader();
  let emailToKey: Map<string, string> | undefined;
  const emailMap = (): Map<string, string> => {
    if (emailToKey === undefined) {
      emailToKey = new Map();
      if (idCol >= 0 && emailCol >= 0) {
        for (let i = 0; i < head.length; i++) {
          const email = keyOf(first(i, emailCol));
          if (email !== '' && !emailToKey.has(email)) {
            const id = keyOf(first(i, idCol));
            if (id !== '') emailToKey.set(email, id);
          }
        }
      }
    }
    return emailToKey;
  };

  // Pass 2 over the orders: drop cancelled ones, read each needed cell once, report the
  // unreadable ones with the sheet row of their first line.
  const readDate = dateReader(zone);
  const readFlag = flagReader();
  const words = profile.subscriptionWords;
  const tagCache = new Map<Cell, boolean>();
  const isSubscription = (v: Cell): boolean => {
    if (words === undefined) return readFlag(v);
    let x = tagCache.get(v);
    if (x === undefined) {
      const s = nfkc(String(v ?? '')).toLowerCase();
      x = words.some((w) => s.includes(w));
      tagCache.set(v, x);
    }
    return x;
  };
  const subscriptionTypes = new Set(profile.subscriptionTypes ?? []);
  const orders: Order[] = [];
  const skipped: SkippedRow[] = [];
  let cancelled = 0;
  for (let i = 0; i < head.length; i++) {
    const row = headerRow + head[i]!;
    let amount = 0;
    if (!sumMode) {
      let isCancelled = false;
      for (let r = head[i]!; r >= 0 && !isCancelled; r = next[r]!) isCancelled = lineCancelled(table[r]!);
      if (isCancelled) {
        cancelled++;
        continue;
      }
    } else {
      // A cancelled line drops out of the order; the order is cancelled when all its lines are.
      // A line whose amount cannot be read is reported on its own row and left out of the sum.
      let live = 0;
      let summed = false;
      let bad = false;
      for (let r = head[i]!; r >= 0; r = next[r]!) {
        const line = table[r]!;
        if (lineCancelled(line)) continue;
        live++;
        let lineAmount = 0;
        let any = false;
        for (const c of amountCols) {
          const v = line[c];
          if (blankAmount(v)) continue;
          const n = amountOf(v);
          if (n !== n) {
            skipped.push({ row: headerRow + r, reason: 'amount', value: cellText(v) });
            bad = true;
            any = false;
            break;
          }
          lineAmount += n;
          any = true;
        }
        if (any) {
          amount += lineAmount;
          summed = true;
        }
      }
      if (live === 0) {
        cancelled++;
        continue;
      }
      if (!summed) {
        if (!bad) skipped.push({ row, reason: 'amount', value: '' });
        continue;
      }
    }

    let key = idCol >= 0 ? keyOf(first(i, idCol)) : '';
    if (key === '' && emailCol >= 0) {
      const email = keyOf(first(i, emailCol));
      if (email !== '') key = (idCol >= 0 ? emailMap().get(email) : undefined) ?? email;
    }
    if (key === '') {
      skipped.push({ row, reason: 'customer', value: '' });
      continue;
    }
    const date = first(i, dateCol);
    const localMs = readDate(date);
    if (localMs !== localMs) {
      skipped.push({ row, reason: 'date', value: cellText(date) });
      continue;
    }
    if (!sumMode) {
      let raw: Cell;
      for (let r = head[i]!; r >= 0; r = next[r]!) {
        const v = table[r]![amountCol];
        if (!blankAmount(v)) {
          raw = v;
          break;
        }
      }
      amount = amountOf(raw);
      if (amount !== amount) {
        skipped.push({ row, reason: 'amount', value: cellText(raw) });
        continue;
      }
    }
    for (const c of extraCols) {
      const n = amountOf(first(i, c));
      if (n === n) amount += n;
    }
    if (refundedCol >= 0) {
      const n = amountOf(first(i, refundedCol));
      if (n > 0) amount -= n;
    }
    let subscription = subCol >= 0 && isSubscription(first(i, subCol));
    if (!subscription && typeCol >= 0 && subscriptionTypes.size > 0) {
      const t = first(i, typeCol);
      subscription = t !== undefined && subscriptionTypes.has(nfkc(String(t)).trim());
    }
    orders.push({
      key,
      localMs,
      day: Math.floor(localMs / DAY_MS),
      amount,
      subscription,
      consent: consentCol >= 0 ? readFlag(first(i, consentCol)) : undefined,
      name: nameCols.length === 1 ? first(i, nameCols[0]!) : joinName(nameCols.map((c) => first(i, c))),
      row,
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
    keyForEmail: (email) => (idCol >= 0 ? emailMap().get(email) : undefined),
    hasConsent: consentCol >= 0,
    hasSubscription: subCol >= 0 || (typeCol >= 0 && subscriptionTypes.size > 0),
  };
}
