/**
 * セグメント / Segments (issue 14): who to send to, as a saved definition — stages, tiers, VIPs,
 * the This-week prediction lists, this month's birthdays, and filters — and what a mail or LINE
 * tool imports of them: the members with e-mail, name, customer key, stage, LTV, last order, next
 * purchase by and a personalised message (the VIP template's `{name}`/`{ltv}` mechanism).
 *
 * A definition is data (JSON-safe, stored in a document property, validated on read), never a frozen
 * list: every refresh computes its members again from the same analysis the tabs come from.
 *
 * How the criteria combine: within one kind they are alternatives (stage サポーター or パートナー),
 * across kinds and with the filters they must all hold (サポーター and "likely to buy soon" and has
 * an e-mail). So a segment of two stages is the union of the two one-stage segments, and adding a
 * criterion or a filter never adds anyone (test/core/segments.test.ts proves both).
 *
 * The prediction lists are the This-week lists themselves (src/core/thisWeek.ts): a segment names a
 * list by its stable id and takes its members as that list has them at this refresh (by the model
 * when it could be fitted, else by the shop's rhythm — the list's own definition says which).
 *
 * Pure: plain data in (the analysis, prediction, this week's lists, the orders' cells for e-mails),
 * plain data out, in the analysis's language.
 */
import type { Analysis, CustomerView } from './analyze';
import { formatDay, type Day } from './dates';
import { GridBuilder, type Column, type DatedContext, type Grid } from './grid';
import { COLUMN_LABELS, SEGMENT_TEXT, STAGE_LABELS, THIS_WEEK_TEXT, TIER_LABELS, type ColumnId, type Lang, type StageId, type TierId } from './labels';
import type { PredictionResult } from './predict/predict';
import { compareCodePoints, fillTemplate, groupDigits } from './ranking';
import { MAX_TEMPLATE_LENGTH } from './settings';
import { ALL_STAGES } from './shared';
import type { ListDefinition, ThisWeek, ThisWeekListId } from './thisWeek';
import { cellText, type Cell } from './values';

type Text = Readonly<Record<Lang, string>>;

/** The This-week lists a segment may be made from: the two that come from the purchase model. */
export type SegmentListId = Extract<ThisWeekListId, 'buySoon' | 'winBack'>;
export const SEGMENT_LISTS: readonly SegmentListId[] = ['buySoon', 'winBack'];
export const TIERS: readonly TierId[] = ['diamond', 'platinum', 'gold'];

/** A whole-number range; null = no bound. */
export interface NumberRange {
  readonly min: number | null;
  readonly max: number | null;
}

export interface SegmentFilters {
  /** Registered (LINE / newsletter) only — SPEC §2's "registered". */
  readonly registeredOnly: boolean;
  readonly hasEmail: boolean;
  readonly hasLineUserId: boolean;
  readonly ltv: NumberRange;
  /** Days since the last purchase; a customer with no purchase has none and fails any bound. */
  readonly daysSinceLast: NumberRange;
}

/** A saved segment: JSON-safe, the name is its identity (one sheet per name). */
export interface SegmentDefinition {
  readonly name: string;
  /** Any of these stages; [] = any stage. */
  readonly stages: readonly StageId[];
  /** Any of these tiers; [] = any tier (a customer without a tier too). */
  readonly tiers: readonly TierId[];
  readonly vipOnly: boolean;
  /** On any of these This-week lists; [] = no list required. */
  readonly lists: readonly SegmentListId[];
  /** Birthday in the as-of day's calendar month. */
  readonly birthdaysThisMonth: boolean;
  readonly filters: SegmentFilters;
  /** The personalised message; `{name}`, `{ltv}`, `{purchases}`, `{tier}`, `{stage}`. '' = none. */
  readonly message: string;
}

export const NO_RANGE: NumberRange = { min: null, max: null };

export const EMPTY_SEGMENT: SegmentDefinition = {
  name: '',
  stages: [],
  tiers: [],
  vipOnly: false,
  lists: [],
  birthdaysThisMonth: false,
  filters: { registeredOnly: false, hasEmail: false, hasLineUserId: false, ltv: NO_RANGE, daysSinceLast: NO_RANGE },
  message: '',
};

/** Longest segment name: the sheet's name is `セグメント: <name>` and Sheets shows a tab's name whole. */
export const MAX_SEGMENT_NAME = 40;
/** Segments kept at most: each is a sheet rewritten at every refresh (issue 7's budget). */
export const MAX_SEGMENTS = 20;

// ---------------------------------------------------------------------------------------------
// Contact details: what the tools import besides the analysis.

export interface Contact {
  /** '' when none is known. */
  readonly email: string;
  /** '' when none (or not a LINE user ID). */
  readonly lineUserId: string;
}

/** The Messaging API's user ID: `U` and 32 hexadecimal digits (LINE Developers, "Get user IDs"). */
export const LINE_USER_ID_RE = /^U[0-9a-f]{32}$/;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface Contacts {
  readonly byKey: ReadonlyMap<string, Contact>;
  /** Some source of e-mails exists (a column on the customers sheet or the orders). */
  readonly hasEmailColumn: boolean;
  readonly hasLineColumn: boolean;
  /** Cells of the LINE user ID column that are not user IDs (left blank). */
  readonly badLineIds: number;
}

/**
 * Each customer's e-mail and LINE user ID: the customers sheet's first (the owner's latest word on
 * them), else the e-mail of their most recent order that has one, else — when customers are keyed
 * by e-mail — the key itself.
 * @param orders the orders range's cells as read (header on row `headerRow`), for the e-mail column
 */
export function contactsOf(a: Analysis, orders: ReadonlyArray<ReadonlyArray<Cell>> | undefined, headerRow = 1): Contacts {
  const fromOrders = new Map<string, { email: string; ms: number }>();
  const emailCol = a.orders.columns.email;
  if (orders !== undefined && emailCol !== undefined) {
    for (const o of a.orders.orders) {
      const email = cellText(orders[o.row - headerRow]?.[emailCol]).trim();
      if (!EMAIL_RE.test(email)) continue;
      const seen = fromOrders.get(o.key);
      if (seen === undefined || o.localMs >= seen.ms) fromOrders.set(o.key, { email, ms: o.localMs });
    }
  }
  const customers = a.customers;
  let badLineIds = 0;
  const byKey = new Map<string, Contact>();
  for (const key of a.byKey.keys()) {
    const record = customers?.byKey.get(key);
    const sheetEmail = record !== undefined && EMAIL_RE.test(record.email) ? record.email : '';
    const keyEmail = a.orders.keyKind === 'email' && EMAIL_RE.test(key) ? key : '';
    const email = sheetEmail || fromOrders.get(key)?.email || keyEmail;
    let lineUserId = record?.lineUserId ?? '';
    if (lineUserId !== '' && !LINE_USER_ID_RE.test(lineUserId)) {
      badLineIds++;
      lineUserId = '';
    }
    byKey.set(key, { email, lineUserId });
  }
  return {
    byKey,
    hasEmailColumn: emailCol !== undefined || customers?.columns.email !== undefined || a.orders.keyKind === 'email',
    hasLineColumn: customers?.hasLineUserId === true,
    badLineIds,
  };
}

// ---------------------------------------------------------------------------------------------
// Members

export interface SegmentInput {
  readonly analysis: Analysis;
  readonly prediction: PredictionResult;
  readonly thisWeek: ThisWeek;
  readonly contacts: Contacts;
}

export interface SegmentMember {
  readonly key: string;
  readonly name: string;
  readonly email: string;
  readonly lineUserId: string;
  readonly stage: StageId;
  readonly tier: TierId | undefined;
  readonly vip: boolean;
  readonly ltv: number;
  readonly purchases: number;
  readonly lastOrder: Day | undefined;
  /** The prediction's "next purchase by" day, when there is one. */
  readonly nextPurchase: Day | undefined;
  /** The segment's message filled for this customer ('' without a template). */
  readonly message: string;
}

export interface SegmentResult {
  readonly lang: Lang;
  readonly asOf: Day;
  readonly definition: SegmentDefinition;
  /** Highest LTV first, then by key. */
  readonly members: readonly SegmentMember[];
  /** Why there is nobody, and which criterion left nobody; undefined when there are members. */
  readonly empty: string | undefined;
  /** Things the owner should know of the result (no registration column, malformed LINE IDs…). */
  readonly notes: readonly string[];
  /** The sheet and the CSV carry a LINE user ID column (the customers sheet has one). */
  readonly withLine: boolean;
  /** The This-week lists the segment used, with how they were made (model or rule). */
  readonly listsUsed: readonly ListDefinition[];
}

/**
 * What the criteria look at of one customer — compact and JSON-safe, so that the sidebar's count can
 * be kept (CacheService) between the owner's clicks and counted by the same rules that choose the
 * sheet's rows (`selectSegment`).
 */
export interface CustomerFacts {
  readonly key: string;
  /** The name, else ''. */
  readonly name: string;
  readonly stage: StageId;
  readonly tier: TierId | null;
  readonly vip: boolean;
  readonly ltv: number;
  readonly daysSinceLast: number | null;
  readonly registered: boolean;
  /** The birthday's calendar month (0–11), null without one. */
  readonly birthdayMonth: number | null;
  readonly hasEmail: boolean;
  readonly hasLineUserId: boolean;
  /** The This-week lists the customer is on. */
  readonly lists: readonly SegmentListId[];
}

/** Everything a definition is judged on: each customer's facts and why a criterion can pass nobody. */
export interface SegmentFacts {
  readonly lang: Lang;
  readonly asOf: Day;
  /** Highest LTV first, then by key: the sheet's order. */
  readonly customers: readonly CustomerFacts[];
  /** Why a This-week list is empty, by list. */
  readonly listEmpty: Readonly<Partial<Record<SegmentListId, string>>>;
  /** Why nobody can have a birthday (no customers sheet, or no birthday column), if so. */
  readonly noBirthdays: string | null;
  readonly hasEmailColumn: boolean;
  readonly hasLineColumn: boolean;
  readonly badLineIds: number;
  readonly registrationAssumed: boolean;
}

/** One criterion: its words and its test; `none` says why nobody can pass it, when that is known. */
interface Criterion {
  readonly label: string;
  readonly test: (f: CustomerFacts) => boolean;
  readonly none?: string | undefined;
}

const monthOf = (day: Day): number => new Date(day * 86_400_000).getUTCMonth();

const inRange = (n: number | null, r: NumberRange): boolean =>
  r.min === null && r.max === null ? true : n !== null && (r.min === null || n >= r.min) && (r.max === null || n <= r.max);

/** `10,000以上`, `〜90`… of a range; undefined when it has no bound. */
export function rangeText(r: NumberRange, lang: Lang): string | undefined {
  const T = SEGMENT_TEXT;
  const n = (x: number): string => groupDigits(x);
  if (r.min !== null && r.max !== null) return T.between[lang](n(r.min), n(r.max));
  if (r.min !== null) return T.atLeast[lang](n(r.min));
  if (r.max !== null) return T.atMost[lang](n(r.max));
  return undefined;
}

const listTitle = (id: SegmentListId, lang: Lang): string => (id === 'buySoon' ? SEGMENT_TEXT.listBuySoon : SEGMENT_TEXT.listWinBack)[lang];

/** The facts of every customer of the input (the analysis, this week's lists, the contacts). */
export function segmentFacts(input: SegmentInput): SegmentFacts {
  const a = input.analysis;
  const lang = a.lang;
  const onList = new Map<string, SegmentListId[]>();
  const listEmpty: Partial<Record<SegmentListId, string>> = {};
  for (const id of SEGMENT_LISTS) {
    const l = input.thisWeek.lists.find((x) => x.definition.id === id);
    if (l === undefined) continue;
    if (l.empty !== undefined) listEmpty[id] = l.empty;
    for (const e of l.entries) onList.set(e.key, [...(onList.get(e.key) ?? []), id]);
  }
  const customers = [...a.byKey.values()]
    .sort((x, y) => y.metrics.ltv - x.metrics.ltv || compareCodePoints(x.metrics.key, y.metrics.key))
    .map((v): CustomerFacts => {
      const m = v.metrics;
      const c = input.contacts.byKey.get(m.key) ?? NO_CONTACT;
      return {
        key: m.key,
        name: m.name,
        stage: v.stage.stage,
        tier: v.ranked?.tier ?? null,
        vip: v.ranked?.vip === true,
        ltv: m.ltv,
        daysSinceLast: m.daysSinceLast ?? null,
        registered: m.registered,
        birthdayMonth: m.birthday === undefined ? null : monthOf(m.birthday),
        hasEmail: c.email !== '',
        hasLineUserId: c.lineUserId !== '',
        lists: onList.get(m.key) ?? [],
      };
    });
  return {
    lang,
    asOf: a.asOf,
    customers,
    listEmpty,
    noBirthdays: a.customers === undefined ? THIS_WEEK_TEXT.noCustomersSheet[lang] : !a.customers.hasBirthday ? THIS_WEEK_TEXT.noBirthdayColumn[lang] : null,
    hasEmailColumn: input.contacts.hasEmailColumn,
    hasLineColumn: input.contacts.hasLineColumn,
    badLineIds: input.contacts.badLineIds,
    registrationAssumed: a.metrics.registration === 'assumed',
  };
}

/** The criteria of a definition, in the order they narrow (the order an empty result names them). */
function criteria(def: SegmentDefinition, facts: SegmentFacts): Criterion[] {
  const lang = facts.lang;
  const T = SEGMENT_TEXT;
  const joinOr = (xs: string[]): string => xs.join(T.or[lang]);
  const out: Criterion[] = [];
  if (def.stages.length > 0) {
    const set = new Set(def.stages);
    out.push({ label: T.stages[lang](joinOr(def.stages.map((s) => STAGE_LABELS[s][lang]))), test: (f) => set.has(f.stage) });
  }
  if (def.tiers.length > 0) {
    const set = new Set<TierId | null>(def.tiers);
    out.push({ label: T.tiers[lang](joinOr(def.tiers.map((t) => TIER_LABELS[t][lang]))), test: (f) => f.tier !== null && set.has(f.tier) });
  }
  if (def.vipOnly) out.push({ label: T.vip[lang], test: (f) => f.vip });
  if (def.lists.length > 0) {
    const wanted = def.lists;
    const empties = wanted.map((id) => facts.listEmpty[id]).filter((e): e is string => e !== undefined);
    out.push({
      label: T.lists[lang](joinOr(wanted.map((id) => listTitle(id, lang)))),
      test: (f) => f.lists.some((id) => wanted.includes(id)),
      none: empties.length === wanted.length ? empties.join(' ') : undefined,
    });
  }
  if (def.birthdaysThisMonth) {
    const month = monthOf(facts.asOf);
    out.push({ label: T.birthdays[lang], test: (f) => f.birthdayMonth === month, none: facts.noBirthdays ?? undefined });
  }
  const fl = def.filters;
  if (fl.registeredOnly) out.push({ label: T.registered[lang], test: (f) => f.registered });
  if (fl.hasEmail) out.push({ label: T.hasEmail[lang], test: (f) => f.hasEmail, none: facts.hasEmailColumn ? undefined : T.noEmailAnywhere[lang] });
  if (fl.hasLineUserId) out.push({ label: T.hasLine[lang], test: (f) => f.hasLineUserId, none: facts.hasLineColumn ? undefined : T.noLineColumn[lang] });
  const ltv = rangeText(fl.ltv, lang);
  if (ltv !== undefined) out.push({ label: T.ltvRange[lang](ltv), test: (f) => inRange(f.ltv, fl.ltv) });
  const days = rangeText(fl.daysSinceLast, lang);
  if (days !== undefined) out.push({ label: T.daysRange[lang](days), test: (f) => inRange(f.daysSinceLast, fl.daysSinceLast) });
  return out;
}

/** The rule in words: the criteria joined, or "every customer" (from the facts, or — as before the
 *  facts existed — from the input). */
export function describeSegment(def: SegmentDefinition, from: SegmentFacts | SegmentInput): string {
  const facts = 'analysis' in from ? segmentFacts(from) : from;
  const labels = criteria(def, facts).map((c) => c.label);
  return labels.length === 0 ? SEGMENT_TEXT.everyone[facts.lang] : labels.join(SEGMENT_TEXT.and[facts.lang]);
}

/** Who a definition selects, in the sheet's order, and — when nobody — why; with its notes. */
export interface Selection {
  readonly chosen: readonly CustomerFacts[];
  readonly empty: string | undefined;
  readonly notes: readonly string[];
}

/** The one place the rules are applied: the sheet's rows, the CSV's and the sidebar's count. */
export function selectSegment(facts: SegmentFacts, def: SegmentDefinition): Selection {
  const lang = facts.lang;
  const T = SEGMENT_TEXT;
  let pool: readonly CustomerFacts[] = facts.customers;
  let empty: string | undefined = pool.length === 0 ? T.empty[lang](T.noCustomers[lang]) : undefined;
  for (const c of criteria(def, facts)) {
    if (pool.length === 0) break;
    const before = pool.length;
    pool = pool.filter(c.test);
    if (pool.length === 0) empty = T.empty[lang](T.emptyAt[lang](c.label, before) + (c.none !== undefined ? ` ${c.none}` : ''));
  }
  const notes: string[] = [];
  if (def.filters.registeredOnly && facts.registrationAssumed) notes.push(T.noRegisteredColumn[lang]);
  if (facts.badLineIds > 0 && (def.filters.hasLineUserId || facts.hasLineColumn)) notes.push(T.badLineIds[lang](facts.badLineIds));
  return { chosen: pool, empty, notes };
}

const NO_CONTACT: Contact = { email: '', lineUserId: '' };

/** The members of a segment now, and, when there are none, why. */
export function segmentMembers(input: SegmentInput, def: SegmentDefinition, facts: SegmentFacts = segmentFacts(input)): SegmentResult {
  const a = input.analysis;
  const lang = a.lang;
  const { chosen, empty, notes } = selectSegment(facts, def);
  const members = chosen.map((f) => member(a.byKey.get(f.key)!, input.contacts.byKey.get(f.key) ?? NO_CONTACT, input.prediction, def.message, lang));
  const listsUsed = def.lists.map((id) => input.thisWeek.lists.find((l) => l.definition.id === id)?.definition).filter((d): d is ListDefinition => d !== undefined);
  return { lang, asOf: a.asOf, definition: def, members, empty, notes, withLine: input.contacts.hasLineColumn, listsUsed };
}

function member(v: CustomerView, c: Contact, p: PredictionResult, template: string, lang: Lang): SegmentMember {
  const m = v.metrics;
  const tier = v.ranked?.tier;
  const stage = v.stage.stage;
  return {
    key: m.key,
    name: m.name,
    email: c.email,
    lineUserId: c.lineUserId,
    stage,
    tier,
    vip: v.ranked?.vip === true,
    ltv: m.ltv,
    purchases: m.purchases,
    lastOrder: m.lastOrder,
    nextPurchase: p.byKey.get(m.key)?.nextPurchaseDay,
    message:
      template === ''
        ? ''
        : fillTemplate(template, {
            name: m.name || m.key,
            ltv: groupDigits(m.ltv),
            purchases: String(m.purchases),
            tier: tier === undefined ? '' : TIER_LABELS[tier][lang],
            stage: STAGE_LABELS[stage][lang],
          }),
  };
}

// ---------------------------------------------------------------------------------------------
// The sheet and the CSV: the same columns, the same rows.

type MemberColumn = Column<SegmentMember, DatedContext>;
const date = (ctx: DatedContext, day: Day | undefined): Cell => (day === undefined ? '' : ctx.zone.midnight(day));

/** The columns a mail or LINE tool imports, in the sheet's order; LINE user ID last, when there is one. */
export function segmentColumns(withLine: boolean): MemberColumn[] {
  const cols: MemberColumn[] = [
    { header: 'email', format: 'text', value: (m) => m.email },
    { header: 'name', format: 'text', value: (m) => m.name },
    { header: 'customer', format: 'text', value: (m) => m.key },
    { header: 'stage', format: '', value: (m, c) => STAGE_LABELS[m.stage][c.lang] },
    { header: 'ltv', format: 'yen', value: (m) => m.ltv },
    { header: 'lastOrder', format: 'date', value: (m, c) => date(c, m.lastOrder) },
    { header: 'nextPurchase', format: 'date', value: (m, c) => date(c, m.nextPurchase) },
    { header: 'message', format: 'text', value: (m) => m.message },
  ];
  if (withLine) cols.push({ header: 'lineUserId', format: 'text', value: (m) => m.lineUserId });
  return cols;
}

/** The sheet's summary line: the segment, how many, the as-of day and the rule in words. */
export function segmentSummary(r: SegmentResult, rule: string): string {
  return SEGMENT_TEXT.summary[r.lang](r.definition.name, r.members.length, formatDay(r.asOf), rule);
}

/**
 * The `セグメント: <name>` sheet: the summary line (and why it is empty, and notes), then the table
 * whose header row is frozen. Rows written = members counted: the sidebar's count is this length.
 */
export function segmentGrid(r: SegmentResult, rule: string, zone: DatedContext['zone']): Grid {
  const g = new GridBuilder();
  g.line([segmentSummary(r, rule)], [], true);
  for (const note of [...(r.empty !== undefined ? [r.empty] : []), ...r.notes]) g.line([note]);
  g.table(segmentColumns(r.withLine), r.members, { lang: r.lang, zone });
  return g.build(g.rows - r.members.length);
}

/** The CSV's cells: the header row, then one row per member — text as an import reads it (LTV a
 *  plain number, dates `2026/11/30`), the sheet's columns in the sheet's order. */
export function segmentCsvRows(r: SegmentResult): string[][] {
  const lang = r.lang;
  const day = (d: Day | undefined): string => (d === undefined ? '' : formatDay(d));
  const text: Readonly<Record<string, (m: SegmentMember) => string>> = {
    email: (m) => m.email,
    name: (m) => m.name,
    customer: (m) => m.key,
    stage: (m) => STAGE_LABELS[m.stage][lang],
    ltv: (m) => String(m.ltv),
    lastOrder: (m) => day(m.lastOrder),
    nextPurchase: (m) => day(m.nextPurchase),
    message: (m) => m.message,
    lineUserId: (m) => m.lineUserId,
  };
  const ids = segmentColumns(r.withLine).map((c) => c.header as ColumnId);
  return [ids.map((id) => COLUMN_LABELS[id][lang]), ...r.members.map((m) => ids.map((id) => text[id]!(m)))];
}

/**
 * The charset the Shift_JIS download is encoded with: Java's name of Microsoft's Shift_JIS
 * (java.nio.charset: "windows-31j", alias "MS932"), given to Apps Script's
 * Blob.setDataFromString(string, charset) (https://developers.google.com/apps-script/reference/base/blob).
 * 診断 checks in the owner's spreadsheet that it gives the bytes we expect (src/core/diagnostics.ts).
 */
export const SJIS_CHARSET = 'windows-31j';

/**
 * RFC 4180 text of rows: fields joined by commas, records by CRLF (also after the last); a field
 * holding a comma, a double quote, CR or LF is enclosed in double quotes, its quotes doubled
 * (RFC 4180 §2, rules 2, 6 and 7). A field a spreadsheet would run as a formula (=, +, -, @) gets a
 * leading apostrophe, as the add-on's tabs do (src/gas/writer.ts safeCell; OWASP "CSV Injection").
 */
export function csvText(rows: ReadonlyArray<ReadonlyArray<string>>): string {
  const field = (v: string): string => {
    const s = /^[=+\-@]/.test(v) ? `'${v}` : v;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(field).join(',') + '\r\n').join('');
}

/** LINE's audience file: one user ID a line (LINE Messaging API, "Create audience for uploading
 *  user IDs (by file)": a text file, one user ID or IFA per line). */
export function lineAudienceText(r: SegmentResult): string {
  const ids = [...new Set(r.members.map((m) => m.lineUserId).filter((id) => id !== ''))];
  return ids.map((id) => `${id}\n`).join('');
}

// ---------------------------------------------------------------------------------------------
// Characters an encoding cannot hold

export interface Unencodable {
  /** The CSV's line (1 = the header row). */
  readonly line: number;
  readonly column: string;
  /** The characters that cannot be held, in order of appearance, each once. */
  readonly chars: string;
}

const SEPARATOR = '\u0001';

/**
 * The cells holding characters the encoding cannot hold, found by a round trip through it (text →
 * bytes → text: what the encoder could not map comes back as "?", Java's replacement). A character
 * that comes back as another one it looks like (− U+2212 as － U+FF0D, Windows-31J's one-way
 * mappings) is held: the reader sees the same mark.
 * Two round trips in all: the cells joined, then the characters of the cells that changed.
 * @param roundTrip encodes and decodes a text in the target charset
 */
export function findUnencodable(rows: ReadonlyArray<ReadonlyArray<string>>, roundTrip: (text: string) => string): Unencodable[] {
  const cells: Array<{ line: number; column: string; text: string }> = [];
  const header = rows[0] ?? [];
  rows.forEach((r, i) => r.forEach((text, c) => cells.push({ line: i + 1, column: header[c] ?? '', text: text.split(SEPARATOR).join('') })));
  const back = roundTrip(cells.map((c) => c.text).join(SEPARATOR)).split(SEPARATOR);
  const changed = back.length === cells.length ? cells.filter((c, i) => back[i] !== c.text) : cells;
  if (changed.length === 0) return [];
  const chars = changed.map((c) => [...c.text]);
  const flat = chars.flat();
  const backChars = roundTrip(flat.join(SEPARATOR)).split(SEPARATOR);
  const bad = new Set(flat.filter((ch, i) => ch !== '?' && backChars[i] === '?'));
  const out: Unencodable[] = [];
  changed.forEach((c, i) => {
    const found = [...new Set(chars[i]!.filter((ch) => bad.has(ch)))];
    if (found.length > 0) out.push({ line: c.line, column: c.column, chars: found.join('') });
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Reading a definition (the sidebar's form, a stored property): validated field by field.

export interface SegmentProblem {
  /** The form field: 'name', 'ltv', 'daysSinceLast', 'message' or '' (the whole segment). */
  readonly field: string;
  readonly message: Text;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const both = (t: { ja: string; en: string }): Text => ({ ja: t.ja, en: t.en });

function pick<T extends string>(v: unknown, allowed: readonly T[]): T[] {
  if (!Array.isArray(v)) return [];
  return allowed.filter((x) => v.includes(x));
}

function readRange(v: unknown, field: string, problems: SegmentProblem[]): NumberRange {
  if (!isObject(v)) return NO_RANGE;
  const bound = (x: unknown): number | null | undefined => {
    if (x === null || x === undefined || x === '') return null;
    return typeof x === 'number' && Number.isInteger(x) && x >= 0 ? x : undefined;
  };
  const min = bound(v.min);
  const max = bound(v.max);
  if (min === undefined || max === undefined) {
    problems.push({ field, message: both(SEGMENT_TEXT.wholeNumber) });
    return NO_RANGE;
  }
  if (min !== null && max !== null && min > max) {
    problems.push({ field, message: both(SEGMENT_TEXT.rangeOrder) });
    return NO_RANGE;
  }
  return { min, max };
}

/**
 * A definition from untrusted data: each field checked; a problem makes `segment` undefined
 * (a stored segment with a problem is dropped, never half-applied).
 */
export function readSegment(v: unknown): { segment: SegmentDefinition | undefined; problems: SegmentProblem[] } {
  const problems: SegmentProblem[] = [];
  const s = isObject(v) ? v : {};
  const name = typeof s.name === 'string' ? s.name.trim() : '';
  if (name === '') problems.push({ field: 'name', message: both(SEGMENT_TEXT.nameMissing) });
  else if ([...name].length > MAX_SEGMENT_NAME) problems.push({ field: 'name', message: { ja: SEGMENT_TEXT.nameTooLong.ja(MAX_SEGMENT_NAME), en: SEGMENT_TEXT.nameTooLong.en(MAX_SEGMENT_NAME) } });
  else if (/[\u0000-\u001f\u007f]/.test(name)) problems.push({ field: 'name', message: both(SEGMENT_TEXT.nameChars) });
  const f = isObject(s.filters) ? s.filters : {};
  const filters: SegmentFilters = {
    registeredOnly: f.registeredOnly === true,
    hasEmail: f.hasEmail === true,
    hasLineUserId: f.hasLineUserId === true,
    ltv: readRange(f.ltv, 'ltv', problems),
    daysSinceLast: readRange(f.daysSinceLast, 'daysSinceLast', problems),
  };
  const message = typeof s.message === 'string' ? s.message : '';
  if (message.length > MAX_TEMPLATE_LENGTH) problems.push({ field: 'message', message: { ja: SEGMENT_TEXT.templateTooLong.ja(MAX_TEMPLATE_LENGTH), en: SEGMENT_TEXT.templateTooLong.en(MAX_TEMPLATE_LENGTH) } });
  const segment: SegmentDefinition = {
    name,
    stages: pick(s.stages, ALL_STAGES),
    tiers: pick(s.tiers, TIERS),
    vipOnly: s.vipOnly === true,
    lists: pick(s.lists, SEGMENT_LISTS),
    birthdaysThisMonth: s.birthdaysThisMonth === true,
    filters,
    message,
  };
  return { segment: problems.length === 0 ? segment : undefined, problems };
}

/** The stored segments, each validated; an invalid one or a second of the same name is dropped. */
export function readSegments(stored: unknown): SegmentDefinition[] {
  const list = isObject(stored) && Array.isArray(stored.segments) ? stored.segments : Array.isArray(stored) ? stored : [];
  const out: SegmentDefinition[] = [];
  for (const v of list) {
    const { segment } = readSegment(v);
    if (segment !== undefined && !out.some((s) => s.name === segment.name) && out.length < MAX_SEGMENTS) out.push(segment);
  }
  return out;
}
