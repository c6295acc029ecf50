/**
 * Sheet protection and named ranges (emulator/spreadsheet/protection.ts, namedRanges.ts), and the
 * document's property store where there is no open document — each held to Google's reference:
 * protect() returns the sheet's existing protection, warning-only protection blocks no editor (a
 * script's writes go through), names follow Sheets' naming rules, a named range passes its cells
 * to a custom function like the range it names.
 */
import { createGasEnvironment, type GasEnvironmentOptions } from '../index';
import { sheetsCall } from '../sheetsCall';
import { thrown } from './thrown';

function setup(options: GasEnvironmentOptions = {}) {
  const env = createGasEnvironment({ now: Date.parse('2024-06-30T00:00:00Z'), sheets: { Tab: [['a', 1]], Other: [['b']] }, ...options });
  const g = env.globals;
  const ss = g.SpreadsheetApp.getActive();
  return { env, g, ss, tab: ss.getSheetByName('Tab')! };
}

describe('sheet protection', () => {
  test('protect() makes one protection per sheet and returns the same one again', () => {
    const { env, g, ss, tab } = setup();
    expect(tab.getProtections(g.SpreadsheetApp.ProtectionType.SHEET)).toEqual([]);
    const p = tab.protect().setWarningOnly(true).setDescription('rewritten at each refresh');
    expect(p.isWarningOnly()).toBe(true);
    // "If the sheet is already protected, this method returns an object representing its existing protection settings."
    const again = tab.protect();
    expect([again.isWarningOnly(), again.getDescription()]).toEqual([true, 'rewritten at each refresh']);
    expect(tab.getProtections(g.SpreadsheetApp.ProtectionType.SHEET)).toHaveLength(1);
    expect(ss.getProtections(g.SpreadsheetApp.ProtectionType.SHEET).map((x) => x.getRange().getSheet().getName())).toEqual(['Tab']);
    expect(ss.getProtections(g.SpreadsheetApp.ProtectionType.RANGE)).toEqual([]);
    expect(p.getProtectionType()).toBe(g.SpreadsheetApp.ProtectionType.SHEET);
    expect(env.sheet('Tab').protection).toEqual({ description: 'rewritten at each refresh', warningOnly: true });
    expect(env.sheet('Other').protection).toBeNull();
  });

  test('a new protection is not warning-only ("By default, protected ranges or sheets are not warning-based")', () => {
    const { tab } = setup();
    expect(tab.protect().isWarningOnly()).toBe(false);
  });

  test('the script still writes to a protected sheet; a removed protection is gone', () => {
    const { env, tab, g } = setup();
    const p = tab.protect().setWarningOnly(true);
    tab.getRange(1, 1).setValue('new');
    expect(env.sheet('Tab').values[0]).toEqual(['new', 1]);
    p.remove();
    expect(tab.getProtections(g.SpreadsheetApp.ProtectionType.SHEET)).toEqual([]);
    expect(thrown(() => p.isWarningOnly())).toBe('Exception: The protection has been removed.');
  });

  test('the enum must be the enum: a string is refused as Apps Script refuses it', () => {
    const { tab } = setup();
    expect(thrown(() => tab.getProtections('SHEET' as never))).toMatch(/don't match the method signature/);
  });
});

describe('named ranges', () => {
  test('set, read by name (any case), moved with setRange, removed', () => {
    const { env, ss, tab } = setup();
    ss.setNamedRange('FanFunnelAsOf', tab.getRange('B1'));
    expect(ss.getRangeByName('FanFunnelAsOf')!.getValue()).toBe(1);
    expect(ss.getRangeByName('fanfunnelasof')!.getA1Notation()).toBe('B1');
    expect(ss.getRangeByName('Tab!FanFunnelAsOf')!.getA1Notation()).toBe('B1');
    expect(ss.getRangeByName('Nothing')).toBeNull();
    expect(env.sheet('Tab').namedRanges).toEqual({ FanFunnelAsOf: 'B1' });
    const named = ss.getNamedRanges()[0]!;
    named.setRange(ss.getSheetByName('Other')!.getRange('A1'));
    expect(ss.getRangeByName('FanFunnelAsOf')!.getValue()).toBe('b');
    expect(tab.getNamedRanges()).toEqual([]);
    ss.removeNamedRange('FanFunnelAsOf');
    expect(ss.getNamedRanges()).toEqual([]);
  });

  test("Sheets' naming rules; a name in use is not silently moved", () => {
    const { ss, tab } = setup();
    const cell = tab.getRange('A1');
    for (const bad of ['1st', 'true_day', 'False', 'as of', 'as-of', 'A1', 'R1C1', 'x'.repeat(251), '']) {
      expect({ bad, error: thrown(() => ss.setNamedRange(bad, cell)) }).toEqual({ bad, error: `Exception: Invalid name for a named range: ${bad}` });
    }
    for (const good of ['FanFunnelAsOf', '_x', '基準日', 'AB_12', 'ABCD1']) ss.setNamedRange(good, cell);
    expect(thrown(() => ss.setNamedRange('fanfunnelasof', cell))).toBe('Exception: A named range called fanfunnelasof already exists.');
  });

  test('a name goes with its deleted sheet', () => {
    const { ss, tab } = setup();
    ss.setNamedRange('FanFunnelAsOf', tab.getRange('B1'));
    ss.deleteSheet(tab);
    expect(ss.getRangeByName('FanFunnelAsOf')).toBeNull();
    expect(ss.getNamedRanges()).toEqual([]);
  });

  test('a custom function gets a named range’s cell as it gets the cell: a date cell is a Date', () => {
    const { env, ss } = setup({ sheets: { Funnel: [['as of', new Date('2024-06-29T15:00:00Z')]] } });
    ss.setNamedRange('FanFunnelAsOf', ss.getSheetByName('Funnel')!.getRange('B1'));
    env.install({ SHOW: (v: unknown) => (v instanceof Date ? `date ${v.toISOString()}` : `other ${String(v)}`) });
    const cell = sheetsCall(env, '=SHOW(FanFunnelAsOf)');
    expect(cell).toMatchObject({ status: 'value', value: 'date 2024-06-29T15:00:00.000Z', cells: 1 });
  });
});

describe('document properties and a containing document', () => {
  test('without one, getDocumentProperties() is null; the user’s own store is still there', () => {
    const env = createGasEnvironment({ containingDocument: 'never' });
    const g = env.globals;
    const seen = env.run(() => [g.PropertiesService.getDocumentProperties(), g.PropertiesService.getUserProperties() === null]);
    expect(seen).toEqual([null, false]);
  });
});
