import fc from 'fast-check';
import { dayFromCivil, makeZone } from '../../src/core/dates';
import { baselineFor, historyGrid, readHistory, recordSnapshot, type History } from '../../src/core/history';
import type { StageId } from '../../src/core/labels';
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
