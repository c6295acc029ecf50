/**
 * The sidebar's 施策 section, server side (issue 14): list the campaigns with their last result,
 * start one (its targets and comparison group frozen with their stage on the start day), delete
 * one. Each returns the section's whole view state, so the client only re-renders.
 *
 * Every export of this module is a sidebar server function (src/sidebar/serverFunctions.ts).
 */
import { analyze, readInputs, type Analysis } from '../core/analyze';
import { campaignViews, startCampaign as startCore, type CampaignView } from '../core/campaignReport';
import { CAMPAIGN_MOVES, DEFAULT_WINDOW_DAYS, MAX_NAME, MAX_NOTE, MAX_WINDOW_DAYS, moveText, readCampaignRequest, type CampaignProblem } from '../core/campaigns';
import { formatDay, type Day } from '../core/dates';
import { CAMPAIGN_TEXT, REFRESH_ERRORS, pickLang, type Lang } from '../core/labels';
import type { Settings } from '../core/settings';
import { zoneFor } from './env';
import { appendCampaign, readCampaignStore, removeCampaign, unreadableLines, writeCampaignTab } from './campaignStore';
import { message } from './properties';
import { readSources } from './refresh';
import { loadSettings } from './settingsStore';
import { segmentMembers } from '../core/segments';
import { currentSegmentInput } from './segmentInput';
import { findSegment, loadSegments } from './segmentStore';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** How long a click waits for a refresh that holds the lock. */
const LOCK_WAIT_MS = 2_000;
/** Campaigns kept at once: each is read at every refresh until its window ends. */
const MAX_CAMPAIGNS = 20;

type TextKey = { [K in keyof typeof CAMPAIGN_TEXT]: (typeof CAMPAIGN_TEXT)[K] extends Readonly<Record<Lang, string>> ? K : never }[keyof typeof CAMPAIGN_TEXT];

export interface CampaignsState {
  readonly lang: Lang;
  /** The section's words (those without arguments). */
  readonly text: Readonly<Record<TextKey, string>>;
  /** The moves a campaign may aim at: `from>to` and its words. */
  readonly moves: ReadonlyArray<{ readonly value: string; readonly label: string }>;
  /** Today in the spreadsheet's zone, `2026/11/30`: the start day's default. */
  readonly today: string;
  readonly defaultWindow: number;
  /** The saved segments' names (src/gas/segmentStore.ts), to start a campaign from. */
  readonly segments: readonly string[];
  readonly campaigns: readonly CampaignView[];
  /** Columns of the data sheet no campaign could be read from, in words (kept, never rewritten). */
  readonly unreadable: readonly string[];
  /** What the last action did, in words. */
  readonly message?: string;
  readonly ok?: boolean;
  /** Problems of the form's fields, by field name. */
  readonly problems?: ReadonlyArray<{ readonly field: string; readonly message: string }>;
}

interface Context {
  readonly ss: Spreadsheet;
  readonly settings: Settings;
  readonly lang: Lang;
  readonly zone: ReturnType<typeof zoneFor>;
  readonly asOf: Day;
}

function context(): Context {
  const ss = SpreadsheetApp.getActive();
  const settings = loadSettings();
  const lang = pickLang(settings.language, ss.getSpreadsheetLocale());
  const zone = zoneFor(ss.getSpreadsheetTimeZone());
  return { ss, settings, lang, zone, asOf: zone.dayOf(Date.now()) };
}

function textOf(lang: Lang): Record<TextKey, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(CAMPAIGN_TEXT)) {
    const t = (v as Record<string, unknown>)[lang];
    if (typeof t === 'string') out[k] = t;
  }
  return out as Record<TextKey, string>;
}

function state(c: Context, extra: Partial<CampaignsState> = {}): CampaignsState {
  const store = readCampaignStore(c.ss, false);
  return {
    lang: c.lang,
    text: textOf(c.lang),
    moves: CAMPAIGN_MOVES.map(([f, t]) => ({ value: `${f}>${t}`, label: moveText(f, t, c.lang) })),
    today: formatDay(c.asOf),
    defaultWindow: DEFAULT_WINDOW_DAYS,
    segments: loadSegments().map((x) => x.name),
    campaigns: campaignViews(store?.read.heads.map((h) => h.campaign) ?? [], c.asOf, c.lang),
    unreadable: unreadableLines(store, c.lang),
    ...extra,
  };
}

/** The section's view: the campaigns with the result of the last refresh (or of their start). */
export function listCampaigns(): CampaignsState {
  return state(context());
}

function withLock<T>(c: Context, busy: () => T, fn: () => T): T {
  const lock = LockService.getDocumentLock();
  if (lock === null || !lock.tryLock(LOCK_WAIT_MS)) return busy();
  try {
    return fn();
  } finally {
    lock.releaseLock();
  }
}

const PROBLEM_FIELD: Readonly<Record<CampaignProblem, string>> = { name: 'name', nameTaken: 'name', date: 'start', future: 'start', move: 'move', window: 'windowDays', note: 'note' };

function problemText(p: CampaignProblem, lang: Lang): string {
  const P = CAMPAIGN_TEXT.problems;
  switch (p) {
    case 'name':
      return P.name[lang](MAX_NAME);
    case 'window':
      return P.window[lang](MAX_WINDOW_DAYS);
    case 'note':
      return P.note[lang](MAX_NOTE);
    default:
      return P[p][lang]();
  }
}

/** The orders (and customers, survey) as the refresh reads them, analysed as of today. */
function analysisNow(c: Context): Analysis {
  const sources = readSources(c.ss, c.settings);
  if (sources.orders === undefined) throw new Error(REFRESH_ERRORS.noOrdersSheet[c.lang]);
  const read = readInputs({ orders: sources.orders.values, customers: sources.customers?.values, survey: sources.survey?.values }, { zone: c.zone, settings: c.settings, locale: c.ss.getSpreadsheetLocale() });
  return analyze(read, c.asOf, c.settings);
}

/**
 * Starts a campaign: `{ name, start ('2026/11/30', default today), move ('follower>supporter'),
 * windowDays, note, segment, keys }` — the targets are the saved segment's members today (its
 * definition run on the current data, src/core/segments.ts), else the `keys` given.
 */
export function startCampaign(input: unknown): CampaignsState {
  const c = context();
  const busy = (): CampaignsState => state(c, { ok: false, message: CAMPAIGN_TEXT.busy[c.lang] });
  return withLock(c, busy, () => {
    const o = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
    const [from, to] = typeof o.move === 'string' ? o.move.split('>') : [];
    const store = readCampaignStore(c.ss, false);
    const heads = store?.read.heads ?? [];
    if (heads.length >= MAX_CAMPAIGNS) return state(c, { ok: false, message: CAMPAIGN_TEXT.tooMany[c.lang](MAX_CAMPAIGNS) });
    const checked = readCampaignRequest({ ...o, from, to }, c.asOf, heads.map((h) => h.campaign.definition.name));
    if ('problems' in checked) {
      return state(c, { ok: false, problems: checked.problems.map((p) => ({ field: PROBLEM_FIELD[p], message: problemText(p, c.lang) })) });
    }
    const segmentName = checked.request.segment;
    const segment = segmentName === '' ? undefined : findSegment(segmentName);
    if (segmentName !== '' && segment === undefined) return state(c, { ok: false, problems: [{ field: 'segment', message: CAMPAIGN_TEXT.segmentGone[c.lang](segmentName) }] });
    let a: Analysis;
    let given: string[];
    try {
      if (segment !== undefined) {
        // The segment's members now: its definition on the same data a refresh reads.
        const { input: segmentInput } = currentSegmentInput(c.ss);
        a = segmentInput.analysis;
        given = segmentMembers(segmentInput, segment).members.map((m) => m.key);
      } else {
        a = analysisNow(c);
        given = Array.isArray(o.keys) ? o.keys.filter((k): k is string => typeof k === 'string').map((k) => k.trim()).filter((k) => k !== '') : [];
      }
    } catch (e) {
      return state(c, { ok: false, message: message(e) });
    }
    // Keys as the orders know them: an e-mail given for an ID-keyed shop is that customer's ID.
    const keys = given.map((k) => (a.byKey.has(k) ? k : (a.orders.keyForEmail(k.toLowerCase()) ?? k))).filter((k) => a.byKey.has(k));
    if (keys.length === 0) return state(c, { ok: false, message: CAMPAIGN_TEXT.noTargets[c.lang] });
    const id = `c${Utilities.getUuid().replace(/-/g, '').slice(0, 12)}`;
    const { campaign, groups } = startCore(checked.request, keys, a, c.settings, id, Date.now());
    appendCampaign(c.ss, campaign, groups, c.lang);
    const after = readCampaignStore(c.ss, false);
    writeCampaignTab(c.ss, after?.read.heads.map((h) => h.campaign) ?? [campaign], c.asOf, c.zone, c.lang, unreadableLines(after, c.lang));
    return state(c, { ok: true, message: CAMPAIGN_TEXT.started[c.lang](campaign.definition.name, groups.targets.length, groups.comparison.length) });
  });
}

/** Deletes a campaign and its frozen members; the 施策 sheet is rewritten without it. */
export function deleteCampaign(id: unknown): CampaignsState {
  const c = context();
  const busy = (): CampaignsState => state(c, { ok: false, message: CAMPAIGN_TEXT.busy[c.lang] });
  return withLock(c, busy, () => {
    const store = readCampaignStore(c.ss, false);
    const found = store?.read.heads.find((h) => h.campaign.definition.id === id);
    if (store === undefined || found === undefined || !removeCampaign(store, found.campaign.definition.id)) {
      return state(c, { ok: false, message: CAMPAIGN_TEXT.notFound[c.lang] });
    }
    const after = readCampaignStore(c.ss, false);
    writeCampaignTab(c.ss, after?.read.heads.map((h) => h.campaign) ?? [], c.asOf, c.zone, c.lang, unreadableLines(after, c.lang));
    return state(c, { ok: true, message: CAMPAIGN_TEXT.deleted[c.lang](found.campaign.definition.name) });
  });
}
