/**
 * What a refresh checks before its first write (src/core/guards.ts): whether a paste is believed,
 * the most cells the spreadsheet will hold while the tabs are rewritten, and the digest that tells
 * an unchanged input — each against a rule written out independently here.
 */
import fc from 'fast-check';
import { NEW_SHEET_GRID, RATE_SAMPLE_CELLS, cellsNeeded, checkPaste, checkTime, digestOf, type GridSize, type TabResize } from '../../src/core/guards';
import { makeZone } from '../../src/core/dates';
import { NOTICE_ROWS, withNotice } from '../../src/core/grid';
import { historyGrid, historyTab, readHistory, type History } from '../../src/core/history';

const skipped = (...reasons: string[]) => reasons.map((reason) => ({ reason }));

describe('checkPaste: an empty or garbled paste is not believed', () => {
  test('no valid order is refused whatever the threshold, with the skipped rows counted by reason', () => {
    for (const share of [0, 50, 100]) {
      expect(checkPaste({ orders: 0, skipped: skipped('date', 'date', 'customer') }, 120, share)).toEqual({ kind: 'noOrders', skipped: 3, reasons: { date: 2, customer: 1 } });
      expect(checkPaste({ orders: 0, skipped: [] }, undefined, share)?.kind).toBe('noOrders');
    }
  });

  test('fewer than the threshold’s share of last time is refused; at or above it, or with no last time, is not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 100 }), (read, previous, share) => {
        const refusal = checkPaste({ orders: read, skipped: [] }, previous, share);
        const below = previous > 0 && read / previous < share / 100;
        expect(refusal?.kind).toBe(below ? 'fewOrders' : undefined);
        expect(checkPaste({ orders: read, skipped: [] }, undefined, share)).toBeUndefined();
      }),
    );
    expect(checkPaste({ orders: 10, skipped: [] }, 60, 50)).toEqual({ kind: 'fewOrders', read: 10, previous: 60, minShare: 50, skipped: 0, reasons: {} });
    expect(checkPaste({ orders: 30, skipped: [] }, 60, 50)).toBeUndefined();
  });
});

describe('cellsNeeded: the most cells at any moment of the switch-over', () => {
  const size = fc.record({ rows: fc.integer({ min: 1, max: 5000 }), columns: fc.integer({ min: 1, max: 60 }) });
  const tab = fc.record({ before: fc.option(size, { nil: undefined }), after: size });
  const cells = (g: GridSize) => g.rows * g.columns;

  /**
   * The rule, stated per tab: while tab i is resized, the tabs before it are at their new size and
   * those after it at their old one (absent if they are still to be made); the tab itself passes
   * through no grid bigger than the larger of where it starts and where it ends.
   */
  function oracle(others: number, tabs: readonly TabResize[]): number {
    const sizeAt = (t: TabResize, done: boolean) => (done ? cells(t.after) : t.before === undefined ? 0 : cells(t.before));
    let peak = others + tabs.reduce((n, t) => n + sizeAt(t, false), 0);
    tabs.forEach((t, i) => {
      const rest = tabs.reduce((n, u, j) => (j === i ? n : n + sizeAt(u, j < i)), others);
      peak = Math.max(peak, rest + Math.max(cells(t.before ?? NEW_SHEET_GRID), cells(t.after)));
    });
    return peak;
  }

  test('matches the rule, and ends at the other sheets plus the new tabs', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_000_000 }), fc.array(tab, { minLength: 1, maxLength: 4 }), (others, tabs) => {
        const need = cellsNeeded({ others, tabs, newSheet: NEW_SHEET_GRID });
        expect(need.peak).toBe(oracle(others, tabs));
        expect(need.after).toBe(others + tabs.reduce((n, t) => n + cells(t.after), 0));
      }),
    );
  });

  test('a tab that loses rows and gains columns never holds both at once', () => {
    const need = cellsNeeded({ others: 0, tabs: [{ before: { rows: 10_000, columns: 5 }, after: { rows: 100, columns: 20 } }], newSheet: NEW_SHEET_GRID });
    expect(need.peak).toBe(50_000);
    expect(need.after).toBe(2_000);
  });
});

describe('digestOf: the same inputs, the same digest; any change, another', () => {
  const cell = fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.date({ noInvalidDate: true }), fc.constant(''));
  const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 });

  test('a copy digests the same; a changed cell, row or extra does not', () => {
    fc.assert(
      fc.property(table, fc.nat(), fc.nat(), cell, (t, r, c, v) => {
        const copy = t.map((row) => row.map((x) => (x instanceof Date ? new Date(x.getTime()) : x)));
        expect(digestOf([copy], 'x')).toBe(digestOf([t], 'x'));
        expect(digestOf([t], 'y')).not.toBe(digestOf([t], 'x'));
        const row = r % t.length;
        const col = c % t[row]!.length;
        const old = t[row]![col];
        const same = old instanceof Date && v instanceof Date ? old.getTime() === v.getTime() : Object.is(old, v) || (typeof old === typeof v && String(old) === String(v));
        if (same) return;
        const changed = copy.map((x) => [...x]);
        changed[row]![col] = v;
        expect(digestOf([changed], 'x')).not.toBe(digestOf([t], 'x'));
      }),
    );
  });

  test('a date is not the number of its milliseconds, and a missing range is not an empty one', () => {
    expect(digestOf([[[new Date(5)]]], '')).not.toBe(digestOf([[[5]]], ''));
    expect(digestOf([[['a']], undefined], '')).not.toBe(digestOf([[['a']], []], ''));
    expect(digestOf([[['ab', 'c']]], '')).not.toBe(digestOf([[['a', 'bc']]], ''));
  });
});

describe('the notice line on every tab', () => {
  test('History is read back under it as before (and tabs written before it still read)', () => {
    const zone = makeZone('Asia/Tokyo');
    const h: History = {
      rows: [{ asOf: 19_900, refreshedAt: 19_900 * 86_400_000, counts: { partner: 1, supporter: 0, visitor: 2, follower: 0, dormant: 0, lapsed: 0, noPurchase: 0, unregistered: 0, unclassified: 0 } }],
      latest: { day: 19_900, stages: new Map([['C1', 'partner'], ['C2', 'visitor']]) },
    };
    const plain = historyGrid(h, zone, 'ja');
    const noticed = withNotice(historyTab(h, zone, 'ja'), 'このタブは書き直されます');
    expect(noticed.values).toHaveLength(plain.length + NOTICE_ROWS);
    expect(noticed.frozenRows).toBe(1 + NOTICE_ROWS);
    expect(noticed.boldRows).toEqual([0, 1]);
    expect(readHistory(noticed.values, zone)).toEqual(readHistory(plain, zone));
    expect(readHistory(plain, zone).latest!.stages.get('C1')).toBe('partner');
  });
});

describe('checkTime: start writing only if every tab can be written before Apps Script’s 6 minutes', () => {
  test('the rate is what reading took per cell, at least 0.15 ms; a small read says nothing of it', () => {
    // 2 min to read 100,000 cells: 1.2 ms a cell; 200,000 cells to write would take 4 min more.
    expect(checkTime({ elapsedMs: 120_000, cellsRead: 100_000, cellsToWrite: 200_000, tabs: 4 })).toEqual({ writeMs: 244_000, elapsedMs: 120_000 });
    expect(checkTime({ elapsedMs: 120_000, cellsRead: 100_000, cellsToWrite: 100_000, tabs: 4 })).toBeUndefined();
    // 9,999 cells in 2 min: latency, not a rate; the floor applies.
    expect(checkTime({ elapsedMs: 120_000, cellsRead: 9_999, cellsToWrite: 100_000, tabs: 4 })).toBeUndefined();
    // Nothing elapsed (as in the emulator): the floor alone, 2,200,000 cells ≈ 5.5 min.
    expect(checkTime({ elapsedMs: 0, cellsRead: 2_000_000, cellsToWrite: 2_200_000, tabs: 4 })).toEqual({ writeMs: 334_000, elapsedMs: 0 });
  });

  test('more to write, or more time gone, never turns a refusal into a start', () => {
    fc.assert(
      fc.property(fc.nat(400_000), fc.nat(3_000_000), fc.nat(3_000_000), fc.nat(3_000_000), fc.nat(400_000), (elapsedMs, cellsRead, cellsToWrite, more, later) => {
        const plan = { elapsedMs, cellsRead, cellsToWrite, tabs: 4 };
        if (checkTime(plan) === undefined) return;
        expect(checkTime({ ...plan, cellsToWrite: cellsToWrite + more })).toBeDefined();
        expect(checkTime({ ...plan, elapsedMs: elapsedMs + later, cellsRead: Math.max(cellsRead, RATE_SAMPLE_CELLS) })).toBeDefined();
      }),
    );
  });
});
