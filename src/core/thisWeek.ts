/**
 * 今週やること / This week (issue 17): who to contact this week, as short named lists with a reason
 * for each entry — likely to buy soon, worth winning back, birthdays in the next 7 days, new VIPs to
 * thank, customers who moved up a stage to congratulate. The funnel tab shows them first and the
 * sidebar at its top; an empty list says why and what would fill it.
 *
 * With too little data for the purchase model (src/core/predict), "buy soon" and "win back" come
 * from the shop's own rhythm (src/core/rhythm.ts), labelled as a rule of thumb (目安).
 *
 * Each list carries a stable definition (its id, what it is based on, and its parameters) so that a
 * segment for delivery (issue 14) can later be made from one without re-deciding what it meant.
 *
 * Pure: plain data in (the analysis, the prediction, the baseline snapshot, VIPs at the baseline
 * day), plain data out, in the analysis's language.
 */
import type { Analysis, CustomerView } from './analyze';
import { formatDay, type Day } from './dates';
import type { StageMap } from './funnel';
import { STAGE_LABELS, TAB_NAMES, THIS_WEEK_TEXT, TIER_LABELS, type Lang, type StageId, type TabId } from './labels';
import type { CustomerPrediction, PredictionResult } from './predict/predict';
import { BIRTHDAY_WINDOW_DAYS } from './predict/predict';
import { compareCodePoints, groupDigits } from './ranking';
import { RHYTHM_RULE, dueSoon, overdue, shopRhythm, type CustomerRhythm } from './rhythm';
import type { Settings } from './settings';

export type ThisWeekListId = 'buySoon' | 'winBack' | 'birthdays' | 'newVips' | 'movedUp';
export const THIS_WEEK_LISTS: readonly ThisWeekListId[] = ['buySoon', 'winBack', 'birthdays', 'newVips', 'movedUp'];

/** What a list is made from: the model, the shop's rhythm, the calendar, or the last snapshot. */
export type ListBasis = 'model' | 'rule' | 'calendar' | 'snapshot';

/**
 * How a list was made — stable across refreshes, so a segment (issue 14) can be defined by it:
 * the same id, basis and parameters give the same kind of list on any day.
 */
export interface ListDefinition {
  readonly id: ThisWeekListId;
  readonly basis: ListBasis;
  readonly params: Readonly<Record<string, number>>;
}

export interface ThisWeekEntry {
  readonly key: string;
  /** The customer's name, else ''. */
  readonly name: string;
  readonly stage: StageId | undefined;
  readonly reason: string;
}

export interface ThisWeekList {
  readonly definition: ListDefinition;
  readonly title: string;
  /** Every member, in the list's order, each with its reason. */
  readonly entries: readonly ThisWeekEntry[];
  /** How the list was made, when the reader must know (a rule of thumb, not a prediction). */
  readonly note: string | undefined;
  /** Why the list is empty and what would fill it; undefined when it is not empty. */
  readonly empty: string | undefined;
}

export interface ThisWeek {
  readonly lang: Lang;
  /** The as-of day and the last day of the week the lists look at. */
  readonly from: Day;
  readonly to: Day;
  readonly title: string;
  readonly lists: readonly ThisWeekList[];
}

export interface ThisWeekInput {
  readonly analysis: Analysis;
  readonly prediction: PredictionResult;
  readonly settings: Settings;
  /** The snapshot transitions are measured from (History), if there is one. */
  readonly baseline: { readonly day: Day; readonly stages: StageMap } | undefined;
  /** The customers who were VIPs on the baseline day; undefined without a baseline. */
  readonly vipsBefore: ReadonlySet<string> | undefined;
}

/** The funnel's ladder: a move to a higher rung is a move up (seed 002's target transitions). */
export const RUNG: Readonly<Partial<Record<StageId, number>>> = { visitor: 1, follower: 2, supporter: 3, partner: 4 };
/** Stages a customer "comes back" from when they reach the ladder again (一時離脱→フォロワー, 復帰). */
const AWAY: ReadonlySet<StageId> = new Set<StageId>(['dormant', 'lapsed']);

export function buildThisWeek(input: ThisWeekInput): ThisWeek {
  const a = input.analysis;
  const lang = a.lang;
  const T = THIS_WEEK_TEXT;
  const from = a.asOf;
  const to = a.asOf + BIRTHDAY_WINDOW_DAYS - 1;
  const lists: ThisWeekList[] = [
    ...purchaseLists(input),
    birthdayList(a, input.prediction, from, to),
    newVipList(input),
    movedUpList(input),
  ];
  return { lang, from, to, title: T.section[lang](formatDay(from), formatDay(to)), lists };
}

// ---------------------------------------------------------------------------------------------

const entry = (a: Analysis, key: string, reason: string): ThisWeekEntry => {
  const v = a.byKey.get(key);
  return { key, name: v?.metrics.name ?? '', stage: v?.stage.stage, reason };
};

const percent = (p: number): string => `${(p * 100).toFixed(0)}%`;

function list(definition: ListDefinition, title: string, entries: ThisWeekEntry[], empty: string, note?: string): ThisWeekList {
  return { definition, title, entries, note, empty: entries.length === 0 ? empty : undefined };
}

/** Buy soon and win back: from the model when it could be fitted, else from the shop's rhythm. */
function purchaseLists(input: ThisWeekInput): ThisWeekList[] {
  const { analysis: a, prediction: p, settings } = input;
  const lang = a.lang;
  const T = THIS_WEEK_TEXT;
  if (p.verdict.ok) {
    const buy = p.buySoon.map((r) => entry(a, r.key, T.modelBuySoon[lang](percent(r.pBuySoon))));
    const win = p.winBack.map((r) => entry(a, r.key, T.modelWinBack[lang](a.byKey.get(r.key)?.metrics.daysSinceLast ?? 0, modelValue(r, lang))));
    const o = p.options;
    return [
      list({ id: 'buySoon', basis: 'model', params: { days: o.soonDays, minProbability: o.soonMinProbability, max: o.listSize } }, T.title.buySoon.model[lang], buy, T.emptyModelBuySoon[lang](percent(o.soonMinProbability))),
      list({ id: 'winBack', basis: 'model', params: { max: o.listSize } }, T.title.winBack.model[lang], win, T.emptyModelWinBack[lang](settings.stages.lapseDays, settings.stages.dormantMinReactions)),
    ];
  }
  // The rule of thumb: said so, with why the model is not used.
  const rhythm = shopRhythm(a.orders.orders, a.asOf);
  const note = T.ruleNote[lang](p.verdict.message[lang]);
  const params = { ...RHYTHM_RULE, max: p.options.listSize };
  const defs = {
    buySoon: { id: 'buySoon', basis: 'rule', params } as const,
    winBack: { id: 'winBack', basis: 'rule', params } as const,
  };
  if (rhythm.interval === undefined) {
    return [
      list(defs.buySoon, T.title.buySoon.rule[lang], [], T.noRepeatBuyers[lang], note),
      list(defs.winBack, T.title.winBack.rule[lang], [], T.noRepeatBuyers[lang], note),
    ];
  }
  const all = [...rhythm.customers.values()];
  const ltv = (r: CustomerRhythm): number => a.byKey.get(r.key)?.metrics.ltv ?? 0;
  const byKey = (x: CustomerRhythm, y: CustomerRhythm): number => compareCodePoints(x.key, y.key);
  const soon = all
    .filter(dueSoon)
    .sort((x, y) => Math.abs(x.dueIn) - Math.abs(y.dueIn) || y.purchaseDays - x.purchaseDays || byKey(x, y))
    .slice(0, p.options.listSize);
  const away = all
    .filter((r) => overdue(r, a.byKey.get(r.key)?.metrics.subscribed === true))
    .sort((x, y) => ltv(y) - ltv(x) || byKey(x, y))
    .slice(0, p.options.listSize);
  return [
    list(defs.buySoon, T.title.buySoon.rule[lang], soon.map((r) => entry(a, r.key, rhythmText(r, lang) + dueText(r.dueIn, lang))), T.emptyRuleBuySoon[lang](rhythm.interval), note),
    list(
      defs.winBack,
      T.title.winBack.rule[lang],
      away.map((r) => entry(a, r.key, rhythmText(r, lang) + T.overdueTimes[lang]((r.daysSince / r.interval).toFixed(1), groupDigits(ltv(r))))),
      T.emptyRuleWinBack[lang],
      note,
    ),
  ];
}

function modelValue(r: CustomerPrediction, lang: Lang): string {
  return r.value12m !== undefined ? THIS_WEEK_TEXT.value12m[lang](groupDigits(r.value12m)) : THIS_WEEK_TEXT.expected90[lang](r.expected90.toFixed(1));
}

function rhythmText(r: CustomerRhythm, lang: Lang): string {
  return (r.own ? THIS_WEEK_TEXT.ownRhythm : THIS_WEEK_TEXT.shopRhythm)[lang](r.interval, r.daysSince);
}

function dueText(dueIn: number, lang: Lang): string {
  const T = THIS_WEEK_TEXT;
  return dueIn > 0 ? T.dueIn[lang](dueIn) : dueIn === 0 ? T.dueToday[lang] : T.pastDue[lang](-dueIn);
}

function birthdayList(a: Analysis, p: PredictionResult, from: Day, to: Day): ThisWeekList {
  const lang = a.lang;
  const T = THIS_WEEK_TEXT;
  const def: ListDefinition = { id: 'birthdays', basis: 'calendar', params: { days: BIRTHDAY_WINDOW_DAYS } };
  const entries = (p.birthdays ?? []).map((b) => entry(a, b.key, T.birthday[lang](formatDay(b.upcoming), b.upcoming - a.asOf)));
  const empty =
    a.customers === undefined ? T.noCustomersSheet[lang] : !a.customers.hasBirthday ? T.noBirthdayColumn[lang] : T.noBirthdays[lang](formatDay(from), formatDay(to));
  return list(def, T.title.birthdays[lang], entries, empty);
}

/** The VIP rule in words, from the settings (the VIP tab says it too when it is empty). */
export function vipRuleText(settings: Settings, lang: Lang): string {
  const v = settings.vip;
  return THIS_WEEK_TEXT.vipRule[lang](groupDigits(v.minLtv), v.minPurchases, v.mode);
}

function newVipList(input: ThisWeekInput): ThisWeekList {
  const { analysis: a, baseline, vipsBefore, settings } = input;
  const lang = a.lang;
  const T = THIS_WEEK_TEXT;
  const def: ListDefinition = { id: 'newVips', basis: 'snapshot', params: { minLtv: settings.vip.minLtv, minPurchases: settings.vip.minPurchases, count: settings.vip.count } };
  if (baseline === undefined || vipsBefore === undefined) return list(def, T.title.newVips[lang], [], T.noSnapshot[lang]);
  const entries = a.ranking
    .filter((r) => r.vip && !vipsBefore.has(r.customer.key))
    .map((r) => entry(a, r.customer.key, T.newVip[lang](groupDigits(r.customer.ltv), r.customer.purchases, r.tier === undefined ? '' : TIER_LABELS[r.tier][lang])));
  return list(def, T.title.newVips[lang], entries, T.noNewVips[lang](formatDay(baseline.day), vipRuleText(settings, lang)));
}

/** Whether a move from one stage to another is a move up the funnel (or a return to it). */
export function isMoveUp(before: StageId, now: StageId): boolean {
  const to = RUNG[now];
  if (to === undefined) return false;
  const from = RUNG[before];
  return from !== undefined ? to > from : AWAY.has(before);
}

function movedUpList(input: ThisWeekInput): ThisWeekList {
  const { analysis: a, baseline } = input;
  const lang = a.lang;
  const T = THIS_WEEK_TEXT;
  const def: ListDefinition = { id: 'movedUp', basis: 'snapshot', params: {} };
  if (baseline === undefined) return list(def, T.title.movedUp[lang], [], T.noSnapshot[lang]);
  const moved: Array<{ view: CustomerView; before: StageId }> = [];
  for (const view of a.byKey.values()) {
    const before = baseline.stages.get(view.metrics.key);
    if (before !== undefined && isMoveUp(before, view.stage.stage)) moved.push({ view, before });
  }
  // Highest rung reached first, then the biggest customers.
  moved.sort((x, y) => (RUNG[y.view.stage.stage] ?? 0) - (RUNG[x.view.stage.stage] ?? 0) || y.view.metrics.ltv - x.view.metrics.ltv || compareCodePoints(x.view.metrics.key, y.view.metrics.key));
  const entries = moved.map(({ view, before }) => {
    const f = STAGE_LABELS[before][lang];
    const t = STAGE_LABELS[view.stage.stage][lang];
    return entry(a, view.metrics.key, (AWAY.has(before) ? T.returned : T.movedUp)[lang](f, t));
  });
  return list(def, T.title.movedUp[lang], entries, T.noMovedUp[lang](formatDay(baseline.day)));
}

// ---------------------------------------------------------------------------------------------
// What the sidebar shows: the first few of each list, JSON-safe (google.script.run carries no Date).

/** Entries shown per list at the top of the funnel tab and in the sidebar. */
export const THIS_WEEK_SHOWN = 5;

export interface ThisWeekListView {
  readonly id: ThisWeekListId;
  readonly basis: ListBasis;
  readonly title: string;
  readonly total: number;
  readonly entries: ReadonlyArray<{ readonly key: string; readonly name: string; readonly reason: string }>;
  /** "and N more — where", when the list is longer than shown. */
  readonly more?: string;
  readonly note?: string;
  readonly empty?: string;
}

export interface ThisWeekView {
  readonly lang: Lang;
  readonly title: string;
  readonly lists: readonly ThisWeekListView[];
}

/** "他 N人 — where to see them all" for a list longer than shown. */
export function moreText(l: ThisWeekList, lang: Lang, shown = THIS_WEEK_SHOWN, tab: TabId = 'funnel'): string | undefined {
  const rest = l.entries.length - shown;
  return rest > 0 ? THIS_WEEK_TEXT.more[lang](rest, TAB_NAMES[tab][lang], l.title) : undefined;
}

/** Each list's note, unless a list before it carries the same one (buy soon and win back share
 *  "a rule of thumb, not a prediction": said once). */
export function notesOnce(lists: readonly ThisWeekList[]): Array<string | undefined> {
  const seen = new Set<string>();
  return lists.map((l) => {
    if (l.note === undefined || l.entries.length === 0 || seen.has(l.note)) return undefined;
    seen.add(l.note);
    return l.note;
  });
}

/** The view with the first `shown` entries of each list (fewer when a property must hold it). */
export function thisWeekView(w: ThisWeek, shown = THIS_WEEK_SHOWN): ThisWeekView {
  const notes = notesOnce(w.lists);
  return {
    lang: w.lang,
    title: w.title,
    lists: w.lists.map((l, i) => {
      const more = moreText(l, w.lang, shown);
      const note = notes[i];
      return {
        id: l.definition.id,
        basis: l.definition.basis,
        title: l.title,
        total: l.entries.length,
        entries: l.entries.slice(0, shown).map(({ key, name, reason }) => ({ key, name, reason })),
        ...(more !== undefined ? { more } : {}),
        ...(note !== undefined ? { note } : {}),
        ...(l.empty !== undefined ? { empty: l.empty } : {}),
      };
    }),
  };
}
