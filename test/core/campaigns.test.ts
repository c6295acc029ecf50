/**
 * 施策 / Campaigns (issue 14) as pure data: groups frozen on the start day, the move measured at the
 * window's end from the orders, the comparison group or the window before, purchases per head, the
 * verdict with its "too few to tell" rule, and what the data sheet keeps.
 */
import fc from 'fast-check';
import { analyze, readInputs, type Analysis } from '../../src/core/analyze';
import { campaignsGrid, campaignViews, measureAll, startCampaign } from '../../src/core/campaignReport';
import {
  MIN_GROUP,
  encodeCampaign,
  freezeGroups,
  measureCampaign,
  reached,
  readCampaignRequest,
  readMembers,
  readStore,
  readStoreHeads,
  type CampaignDefinition,
  type CampaignRequest,
} from '../../src/core/campaigns';
import { dayFromCivil, isoDay, makeZone, type Day } from '../../src/core/dates';
import type { StageId } from '../../src/core/labels';
import { ALL_STAGES } from '../../src/core/shared';
import { buildReport } from '../../src/core/report';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { Cell } from '../../src/core/values';

const zone = makeZone('Asia/Tokyo');
const S = dayFromCivil(2026, 10, 1);
const text = (d: Day): string => isoDay(d).replace(/-/g, '/');
const id = (p: string, i: number): string => `${p}${String(i).padStart(3, '0')}`;

/**
 * 60 visitors on the start day (one order ten days before). Of the 30 targets (T…), `targetMovers`
 * order again on `moveDay`; of the 30 others (C…), `otherMovers` do. A second order makes a
 * visitor a follower (SPEC §3: visitor is exactly one purchase).
 */
function shop(opts: { targetMovers: number; otherMovers: number; moveDay?: Day; targets?: number; others?: number; extra?: Cell[][] }): Cell[][] {
  const rows: Cell[][] = [['顧客ID', '注文日', '金額']];
  const moveDay = opts.moveDay ?? S + 10;
  for (let i = 0; i < (opts.targets ?? 30); i++) {
    rows.push([id('T', i), text(S - 10), 3000]);
    if (i < opts.targetMovers) rows.push([id('T', i), text(moveDay), 5000]);
  }
  for (let i = 0; i < (opts.others ?? 30); i++) {
    rows.push([id('C', i), text(S - 10), 3000]);
    if (i < opts.otherMovers) rows.push([id('C', i), text(moveDay), 4000]);
  }
  return [...rows, ...(opts.extra ?? [])];
}

const readOf = (orders: Cell[][]) => readInputs({ orders }, { zone, settings: DEFAULT_SETTINGS, locale: 'ja_JP' });
const at = (orders: Cell[][], day: Day): Analysis => analyze(readOf(orders), day, DEFAULT_SETTINGS);
const request = (over: Partial<CampaignRequest> = {}): CampaignRequest => ({ name: 'LINEでお礼', start: S, from: 'visitor', to: 'follower', windowDays: 30, note: '2回目の購入を後押しする', segment: 'ビジター', ...over });
const targetKeys = (n = 30) => Array.from({ length: n }, (_, i) => id('T', i));

describe('a campaign that worked and one that did not', () => {
  test('15 of 30 targets moved, 3 of 30 others: 効果あり, the rates and their Wilson intervals on the sheet', () => {
    const orders = shop({ targetMovers: 15, otherMovers: 3 });
    const { campaign, groups } = startCampaign(request(), targetKeys(), at(orders, S + 40), DEFAULT_SETTINGS, 'c1', 0);
    expect(groups.targets).toHaveLength(30);
    expect(groups.targets.every((m) => m.stage === 'visitor')).toBe(true);
    expect(groups.comparison).toHaveLength(30);
    const r = campaign.result!;
    expect(r.closed).toBe(true);
    expect([r.targets.movers, r.targets.n, r.referenceGroup!.movers, r.referenceGroup!.n]).toEqual([15, 30, 3, 30]);
    expect(r.reference).toBe('comparison');
    expect(r.verdict).toBe('effect');
    expect(r.difference!.low).toBeGreaterThan(0);
    // Purchases and revenue per head in the window: half the targets bought once for ¥5,000.
    expect(r.targets.purchasesPerHead).toBeCloseTo(0.5);
    expect(r.targets.revenuePerHead).toBeCloseTo(2500);
    expect(r.referenceGroup!.revenuePerHead).toBeCloseTo(400);
    const grid = campaignsGrid([campaign], S + 40, zone, 'ja').values.map((row) => row.filter((c) => c !== '').join(' | '));
    expect(grid).toContain('判定 | 効果あり | 対象の移動率が比較より高く、95%の幅でも差が0を上回っています');
    expect(grid.find((l) => l.startsWith('対象(開始日にビジター)'))).toBe('対象(開始日にビジター) | 30 | 15 | 0.5 | 33.2% – 66.8% | 0.5 | 2500');
    expect(grid).toContain('仮説(メモ) | 2回目の購入を後押しする');
  });

  test('8 of 30 and 7 of 30: 効果は見えません — the interval of the difference includes 0', () => {
    const orders = shop({ targetMovers: 8, otherMovers: 7 });
    const r = startCampaign(request(), targetKeys(), at(orders, S + 40), DEFAULT_SETTINGS, 'c2', 0).campaign.result!;
    expect(r.verdict).toBe('noEffect');
    expect(r.difference!.low).toBeLessThan(0);
    expect(r.difference!.high).toBeGreaterThan(0);
  });

  test(`fewer than ${MIN_GROUP} in a group: 判断できません, however large the difference`, () => {
    const orders = shop({ targetMovers: 10, otherMovers: 0, targets: MIN_GROUP - 1 });
    const r = startCampaign(request(), targetKeys(MIN_GROUP - 1), at(orders, S + 40), DEFAULT_SETTINGS, 'c3', 0).campaign.result!;
    expect(r.targets.n).toBe(MIN_GROUP - 1);
    expect(r.verdict).toBe('tooFew');
    const view = campaignViews([{ definition: { ...request(), id: 'c3', createdAt: 0 }, prior: undefined, result: r }], S + 40, 'ja')[0]!;
    expect(view.why).toBe(`少なすぎて判断できません(どちらの群も${MIN_GROUP}人以上必要です)`);
  });
});

describe('the window and its boundaries', () => {
  test('an order on the window’s last day counts; one the day after does not', () => {
    const last = shop({ targetMovers: 5, otherMovers: 0, moveDay: S + 30 });
    const after = shop({ targetMovers: 5, otherMovers: 0, moveDay: S + 31 });
    expect(startCampaign(request(), targetKeys(), at(last, S + 60), DEFAULT_SETTINGS, 'x', 0).campaign.result!.targets.movers).toBe(5);
    expect(startCampaign(request(), targetKeys(), at(after, S + 60), DEFAULT_SETTINGS, 'x', 0).campaign.result!.targets.movers).toBe(0);
  });

  test('an order on the start day is in the start stage, not a move', () => {
    const orders = shop({ targetMovers: 5, otherMovers: 0, moveDay: S });
    const { campaign, groups } = startCampaign(request(), targetKeys(), at(orders, S + 40), DEFAULT_SETTINGS, 'x', 0);
    // Those five were followers already on the start day: not in the rate, said so.
    expect(groups.targets.filter((m) => m.stage === 'follower')).toHaveLength(5);
    expect(campaign.result!.targets).toMatchObject({ n: 25, movers: 0 });
    expect(campaign.result!.otherTargets).toBe(5);
  });

  test('a campaign started today: nothing measured yet, 判断できません with why; running: an interim result', () => {
    const orders = shop({ targetMovers: 15, otherMovers: 3 });
    const today = startCampaign(request(), targetKeys(), at(orders, S), DEFAULT_SETTINGS, 'x', 0).campaign;
    expect(today.result!.verdict).toBe('notYet');
    expect(today.result!.closed).toBe(false);
    expect(campaignViews([today], S, 'ja')[0]!.status).toBe('今日始めたばかりです: 明日の更新から計測します');
    const running = startCampaign(request(), targetKeys(), at(orders, S + 12), DEFAULT_SETTINGS, 'x', 0).campaign;
    expect(running.result!.closed).toBe(false);
    expect(running.result!.targets.movers).toBe(15);
    expect(campaignViews([running], S + 12, 'ja')[0]!.status).toBe('計測中: 2026/10/13時点の途中経過(あと18日)');
  });

  test('everyone at the start stage targeted: compared with the same move in the window before', () => {
    // 60 visitors targeted; before the start, 40 customers were visitors on S − 30 and 10 of them moved by S.
    const before: Cell[][] = [];
    for (let i = 0; i < 40; i++) {
      before.push([id('P', i), text(S - 40), 3000]);
      if (i < 10) before.push([id('P', i), text(S - 20), 3000]);
    }
    const orders = shop({ targetMovers: 30, otherMovers: 30, extra: before });
    const keys = [...targetKeys(), ...Array.from({ length: 30 }, (_, i) => id('C', i))];
    const { campaign, groups } = startCampaign(request(), keys, at(orders, S + 40), DEFAULT_SETTINGS, 'x', 0);
    // The P customers: followers (10) or still visitors past 60 days? On S they are 50 days since: visitors, not targeted.
    expect(groups.comparison).toHaveLength(30);
    expect(campaign.prior).toEqual({ n: 40, movers: 10 });
    const everyone = startCampaign(request(), [...keys, ...Array.from({ length: 40 }, (_, i) => id('P', i))], at(orders, S + 40), DEFAULT_SETTINGS, 'x', 0).campaign;
    expect(everyone.result!.reference).toBe('prior');
    expect(everyone.result!.referenceGroup).toMatchObject({ n: 40, movers: 10 });
    expect(campaignsGrid([everyone], S + 40, zone, 'ja').values.some((r) => r[0] === '比較: 開始前の30日間の同じ移動(ビジターだった全員)')).toBe(true);
  });
});

describe('measurement invariants (property)', () => {
  const stage = fc.constantFrom<StageId>(...ALL_STAGES);
  const def = (from: StageId, to: StageId, windowDays: number): CampaignDefinition => ({ id: 'p', name: 'p', start: 100, from, to, windowDays, note: '', segment: '', createdAt: 0 });

  test('movers ≤ people; a customer is counted once; targets and comparison never overlap', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ minLength: 1, maxLength: 3 }), fc.tuple(stage, stage)),
        fc.array(fc.string({ minLength: 0, maxLength: 3 })),
        fc.constantFrom(...([['visitor', 'follower'], ['follower', 'supporter'], ['supporter', 'partner'], ['dormant', 'follower']] as const)),
        fc.integer({ min: 0, max: 60 }),
        (customers, keys, [from, to], elapsed) => {
          const startStages = new Map(Object.entries(customers).map(([k, [s]]) => [k, s]));
          const endStages = new Map(Object.entries(customers).map(([k, [, e]]) => [k, e]));
          const groups = freezeGroups(keys, from, startStages);
          const targetSet = new Set(groups.targets.map((m) => m.key));
          expect(targetSet.size).toBe(groups.targets.length);
          expect(groups.comparison.some((k) => targetSet.has(k))).toBe(false);
          expect(new Set(groups.comparison).size).toBe(groups.comparison.length);
          const r = measureCampaign({ definition: def(from, to, 30), groups, prior: undefined, asOf: 100 + elapsed, atEnd: (k) => endStages.get(k), orders: [] });
          expect(r.targets.movers).toBeLessThanOrEqual(r.targets.n);
          expect(r.targets.n + r.otherTargets).toBe(groups.targets.length);
          if (r.referenceGroup !== undefined) expect(r.referenceGroup.movers).toBeLessThanOrEqual(r.referenceGroup.n);
          expect(r.closed).toBe(elapsed >= 30);
          if (elapsed === 0) expect(r.verdict).toBe('notYet');
        },
      ),
    );
  });

  test('once the window has ended, a later refresh gives the same result, whatever orders come after', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 59 }), fc.integer({ min: 1, max: 70 })), { maxLength: 60 }), fc.integer({ min: 0, max: 40 }), (later, wait) => {
        const extra: Cell[][] = later.map(([i, d]) => [i < 30 ? id('T', i) : id('C', i - 30), text(S + d), 2000]);
        const orders = shop({ targetMovers: 6, otherMovers: 2, extra });
        const atClose = startCampaign(request(), targetKeys(), at(orders, S + 30), DEFAULT_SETTINGS, 'x', 0).campaign.result!;
        const afterwards = startCampaign(request(), targetKeys(), at(orders, S + 30 + wait), DEFAULT_SETTINGS, 'x', 0).campaign.result!;
        expect(afterwards).toEqual(atClose);
      }),
      { numRuns: 25 },
    );
  });

  test('reached: the target stage or higher on the ladder, never a stage off it', () => {
    expect(reached('follower', 'supporter')).toBe(true);
    expect(reached('supporter', 'follower')).toBe(false);
    expect(reached('follower', 'dormant')).toBe(false);
    expect(reached('follower', undefined)).toBe(false);
    fc.assert(fc.property(stage, (s) => expect(reached(s, s)).toBe(true)));
  });
});

describe('the data sheet and a refresh', () => {
  test('a campaign survives its three columns: definition, frozen groups, result; a key like 0012 stays text', () => {
    const orders = shop({ targetMovers: 15, otherMovers: 3 });
    const { campaign, groups } = startCampaign(request(), [...targetKeys(), '0012'], at(orders, S + 40), DEFAULT_SETTINGS, 'c9', 123);
    const cells = encodeCampaign(campaign, groups);
    expect(cells.every((r) => r.length === 3)).toBe(true);
    const [head] = readStoreHeads(cells.slice(0, 2));
    expect(head!.campaign).toEqual(campaign);
    expect(head!.members).toBe(31 + 30);
    const back = readMembers(cells.slice(2));
    expect(back).toEqual(groups);
    expect(back.targets.find((m) => m.key === '0012')!.stage).toBe('noPurchase');
  });

  test('readStore finds campaigns wherever a hand-inserted column moved them, and says what it could not read', () => {
    const orders = shop({ targetMovers: 15, otherMovers: 3 });
    const a = at(orders, S + 40);
    const one = encodeCampaign(startCampaign(request(), targetKeys(), a, DEFAULT_SETTINGS, 'c1', 0).campaign, { targets: [], comparison: [] }).slice(0, 2);
    const two = encodeCampaign(startCampaign({ ...request(), name: '二つ目' }, targetKeys(), a, DEFAULT_SETTINGS, 'c2', 0).campaign, { targets: [], comparison: [] }).slice(0, 2);
    // [c1][stray column][c2][c1 again][a newer layout]
    const newer = [['c3', 'fanFunnel.campaign.v2', 0], [JSON.stringify({ name: '新しい版' }), '', '']];
    const top = [0, 1].map((r) => [...one[r]!, r === 0 ? 'メモ' : '', ...two[r]!, ...one[r]!, ...newer[r]!]);
    const read = readStore(top);
    expect(read.heads.map((h) => [h.column, h.campaign.definition.name])).toEqual([
      [0, 'LINEでお礼'],
      [4, '二つ目'],
    ]);
    expect(read.unreadable).toEqual([
      { column: 3, width: 1, reason: 'stray' },
      { column: 7, width: 3, reason: 'duplicate', name: 'LINEでお礼' },
      { column: 10, width: 3, reason: 'version', name: '新しい版' },
    ]);
    expect(readStore([[], []])).toEqual({ heads: [], unreadable: [] });
  });

  test('the refresh measures running campaigns on its own analysis and keeps a closed result without reading members', () => {
    const orders = shop({ targetMovers: 15, otherMovers: 3 });
    const { campaign, groups } = startCampaign(request(), targetKeys(), at(orders, S + 5), DEFAULT_SETTINGS, 'c1', 0);
    expect(campaign.result!.targets.movers).toBe(0);
    const cells = encodeCampaign(campaign, groups);
    const heads = readStoreHeads(cells.slice(0, 2));
    const now = Date.parse(`${isoDay(S + 40)}T03:00:00Z`);
    const r = buildReport({ orders, settings: DEFAULT_SETTINGS, zone, locale: 'ja_JP', now, campaigns: { heads, members: new Map([['c1', readMembers(cells.slice(2))]]) } });
    const measured = r.campaigns![0]!;
    expect(measured.result).toMatchObject({ closed: true, verdict: 'effect', targets: { movers: 15 } });
    // The funnel tab's short section, after 今週やること.
    const lines = r.tabs.funnel.values.map((row) => row.filter((c) => c !== '').join(' | '));
    const at0 = lines.indexOf('施策(1件)');
    expect(at0).toBeGreaterThan(lines.findIndex((l) => l.startsWith('今週やること')));
    expect(lines[at0 + 1]).toBe('効果あり | LINEでお礼: ビジター → フォロワー 対象 50.0% (15/30) / 比較 10.0% (3/30)');
    // Frozen: with its members not read, the next refresh keeps it as it was.
    const again = measureAll({ heads: [{ column: 0, members: 60, campaign: measured }], members: new Map() }, at(orders, S + 90), DEFAULT_SETTINGS);
    expect(again[0]).toBe(measured);
  });

  test('no campaign: the funnel tab has no 施策 section, and the 施策 sheet says how to start one', () => {
    const orders = shop({ targetMovers: 1, otherMovers: 1 });
    const r = buildReport({ orders, settings: DEFAULT_SETTINGS, zone, locale: 'ja_JP', now: Date.parse('2026-11-10T03:00:00Z') });
    expect(r.tabs.funnel.values.some((row) => String(row[0]).startsWith('施策'))).toBe(false);
    expect(campaignsGrid([], S, zone, 'en').values.map((row) => row[0])).toContain(
      'No campaigns yet. Start one from a saved segment in the sidebar’s Campaigns section and its result appears here.',
    );
  });
});

describe('the owner’s form', () => {
  const asOf = dayFromCivil(2026, 11, 30);
  test('defaults: today and 30 days; the day in 2026/11/30 form', () => {
    const r = readCampaignRequest({ name: ' 同梱チラシ ', from: 'follower', to: 'supporter' }, asOf, []);
    expect(r).toEqual({ request: { name: '同梱チラシ', start: asOf, from: 'follower', to: 'supporter', windowDays: 30, note: '', segment: '' } });
    expect(readCampaignRequest({ name: 'a', start: '2026/11/01', from: 'dormant', to: 'follower', windowDays: '14' }, asOf, [])).toMatchObject({ request: { start: dayFromCivil(2026, 11, 1), windowDays: 14 } });
  });
  test('each wrong field is named', () => {
    expect(readCampaignRequest({ name: '', start: '2026/13/01', from: 'follower', to: 'partner', windowDays: 0 }, asOf, [])).toEqual({ problems: ['name', 'date', 'move', 'window'] });
    expect(readCampaignRequest({ name: 'a', start: '2026/12/01', from: 'visitor', to: 'follower' }, asOf, ['a'])).toEqual({ problems: ['nameTaken', 'future'] });
  });
});
