/**
 * Today that ages (issue 10): every formula the README shows passes FanFunnelAsOf as as_of (or a
 * past day), and so does the preview's Formulas sheet, where HyperFormula holds FanFunnelAsOf as a
 * named expression that follows the add-on's named range (the funnel tab's as-of cell) after each
 * refresh. The README's formulas are evaluated on the preview's sample workbook, so a formula the
 * README shows that does not parse or does not answer fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../emulator/project';
import { parseFormula } from '../../emulator/sheetsCall';
import { FORMULAS_SHEET, PreviewWorkbook, columnName } from '../../preview/workbook';
import { DAY_MS } from '../../src/core/dates';
import { STAGE_LABELS } from '../../src/core/labels';
import { SAMPLE_AS_OF, sampleShopSheets } from '../support/sampleSheets';
import { columnOf } from '../support/tables';

/** Every formula of our functions the README shows in a code span. */
function readmeFormulas(): string[] {
  const readme = readFileSync(join(projectRoot(), 'README.md'), 'utf8');
  return [...new Set([...readme.matchAll(/`(=(?:FANSTAGE|LTVRANK|NEXTPURCHASE)\([^`]*\))`/g)].map((m) => m[1]!))];
}

/** Where a test types a formula on the Formulas sheet: right of the table and the LTVRANK column. */
const SPARE = 21;

describe('FanFunnelAsOf: the formulas age with each refresh', () => {
  test('every formula the README shows passes FanFunnelAsOf as as_of, or a past day', () => {
    const formulas = readmeFormulas();
    expect(formulas.length).toBeGreaterThanOrEqual(14);
    for (const formula of formulas) {
      const asOf = parseFormula(formula).args[2]?.trim();
      expect({ formula, asOf: asOf === 'FanFunnelAsOf' || /^DATE\(\d+,\d+,\d+\)$/.test(asOf ?? '') }).toEqual({ formula, asOf: true });
    }
  });

  test('the preview: FanFunnelAsOf is the refresh’s day; a refresh days later moves it and the formulas that pass it, not one typed without it', () => {
    const wb = new PreviewWorkbook({ sheets: sampleShopSheets(150), now: SAMPLE_AS_OF });
    // 2026-10-31T15:00Z is 1 November in Tokyo, the spreadsheet's zone.
    expect(wb.asOfDay()).toBe('2026-11-01');
    const orders = String(wb.formulaAt(1, 1)).match(/Orders![A-Z0-9:]+/)![0];
    // The same table typed without as_of: "today" is the day Sheets runs it.
    wb.edit(FORMULAS_SHEET, 1, SPARE, `=FANSTAGE(${orders}, "*")`);
    const daysSince = (from: number): number[] => {
      const values = wb.formulaValues().map((row) => row.slice(from, from + 8));
      const c = columnOf(values, 'daysSinceLast');
      return values.slice(1, 11).map((row) => row[c] as number);
    };
    const before = daysSince(0);
    expect(daysSince(SPARE - 1)).toEqual(before);

    wb.env.clock.advance(100 * DAY_MS);
    // Nothing recalculates by itself (Sheets: only when an argument changes)…
    expect(daysSince(0)).toEqual(before);
    // …until the refresh moves FanFunnelAsOf: the table that passes it ages 100 days, the other is frozen.
    expect(wb.run('refreshFromSidebar', []).ok).toBe(true);
    expect(wb.asOfDay()).toBe('2027-02-09');
    expect(daysSince(0)).toEqual(before.map((d) => d + 100));
    expect(daysSince(SPARE - 1)).toEqual(before);
  });

  test('before the first refresh the name does not exist: the formulas show #NAME?, as Sheets shows an unknown name', () => {
    const wb = new PreviewWorkbook({ sheets: sampleShopSheets(60), now: SAMPLE_AS_OF, refresh: false });
    expect(wb.asOfDay()).toBeUndefined();
    expect(wb.grid(FORMULAS_SHEET, 2).cells[0]![0]).toBe('#NAME?');
    expect(wb.run('refreshFromSidebar', []).ok).toBe(true);
    expect(wb.grid(FORMULAS_SHEET, 2).errors).toEqual({});
    expect(wb.formulaValues()[0]![0]).toBe('顧客');
  });
});

describe('every formula the README shows, evaluated on the preview’s sample workbook', () => {
  // 600 customers: enough repeat buyers for NEXTPURCHASE to fit. A2 of the Formulas sheet is the
  // first customer of its FANSTAGE table, as A2 is a customer in the README's formulas.
  const wb = new PreviewWorkbook({ sheets: sampleShopSheets(600), now: SAMPLE_AS_OF });
  const range = (sheet: string): string => {
    const values = wb.env.sheet(sheet).values;
    return `${sheet}!A1:${columnName(Math.max(...values.map((r) => r.length)))}${values.length}`;
  };
  const stages = new Set(Object.values(STAGE_LABELS).map((l) => l.ja));
  /** The README's ranges are an export's (A:H) or an import sheet's; the sample's are its own. */
  const onSample = (formula: string): string =>
    formula
      .replace(/Orders!A:H|'[^']+'!A:[A-Z]+/g, range('Orders'))
      .replace('Customers!A:F', range('Customers'))
      .replace('Survey!A:E', range('Survey'))
      // HyperFormula has no open-ended range (A2:A); the sample's customers fit in A2:A500.
      .replace(/\bA2:A,/, 'A2:A500,');

  test.each(readmeFormulas().filter((f) => !f.includes('…')))('%s', (formula) => {
    wb.edit(FORMULAS_SHEET, 1, SPARE, onSample(formula));
    const grid = wb.grid(FORMULAS_SHEET, 3);
    expect(grid.errors).toEqual({});
    const at = `${columnName(SPARE)}1`;
    const shown = grid.cells[0]![SPARE - 1];
    const customer = parseFormula(formula).args[1]!.trim();
    if (customer === '"*"') expect({ at, shown }).toEqual({ at, shown: formula.startsWith('=LTVRANK') ? '順位' : '顧客' });
    else if (formula.startsWith('=FANSTAGE')) expect(stages.has(shown!)).toBe(true);
    else if (formula.startsWith('=LTVRANK')) expect(shown).toMatch(/^\d+$/);
    else expect(shown).toMatch(/^(\d{4}\/\d{2}\/\d{2})?$/); // NEXTPURCHASE: a day, or blank (not within 12 months)
    wb.edit(FORMULAS_SHEET, 1, SPARE, '');
  });
});
