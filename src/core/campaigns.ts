/**
 * 施策 / Campaigns (issue 14): the owner acts on a list of customers and the add-on judges the
 * action by the fan-stage moves it caused (seed 002's target transitions, seed 000's short PDCA).
 *
 * A campaign is a definition (name, start day, the move it aims at, a window, the hypothesis, the
 * segment it came from) and two groups frozen on the day it starts, with each customer's stage on
 * that day: the targets, and the comparison group — every customer at the campaign's `from` stage
 * that day who was not targeted. Freezing is needed because History keeps each customer's stage
 * only at its latest snapshot and baseline, not per day.
 *
 * What "made the move within the window" means here: the window is the days after the start day
 * up to start + window (the start day's own orders are in the start stage). A customer moved when
 * their stage at the window's end E = min(as-of, start + window) — recomputed from the orders, a
 * pure analysis as of E — is the target stage or higher on the funnel's ladder (フォロワー→サポーター
 * counts a follower who became a パートナー too). It is the stage at E, not "ever inside the window":
 * a customer who rose and fell back inside the window did not make the move. Once E is the window's
 * last day the result no longer changes (orders after E are not looked at) and it is frozen.
 *
 * The rate of movers among the targets who were at `from` on the start day is compared with the
 * comparison group's, or — when everyone at `from` was targeted — with the same move in the window
 * before the start (customers at `from` on start − window, at the target stage on the start day).
 * Each rate gets a Wilson 95% interval, the difference Newcombe's (src/core/stats.ts). With fewer
 * than MIN_GROUP people in either group the verdict is 判断できません, whatever the numbers.
 */
import type { Order } from './orders';
import { TARGET_TRANSITIONS } from './funnel';
import { STAGE_LABELS, type Lang, type StageId } from './labels';
import { ALL_STAGES } from './shared';
import { newcombe, wilson, type Difference, type Interval } from './stats';
import { isoDay, parseIsoDay, type Day } from './dates';
import { compareCodePoints } from './ranking';
import { RUNG } from './thisWeek';

export const DEFAULT_WINDOW_DAYS = 30;
export const MAX_WINDOW_DAYS = 365;
/** Fewer people than this in the targets (at the start stage) or in the reference group: 判断できません. */
export const MIN_GROUP = 20;
export const MAX_NAME = 60;
export const MAX_NOTE = 500;

/** The moves a campaign may aim at: seed 002's four (SPEC §3). */
export const CAMPAIGN_MOVES = TARGET_TRANSITIONS;

/** A started campaign: what the owner asked for, named and dated. */
export interface CampaignDefinition extends CampaignRequest {
  /** Unique, stable: how the sidebar names it for deletion. */
  readonly id: string;
  /** When it was started (ms). */
  readonly createdAt: number;
}

export interface Member {
  readonly key: string;
  /** The customer's stage on the start day. */
  readonly stage: StageId;
}

export interface CampaignGroups {
  /** Every target, with their stage on the start day; the rate is over those at `from`. */
  readonly targets: readonly Member[];
  /** Customers at `from` on the start day who were not targeted. */
  readonly comparison: readonly string[];
}

/** The same move in the window before the start: everyone at `from` on start − window. */
export interface PriorWindow {
  readonly n: number;
  readonly movers: number;
}

export interface GroupResult {
  readonly n: number;
  readonly movers: number;
  /** undefined when n is 0. */
  readonly rate: number | undefined;
  readonly interval: Interval | undefined;
  /** Orders (amount ≥ 0) and revenue (refunds subtracted) in the window, per person; undefined
   *  when not measured (the prior window) or n is 0. */
  readonly purchasesPerHead: number | undefined;
  readonly revenuePerHead: number | undefined;
}

export type Verdict = 'effect' | 'noEffect' | 'tooFew' | 'notYet';
export type Reference = 'comparison' | 'prior' | 'none';

export interface CampaignResult {
  /** The day the stages were measured at: min(as-of, start + window). */
  readonly endDay: Day;
  /** The window is over: the result is final and frozen. */
  readonly closed: boolean;
  readonly targets: GroupResult;
  /** Targets who were not at `from` on the start day (not in the rate). */
  readonly otherTargets: number;
  readonly reference: Reference;
  /** The comparison group, or the prior window when everyone was targeted. */
  readonly referenceGroup: GroupResult | undefined;
  readonly difference: Difference | undefined;
  readonly verdict: Verdict;
}

export interface StoredCampaign {
  readonly definition: CampaignDefinition;
  readonly prior: PriorWindow | undefined;
  /** The last refresh's result (frozen once `closed`); undefined before the first measurement. */
  readonly result: CampaignResult | undefined;
}

/** The last day of the window. */
export const windowEnd = (d: CampaignDefinition): Day => d.start + d.windowDays;

/**
 * Whether a customer at `now` has made the move to `to`: the same stage, or — both on the ladder
 * (ビジター < フォロワー < サポーター < パートナー) — a higher one.
 */
export function reached(to: StageId, now: StageId | undefined): boolean {
  if (now === undefined) return false;
  if (now === to) return true;
  const a = RUNG[to];
  const b = RUNG[now];
  return a !== undefined && b !== undefined && b >= a;
}

/** Stage of a customer on a day; undefined for a key unknown then. */
export type StageOf = (key: string) => StageId | undefined;

/**
 * The groups on the start day: the targets (each key once, in the order given) with their stage,
 * and every other customer at `from`. A key the orders do not know on that day is 未購入.
 */
export function freezeGroups(targetKeys: Iterable<string>, from: StageId, everyone: ReadonlyMap<string, StageId>): CampaignGroups {
  const seen = new Set<string>();
  const targets: Member[] = [];
  for (const key of targetKeys) {
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    targets.push({ key, stage: everyone.get(key) ?? 'noPurchase' });
  }
  const comparison = [...everyone].filter(([k, s]) => s === from && !seen.has(k)).map(([k]) => k);
  comparison.sort(compareCodePoints);
  return { targets, comparison };
}

/** The same move in the window before the start: at `from` on start − window, reached `to` by the start. */
export function priorWindow(before: ReadonlyMap<string, StageId>, atStart: StageOf, from: StageId, to: StageId): PriorWindow {
  let n = 0;
  let movers = 0;
  for (const [key, s] of before) {
    if (s !== from) continue;
    n++;
    if (reached(to, atStart(key))) movers++;
  }
  return { n, movers };
}

function group(keys: readonly string[], to: StageId, atEnd: StageOf, spend: ReadonlyMap<string, { purchases: number; revenue: number }> | undefined): GroupResult {
  const n = keys.length;
  let movers = 0;
  let purchases = 0;
  let revenue = 0;
  for (const key of keys) {
    if (reached(to, atEnd(key))) movers++;
    const s = spend?.get(key);
    if (s !== undefined) {
      purchases += s.purchases;
      revenue += s.revenue;
    }
  }
  return {
    n,
    movers,
    rate: n === 0 ? undefined : movers / n,
    interval: n === 0 ? undefined : wilson(movers, n),
    purchasesPerHead: n === 0 || spend === undefined ? undefined : purchases / n,
    revenuePerHead: n === 0 || spend === undefined ? undefined : revenue / n,
  };
}

/** Orders and revenue per customer of the given keys, on the days after `start` up to `end`. */
export function spendInWindow(orders: readonly Order[], keys: ReadonlySet<string>, start: Day, end: Day): Map<string, { purchases: number; revenue: number }> {
  const out = new Map<string, { purchases: number; revenue: number }>();
  for (const o of orders) {
    if (o.day <= start || o.day > end || !keys.has(o.key)) continue;
    const s = out.get(o.key) ?? { purchases: 0, revenue: 0 };
    if (o.amount >= 0) s.purchases++;
    s.revenue += o.amount;
    out.set(o.key, s);
  }
  return out;
}

export interface MeasureInput {
  readonly definition: CampaignDefinition;
  readonly groups: CampaignGroups;
  readonly prior: PriorWindow | undefined;
  readonly asOf: Day;
  /** Stages at `endDay(definition, asOf)`. */
  readonly atEnd: StageOf;
  readonly orders: readonly Order[];
}

/** The day a campaign is measured at on a refresh as of `asOf`. */
export function measureDay(d: CampaignDefinition, asOf: Day): Day {
  return Math.max(d.start, Math.min(asOf, windowEnd(d)));
}

export function measureCampaign(input: MeasureInput): CampaignResult {
  const d = input.definition;
  const endDay = measureDay(d, input.asOf);
  const eligible = input.groups.targets.filter((m) => m.stage === d.from).map((m) => m.key);
  const comparison = input.groups.comparison;
  const keys = new Set([...eligible, ...comparison]);
  const spend = spendInWindow(input.orders, keys, d.start, endDay);
  const targets = group(eligible, d.to, input.atEnd, spend);
  let reference: Reference = 'none';
  let referenceGroup: GroupResult | undefined;
  if (comparison.length > 0) {
    reference = 'comparison';
    referenceGroup = group(comparison, d.to, input.atEnd, spend);
  } else if (input.prior !== undefined && input.prior.n > 0) {
    reference = 'prior';
    const { n, movers } = input.prior;
    referenceGroup = { n, movers, rate: movers / n, interval: wilson(movers, n), purchasesPerHead: undefined, revenuePerHead: undefined };
  }
  const difference = referenceGroup !== undefined && targets.n > 0 ? newcombe(targets.movers, targets.n, referenceGroup.movers, referenceGroup.n) : undefined;
  return {
    endDay,
    closed: input.asOf >= windowEnd(d),
    targets,
    otherTargets: input.groups.targets.length - eligible.length,
    reference,
    referenceGroup,
    difference,
    verdict: verdictOf(endDay - d.start, targets, referenceGroup, difference),
  };
}

/**
 * 判断できません when no day of the window has passed yet ('notYet') or either group has fewer than
 * MIN_GROUP people ('tooFew'); 効果あり when the whole 95% interval of the difference is above 0;
 * otherwise 効果は見えません (including a campaign that did worse).
 */
export function verdictOf(daysMeasured: number, targets: GroupResult, reference: GroupResult | undefined, difference: Difference | undefined): Verdict {
  if (daysMeasured <= 0) return 'notYet';
  if (reference === undefined || difference === undefined || targets.n < MIN_GROUP || reference.n < MIN_GROUP) return 'tooFew';
  return difference.low > 0 ? 'effect' : 'noEffect';
}

// ---------------------------------------------------------------------------------------------
// The owner's form (the sidebar's 施策を始める), read and checked.

export interface CampaignRequest {
  readonly name: string;
  readonly start: Day;
  readonly from: StageId;
  readonly to: StageId;
  readonly windowDays: number;
  /** The hypothesis (seed 000: act on a hypothesis, check it quickly). */
  readonly note: string;
  /** The saved segment the targets came from ('' when they were given as keys). */
  readonly segment: string;
}

export type CampaignProblem = 'name' | 'nameTaken' | 'date' | 'future' | 'move' | 'window' | 'note';

/** `2026/11/30` (the owner's shape) or `2026-11-30`; undefined for anything else. */
export function parseDayText(text: string): Day | undefined {
  const m = /^\s*(\d{4})[/-](\d{1,2})[/-](\d{1,2})\s*$/.exec(text);
  if (m === null) return undefined;
  return parseIsoDay(`${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`);
}

const STAGES: ReadonlySet<string> = new Set(ALL_STAGES);

/** The form's values, checked: a request, or each field's problem. */
export function readCampaignRequest(input: unknown, asOf: Day, taken: readonly string[]): { request: CampaignRequest } | { problems: CampaignProblem[] } {
  const o = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
  const problems: CampaignProblem[] = [];
  const name = text(o.name);
  if (name === '' || name.length > MAX_NAME) problems.push('name');
  else if (taken.includes(name)) problems.push('nameTaken');
  const startText = text(o.start);
  const start = startText === '' ? asOf : parseDayText(startText);
  if (start === undefined) problems.push('date');
  else if (start > asOf) problems.push('future');
  const from = text(o.from);
  const to = text(o.to);
  if (!STAGES.has(from) || !STAGES.has(to) || !CAMPAIGN_MOVES.some(([f, t]) => f === from && t === to)) problems.push('move');
  const w = o.windowDays === undefined || o.windowDays === '' ? DEFAULT_WINDOW_DAYS : Number(o.windowDays);
  if (!Number.isInteger(w) || w < 1 || w > MAX_WINDOW_DAYS) problems.push('window');
  const note = text(o.note);
  if (note.length > MAX_NOTE) problems.push('note');
  if (problems.length > 0) return { problems };
  return { request: { name, start: start!, from: from as StageId, to: to as StageId, windowDays: w, note, segment: text(o.segment).slice(0, 100) } };
}

// ---------------------------------------------------------------------------------------------
// Storage: the hidden 施策データ sheet, three columns per campaign (src/gas/campaignStore.ts).
//   row 1: the campaign's id, the layout's version, the number of members
//   row 2: the definition, the last result (frozen once closed), the prior window — as JSON
//   row 3…: key, group (T target, C comparison), stage code on the start day

export const STORE_WIDTH = 3;
export const STORE_VERSION = 'fanFunnel.campaign.v1';
/** Rows above the members. */
export const STORE_HEAD_ROWS = 2;

type Cell = string | number | boolean;

/** A campaign's three columns. */
export function encodeCampaign(c: StoredCampaign, groups: CampaignGroups): Cell[][] {
  const members = [...groups.targets.map((m): Cell[] => [m.key, 'T', m.stage]), ...groups.comparison.map((k): Cell[] => [k, 'C', c.definition.from])];
  return [[c.definition.id, STORE_VERSION, members.length], encodeHead(c), ...members];
}

/** Row 2 of a campaign's columns: what a refresh rewrites. */
export function encodeHead(c: StoredCampaign): Cell[] {
  return [JSON.stringify({ ...c.definition, start: isoDay(c.definition.start) }), c.result === undefined ? '' : JSON.stringify(c.result), c.prior === undefined ? '' : JSON.stringify(c.prior)];
}

const parse = (v: unknown): unknown => {
  if (typeof v !== 'string' || v === '') return undefined;
  try {
    return JSON.parse(v);
  } catch {
    return undefined;
  }
};
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function readDefinition(v: unknown, id: string): CampaignDefinition | undefined {
  if (!isObject(v)) return undefined;
  const start = typeof v.start === 'string' ? parseIsoDay(v.start) : undefined;
  if (v.id !== id || typeof v.name !== 'string' || start === undefined || !STAGES.has(v.from as string) || !STAGES.has(v.to as string)) return undefined;
  if (!Number.isInteger(v.windowDays) || (v.windowDays as number) < 1) return undefined;
  return {
    id,
    name: v.name,
    start,
    from: v.from as StageId,
    to: v.to as StageId,
    windowDays: v.windowDays as number,
    note: typeof v.note === 'string' ? v.note : '',
    segment: typeof v.segment === 'string' ? v.segment : '',
    createdAt: isNumber(v.createdAt) ? v.createdAt : 0,
  };
}

function readGroup(v: unknown): GroupResult | undefined {
  if (!isObject(v) || !isNumber(v.n) || !isNumber(v.movers) || v.movers > v.n || v.movers < 0) return undefined;
  const n = v.n;
  const movers = v.movers;
  const opt = (x: unknown): number | undefined => (isNumber(x) ? x : undefined);
  return {
    n,
    movers,
    rate: n === 0 ? undefined : movers / n,
    interval: n === 0 ? undefined : wilson(movers, n),
    purchasesPerHead: opt(v.purchasesPerHead),
    revenuePerHead: opt(v.revenuePerHead),
  };
}

/** A stored result, checked and with its intervals recomputed from the counts (never trusted as typed). */
function readResult(v: unknown, d: CampaignDefinition): CampaignResult | undefined {
  if (!isObject(v) || !isNumber(v.endDay)) return undefined;
  const targets = readGroup(v.targets);
  if (targets === undefined) return undefined;
  const reference: Reference = v.reference === 'comparison' || v.reference === 'prior' ? v.reference : 'none';
  const referenceGroup = reference === 'none' ? undefined : readGroup(v.referenceGroup);
  const difference = referenceGroup !== undefined && targets.n > 0 && referenceGroup.n > 0 ? newcombe(targets.movers, targets.n, referenceGroup.movers, referenceGroup.n) : undefined;
  const endDay = v.endDay;
  return {
    endDay,
    closed: v.closed === true && endDay >= windowEnd(d),
    targets,
    otherTargets: isNumber(v.otherTargets) ? v.otherTargets : 0,
    reference: referenceGroup === undefined ? 'none' : reference,
    referenceGroup,
    difference,
    verdict: verdictOf(endDay - d.start, targets, referenceGroup, difference),
  };
}

export interface StoreHead {
  /** 0-based column of the campaign's first column in the data sheet. */
  readonly column: number;
  readonly members: number;
  readonly campaign: StoredCampaign;
}

/**
 * Columns of the data sheet that hold something but no campaign this version can read: a layout
 * of a newer version, a definition that no longer parses (edited by hand), a second copy of a
 * campaign, or cells outside any campaign (a column inserted by hand). Reported, never rewritten.
 */
export interface UnreadableColumns {
  /** 0-based first column, and how many. */
  readonly column: number;
  readonly width: number;
  readonly reason: 'version' | 'definition' | 'duplicate' | 'stray';
  /** The campaign's name, when its definition still says it. */
  readonly name?: string;
}

export interface StoreRead {
  readonly heads: StoreHead[];
  readonly unreadable: UnreadableColumns[];
}

const VERSION_PREFIX = 'fanFunnel.campaign.';
const filled = (v: unknown): boolean => v !== '' && v !== null && v !== undefined;

/**
 * The campaigns in the data sheet's first two rows, found by their layout mark wherever they are
 * (a column inserted by hand shifts the campaigns after it, and loses none), and what could not be read.
 */
export function readStore(top: ReadonlyArray<ReadonlyArray<unknown>>): StoreRead {
  const ids = top[0] ?? [];
  const heads = top[1] ?? [];
  const out: StoreHead[] = [];
  const unreadable: UnreadableColumns[] = [];
  const seen = new Set<string>();
  const width = Math.max(ids.length, heads.length);
  let c = 0;
  while (c < width) {
    const mark = ids[c + 1];
    if (typeof mark === 'string' && mark.startsWith(VERSION_PREFIX)) {
      const id = ids[c];
      const raw = parse(heads[c]);
      const name = isObject(raw) && typeof raw.name === 'string' && raw.name !== '' ? raw.name : undefined;
      const definition = typeof id === 'string' && id !== '' && mark === STORE_VERSION ? readDefinition(raw, id) : undefined;
      if (definition === undefined || seen.has(definition.id)) {
        const reason = mark !== STORE_VERSION ? 'version' : definition === undefined ? 'definition' : 'duplicate';
        unreadable.push({ column: c, width: STORE_WIDTH, reason, ...(name === undefined ? {} : { name }) });
      } else {
        seen.add(definition.id);
        const prior = parse(heads[c + 2]);
        const p = isObject(prior) && isNumber(prior.n) && isNumber(prior.movers) && prior.movers <= prior.n ? { n: prior.n, movers: prior.movers } : undefined;
        const members = Number(ids[c + 2]);
        out.push({ column: c, members: Number.isInteger(members) && members > 0 ? members : 0, campaign: { definition, prior: p, result: readResult(parse(heads[c + 1]), definition) } });
      }
      c += STORE_WIDTH;
    } else if (filled(ids[c]) || filled(heads[c])) {
      // Next to the previous stray column: one report for the run.
      const last = unreadable[unreadable.length - 1];
      if (last !== undefined && last.reason === 'stray' && last.column + last.width === c) unreadable[unreadable.length - 1] = { ...last, width: last.width + 1 };
      else unreadable.push({ column: c, width: 1, reason: 'stray' });
      c += 1;
    } else c += 1;
  }
  return { heads: out, unreadable };
}

/** The campaigns in the data sheet's first two rows (what cannot be read: readStore). */
export function readStoreHeads(top: ReadonlyArray<ReadonlyArray<unknown>>): StoreHead[] {
  return readStore(top).heads;
}

/** A campaign's member rows (key, group, stage code) as frozen. */
export function readMembers(rows: ReadonlyArray<ReadonlyArray<unknown>>): CampaignGroups {
  const targets: Member[] = [];
  const comparison: string[] = [];
  for (const r of rows) {
    const key = typeof r[0] === 'number' ? String(r[0]) : r[0];
    if (typeof key !== 'string' || key === '') continue;
    if (r[1] === 'T') targets.push({ key, stage: STAGES.has(r[2] as string) ? (r[2] as StageId) : 'unclassified' });
    else if (r[1] === 'C') comparison.push(key);
  }
  return { targets, comparison };
}

/** The move in words: フォロワー → サポーター. */
export function moveText(from: StageId, to: StageId, lang: Lang): string {
  return `${STAGE_LABELS[from][lang]} → ${STAGE_LABELS[to][lang]}`;
}
