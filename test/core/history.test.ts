import fc from 'fast-check';
import { runInNewContext } from 'node:vm';
import { DAY_MS, dayFromCivil, makeZone } from '../../src/core/dates';
import { withNotice } from '../../src/core/grid';
import { baselineFor, historyGrid, historyTab, readHistory, recordSnapshot, type History } from '../../src/core/history';
import { STAGE_LABELS, type StageId } from '../../src/core/labels';
import { ALL_STAGES } from '../../src/core/stages';

const zone = makeZone('Asia/Tokyo');
const stage = fc.constantFrom(...ALL_STAGES);
const counts = fc.tuple(...ALL_STAGES.map(() => fc.nat(500))).map((ns) => Object.fromEntries(ALL_STAGES.map((s, i) => [s, ns[i]!])) as Record<StageId, number>);

describe('History tab (SPEC §6): written by the add-on, read back at the next refresh', () => {
  test('what is written reads back the same (property), in either language', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: dayFromCivil(2020, 1, 1), max: dayFromCivil(2030, 1, 1) }), { minLength: 1, maxLength: 6 }),
        fc.array(counts, { minLength: 6, maxLength: 6 }),
        fc.dictionary(fc.stringMatching(/^[A-Za-z0-9@.]{1,8}$/), stage, { maxKeys: 12 }),
        fc.dictionary(fc.stringMatching(/^[A-Za-z0-9@.]{1,8}$/), stage, { maxKeys: 12 }),
        fc.constantFrom<'ja' | 'en'>('ja', 'en'),
        (days, cs, now, before, lang) => {
          const sorted = [...days].sort((a, b) => a - b);
          const latestDay = sorted.at(-1)!;
          const history: History = {
            rows: sorted.map((d, i) => ({ asOf: d, refreshedAt: d * 86_400_000 + 3_600_000, counts: cs[i]! })),
            latest: { day: latestDay, stages: new Map(Object.entries(now)) },
            baseline: { day: latestDay - 7, stages: new Map(Object.entries(before)) },
          };
          const back = readHistory(historyGrid(history, zone, lang), zone);
          expect(back.rows).toEqual(history.rows);
          expect(back.latest!.day).toBe(latestDay);
          expect(new Map(back.latest!.stages)).toEqual(new Map(Object.entries(now)));
          // The baseline is kept for the customers of the latest snapshot.
          const expected = new Map(Object.entries(before).filter(([k]) => Object.prototype.hasOwnProperty.call(now, k)));
          expect(back.baseline!.day).toBe(latestDay - 7);
          expect(new Map(back.baseline!.stages)).toEqual(expected);
        },
      ),
      { numRuns: 100 },
    );
  });

  test('the baseline is an earlier day’s snapshot; a same-day refresh keeps the previous baseline', () => {
    const d = dayFromCivil(2024, 6, 10);
    const first = recordSnapshot({ rows: [] }, { asOf: d, refreshedAt: 0, counts: {} as Record<StageId, number> }, new Map([['A', 'visitor']]), undefined);
    expect(baselineFor(first, d)).toBeUndefined();
    expect(baselineFor(first, d + 1)?.day).toBe(d);
    const second = recordSnapshot(first, { asOf: d + 1, refreshedAt: 1, counts: {} as Record<StageId, number> }, new Map([['A', 'follower']]), baselineFor(first, d + 1));
    expect(baselineFor(second, d + 1)?.day).toBe(d);
    expect(baselineFor(second, d + 1)?.stages.get('A')).toBe('visitor');
    expect(baselineFor(second, d)).toBeUndefined();
    const again = recordSnapshot(second, { asOf: d + 1, refreshedAt: 2, counts: {} as Record<StageId, number> }, new Map([['A', 'follower']]), baselineFor(second, d + 1));
    expect(again.rows.map((r) => r.refreshedAt)).toEqual([0, 2]);
  });

  test('an unreadable History tab (edited by hand) is a fresh start, not an error', () => {
    expect(readHistory([['?'], ['not a date', 'x']], zone)).toEqual({ rows: [] });
    expect(readHistory([], zone)).toEqual({ rows: [] });
  });
});

describe('History tab layout and reading it back', () => {
  const d = dayFromCivil(2024, 6, 10);
  const countsOf = (n: number): Record<StageId, number> => Object.fromEntries(ALL_STAGES.map((s, i) => [s, n + i])) as Record<StageId, number>;
  const history: History = {
    rows: [
      { asOf: d, refreshedAt: d * DAY_MS + 3_600_000, counts: countsOf(1) },
      { asOf: d + 7, refreshedAt: (d + 7) * DAY_MS + 3_600_000, counts: countsOf(10) },
    ],
    latest: { day: d + 7, stages: new Map<string, StageId>([['A', 'follower'], ['B', 'visitor'], ['C', 'partner']]) },
    baseline: { day: d, stages: new Map<string, StageId>([['A', 'visitor']]) },
  };

  test('a snapshot row per day with each stage’s count and their total; the customers beside, with then and now', () => {
    const grid = historyGrid(history, zone, 'en');
    const width = 2 + ALL_STAGES.length + 1;
    expect(grid[0]!.slice(0, 2)).toEqual(['As of', 'Refreshed at']);
    expect(grid[0]!.slice(2, width - 1)).toEqual(ALL_STAGES.map((s) => STAGE_LABELS[s].en));
    expect(grid[0]![width - 1]).toBe('Total');
    expect(grid[0]!.slice(width, width + 4)).toEqual(['', 'Customer', 'Stage 2024/06/17', 'Baseline 2024/06/10']);
    // One row per snapshot or customer, whichever is more.
    expect(grid).toHaveLength(1 + 3);
    expect(grid[1]!.slice(0, 2)).toEqual([zone.midnight(d), new Date(d * DAY_MS + 3_600_000)]);
    expect(grid[2]![width - 1]).toBe(ALL_STAGES.reduce((t, _s, i) => t + 10 + i, 0));
    expect(grid[3]!.slice(0, width)).toEqual(new Array(width).fill(''));
    expect(grid.slice(1).map((r) => r.slice(width + 1))).toEqual([
      ['A', 'Follower', 'Visitor', 'follower', 'visitor'],
      ['B', 'Visitor', '', 'visitor', ''],
      ['C', 'Partner', '', 'partner', ''],
    ]);
    expect(historyGrid(history, zone, 'ja')[0]!.slice(0, 2)).toEqual(['基準日', '更新日時']);
    // The two blocks are kept apart by one blank column.
    expect(grid.every((r) => r[width] === '')).toBe(true);
  });

  test('more snapshots than customers: the customer block is blank below its last customer', () => {
    const longer: History = { ...history, rows: [...history.rows, ...[14, 21].map((n) => ({ asOf: d + n, refreshedAt: 0, counts: countsOf(0) }))], latest: { day: d + 21, stages: new Map([['A', 'visitor']]) } };
    const grid = historyGrid(longer, zone, 'en');
    const width = 2 + ALL_STAGES.length + 1;
    expect(grid).toHaveLength(1 + 4);
    expect(grid.slice(1).map((r) => r.slice(width))).toEqual([
      ['', 'A', 'Visitor', 'Visitor', 'visitor', 'visitor'],
      ['', '', '', '', '', ''],
      ['', '', '', '', '', ''],
      ['', '', '', '', '', ''],
    ]);
  });

  test('the stage codes (internal ids) are in hidden columns; the owner sees labels and 2024/06/17 dates only', () => {
    const tab = historyTab(history, zone, 'ja');
    const width = 2 + ALL_STAGES.length + 1;
    expect(tab.hiddenColumns).toEqual([width + 4, width + 5]);
    const visible = tab.values.map((r) => r.filter((_, c) => !tab.hiddenColumns!.includes(c)));
    const text = visible.flat().filter((v): v is string => typeof v === 'string');
    for (const id of ALL_STAGES) expect(text).not.toContain(id);
    expect(text.some((t) => /\d{4}-\d{2}-\d{2}/.test(t))).toBe(false);
    expect(tab.values[0]!.slice(width + 2, width + 4)).toEqual(['ステージ 2024/06/17', '比較元 2024/06/10']);
  });

  test('a History tab written before issue 17 (ISO days in its headers, codes visible) reads the same', () => {
    const grid = historyGrid(history, zone, 'en').map((r) => [...r]);
    const width = 2 + ALL_STAGES.length + 1;
    grid[0]![width + 2] = 'Stage 2024-06-17';
    grid[0]![width + 3] = 'Baseline 2024-06-10';
    const back = readHistory(grid, zone);
    expect(back.latest?.day).toBe(d + 7);
    expect(back.baseline?.day).toBe(d);
    expect([...back.latest!.stages]).toEqual([...history.latest!.stages]);
    expect(readHistory(historyGrid(history, zone, 'ja'), zone)).toEqual(back);
  });

  test('no snapshot yet: only the header, without dates', () => {
    const grid = historyGrid({ rows: [] }, zone, 'en');
    expect(grid).toHaveLength(1);
    expect(grid[0]!.slice(-5)).toEqual(['Customer', '', '', 'code', 'baseline code']);
  });

  test('snapshots are kept one per day in as-of order; a snapshot of a day already there replaces it', () => {
    const row = (asOf: number, refreshedAt: number) => ({ asOf, refreshedAt, counts: countsOf(0) });
    let h: History = { rows: [row(d + 7, 1), row(d, 2)] };
    h = recordSnapshot(h, row(d + 3, 3), new Map(), undefined);
    expect(h.rows.map((r) => [r.asOf - d, r.refreshedAt])).toEqual([[0, 2], [3, 3], [7, 1]]);
    expect(h.latest?.day).toBe(d + 3);
    expect('baseline' in h).toBe(false);
    h = recordSnapshot(h, row(d + 7, 4), new Map(), { day: d, stages: new Map() });
    expect(h.rows.map((r) => [r.asOf - d, r.refreshedAt])).toEqual([[0, 2], [3, 3], [7, 4]]);
    expect(h.baseline?.day).toBe(d);
  });

  test('what it cannot read (a blank or text as-of, a count that is not a number, a foreign refresh time) is left out or 0', () => {
    const grid = historyGrid(history, zone, 'en');
    const edited = grid.map((r) => [...r]);
    edited[1]![3] = 'many'; // a count overwritten with text
    edited[2]![1] = 'yesterday'; // the refresh time overwritten
    edited.push(['', 5, 5], ['not a day', 5, 5]);
    const back = readHistory(edited, zone);
    expect(back.rows).toHaveLength(2);
    expect(back.rows[0]!.counts[ALL_STAGES[1]!]).toBe(0);
    expect(back.rows[0]!.counts[ALL_STAGES[0]!]).toBe(1);
    expect(back.rows[1]!.refreshedAt).toBe(0);
    // A Date made in another realm (another frame or vm context) is still a date.
    edited[2]![1] = runInNewContext('new Date(12345)') as Date;
    expect(readHistory(edited, zone).rows[1]!.refreshedAt).toBe(12345);
  });

  test('the customer block: unknown stage codes and blank keys are ignored; no dates in the header, no snapshot', () => {
    const grid = historyGrid(history, zone, 'en');
    const edited = grid.map((r) => [...r]);
    const codeCol = edited[0]!.indexOf('code');
    edited[1]![codeCol] = 'vip'; // not a stage
    edited[2]![codeCol - 3] = ''; // B's key erased
    const back = readHistory(edited, zone);
    expect([...back.latest!.stages]).toEqual([['C', 'partner']]);
    expect([...back.baseline!.stages]).toEqual([['A', 'visitor']]);
    const undated = grid.map((r) => [...r]);
    undated[0]![codeCol - 2] = 'Stage';
    undated[0]![codeCol - 1] = 'Baseline';
    const plain = readHistory(undated, zone);
    expect(plain.latest).toBeUndefined();
    expect(plain.baseline).toBeUndefined();
    expect(plain.rows).toHaveLength(2);
  });

  test('under the notice line the add-on puts on its tabs, History reads back the same, in English as in Japanese', () => {
    for (const lang of ['en', 'ja'] as const) {
      const noticed = withNotice(historyTab(history, zone, lang), 'This tab is rewritten at each refresh');
      expect(readHistory(noticed.values, zone)).toEqual(readHistory(historyGrid(history, zone, lang), zone));
      expect(readHistory(noticed.values, zone).latest?.day).toBe(d + 7);
    }
  });

  test('the header is the first row or the one under the notice line, not a row further down', () => {
    // Two rows typed above the header by hand: the tab is no longer the add-on's layout, so its
    // customer block (whose days are in the header) is not read; dated snapshot rows still are.
    const grid = historyGrid(history, zone, 'en');
    const pushedDown = [['memo'], ['another memo'], ...grid];
    const back = readHistory(pushedDown, zone);
    expect(back.latest).toBeUndefined();
    expect(back.rows.map((r) => r.asOf)).toEqual([d, d + 7]);
  });

  test('number formats only where a block has rows: dates and times on snapshot rows, keys as plain text on customer rows', () => {
    const width = 2 + ALL_STAGES.length + 1;
    const keyCol = width + 1;
    const formatsOf = (h: History) => {
      const tab = historyTab(h, zone, 'en');
      // One format per cell, the header's automatic.
      expect(tab.formats.map((r) => r.length)).toEqual(tab.values.map((r) => r.length));
      expect(tab.formats[0]!.every((f) => f === '')).toBe(true);
      return tab.formats.slice(1).map((r) => [r[0], r[1], r[keyCol]]);
    };
    // Two snapshots, three customers: the third row has a customer but no snapshot.
    expect(formatsOf(history)).toEqual([
      ['date', 'datetime', 'text'],
      ['date', 'datetime', 'text'],
      ['', '', 'text'],
    ]);
    // Four snapshots, one customer: below the customer, the customer block keeps the automatic format.
    const longer: History = { ...history, rows: [...history.rows, ...[14, 21].map((n) => ({ asOf: d + n, refreshedAt: 0, counts: countsOf(0) }))], latest: { day: d + 21, stages: new Map([['A', 'visitor']]) } };
    expect(formatsOf(longer)).toEqual([
      ['date', 'datetime', 'text'],
      ['date', 'datetime', ''],
      ['date', 'datetime', ''],
      ['date', 'datetime', ''],
    ]);
  });
});
