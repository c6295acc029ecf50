/**
 * The import's server functions (src/gas/importer.ts) in the built bundle on the in-memory Sheets:
 * they write only to a sheet the add-on created and marked, append, with one write of values per
 * chunk, under the document lock, and refuse — having written nothing — a chunk for a sheet that
 * changed since the page read it, while another refresh or import runs, or past 10 million cells.
 */
import { sidebarServer, type SidebarServer } from '../../emulator/scriptRun';
import { METADATA_KEYS } from '../../src/gas/keys';
import type { ImportAppended, ImportKeysPage } from '../../src/gas/importer';

const NOW = Date.parse('2026-11-30T00:00:00Z');
const HEADER = ['注文番号', '注文日時', 'メールアドレス', '郵便番号', '合計金額'];
const SHEET = '注文データ(汎用レイアウト)';

const rowsOf = (from: number, n: number): Array<Array<string | number>> =>
  Array.from({ length: n }, (_, i) => [`A${String(from + i).padStart(4, '0')}`, '2025/06/01 10:00', `c${from + i}@example.jp`, '0012', 1000 + from + i]);

function keys(s: SidebarServer, fromRow = 2, header = HEADER): ImportKeysPage {
  return s.backend.call('readImportKeys', [{ header, fromRow }]) as ImportKeysPage;
}
function append(s: SidebarServer, rows: Array<Array<string | number>>, expected: { sheetId: number | null; lastRow: number }, header = HEADER): ImportAppended {
  return s.backend.call('appendImportRows', [{ header, rows, expected }]) as ImportAppended;
}
function errorOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
}

describe('import on the server', () => {
  test('creates its own marked sheet (header and rows in one write), then appends one chunk per call with one setValues', () => {
    const s = sidebarServer({ locale: 'ja_JP', now: NOW, sheets: { 注文: [HEADER, ...rowsOf(900, 2)] } });
    const k0 = keys(s);
    // The owner's 注文 sheet has the same header, but it is not the add-on's: a new sheet is named.
    expect(k0).toMatchObject({ sheet: null, newName: SHEET, keys: [], nextRow: null, timeZone: 'Asia/Tokyo' });

    s.env.io.reset();
    const a1 = append(s, rowsOf(1, 3), { sheetId: null, lastRow: 0 });
    expect(s.env.io.callsOf('Range.setValues')).toBe(1);
    expect(a1).toMatchObject({ rows: 3, sheet: { name: SHEET, lastRow: 4, header: HEADER } });
    const sheet = s.env.sheet(SHEET);
    expect(s.env.sheetNames()).toEqual([SHEET, '注文']); // first in tab order
    expect(sheet.frozenRows).toBe(1);
    expect(sheet.metadata).toEqual([{ key: METADATA_KEYS.importSheet, value: JSON.stringify({ sheetId: sheet.sheetId, platform: 'generic' }), visibility: 'DOCUMENT' }]);
    expect(sheet.values).toEqual([HEADER, ...rowsOf(1, 3)]);
    expect(sheet.numberFormats[1]).toEqual(['@', '@', '@', '@', 'General']);

    s.env.io.reset();
    const a2 = append(s, rowsOf(4, 2), { sheetId: a1.sheet.id, lastRow: 4 });
    expect(s.env.io.callsOf('Range.setValues')).toBe(1);
    expect(s.env.io.writesBySheet()).toEqual({ [SHEET]: expect.any(Number) });
    expect(a2.sheet.lastRow).toBe(6);
    expect(s.env.sheet(SHEET).values).toEqual([HEADER, ...rowsOf(1, 5)]);
    // The owner's sheet is as it was.
    expect(s.env.sheet('注文').values).toEqual([HEADER, ...rowsOf(900, 2)]);

    // The keys the page compares against: order ids, a page at a time.
    expect(keys(s)).toMatchObject({ sheet: { id: a1.sheet.id, lastRow: 6 }, keys: rowsOf(1, 5).map((r) => `id:${r[0]}`), nextRow: null });
  });

  test('a file with a column more adds it at the right of the header; rows already there keep their cells', () => {
    const s = sidebarServer({ locale: 'ja_JP', now: NOW });
    const a1 = append(s, rowsOf(1, 2), { sheetId: null, lastRow: 0 });
    const wider = [...HEADER, '備考'];
    expect(keys(s, 2, wider).sheet?.id).toBe(a1.sheet.id);
    append(s, [[...rowsOf(3, 1)[0]!, 'ギフト']], { sheetId: a1.sheet.id, lastRow: 3 }, wider);
    const v = s.env.sheet(SHEET).values;
    expect(v[0]).toEqual(wider);
    expect(v.slice(1).map((r) => r[5])).toEqual(['', '', 'ギフト']);
    expect(s.env.sheet(SHEET).fontWeights[0]).toEqual(new Array(6).fill('bold'));
  });

  test('a copy of its sheet (the owner duplicated it: the mark names another sheet id) is the owner’s, never written', () => {
    const s = sidebarServer({ locale: 'ja_JP', now: NOW });
    append(s, rowsOf(1, 2), { sheetId: null, lastRow: 0 });
    const original = s.env.spreadsheet.getSheetByName(SHEET)!;
    const copy = s.env.spreadsheet.insertSheet('コピー', 0);
    copy.getRange(1, 1, 3, 5).setValues([HEADER, ...rowsOf(1, 2)]);
    copy.addDeveloperMetadata(METADATA_KEYS.importSheet, JSON.stringify({ sheetId: original.getSheetId(), platform: 'generic' }));
    const copied = s.env.sheet('コピー').values;
    const k = keys(s);
    expect(k.sheet?.name).toBe(SHEET);
    append(s, rowsOf(3, 1), { sheetId: k.sheet!.id, lastRow: 3 });
    expect(s.env.sheet('コピー').values).toEqual(copied);
    expect(s.env.sheet(SHEET).values).toEqual([HEADER, ...rowsOf(1, 3)]);
  });

  test('refused with nothing written: a sheet that changed since the page read it, another execution holding the lock, a malformed chunk', () => {
    const s = sidebarServer({ locale: 'en_US', now: NOW });
    const a1 = append(s, rowsOf(1, 2), { sheetId: null, lastRow: 0 });
    const name = a1.sheet.name;
    const snapshot = (): unknown[][] => s.env.sheet(name).values;
    const before = snapshot();

    // Another import (or the owner) added a row meanwhile: the page's plan is stale.
    expect(errorOf(() => append(s, rowsOf(3, 1), { sheetId: a1.sheet.id, lastRow: 2 }))).toBe(`"${name}" changed after the check (another import or an edit). Choose the file again.`);
    // A page that thinks the sheet is still to be made.
    expect(errorOf(() => append(s, rowsOf(3, 1), { sheetId: null, lastRow: 0 }))).toContain('changed after the check');
    expect(snapshot()).toEqual(before);

    s.env.locks.document.holdByOther();
    expect(errorOf(() => append(s, rowsOf(3, 1), { sheetId: a1.sheet.id, lastRow: 3 }))).toBe('Another refresh or import is running. Try again in a moment.');
    s.env.locks.document.release();
    expect(snapshot()).toEqual(before);

    const bad = 'The rows sent to import are not in the expected form.';
    expect(errorOf(() => append(s, [['A9', { toString: 'x' } as unknown as string]], { sheetId: a1.sheet.id, lastRow: 3 }))).toBe(bad);
    expect(errorOf(() => append(s, [[...rowsOf(3, 1)[0]!, 'extra']], { sheetId: a1.sheet.id, lastRow: 3 }))).toBe(bad);
    expect(errorOf(() => append(s, [['x'.repeat(50_001)]], { sheetId: a1.sheet.id, lastRow: 3 }))).toBe(bad);
    expect(errorOf(() => append(s, [], { sheetId: a1.sheet.id, lastRow: 3 }))).toBe(bad);
    expect(snapshot()).toEqual(before);
    expect(s.env.locks.leaks).toEqual([]);
  });

  test('a chunk that would take the spreadsheet past 10 million cells is refused before anything is written', () => {
    const s = sidebarServer({ locale: 'en_US', now: NOW });
    // Fill the spreadsheet's grid to just under the limit with an owner's sheet.
    const big = s.env.spreadsheet.getSheets()[0]!;
    big.insertRowsAfter(big.getMaxRows(), 384_000 - big.getMaxRows());
    const room = keys(s).room;
    expect(room).toBe(10_000_000 - 384_000 * 26);
    const names = s.env.sheetNames();
    expect(errorOf(() => append(s, rowsOf(1, 1), { sheetId: null, lastRow: 0 }))).toBe(`Not written: it would take the spreadsheet past 10 million cells (needs 26000, ${room} left).`);
    expect(s.env.sheetNames()).toEqual(names);
  });
});
