/**
 * The preview's days going by (issue 17), without a browser: advanceDays moves the script clock a
 * day at a time, the sample shop's orders of that day arrive in the input sheets (and in the
 * Formulas sheet), and the daily trigger refreshes — so History gains a snapshot a day, the
 * funnel tab shows stage moves since the day before, and the History chart has a point per
 * snapshot. A running clock makes the last refresh's time and duration real.
 */
import { PreviewWorkbook } from '../../preview/workbook';
import type { SidebarState } from '../../src/gas/sidebarApi';
import { SAMPLE_AS_OF, sampleShopSheets, sampleUpcoming } from '../support/sampleSheets';
import { TAB_TEXT } from '../../src/core/labels';
import { stageMoves } from '../support/previewFixtures';
import { columnOf } from '../support/tables';

const FUNNEL_TAB = 'ファンファネル';
const DAY = 86_400_000;

/** The funnel tab's 前回比 (change since the last snapshot) of each stage row. */
function changes(cells: string[][]): string[] {
  const at = cells.findIndex((r) => r.includes(TAB_TEXT.change.ja));
  const column = cells[at]!.indexOf(TAB_TEXT.change.ja);
  const out: string[] = [];
  for (const row of cells.slice(at + 1)) {
    if (row[0] === '' || row[0] === TAB_TEXT.total.ja) break;
    out.push(row[column]!);
  }
  return out;
}

function lastRefresh(wb: PreviewWorkbook): NonNullable<SidebarState['last']> {
  return (JSON.parse((wb.run('getSidebarState', []) as { json: string }).json) as SidebarState).last!;
}

describe('preview: days going by', () => {
  let wb: PreviewWorkbook;
  beforeAll(() => {
    wb = new PreviewWorkbook({ sheets: sampleShopSheets(), now: SAMPLE_AS_OF, upcoming: sampleUpcoming() });
  });

  test('before any day passes: no earlier snapshot, one point in the chart', () => {
    const funnel = wb.grid(FUNNEL_TAB, 1000);
    expect(funnel.cells.some((r) => r[0] === TAB_TEXT.noBaseline.ja)).toBe(true);
    expect(funnel.charts[0]!.labels).toHaveLength(1);
    expect(new Set(changes(funnel.cells))).toEqual(new Set(['']));
  });

  test('a week: orders arrive each day, History gains a snapshot a day, real stage moves show', () => {
    const ordersBefore = wb.env.sheet('Orders').values.length;
    const days = wb.advanceDays(7);
    expect(days.map((d) => d.trigger)).toEqual(new Array(7).fill({ installed: false, ok: true, message: '' }));
    expect(days.map((d) => Date.parse(d.now) - SAMPLE_AS_OF)).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => n * DAY));
    const arrived = days.reduce((n, d) => n + (d.arrived.Orders ?? 0), 0);
    // A few dozen order rows a week in a shop cut to 400 old customers and its new ones.
    expect(arrived).toBeGreaterThan(10);
    expect(wb.env.sheet('Orders').values.length).toBe(ordersBefore + arrived);

    const funnel = wb.grid(FUNNEL_TAB, 1000);
    expect(funnel.cells.some((r) => r[0] === TAB_TEXT.noBaseline.ja)).toBe(false);
    // 前回比: a number for every stage since the day before, not all of them 0 (new customers came).
    expect(changes(funnel.cells).every((c) => /^[+-]?\d+$/.test(c.replace(/,/g, '')))).toBe(true);
    expect(changes(funnel.cells).some((c) => c !== '0')).toBe(true);
    // A customer moved from one stage to another (not only new customers arriving).
    expect(stageMoves(funnel.cells).filter(([from]) => from !== TAB_TEXT.newCustomer.ja).length).toBeGreaterThan(0);

    // The History chart: a point per snapshot (the export day and the 7 days after it), each stage a series.
    const chart = funnel.charts[0]!;
    expect(chart.labels).toHaveLength(8);
    expect(chart.series.length).toBeGreaterThanOrEqual(5);
    for (const s of chart.series) expect(s.values.every((v) => typeof v === 'number')).toBe(true);
    // The counts change over the week: the chart is not flat.
    expect(chart.series.some((s) => new Set(s.values).size > 1)).toBe(true);
  });

  test('the Formulas sheet reads the rows that arrived: a customer new this week has a stage', () => {
    const table = wb.formulaValues();
    const known = new Set(sampleShopSheets().Customers.slice(1).map((r) => r[0]));
    const fresh = wb.env.sheet('Orders').values.slice(1).map((r) => r[2]).find((id) => typeof id === 'string' && id !== '' && !known.has(id));
    expect(fresh).toBeDefined();
    const row = table.find((r) => r[columnOf(table, 'customer')] === fresh);
    expect(row?.[columnOf(table, 'stage')]).toMatch(/\S/);
  });

  test('a fixed clock reports 0 ms; a running clock reports the refresh’s real time and duration', () => {
    const sheets = sampleShopSheets(60);
    const fixed = new PreviewWorkbook({ sheets, now: SAMPLE_AS_OF });
    expect(lastRefresh(fixed).durationMs).toBe(0);
    const before = Date.now();
    const running = new PreviewWorkbook({ sheets, now: SAMPLE_AS_OF, running: true });
    const took = Date.now() - before;
    const last = lastRefresh(running);
    expect(last.durationMs).toBeGreaterThan(0);
    expect(last.durationMs).toBeLessThanOrEqual(took);
    expect(Date.parse(last.at)).toBeGreaterThanOrEqual(SAMPLE_AS_OF);
    expect(Date.parse(last.at)).toBeLessThan(SAMPLE_AS_OF + took);
  });
});
