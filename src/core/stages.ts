/**
 * Fan stages (SPEC §3, seed 002). The rules are data: one row per stage, evaluated in order, the
 * first that matches wins. Keeping them as a table lets the precedence be tested as a table, and
 * lets an Unclassified customer be told exactly which conditions of the nearest stage they miss.
 */
import { CONDITION_LABELS, MESSAGES, STAGE_LABELS, type Lang, type StageId } from './labels';
import type { StageThresholds } from './settings';

/** What the rules look at. `daysSinceLast` is undefined for a customer with no purchase. */
export interface StageInput {
  readonly registered: boolean;
  readonly purchases: number;
  readonly daysSinceLast: number | undefined;
  readonly subscribed: boolean;
  readonly positiveReactions: number;
}

/** Half-open numeric interval [min, max). */
interface Interval {
  readonly min: number;
  readonly max: number;
}

interface Rule {
  readonly stage: StageId;
  readonly registered: boolean | undefined;
  readonly purchases: Interval;
  readonly daysSinceLast: Interval | undefined;
  readonly subscribed: boolean | undefined;
  readonly positiveReactions: Interval;
}

const ANY: Interval = { min: -Infinity, max: Infinity };
const atLeast = (min: number): Interval => ({ min, max: Infinity });
const below = (max: number): Interval => ({ min: -Infinity, max });

/** The five funnel stages, then Lapsed, in the order they are checked. */
export function stageRules(t: StageThresholds): readonly Rule[] {
  return [
    { stage: 'partner', registered: true, purchases: atLeast(t.partnerMinPurchases), daysSinceLast: below(t.activeDays), subscribed: true, positiveReactions: atLeast(t.partnerMinReactions) },
    { stage: 'supporter', registered: true, purchases: atLeast(1), daysSinceLast: below(t.activeDays), subscribed: true, positiveReactions: atLeast(t.supporterMinReactions) },
    { stage: 'visitor', registered: true, purchases: { min: 1, max: 2 }, daysSinceLast: below(t.activeDays), subscribed: false, positiveReactions: ANY },
    { stage: 'follower', registered: true, purchases: atLeast(1), daysSinceLast: below(t.lapseDays), subscribed: false, positiveReactions: ANY },
    { stage: 'dormant', registered: true, purchases: atLeast(1), daysSinceLast: atLeast(t.lapseDays), subscribed: false, positiveReactions: atLeast(t.dormantMinReactions) },
    // Lapsed: outside the funnel, but a rule of the same shape (registration does not matter:
    // unregistered customers were already taken out).
    { stage: 'lapsed', registered: undefined, purchases: atLeast(1), daysSinceLast: atLeast(t.lapseDays), subscribed: false, positiveReactions: below(t.dormantMinReactions) },
  ];
}

// The stage order lives with the other facts the sidebar shares (src/core/shared.ts).
export { ALL_STAGES, FUNNEL } from './shared';

export type ConditionId = 'registered' | 'purchases' | 'daysSinceLast' | 'subscribed' | 'positiveReactions';

/** One condition a customer fails, with what they have. */
export interface Unmet {
  readonly condition: ConditionId;
  readonly actual: number | boolean | undefined;
  readonly need: Interval | boolean;
}

export interface StageResult {
  readonly stage: StageId;
  /** For Unclassified: the nearest stage and what it misses. */
  readonly nearest?: { readonly stage: StageId; readonly unmet: readonly Unmet[] };
}

const inside = (v: number, i: Interval): boolean => v >= i.min && v < i.max;

function unmetOf(rule: Rule, m: StageInput): Unmet[] {
  const out: Unmet[] = [];
  if (rule.registered !== undefined && m.registered !== rule.registered) {
    out.push({ condition: 'registered', actual: m.registered, need: rule.registered });
  }
  if (!inside(m.purchases, rule.purchases)) out.push({ condition: 'purchases', actual: m.purchases, need: rule.purchases });
  if (rule.daysSinceLast !== undefined && (m.daysSinceLast === undefined || !inside(m.daysSinceLast, rule.daysSinceLast))) {
    out.push({ condition: 'daysSinceLast', actual: m.daysSinceLast, need: rule.daysSinceLast });
  }
  if (rule.subscribed !== undefined && m.subscribed !== rule.subscribed) {
    out.push({ condition: 'subscribed', actual: m.subscribed, need: rule.subscribed });
  }
  if (!inside(m.positiveReactions, rule.positiveReactions)) {
    out.push({ condition: 'positiveReactions', actual: m.positiveReactions, need: rule.positiveReactions });
  }
  return out;
}

/** Classifies one customer; `rules` from {@link stageRules}. */
export function classify(m: StageInput, rules: readonly Rule[]): StageResult {
  if (!m.registered) return { stage: 'unregistered' };
  // Every funnel rule needs a purchase (settings keep partnerMinPurchases ≥ 1), so "registered,
  // no purchase" is decided here without walking the table.
  if (m.purchases <= 0) return { stage: 'noPurchase' };
  for (const rule of rules) if (matches(rule, m)) return { stage: rule.stage };
  // Unclassified (rare): the nearest stage is one the customer could reach by acting — a
  // subscription is who they are, so only stages of their own subscription status count; on a
  // tie, the lower stage (the next step up, e.g. Supporter before Partner).
  let nearest: { stage: StageId; unmet: Unmet[] } | undefined;
  for (const rule of rules) {
    if (rule.subscribed !== undefined && rule.subscribed !== m.subscribed) continue;
    const unmet = unmetOf(rule, m);
    if (nearest === undefined || unmet.length <= nearest.unmet.length) nearest = { stage: rule.stage, unmet };
  }
  return nearest === undefined ? { stage: 'unclassified' } : { stage: 'unclassified', nearest };
}

/** `unmetOf(rule, m).length === 0` without building the list: this runs for every customer. */
function matches(rule: Rule, m: StageInput): boolean {
  return (
    (rule.registered === undefined || m.registered === rule.registered) &&
    inside(m.purchases, rule.purchases) &&
    (rule.daysSinceLast === undefined || (m.daysSinceLast !== undefined && inside(m.daysSinceLast, rule.daysSinceLast))) &&
    (rule.subscribed === undefined || m.subscribed === rule.subscribed) &&
    inside(m.positiveReactions, rule.positiveReactions)
  );
}

function describeNeed(need: Interval | boolean, lang: Lang): string {
  if (typeof need === 'boolean') return need ? MESSAGES.yes[lang] : MESSAGES.no[lang];
  const parts: string[] = [];
  if (need.min !== -Infinity) parts.push(MESSAGES.atLeast[lang](need.min));
  if (need.max !== Infinity) {
    // Integer counts: [1, 2) reads as "exactly 1".
    if (need.min !== -Infinity && need.max === need.min + 1) return MESSAGES.exactly[lang](need.min);
    parts.push(MESSAGES.below[lang](need.max));
  }
  return parts.join(MESSAGES.and[lang]);
}

function describeActual(v: number | boolean | undefined, lang: Lang): string {
  if (v === undefined) return MESSAGES.none[lang];
  if (typeof v === 'boolean') return v ? MESSAGES.yes[lang] : MESSAGES.no[lang];
  return String(v);
}

/** "Not a Supporter: positive reactions 1 (needs ≥ 2)" — for the customer table. */
export function describeUnclassified(result: StageResult, lang: Lang): string {
  if (result.nearest === undefined) return '';
  const failed = result.nearest.unmet
    .map((u) => MESSAGES.unmet[lang](CONDITION_LABELS[u.condition][lang], describeActual(u.actual, lang), describeNeed(u.need, lang)))
    .join(MESSAGES.listSeparator[lang]);
  return MESSAGES.unclassified[lang](STAGE_LABELS[result.nearest.stage][lang], failed);
}
