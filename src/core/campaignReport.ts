/**
 * Campaigns at a refresh (issue 14): measured from the same read inputs as every tab, shown as the
 * 施策 sheet's blocks, a short section of the funnel tab, and the sidebar's list.
 *
 * The refresh's cost is bounded: a running campaign is measured on the refresh's own analysis (its
 * window's end is today); a campaign whose window ended since the last refresh costs one analysis
 * per distinct end day, once — its result is then frozen in the data sheet and never recomputed
 * (nor are its members read again).
 */
import { analyze, type Analysis, type ReadInputs } from './analyze';
import {
  MIN_GROUP,
  freezeGroups,
  measureCampaign,
  measureDay,
  moveText,
  priorWindow,
  windowEnd,
  type CampaignGroups,
  type CampaignRequest,
  type CampaignResult,
  type GroupResult,
  type StoreHead,
  type StoredCampaign,
  type UnreadableColumns,
} from './campaigns';
import { formatDay, type Day, type Zone } from './dates';
import { stagesOf } from './funnel';
import { GridBuilder, type Grid, type NumberFormat } from './grid';
import { CAMPAIGN_TEXT, STAGE_LABELS, type Lang } from './labels';
import type { Settings } from './settings';
import type { Cell } from './values';

/** What the refresh read of the data sheet: every campaign's head, the members of those still measured. */
export interface CampaignsRead {
  readonly heads: readonly StoreHead[];
  /** By campaign id; only for campaigns whose result is not frozen. */
  readonly members: ReadonlyMap<string, CampaignGroups>;
  /** Columns that hold something no campaign could be read from: reported, never rewritten. */
  readonly unreadable?: readonly UnreadableColumns[];
}

/** Which campaigns a refresh must read the members of: those without a final result. */
export const needsMembers = (h: StoreHead): boolean => h.campaign.result?.closed !== true;

/**
 * Every campaign's result on a refresh as of `a.asOf`: frozen results as they are, the others
 * measured (one extra analysis per distinct past end day).
 */
export function measureAll(read: CampaignsRead, a: Analysis, settings: Settings): StoredCampaign[] {
  const past = new Map<Day, Analysis>();
  const analysisAt = (day: Day): Analysis => {
    if (day === a.asOf) return a;
    let x = past.get(day);
    if (x === undefined) {
      x = analyze(a as ReadInputs, day, settings);
      past.set(day, x);
    }
    return x;
  };
  return read.heads.map((h) => {
    const c = h.campaign;
    if (c.result?.closed === true) return c;
    const groups = read.members.get(c.definition.id);
    if (groups === undefined) return c;
    const day = measureDay(c.definition, a.asOf);
    const end = analysisAt(day);
    const result = measureCampaign({
      definition: c.definition,
      groups,
      prior: c.prior,
      asOf: a.asOf,
      atEnd: (key) => end.byKey.get(key)?.stage.stage,
      orders: a.orders.orders,
    });
    return { ...c, result };
  });
}

/**
 * A new campaign from the owner's request and its target keys: groups frozen with their stage on
 * the start day, and the same move in the window before it.
 */
export function startCampaign(request: CampaignRequest, keys: Iterable<string>, a: Analysis, settings: Settings, id: string, now: number): { campaign: StoredCampaign; groups: CampaignGroups } {
  const at = (day: Day): Analysis => (day === a.asOf ? a : analyze(a as ReadInputs, day, settings));
  const atStart = at(request.start);
  const groups = freezeGroups(keys, request.from, stagesOf(atStart));
  const before = at(request.start - request.windowDays);
  const prior = priorWindow(stagesOf(before), (k) => atStart.byKey.get(k)?.stage.stage, request.from, request.to);
  const definition = { id, ...request, createdAt: now };
  const end = at(measureDay(definition, a.asOf));
  const result = measureCampaign({ definition, groups, prior, asOf: a.asOf, atEnd: (k) => end.byKey.get(k)?.stage.stage, orders: a.orders.orders });
  return { campaign: { definition, prior, result }, groups };
}

// ---------------------------------------------------------------------------------------------
// Words and numbers as the owner reads them.

const percent = (x: number | undefined): string => (x === undefined ? '—' : `${(x * 100).toFixed(1)}%`);
const range = (low: number, high: number): string => `${(low * 100).toFixed(1)}% – ${(high * 100).toFixed(1)}%`;

/** "12.0% (6/50)". */
export function rateText(g: GroupResult | undefined): string {
  return g === undefined || g.rate === undefined ? '—' : `${percent(g.rate)} (${g.movers}/${g.n})`;
}

export function statusText(c: StoredCampaign, asOf: Day, lang: Lang): string {
  const T = CAMPAIGN_TEXT;
  const r = c.result;
  if (r === undefined) return T.notMeasured[lang];
  if (r.closed) return T.closed[lang];
  if (r.endDay <= c.definition.start) return T.startedToday[lang];
  return T.open[lang](formatDay(r.endDay), Math.max(0, windowEnd(c.definition) - asOf));
}

export function verdictText(r: CampaignResult | undefined, lang: Lang): string {
  if (r === undefined) return CAMPAIGN_TEXT.notMeasured[lang];
  return CAMPAIGN_TEXT.verdicts[r.verdict][lang];
}

export function whyText(r: CampaignResult | undefined, lang: Lang): string {
  if (r === undefined) return '';
  const w = CAMPAIGN_TEXT.why;
  return r.verdict === 'tooFew' ? w.tooFew[lang](MIN_GROUP) : w[r.verdict][lang];
}

function referenceLabel(c: StoredCampaign, lang: Lang): string {
  const d = c.definition;
  const from = STAGE_LABELS[d.from][lang];
  return c.result?.reference === 'prior' ? CAMPAIGN_TEXT.prior[lang](d.windowDays, from) : CAMPAIGN_TEXT.comparison[lang](from);
}

/** A sheet's column letters, 0-based: 0 → A, 26 → AA. */
export function columnLetters(column: number): string {
  let n = column + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** What the owner reads about columns of the data sheet no campaign could be read from. */
export function unreadableText(u: UnreadableColumns, dataSheet: string, lang: Lang): string {
  const columns = u.width === 1 ? columnLetters(u.column) : `${columnLetters(u.column)}–${columnLetters(u.column + u.width - 1)}`;
  return CAMPAIGN_TEXT.unreadable[lang](dataSheet, columns, u.name, u.reason);
}

/**
 * The 施策 sheet: the method, what of the data sheet could not be read, then a block per campaign,
 * newest first; empty, it says why.
 */
export function campaignsGrid(list: readonly StoredCampaign[], asOf: Day, zone: Zone, lang: Lang, unreadable: readonly string[] = []): Grid {
  const T = CAMPAIGN_TEXT;
  const g = new GridBuilder();
  g.line([T.title[lang]], [], true);
  g.line([T.method[lang](MIN_GROUP)]);
  g.blank();
  for (const u of unreadable) g.line([u], [], true);
  if (unreadable.length > 0) g.blank();
  if (list.length === 0 && unreadable.length === 0) g.line([T.none[lang]]);
  for (const c of newestFirst(list)) {
    const d = c.definition;
    const r = c.result;
    const from = STAGE_LABELS[d.from][lang];
    g.line([d.name], [], true);
    g.line([T.start[lang], zone.midnight(d.start), T.move[lang], moveText(d.from, d.to, lang), T.window[lang], T.windowDays[lang](d.windowDays, formatDay(windowEnd(d)))], ['', 'date', '', '', '', '']);
    g.line([T.status[lang], statusText(c, asOf, lang)]);
    g.line([T.hypothesis[lang], d.note]);
    g.line([T.segment[lang], d.segment === '' ? T.noSegment[lang] : d.segment]);
    g.line([T.group[lang], T.people[lang], T.movers[lang], T.rate[lang], T.interval[lang], T.purchasesPerHead[lang], T.revenuePerHead[lang]], [], true);
    const formats: NumberFormat[] = ['', 'integer', 'integer', 'percent', '', 'decimal', 'yen'];
    const row = (label: string, x: GroupResult): Cell[] => [
      label,
      x.n,
      x.movers,
      x.rate ?? '',
      x.interval === undefined ? '' : range(x.interval.low, x.interval.high),
      x.purchasesPerHead ?? '',
      x.revenuePerHead ?? '',
    ];
    if (r !== undefined) {
      g.line(row(T.targets[lang](from), r.targets), formats);
      if (r.referenceGroup !== undefined) g.line(row(referenceLabel(c, lang), r.referenceGroup), formats);
      else g.line([T.noReference[lang](from)]);
      if (r.difference !== undefined) g.line([T.difference[lang], '', '', r.difference.estimate, range(r.difference.low, r.difference.high)], ['', '', '', 'percent', '']);
      g.line([T.verdict[lang], verdictText(r, lang), whyText(r, lang)], [], true);
      if (r.otherTargets > 0) g.line([T.otherTargets[lang](r.otherTargets, from)]);
    } else {
      g.line([T.notMeasured[lang]]);
    }
    g.blank();
  }
  return { ...g.build(1), columnWidths: [220, 110, 90, 150, 140, 170, 150] };
}

const newestFirst = (list: readonly StoredCampaign[]): StoredCampaign[] =>
  [...list].sort((x, y) => y.definition.start - x.definition.start || y.definition.createdAt - x.definition.createdAt);

/** Campaigns shown on the funnel tab; the rest are on the 施策 sheet. */
export const FUNNEL_CAMPAIGNS_SHOWN = 3;

/** The funnel tab's short section (after 今週やること): a line per campaign, newest first. Nothing without campaigns. */
export function funnelCampaignLines(list: readonly StoredCampaign[], lang: Lang): Array<{ text: string; verdict: string }> {
  const T = CAMPAIGN_TEXT;
  const shown = newestFirst(list).slice(0, FUNNEL_CAMPAIGNS_SHOWN);
  const lines = shown.map((c) => ({
    text: T.funnelLine[lang](c.definition.name, moveText(c.definition.from, c.definition.to, lang), rateText(c.result?.targets), rateText(c.result?.referenceGroup)),
    verdict: verdictText(c.result, lang),
  }));
  if (list.length > shown.length) lines.push({ text: T.funnelMore[lang](list.length - shown.length, T.tabName[lang]), verdict: '' });
  return lines;
}

/** What the sidebar shows of a campaign (JSON-safe). */
export interface CampaignView {
  readonly id: string;
  readonly name: string;
  readonly start: string;
  readonly move: string;
  readonly status: string;
  readonly targets: string;
  readonly reference: string;
  readonly referenceLabel: string;
  readonly verdict: string;
  readonly verdictId: CampaignResult['verdict'] | 'none';
  readonly why: string;
  readonly note: string;
  readonly segment: string;
}

export function campaignView(c: StoredCampaign, asOf: Day, lang: Lang): CampaignView {
  const d = c.definition;
  return {
    id: d.id,
    name: d.name,
    start: formatDay(d.start),
    move: moveText(d.from, d.to, lang),
    status: statusText(c, asOf, lang),
    targets: rateText(c.result?.targets),
    reference: rateText(c.result?.referenceGroup),
    referenceLabel: referenceLabel(c, lang),
    verdict: verdictText(c.result, lang),
    verdictId: c.result?.verdict ?? 'none',
    why: whyText(c.result, lang),
    note: d.note,
    segment: d.segment,
  };
}

export function campaignViews(list: readonly StoredCampaign[], asOf: Day, lang: Lang): CampaignView[] {
  return newestFirst(list).map((c) => campaignView(c, asOf, lang));
}
