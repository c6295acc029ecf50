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
import { headerZoneOffset } from './headers';
import { EXPORT_HINTS, FIELD_LABELS, MESSAGES, type Lang } from './labels';
import { detectProfile, type Profile, type ProfileId } from './profiles';
import type { Settings } from './settings';
import {
  GUEST_PLACEHOLDERS,
  amountReader,
  cellText,
  dateReader,
  isBadKeyCell,
  isBlank,
  isDayFirstText,
  isExcludedStatus,
  flagReader,
  keyReader,
  nfkc,
  phoneKey,
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
  /** The customer the row belongs to, when that could be read (its date or amount could not, or
   *  its ID is a cell error beside a readable e-mail) — so a lookup of them can say so. */
  readonly key?: string;
}

/** What identifies customers: an ID, else an e-mail (then a phone); or, where an export has
 *  neither (WooCommerce Analytics), the name — which every answer then says. */
export type KeyKind = 'id' | 'email' | 'name';

export interface ReadOptions {
  readonly zone: Zone;
  readonly settings: Pick<Settings, 'columns' | 'sumOrderRows'>;
  readonly lang: Lang;
  /** Sheet row of the header row; data row i is row headerRow + i. Default 1. */
  readonly headerRow?: number;
  /** The zone whose wall clock a `Date` cell carries, when not the spreadsheet's: a custom
   *  function's arguments are made in the script's zone (SPEC §5). */
  readonly cellZone?: Zone;
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
  readonly keyKind: KeyKind;
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
 * then the generic aliases. An override of '' means "none". For orders, the columns an order's
 * amount can be summed from where there is no total (line amounts, price × quantity) are kept only
 * when they are what the amount is read from.
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
    if (excluded.has(field)) continue; // every override is excluded: the owner's choice stands
    const col = findHeader(headers, names);
    if (col !== undefined && !taken.has(col)) {
      fixed[field] = col;
      taken.add(col);
    }
  }
  // matchColumns leaves the fields already fixed as they are.
  const columns = matchColumns(headers, GENERIC_FIELDS[kind].filter(([f]) => !excluded.has(f)), fixed);
  if (kind === 'orders') {
    const source = amountSource(columns, profile);
    const used: readonly Field[] =
      source === 'parts' ? profile!.rowAmountParts! : source === 'lines' ? ['lineAmount'] : source === 'price × quantity' ? ['unitPrice', 'quantity'] : [];
    for (const f of LINE_FALLBACKS) if (!used.includes(f)) delete columns[f];
  }
  return columns;
}

/** The columns an order's amount is summed from where the export has no total. */
const LINE_FALLBACKS: readonly Field[] = ['lineAmount', 'unitPrice', 'quantity'];

/**
 * Where an order's amount comes from (SPEC §1.4): its total (`amount`); a platform's parts of a
 * line summed (Amazon: item + shipping price); where there is no total, its lines' gross
 * (`Gross Sales`, `小計`) or price × quantity summed; or nowhere (the missing-amount error).
 */
type AmountSource = 'total' | 'parts' | 'lines' | 'price × quantity' | 'none';

function amountSource(columns: ColumnMap, profile: Profile | undefined): AmountSource {
  const parts = profile?.rowAmountParts;
  if (parts !== undefined && parts.every((f) => columns[f] !== undefined)) return 'parts';
  if (columns.amount !== undefined) return 'total';
  if (columns.lineAmount !== undefined) return 'lines';
  if (columns.unitPrice !== undefined && columns.quantity !== undefined) return 'price × quantity';
  return 'none';
}

/** The fields an orders range lacks to be read, in groups that any one field satisfies. */
function missingOrderFields(columns: ColumnMap, profile: Profile): Field[][] {
  const missing: Field[][] = [];
  if (profile.keyByName) {
    if (columns.name === undefined) missing.push(['name']);
  } else if (columns.customerId === undefined && columns.email === undefined) missing.push(['customerId', 'email']);
  if (columns.date === undefined) missing.push(['date']);
  if (amountSource(columns, profile) === 'none') missing.push(['amount']);
  return missing;
}

/** Whether an orders range's columns are enough to read it (the sidebar's detection asks). */
export function ordersReadable(columns: ColumnMap, profile: Profile): boolean {
  return missingOrderFields(columns, profile).length === 0;
}

/**
 * Throws the owner-facing error for missing required fields. Each group is one requirement that
 * any of its fields satisfies (a customer ID *or* an e-mail). A hint says what to do instead.
 */
export function missingColumns(kind: RangeKind, missing: Field[][], headers: string[], lang: Lang, hint?: string): never {
  const name = (f: Field): string => MESSAGES.field[lang](FIELD_LABELS[f].ja, FIELD_LABELS[f].en);
  const fields = missing.map((group) => group.map(name).join(MESSAGES.or[lang])).join(MESSAGES.listSeparator[lang]);
  const seen = headers.filter((h) => h !== '').map((h) => `"${h}"`).join(', ') || '—';
  const message = MESSAGES.missingColumns[lang](MESSAGES.rangeKind[lang][kind], fields, seen);
  throw new InputError(hint === undefined ? message : `${message}${lang === 'ja' ? '' : ' '}${hint}`);
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

/** The columns of each group of headers that is present (姓 + 名, 電話番号1–3…). */
function columnGroups(headers: readonly unknown[], groups: readonly (readonly string[])[] | undefined): number[][] {
  const out: number[][] = [];
  for (const group of groups ?? []) {
    const cols = group.map((h) => findHeader(headers, [h]));
    if (cols.every((c) => c !== undefined)) out.push(cols as number[]);
  }
  return out;
}

/** The name column, or the columns a profile splits the name over (姓, 名). */
function nameColumns(headers: readonly unknown[], profile: Profile, nameCol: number): number[] {
  return columnGroups(headers, profile.nameParts)[0] ?? (nameCol >= 0 ? [nameCol] : []);
}

/** The phone columns of a guest order's key, in the order they are tried: the profile's (an
 *  owner's choice of the phone column wins), else the generic phone column. */
function phoneColumns(headers: readonly unknown[], profile: Profile, phoneCol: number, chosen: boolean): number[][] {
  if (chosen) return phoneCol >= 0 ? [[phoneCol]] : [];
  const groups = columnGroups(headers, profile.phones);
  return groups.length > 0 ? groups : phoneCol >= 0 ? [[phoneCol]] : [];
}

function joinName(parts: Cell[]): Cell {
  const text = parts.filter((p) => !isBlank(p)).map((p) => String(p).trim()).join(' ');
  return text === '' ? undefined : text;
}

/** Order ids compare like customer keys: 1001 and "1001" are one order; outer white space (a
 *  full-width or no-break space too) ignored. */
export function orderIdOf(raw: Cell): unknown {
  return typeof raw === 'string' ? raw.trim() : String(raw);
}

/** Every column readOrders reads, by what it is read for (-1: none). */
function orderLayout(headers: readonly unknown[], profile: Profile, columns: ColumnMap, source: AmountSource, settings: Pick<Settings, 'columns'>) {
  const col = (f: Field): number => columns[f] ?? -1;
  const nameKeyed = profile.keyByName === true;
  const idCol = nameKeyed ? -1 : col('customerId');
  const emailCol = nameKeyed ? -1 : col('email');
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
  const keyNameCol = nameKeyed ? col('name') : -1;
  const phoneGroups = nameKeyed ? [] : phoneColumns(headers, profile, col('phone'), settings.columns.orders?.phone !== undefined);
  const refundedCol = profile.subtractRefunded ? col('refundedAmount') : -1;
  const extraCols = (profile.orderExtras ?? []).map(col);
  // A line's amount: the sum of these columns, or (priceCol ≥ 0) price × quantity.
  const amountCols =
    source === 'parts' ? profile.rowAmountParts!.map(col) : source === 'lines' ? [col('lineAmount')] : [amountCol];
  // Present only where price × quantity is the amount (resolveColumns drops them otherwise).
  const priceCol = col('unitPrice');
  const quantityCol = col('quantity');
  return { nameKeyed, idCol, emailCol, oidCol, dateCol, amountCol, statusCol, itemStatusCol, cancelledAtCol, subCol, typeCol, consentCol, nameCols, keyNameCol, phoneGroups, refundedCol, extraCols, amountCols, priceCol, quantityCol };
}

/**
 * The columns (0-based, ascending) a refresh must read of an orders sheet with this header row —
 * the others are never looked at, so the refresh can leave them unread (issue 10: reading is most
 * of a large refresh's time) — or undefined when the header is not one of an orders range.
 */
export function orderColumnsRead(headers: readonly unknown[], settings: Pick<Settings, 'columns'>): number[] | undefined {
  const profile = detectProfile(headers);
  const columns = resolveColumns('orders', headers, settings.columns.orders, profile);
  if (missingOrderFields(columns, profile).length > 0) return undefined;
  const l = orderLayout(headers, profile, columns, amountSource(columns, profile), settings);
  const all = [l.idCol, l.emailCol, l.oidCol, l.dateCol, l.amountCol, l.statusCol, l.itemStatusCol, l.cancelledAtCol, l.subCol, l.typeCol, l.consentCol, l.keyNameCol, l.refundedCol, l.priceCol, l.quantityCol, ...l.nameCols, ...l.phoneGroups.flat(), ...l.extraCols, ...l.amountCols];
  return [...new Set(all.filter((c) => c >= 0))].sort((x, y) => x - y);
}

export function readOrders(input: unknown, opts: ReadOptions): OrdersRead {
  const { zone, settings, lang } = opts;
  const headerRow = opts.headerRow ?? 1;
  const table = requireTable(input, 'orders', lang);
  const headers = headerTexts(table);
  const profile = detectProfile(headers);
  const columns = resolveColumns('orders', headers, settings.columns.orders, profile);
  const missing = missingOrderFields(columns, profile);
  if (missing.length > 0) {
    const hint = missing.some((g) => g.includes('amount')) && profile.missingAmountHint !== undefined;
    missingColumns('orders', missing, headers, lang, hint ? EXPORT_HINTS[profile.missingAmountHint!][lang] : undefined);
  }
  const source = amountSource(columns, profile);
  // Where there is no order total, an order is the sum of its lines.
  const sumMode =
    profile.amounts === 'sum' || source === 'lines' || source === 'price × quantity' || (profile.id === 'generic' && settings.sumOrderRows);

  const { nameKeyed, idCol, emailCol, oidCol, dateCol, amountCol, statusCol, itemStatusCol, cancelledAtCol, subCol, typeCol, consentCol, nameCols, keyNameCol, phoneGroups, refundedCol, extraCols, amountCols, priceCol, quantityCol } =
    orderLayout(headers, profile, columns, source, settings);

  const amountOf = amountReader();
  // A platform's "no value" mark (楽天 -99999) in an amount cell is a blank amount.
  const noValue = profile.noValue;
  const blankAmount = (v: Cell): boolean => isBlank(v) || (noValue !== undefined && amountOf(v) === noValue);

  // Status words repeat on nearly every row: judge each distinct value once.
  const statusCache = new Map<unknown, boolean>();
  const excludedExact = new Set((profile.excludedStatuses ?? []).map((w) => w.toLowerCase()));
  const excludedWords = profile.excludedStatusWords ?? [];
  const excludes = (v: Cell): boolean => {
    let x = statusCache.get(v);
    if (x === undefined) {
      const s = nfkc(String(v)).trim();
      x = isExcludedStatus(v) || excludedExact.has(s.toLowerCase()) || excludedWords.some((w) => s.includes(w));
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
  let dayFirst = false; // a D/M/YYYY date column, decided for the whole column (SPEC §1.4)
  for (let r = 1; r < table.length; r++) {
    const row = table[r];
    if (row === undefined || rowIsBlank(row)) continue;
    rows++;
    if (!dayFirst && isDayFirstText(row[dateCol])) dayFirst = true;
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
  // e-mail carries (EC-CUBE guests), so one person is one customer — else the phone. A guest
  // placeholder in the ID column (0, -, ゲスト…) is no ID. E-mails are normalised only when they
  // are needed: for keys, or when a linked range or a lookup asks.
  const keyOf = keyReader();
  const guests = new Set([...GUEST_PLACEHOLDERS, ...(profile.guestIds ?? [])].map((g) => nfkc(g).toLowerCase()));
  const longestGuest = Math.max(...[...guests].map((g) => g.length));
  const idKey = (v: Cell): string => {
    const k = keyOf(v);
    return k.length <= longestGuest && guests.has(k.toLowerCase()) ? '' : k;
  };
  let emailToKey: Map<string, string> | undefined;
  const emailMap = (): Map<string, string> => {
    if (emailToKey === undefined) {
      emailToKey = new Map();
      // Without an ID column there is no ID to link an e-mail to.
      if (idCol >= 0) {
        for (let i = 0; i < head.length; i++) {
          const email = keyOf(first(i, emailCol));
          if (email !== '' && !emailToKey.has(email)) {
            const id = idKey(first(i, idCol));
            if (id !== '') emailToKey.set(email, id);
          }
        }
      }
    }
    return emailToKey;
  };
  const phoneOf = (i: number): string => {
    for (const group of phoneGroups) {
      const cells = group.map((c) => first(i, c));
      if (cells.some(isBadKeyCell)) continue;
      const key = phoneKey(group.length === 1 ? cells[0] : cells.map((v) => String(v ?? '')).join(''));
      if (key !== '') return key;
    }
    return '';
  };
  /** The order's customer key ('' when it has none), and the first cell that can never be a key
   *  (a cell error, a checkbox) among the columns tried. */
  let badKeyCell: Cell;
  const customerOf = (i: number): string => {
    badKeyCell = undefined;
    const cell = (c: number): Cell => {
      const v = first(i, c);
      if (!isBadKeyCell(v)) return v;
      badKeyCell ??= v;
      return undefined;
    };
    // An absent column (-1) reads as blank.
    if (nameKeyed) return keyOf(cell(keyNameCol));
    let key = idKey(cell(idCol));
    if (key === '') {
      const email = keyOf(cell(emailCol));
      if (email !== '') key = emailMap().get(email) ?? email;
    }
    return key === '' ? phoneOf(i) : key;
  };

  // Pass 2 over the orders: drop cancelled ones, read each needed cell once, report the
  // unreadable ones with the sheet row of their first line.
  const readDate = dateReader(zone, { cellZone: opts.cellZone, dayFirst, offsetMs: headerZoneOffset(headers[dateCol]) });
  const readFlag = flagReader();
  const words = profile.subscriptionWords;
  const whenFilled = profile.subscriptionWhenFilled === true;
  const tagCache = new Map<Cell, boolean>();
  const isSubscription = (v: Cell): boolean => {
    if (whenFilled) return !isBlank(v);
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
  const badLines: { row: number; value: string }[] = [];
  let cancelled = 0;
  for (let i = 0; i < head.length; i++) {
    const row = headerRow + head[i]!;
    let amount = 0;
    let localMs = NaN;
    let dateCell: Cell;
    let summed = false;
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
      // The order's date is its earliest line's: a refund line (Square) is dated after the sale.
      let live = 0;
      badLines.length = 0;
      for (let r = head[i]!; r >= 0; r = next[r]!) {
        const line = table[r]!;
        if (lineCancelled(line)) continue;
        live++;
        const d = line[dateCol];
        if (!isBlank(d)) {
          dateCell ??= d;
          const ms = readDate(d);
          if (ms === ms && !(ms >= localMs)) localMs = ms;
        }
        let lineAmount = 0;
        let any = false;
        if (priceCol >= 0) {
          const p = line[priceCol];
          const q = line[quantityCol];
          if (!blankAmount(p)) {
            const n = amountOf(p) * (isBlank(q) ? 1 : amountOf(q));
            if (n !== n) badLines.push({ row: headerRow + r, value: cellText(amountOf(p) === amountOf(p) ? q : p) });
            else {
              lineAmount = n;
              any = true;
            }
          }
        } else {
          for (const c of amountCols) {
            const v = line[c];
            if (blankAmount(v)) continue;
            const n = amountOf(v);
            if (n !== n) {
              badLines.push({ row: headerRow + r, value: cellText(v) });
              any = false;
              break;
            }
            lineAmount += n;
            any = true;
          }
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
    }

    const key = customerOf(i);
    const bad = badKeyCell;
    const owner = key === '' ? {} : { key };
    if (sumMode) {
      for (const b of badLines) skipped.push({ row: b.row, reason: 'amount', value: b.value, ...owner });
      if (!summed) {
        if (badLines.length === 0) skipped.push({ row, reason: 'amount', value: '', ...owner });
        continue;
      }
    }
    if (bad !== undefined || key === '') {
      skipped.push({ row, reason: 'customer', value: bad === undefined ? '' : cellText(bad), ...owner });
      continue;
    }
    if (!sumMode) {
      dateCell = first(i, dateCol);
      localMs = readDate(dateCell);
    }
    if (localMs !== localMs) {
      skipped.push({ row, reason: 'date', value: cellText(dateCell), key });
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
        skipped.push({ row, reason: 'amount', value: cellText(raw), key });
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
    orders.push({
      key,
      localMs,
      day: Math.floor(localMs / DAY_MS),
      amount,
      // An absent column (-1) reads as blank: no subscription word, flag or type.
      subscription: isSubscription(first(i, subCol)) || subscriptionTypes.has(cellText(first(i, typeCol))),
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
    keyKind: nameKeyed ? 'name' : idCol >= 0 ? 'id' : 'email',
    keyForEmail: (email) => emailMap().get(email),
    hasConsent: consentCol >= 0,
    hasSubscription: subCol >= 0 || (typeCol >= 0 && subscriptionTypes.size > 0),
  };
}
