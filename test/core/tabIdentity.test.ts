/**
 * Which sheet is the add-on's tab (src/core/tabIdentity.ts): a duplicate carries the original's
 * metadata, sheet id included, under a new id of its own — it is never the tab, whatever the
 * registry property says.
 */
import fc from 'fast-check';
import { registeredId, whichIsTab } from '../../src/core/tabIdentity';

const sheet = (id: number, idMark: number | undefined, name = `s${id}`) => ({ id, idMark, name });

describe('whichIsTab', () => {
  test('the sheet whose recorded id is its own wins over a copy, with or without a registry, even one naming the copy', () => {
    const tab = sheet(10, 10, 'VIP');
    const copy = sheet(20, 10, 'VIP のコピー');
    for (const registered of [undefined, 10, 20, 99]) {
      expect(whichIsTab([copy, tab], registered)).toEqual({ sheet: tab, stamped: true });
    }
  });

  test('tabs from before ids were recorded: the registry says which, else only the one there is', () => {
    const a = sheet(1, undefined);
    const b = sheet(2, undefined);
    expect(whichIsTab([a, b], 2)).toEqual({ sheet: b, stamped: false });
    expect(whichIsTab([a], undefined)).toEqual({ sheet: a, stamped: false });
    // Two of them and no registry: neither is written to (a new tab is made instead).
    expect(whichIsTab([a, b], undefined)).toBeUndefined();
    // The registered one is gone: the other is not taken for it.
    expect(whichIsTab([a], 3)).toBeUndefined();
  });

  test('a copy (recorded id not its own) is never the tab, whatever the registry says', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ id: fc.integer({ min: 1, max: 50 }), idMark: fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined }) })), fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined }), (sheets, registered) => {
        const chosen = whichIsTab(sheets, registered)?.sheet;
        if (chosen !== undefined) expect(chosen.idMark === undefined || chosen.idMark === chosen.id).toBe(true);
      }),
    );
  });

  test('registeredId reads both registry shapes', () => {
    expect(registeredId(7)).toBe(7);
    expect(registeredId({ id: 7, bold: [0] })).toBe(7);
    expect(registeredId('7')).toBeUndefined();
    expect(registeredId({ id: 'x' })).toBeUndefined();
    expect(registeredId(null)).toBeUndefined();
  });
});
