/**
 * The sidebar's import flow (src/sidebar/importFlow.ts) without the browser: real CP932 bytes
 * from iconv-lite, read, planned and sent through what crosses google.script.run (JSON, no Date)
 * to the built bundle on the in-memory Sheets. The browser test (import.test.ts) drives the same
 * flow through the page; here the corners are cheaper to reach: chunks, a failed chunk, a stop,
 * several files at once, and the refresh reading the new sheet.
 */
import { assertTransportable, sidebarServer, type SidebarServer } from '../../emulator/scriptRun';
import { METADATA_KEYS } from '../../src/gas/keys';
import type { SidebarState } from '../../src/gas/sidebarApi';
import type { RefreshOutcome } from '../../src/gas/refresh';
import { prepareImport, runImport, type ChosenFile, type ImportServer, type Prepared } from '../../src/sidebar/importFlow';
import { parseCsv, toRange, writeCsv } from '../../scripts/csv';
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { join } from 'node:path';
import { FIXTURE_DIR } from '../support/fixtures';
import { CP932_NAMES, cp932Csv, rakutenExport } from '../support/importFiles';

const NOW = Date.parse('2026-11-30T00:00:00Z');
const SHEET = '注文データ(楽天 RMS)';

function file(name: string, bytes: Uint8Array): ChosenFile {
  return { name, size: bytes.length, arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer };
}

/** The server functions as the page reaches them: JSON both ways, a call may fail. */
function bridge(s: SidebarServer, fail?: (name: string, n: number) => string | undefined): ImportServer & { calls: string[] } {
  const calls: string[] = [];
  const call = async (name: string, arg: unknown): Promise<never> => {
    calls.push(name);
    const injected = fail?.(name, calls.filter((c) => c === name).length);
    if (injected !== undefined) throw new Error(injected);
    assertTransportable(arg, `the argument of ${name}`);
    const result = s.backend.call(name, [JSON.parse(JSON.stringify(arg))]);
    assertTransportable(result, `the result of ${name}`);
    return JSON.parse(JSON.stringify(result)) as never;
  };
  return { calls, readImportKeys: (r) => call('readImportKeys', r), appendImportRows: (r) => call('appendImportRows', r) };
}

function state(s: SidebarServer): SidebarState {
  return s.backend.call('getSidebarState', []) as SidebarState;
}

async function prepare(s: SidebarServer, server: ImportServer, files: ChosenFile[], limits?: { chunkCells: number; chunkBytes: number; refreshCells?: number }): Promise<Prepared> {
  const st = state(s);
  return prepareImport(files, { server, settings: st.settings, lang: st.lang, ...(limits ? { limits } : {}) });
}

const dataRows = (s: SidebarServer): unknown[][] => s.env.sheet(SHEET).values.slice(1);
const orderIds = (s: SidebarServer): string[] => [...new Set(dataRows(s).map((r) => String(r[0])))];

describe('import flow against the bundle', () => {
  test('a CP932 export: previewed, written to a new marked sheet; the same file again adds nothing; an overlapping newer one adds only its new orders', async () => {
    const owner = [['メモ'], ['この表は店主のもの']];
    const s = sidebarServer({ locale: 'ja_JP', now: NOW, sheets: { 店主のメモ: owner } });
    const server = bridge(s);
    const first = rakutenExport(0, 60);

    const p1 = await prepare(s, server, [file('orders-2025-01.csv', cp932Csv(first))]);
    expect(p1.problems).toEqual([]);
    const [f1] = p1.previews;
    expect(f1!.encoding).toBe('Shift_JIS (CP932)');
    expect(f1!.plan.profile).toBe('rakuten');
    expect(f1!.plan.rows).toBe(first.rows.length);
    // 楽天処理中 orders still at -99999 are unreadable: not imported until an export prices them.
    expect(first.unpriced).toHaveLength(6);
    expect([f1!.plan.orders, f1!.plan.newOrders, f1!.plan.existingOrders, f1!.plan.unreadableOrders]).toEqual([60, 54, 0, 6]);
    expect(new Set(f1!.plan.unreadable.map((u) => u.reason))).toEqual(new Set(['amount']));
    expect([f1!.plan.firstDay, f1!.plan.lastDay]).toEqual([first.firstDay, first.lastDay]);
    expect(f1!.newSheet).toBe(true);
    expect(f1!.sheetName).toBe(SHEET);
    // Nothing is written by the preview.
    expect(s.env.sheetNames()).toEqual(['店主のメモ']);

    const r1 = await runImport(p1, { server, lang: 'ja', shouldStop: () => false });
    expect(r1).toMatchObject({ outcome: 'done', done: 54, total: 54 });
    expect(s.env.sheetNames()).toEqual([SHEET, '店主のメモ']);
    const sheet = s.env.sheet(SHEET);
    expect(sheet.metadata.map((m) => m.key)).toContain(METADATA_KEYS.importSheet);
    expect(sheet.values[0]).toEqual(first.header);
    expect(orderIds(s)).toEqual(first.priced);
    // CP932's own characters arrive as they were; identifiers keep their leading zeros.
    const row0 = dataRows(s)[0]!;
    expect(row0[first.header.indexOf('注文者姓')]).toBe(CP932_NAMES.family);
    expect(row0[first.header.indexOf('注文者名')]).toBe(CP932_NAMES.given);
    expect(row0[first.header.indexOf('商品名')]).toBe(CP932_NAMES.item);
    expect(row0[first.header.indexOf('注文者郵便番号2')]).toBe('0001');
    expect(row0[first.header.indexOf('注文者電話番号1')]).toBe('090');
    expect(typeof row0[first.header.indexOf('合計金額')]).toBe('number');
    expect(s.env.sheet('店主のメモ').values).toEqual(owner);

    // The same file again: everything is already there, nothing is sent.
    const before = s.env.sheet(SHEET).values;
    const p2 = await prepare(s, server, [file('orders-2025-01.csv', cp932Csv(first))]);
    expect([p2.previews[0]!.plan.newOrders, p2.previews[0]!.plan.existingOrders]).toEqual([0, 54]);
    const appendsBefore = server.calls.filter((c) => c === 'appendImportRows').length;
    expect(await runImport(p2, { server, lang: 'ja', shouldStop: () => false })).toMatchObject({ outcome: 'done', done: 0 });
    expect(server.calls.filter((c) => c === 'appendImportRows').length).toBe(appendsBefore);
    expect(s.env.sheet(SHEET).values).toEqual(before);

    // A newer export that overlaps: orders 40–59 are there (less 45 and 55, unpriced), 60–99 are new.
    const second = rakutenExport(40, 100);
    const p3 = await prepare(s, server, [file('orders-2025-02.csv', cp932Csv(second))]);
    expect([p3.previews[0]!.plan.newOrders, p3.previews[0]!.plan.existingOrders]).toEqual([36, 18]);
    expect(p3.previews[0]!.newSheet).toBe(false);
    await runImport(p3, { server, lang: 'ja', shouldStop: () => false });
    expect(orderIds(s)).toEqual([...first.priced, ...second.priced.filter((id) => !first.ids.includes(id))]);
    expect(dataRows(s).slice(0, before.length - 1)).toEqual(before.slice(1)); // appended only
  });

  test('chunks carry whole orders; progress counts orders; a failed chunk stops the import and says where, leaving whole orders only', async () => {
    const s = sidebarServer({ locale: 'en_US', now: NOW });
    const e = rakutenExport(0, 80);
    // Chunks of at most 20 rows; fail the third chunk.
    const server = bridge(s, (name, n) => (name === 'appendImportRows' && n === 3 ? 'Exceeded maximum execution time' : undefined));
    const p = await prepare(s, server, [file('big.csv', cp932Csv(e))], { chunkCells: 20 * e.header.length, chunkBytes: 1 << 20 });
    const chunks = p.previews[0]!.plan.chunks;
    expect(chunks.length).toBeGreaterThan(3);
    for (const c of chunks) expect(c.rows.length).toBeLessThanOrEqual(20);
    // No order is split across chunks.
    const seen = new Map<string, number>();
    chunks.forEach((c, k) => {
      for (const r of c.rows) {
        const id = String(r[0]);
        if (seen.has(id)) expect(seen.get(id)).toBe(k);
        seen.set(id, k);
      }
    });
    const progress: number[] = [];
    const r = await runImport(p, { server, lang: 'en', shouldStop: () => false, onProgress: (done) => progress.push(done) });
    expect(r.outcome).toBe('failed');
    const written = chunks[0]!.orders + chunks[1]!.orders;
    expect(chunks.reduce((n, c) => n + c.orders, 0)).toBe(e.priced.length);
    expect(progress).toEqual([chunks[0]!.orders, written]);
    expect(r.done).toBe(written);
    expect(r.failure).toBe(`Stopped at write 3 of ${chunks.length} (lines ${chunks[2]!.firstLine}–${chunks[2]!.lastLine} of the file): Exceeded maximum execution time`);
    const sheet = 'Orders (楽天 RMS)';
    const ids = [...new Set(s.env.sheet(sheet).values.slice(1).map((x) => String(x[0])))];
    expect(ids).toEqual(e.priced.slice(0, written));
    expect(s.env.sheet(sheet).values.length - 1).toBe(chunks[0]!.rows.length + chunks[1]!.rows.length);

    // Importing the file again adds only the rest.
    const again = await prepare(s, bridge(s), [file('big.csv', cp932Csv(e))]);
    expect(again.previews[0]!.plan.newOrders).toBe(e.priced.length - written);
    await runImport(again, { server: bridge(s), lang: 'en', shouldStop: () => false });
    expect([...new Set(s.env.sheet(sheet).values.slice(1).map((x) => String(x[0])))]).toEqual(e.priced);
  });

  test('stop: the chunk being written finishes, nothing after it is sent', async () => {
    const s = sidebarServer({ locale: 'en_US', now: NOW });
    const server = bridge(s);
    const p = await prepare(s, server, [file('a.csv', cp932Csv(rakutenExport(0, 40)))], { chunkCells: 10 * rakutenExport(0, 1).header.length, chunkBytes: 1 << 20 });
    let chunksSent = 0;
    const r = await runImport(p, { server, lang: 'en', shouldStop: () => chunksSent >= 2, onProgress: () => chunksSent++ });
    expect(r.outcome).toBe('stopped');
    expect(server.calls.filter((c) => c === 'appendImportRows')).toHaveLength(2);
  });

  test('several files at once: the second is planned on top of the first (its overlap is not counted twice)', async () => {
    const s = sidebarServer({ locale: 'en_US', now: NOW });
    const server = bridge(s);
    const p = await prepare(s, server, [file('jan.csv', cp932Csv(rakutenExport(0, 30))), file('feb.csv', cp932Csv(rakutenExport(20, 50)))]);
    expect(p.previews.map((f) => [f.plan.newOrders, f.plan.existingOrders])).toEqual([
      [27, 0],
      [18, 9],
    ]);
    expect(p.previews.map((f) => f.target)).toEqual([p.previews[0]!.target, p.previews[0]!.target]);
    await runImport(p, { server, lang: 'en', shouldStop: () => false });
    expect(new Set(s.env.sheet('Orders (楽天 RMS)').values.slice(1).map((x) => String(x[0]))).size).toBe(45);
    expect(s.env.sheetNames()).toEqual(['Orders (楽天 RMS)', 'Sheet1']);
  });

  test('two platforms’ exports chosen together go to two sheets of their own', async () => {
    const s = sidebarServer({ locale: 'en_US', now: NOW });
    const server = bridge(s);
    const base = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(join(FIXTURE_DIR, 'base-orders.csv'))]);
    const p = await prepare(s, server, [file('rakuten.csv', cp932Csv(rakutenExport(0, 10))), file('base.csv', base)]);
    expect(p.problems).toEqual([]);
    expect(p.previews.map((f) => [f.plan.profile, f.encoding, f.sheetName, f.newSheet])).toEqual([
      ['rakuten', 'Shift_JIS (CP932)', 'Orders (楽天 RMS)', true],
      ['base', 'UTF-8 (BOM)', 'Orders (BASE)', true],
    ]);
    const r = await runImport(p, { server, lang: 'en', shouldStop: () => false });
    expect([...r.added.keys()]).toEqual(['Orders (楽天 RMS)', 'Orders (BASE)']);
    expect(s.env.sheetNames()).toEqual(['Orders (BASE)', 'Orders (楽天 RMS)', 'Sheet1']);
    expect(s.env.sheet('Orders (BASE)').values[0]![0]).toBe('注文ID');
  });

  test('files that are not order CSVs are refused with the reason, nothing sent to be written', async () => {
    const s = sidebarServer({ locale: 'en_US', now: NOW });
    const server = bridge(s);
    const xlsx = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...new Array(26).fill(0), ...Buffer.from('[Content_Types].xml')]);
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const noHeader = Buffer.from('hello,world\r\n1,2\r\n');
    const p = await prepare(s, server, [file('book.xlsx', xlsx), file('photo.png', png), file('empty.csv', new Uint8Array()), file('notes.csv', noHeader)]);
    expect(p.previews).toEqual([]);
    expect(p.problems.map((x) => [x.file, x.lines[0]])).toEqual([
      ['book.xlsx', expect.stringContaining('Excel workbook')],
      ['photo.png', 'This is an image. Choose the order CSV instead.'],
      ['empty.csv', 'The file is empty.'],
      ['notes.csv', 'The first line is not a header of orders.'],
    ]);
    expect(server.calls.filter((c) => c === 'appendImportRows')).toEqual([]);
    expect(s.env.sheetNames()).toEqual(['Sheet1']);

    // A 50 MB file is refused before it is read; two exports pasted together in two encodings too.
    const huge: ChosenFile = { name: 'all.csv', size: 50 * 1024 * 1024, arrayBuffer: () => Promise.reject(new Error('must not be read')) };
    const utf8 = Buffer.from('注文番号,お名前\r\n1,山田 花子\r\n', 'utf8');
    const mixed = Buffer.concat([utf8, iconv.encode('2,髙橋 﨑子\r\n', 'cp932')]);
    const q = await prepare(s, server, [huge, file('pasted.csv', mixed)]);
    expect(q.problems).toEqual([
      { file: 'all.csv', lines: ['It is too large (50.0 MB). Files up to 20 MB can be imported: download a shorter period.'] },
      { file: 'pasted.csv', lines: ['It mixes encodings (UTF-8 lines: 1, 2; other lines: 3). Download the export again and choose it as it is.'] },
    ]);
    expect(s.env.sheetNames()).toEqual(['Sheet1']);
  });

  test('a sheet the refresh could not read within 6 minutes is announced in the preview (the import may still run)', async () => {
    const s = sidebarServer({ locale: 'en_US', now: NOW });
    const server = bridge(s);
    const e = rakutenExport(0, 20);
    const p = await prepare(s, server, [file('a.csv', cp932Csv(e))], { chunkCells: 50_000, chunkBytes: 1 << 20, refreshCells: 500 });
    const cells = (1 + p.previews[0]!.plan.newRows) * e.header.length;
    expect(p.tooBigToRefresh).toEqual([
      `After this import "Orders (楽天 RMS)" holds ${cells.toLocaleString()} cells, more than the refresh can read within Apps Script’s 6 minutes (about 500). If the refresh fails, download a shorter period or delete columns you do not use.`,
    ]);
    expect((await prepare(s, server, [file('a.csv', cp932Csv(e))])).tooBigToRefresh).toEqual([]);
  });

  test('the refresh reads the imported sheet when the settings choose it, and finds what it finds in the same export pasted', async () => {
    const e = rakutenExport(0, 40);
    const s = sidebarServer({ locale: 'ja_JP', now: NOW });
    const server = bridge(s);
    await runImport(await prepare(s, server, [file('a.csv', cp932Csv(e))]), { server, lang: 'ja', shouldStop: () => false });
    const st = state(s);
    const saved = s.backend.call('saveSettings', [{ ...st.settings, sources: { ...st.settings.sources, orders: SHEET } }]) as { ok: boolean };
    expect(saved.ok).toBe(true);
    const { outcome } = s.backend.call('refreshFromSidebar', []) as { outcome: RefreshOutcome };
    expect(outcome).toMatchObject({ ok: true, sources: { orders: SHEET }, skippedTotal: 0 });

    // The same export pasted by hand into a sheet (what Sheets makes of CSV text).
    const pasted = sidebarServer({ locale: 'ja_JP', now: NOW, sheets: { 注文: toRange(parseCsv(writeCsv([e.header, ...e.rows]))) } });
    const { outcome: byHand } = pasted.backend.call('refreshFromSidebar', []) as { outcome: RefreshOutcome };
    expect(byHand).toMatchObject({ ok: true, sources: { orders: '注文' } });
    expect(byHand.skippedTotal).toBeGreaterThan(0); // the unpriced orders, which the import left out
    expect(outcome.counts).toEqual(byHand.counts);
    expect(s.env.sheet('顧客ステージ').values).toEqual(pasted.env.sheet('顧客ステージ').values);

    // And the formulas: =FANSTAGE over the imported sheet is =FANSTAGE over the pasted one.
    const fanstage = (x: SidebarServer, sheet: string): unknown =>
      x.env.callAs({ authMode: 'CUSTOM_FUNCTION', ui: false }, 'FANSTAGE', x.env.spreadsheet.getSheetByName(sheet)!.getDataRange().getValues());
    const stages = fanstage(s, SHEET) as unknown[][];
    expect(stages.length).toBeGreaterThan(3);
    // The pasted table ends with a note of the unpriced rows it skipped; the import left them out.
    const byHandStages = fanstage(pasted, '注文') as unknown[][];
    expect(byHandStages.slice(0, stages.length)).toEqual(stages);
    expect(byHandStages.slice(stages.length).map((r) => String(r[0]))).toEqual([expect.stringContaining('金額を読めません')]);
  });
});
