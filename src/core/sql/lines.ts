/**
 * A sheet's orders range → the typed, one-row-per-line table the SQL reads (./query.ts): the
 * add-on's own readers type each cell (dates on the sheet's wall clock, amounts, flags, NFKC text);
 * what stays for the SQL is the grouping into orders, cancellations, keys and every rule after.
 *
 * Orders the add-on skips and reports (no customer, unreadable date or amount — SPEC §1.5) are left
 * out here, as a loader into BigQuery would reject their rows; any other unreadable cell becomes
 * NULL (it is on a continuation line the core never reads, or a line amount the core leaves out).
 */
import type { Zone } from '../dates';
import { headerTexts, orderIdOf, readOrders, resolveColumns, type Table } from '../orders';
import { detectProfile } from '../profiles';
import type { Settings } from '../settings';
import { amountReader, cellText, dateReader, displayText, flagReader, isBadKeyCell, isBlank, isDate, parseAmount, parseFlag, type Cell } from '../values';
import { readSurvey } from '../contacts';
import type { CustomerColumns, OrderColumns, SurveyColumns } from './query';

export interface TypedLine {
  /** Sheet row. */
  readonly line: number;
  readonly orderId: string | null;
  readonly customerId: string | null;
  readonly email: string | null;
  /** Wall-clock ms on the sheet's zone (a DATETIME). */
  readonly orderedAt: number | null;
  readonly amount: number | null;
  readonly status: string | null;
  readonly cancelledAt: string | null;
  readonly subscription: boolean | null;
  readonly consent: boolean | null;
  readonly name: string | null;
  /** NFKC text; a number as Sheets made it of a pasted phone, as its digits. */
  readonly phone: string | null;
}

export interface TypedLines {
  readonly lines: TypedLine[];
  /** Which optional columns the range has, named as the SQL's columns. */
  readonly columns: OrderColumns;
  readonly sumOrderRows: boolean;
}

/** Column names of the typed table as the loaders write it (snake case). */
export const TYPED_COLUMN_NAMES: Required<OrderColumns> = {
  line: 'line',
  orderId: 'order_id',
  customerId: 'customer_id',
  email: 'email',
  orderedAt: 'ordered_at',
  amount: 'amount',
  status: 'status',
  cancelledAt: 'cancelled_at',
  subscription: 'subscription',
  consent: 'consent',
  name: 'name',
  phone: 'phone',
};

/** The generic layout only: platform profiles with their own rules (summed parts, refunded
 *  columns, own status codes) are refused rather than read differently from the core. */
export function typedLines(table: Table, opts: { zone: Zone; settings: Pick<Settings, 'columns' | 'sumOrderRows'> }): TypedLines {
  const read = readOrders(table, { zone: opts.zone, settings: opts.settings, lang: 'en' });
  const headers = table[0] ?? [];
  const profile = detectProfile(read.headers);
  if (profile.id !== 'generic') throw new Error(`typedLines reads the generic layout only, not ${profile.id}`);
  const columns = resolveColumns('orders', headers, opts.settings.columns.orders, profile);
  const at = (f: keyof typeof columns): number => columns[f] ?? -1;
  const c = {
    orderId: at('orderId'), customerId: at('customerId'), email: at('email'), date: at('date'), amount: at('amount'),
    status: at('status'), cancelledAt: at('cancelledAt'), subscription: at('subscription'), consent: at('registered'), name: at('name'),
    phone: at('phone'),
  };

  // Orders the core skipped (their first line's row) are left out whole.
  const dropped = new Set(read.skipped.filter((s) => s.reason !== 'amount' || !opts.settings.sumOrderRows).map((s) => s.row));
  const headOf = new Map<unknown, number>();
  const readDate = dateReader(opts.zone);
  const readAmount = amountReader();
  const readFlag = flagReader();
  const text = (v: Cell): string | null => (isBlank(v) || isDate(v) || typeof v === 'boolean' ? null : cellText(v));
  const lines: TypedLine[] = [];
  for (let r = 1; r < table.length; r++) {
    const row = table[r]!;
    if (row.every(isBlank)) continue;
    const rowNo = r + 1;
    const oidCell = c.orderId >= 0 ? row[c.orderId] : undefined;
    const oid = isBlank(oidCell) ? null : String(orderIdOf(oidCell));
    let head = rowNo;
    if (oid !== null) {
      const known = headOf.get(oid);
      if (known === undefined) headOf.set(oid, rowNo);
      else head = known;
    }
    if (dropped.has(head)) continue;
    const cell = (i: number): Cell => (i >= 0 ? row[i] : undefined);
    const ms = isBlank(cell(c.date)) ? NaN : readDate(cell(c.date));
    const amount = isBlank(cell(c.amount)) ? NaN : readAmount(cell(c.amount));
    const id = cell(c.customerId);
    lines.push({
      line: rowNo,
      orderId: oid,
      customerId: typeof id === 'number' ? (Number.isFinite(id) ? String(id) : null) : text(id),
      email: text(cell(c.email)),
      orderedAt: ms === ms ? ms : null,
      amount: amount === amount ? amount : null,
      status: text(cell(c.status)),
      cancelledAt: isBlank(cell(c.cancelledAt)) ? null : cellText(cell(c.cancelledAt)),
      subscription: c.subscription >= 0 && !isBlank(cell(c.subscription)) ? readFlag(cell(c.subscription)) : null,
      consent: c.consent >= 0 && !isBlank(cell(c.consent)) ? readFlag(cell(c.consent)) : null,
      name: isBlank(cell(c.name)) ? null : displayText(cell(c.name)),
      phone: phoneText(cell(c.phone)),
    });
  }
  const n = TYPED_COLUMN_NAMES;
  const has = (i: number, name: string): string | undefined => (i >= 0 ? name : undefined);
  return {
    lines,
    sumOrderRows: opts.settings.sumOrderRows,
    columns: {
      line: n.line,
      orderedAt: n.orderedAt,
      amount: n.amount,
      ...omitUndefined({
        orderId: has(c.orderId, n.orderId),
        customerId: has(c.customerId, n.customerId),
        email: has(c.email, n.email),
        status: has(c.status, n.status),
        cancelledAt: has(c.cancelledAt, n.cancelledAt),
        subscription: has(c.subscription, n.subscription),
        consent: has(c.consent, n.consent),
        name: has(c.name, n.name),
        phone: has(c.phone, n.phone),
      }),
    },
  };
}

/** A phone cell as the SQL reads it (values.ts `phoneKey` before its digits rule): a positive
 *  whole number as its digits, a checkbox or cell error as nothing, else the NFKC text. */
function phoneText(v: Cell): string | null {
  if (isBlank(v) || isDate(v) || isBadKeyCell(v)) return null;
  if (typeof v === 'number') return Number.isInteger(v) && v > 0 ? String(v) : null;
  const t = cellText(v);
  return t === '' ? null : t;
}

/** A column's typed name when the sheet has that column (its index found), else nothing. */
function has(i: number | undefined, name: string): string | undefined {
  return i === undefined ? undefined : name;
}

function omitUndefined<T extends Record<string, string | undefined>>(o: T): Partial<Record<keyof T, string>> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<Record<keyof T, string>>;
}

/** A wall-clock ms as `YYYY-MM-DD HH:MM:SS.mmm`, the DATETIME literal both dialects read. */
export function wallClockText(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}


/** One row of a customers sheet (SPEC §1.2), typed as the add-on reads it (contacts.ts). */
export interface TypedCustomer {
  /** Sheet row: a later row for the same customer wins. */
  readonly line: number;
  readonly customerId: string | null;
  readonly email: string | null;
  /** NFKC text, as the customers sheet's name is read. */
  readonly name: string | null;
  /** `parseFlag` of the cell (a blank is false), or null when the column is absent. */
  readonly registered: boolean | null;
  readonly subscribed: boolean | null;
  /** Whole reactions ≥ 0, or null when unreadable or absent. */
  readonly reactions: number | null;
}

/** Column names of the typed customers table as the loaders write it. */
export const TYPED_CUSTOMER_COLUMN_NAMES: Required<CustomerColumns> = {
  line: 'line', customerId: 'customer_id', email: 'email', name: 'name', registered: 'registered', subscribed: 'subscribed', reactions: 'reactions',
};

/** A customers sheet → its typed rows and the columns it has (blank rows left out). */
export function typedCustomers(table: Table, opts: { settings: Pick<Settings, 'columns'> }): { rows: TypedCustomer[]; columns: CustomerColumns } {
  const headers = headerTexts(table);
  const c = resolveColumns('customers', headers, opts.settings.columns.customers);
  const cell = (row: readonly Cell[], i: number | undefined): Cell => (i === undefined ? undefined : row[i]);
  const key = (v: Cell): string | null => {
    if (typeof v === 'number') return Number.isFinite(v) ? String(v) : null;
    return isBlank(v) || isDate(v) || typeof v === 'boolean' ? null : cellText(v) || null;
  };
  const rows: TypedCustomer[] = [];
  for (let r = 1; r < table.length; r++) {
    const row = table[r]!;
    if (row.every(isBlank)) continue;
    const reactions = c.reactions === undefined ? NaN : parseAmount(cell(row, c.reactions));
    rows.push({
      line: r + 1,
      customerId: key(cell(row, c.customerId)),
      email: key(cell(row, c.email)),
      name: cellText(cell(row, c.name)) || null,
      registered: c.registered === undefined ? null : parseFlag(cell(row, c.registered)),
      subscribed: c.subscribed === undefined ? null : parseFlag(cell(row, c.subscribed)),
      reactions: reactions === reactions ? Math.max(0, Math.floor(reactions)) : null,
    });
  }
  const n = TYPED_CUSTOMER_COLUMN_NAMES;
  return {
    rows,
    columns: {
      line: n.line,
      ...omitUndefined({
        customerId: has(c.customerId, n.customerId),
        email: has(c.email, n.email),
        name: has(c.name, n.name),
        registered: has(c.registered, n.registered),
        subscribed: has(c.subscribed, n.subscribed),
        reactions: has(c.reactions, n.reactions),
      }),
    },
  };
}

/** One survey response (SPEC §1.3), typed as the add-on reads it (contacts.ts `readSurvey`). */
export interface TypedResponse {
  readonly line: number;
  readonly customerId: string | null;
  readonly email: string | null;
  /** Wall-clock ms of the response; null when the survey has no timestamp column (always counted). */
  readonly respondedAt: number | null;
  readonly nps: number | null;
  readonly satisfaction: number | null;
}

export const TYPED_SURVEY_COLUMN_NAMES: Required<SurveyColumns> = {
  line: 'line', customerId: 'customer_id', email: 'email', respondedAt: 'responded_at', nps: 'nps', satisfaction: 'satisfaction',
};

/** A survey range → its typed responses: the columns as the core finds them (an unnamed NPS item
 *  by its 0–10 answers), a response with an unreadable time left out as the core skips it. */
export function typedSurvey(table: Table, opts: { zone: Zone; settings: Pick<Settings, 'columns'> }): { rows: TypedResponse[]; columns: SurveyColumns } {
  // Only the columns: the keys are the SQL's to link.
  const c = readSurvey(table, { keyKind: 'email', keyForEmail: () => undefined }, { zone: opts.zone, settings: opts.settings, lang: 'en' }).columns;
  const readDate = dateReader(opts.zone);
  const cell = (row: readonly Cell[], i: number | undefined): Cell => (i === undefined ? undefined : row[i]);
  const key = (v: Cell): string | null => {
    if (typeof v === 'number') return Number.isFinite(v) ? String(v) : null;
    return isBlank(v) || isDate(v) || typeof v === 'boolean' ? null : cellText(v) || null;
  };
  const score = (v: Cell): number | null => {
    const n = parseAmount(v);
    return n === n ? n : null;
  };
  const rows: TypedResponse[] = [];
  for (let r = 1; r < table.length; r++) {
    const row = table[r]!;
    if (row.every(isBlank)) continue;
    let respondedAt: number | null = null;
    if (c.date !== undefined) {
      const ms = readDate(row[c.date]);
      if (ms !== ms) continue;
      respondedAt = ms;
    }
    rows.push({ line: r + 1, customerId: key(cell(row, c.customerId)), email: key(cell(row, c.email)), respondedAt, nps: score(cell(row, c.nps)), satisfaction: score(cell(row, c.satisfaction)) });
  }
  const n = TYPED_SURVEY_COLUMN_NAMES;
  return {
    rows,
    columns: {
      line: n.line,
      ...omitUndefined({
        customerId: has(c.customerId, n.customerId),
        email: has(c.email, n.email),
        respondedAt: has(c.date, n.respondedAt),
        nps: has(c.nps, n.nps),
        satisfaction: has(c.satisfaction, n.satisfaction),
      }),
    },
  };
}
