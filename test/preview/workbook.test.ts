/**
 * The local preview's workbook and server API, without a browser: the built bundle on the
 * in-memory Sheets, HyperFormula's Formulas sheet calling its custom functions, edits that
 * recalculate, the sidebar's refresh rewriting the tabs, the trigger, and the .xlsx export.
 */
import ExcelJS from 'exceljs';
import { startPreviewServer, type PreviewServer } from '../../preview/server';
import { FORMULAS_SHEET, PreviewWorkbook, makeZone } from '../../preview/workbook';
import { exportXlsx, readXlsx } from '../../preview/xlsx';
import { lapsedCustomer, stageOf } from '../support/previewFixtures';
import { SAMPLE_AS_OF, sampleShopSheets } from '../support/sampleSheets';
import { columnOf } from '../support/tables';
import { NOTICE_ROWS } from '../../src/core/grid';
import { TAB_NOTICE } from '../../src/core/labels';
import type { SidebarState } from '../../src/gas/sidebarApi';
import { SIDEBAR_SERVER_FUNCTIONS } from '../../src/sidebar/serverFunctions';
import { prepareImport, runImport, type ImportServer } from '../../src/sidebar/importFlow';
import { cp932Csv, rakutenExport } from '../support/importFiles';

const FUNNEL_TAB = 'ファンファネル';

function funnelCount(wb: PreviewWorkbook, label: string): unknown {
  return wb.env.sheet(FUNNEL_TAB).values.find((r) => r[0] === label)?.[1];
}

describe('preview workbook', () => {
  let wb: PreviewWorkbook;
  beforeAll(() => {
    wb = new PreviewWorkbook({ sheets: sampleShopSheets(), now: SAMPLE_AS_OF });
  });

  test('tabs: the inputs, the Formulas sheet, and the tabs the first refresh wrote', () => {
    const tabs = wb.tabs();
    expect(tabs.map((t) => [t.name, t.kind])).toEqual([
      ['Orders', 'input'],
      ['Customers', 'input'],
      ['Survey', 'input'],
      [FORMULAS_SHEET, 'formulas'],
      [FUNNEL_TAB, 'addon'],
      ['顧客ステージ', 'addon'],
      ['VIP', 'addon'],
      ['履歴', 'addon'],
    ]);
    const funnel = wb.grid(FUNNEL_TAB);
    expect(funnel.editable).toBe(false);
    // Row 1 says the add-on rewrites the tab (issue 11); the title is below it.
    expect(funnel.cells[0]![0]).toBe(TAB_NOTICE.line.ja);
    expect(funnel.cells[NOTICE_ROWS]![0]).toBe(FUNNEL_TAB);
    expect(funnel.bold[NOTICE_ROWS]![0]).toBe(true);
    expect(funnel.charts.length).toBeGreaterThan(0);
  });

  test('FANSTAGE spills its table from A1; LTVRANK beside it ranks each customer; dates stay dates', () => {
    const f = wb.grid(FORMULAS_SHEET, 12);
    expect(f.formulas['0,0']).toMatch(/^=FANSTAGE\(Orders!A1:K\d+, "\*", FanFunnelAsOf, Customers!A1:F\d+, Survey!A1:E\d+\)$/);
    expect(f.formulas['1,9']).toMatch(/^=LTVRANK\(Orders!A1:K\d+, A2, FanFunnelAsOf\)$/);
    expect(f.errors).toEqual({});
    const values = wb.formulaValues();
    expect(values[0]!.slice(0, 2)).toEqual(['顧客', 'ステージ']);
    // The table is in LTV order, so the LTVRANK cells beside it count 1, 2, 3…
    expect(values.slice(1, 11).map((r) => r[9])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // Dates come back as dates (the last order), shown as days.
    const lastOrder = columnOf(values, 'lastOrder');
    expect(Object.prototype.toString.call(values[1]![lastOrder])).toBe('[object Date]');
    expect(f.cells[1]![lastOrder]).toMatch(/^\d{4}\/\d{2}\/\d{2}$/);
  });

  test('editing an order recalculates FANSTAGE; the refresh then changes the Fan Funnel tab', () => {
    const { key, orderRow, dateColumn } = lapsedCustomer(wb);
    const lapsedBefore = funnelCount(wb, '離脱');
    expect(stageOf(wb, key)).toBe('離脱');

    const edit = wb.edit('Orders', orderRow, dateColumn, '2026/10/30 10:00');
    expect(edit.recalculated).toBeGreaterThan(0);
    expect(stageOf(wb, key)).not.toBe('離脱');
    // The add-on's tabs change only when the add-on refreshes.
    expect(funnelCount(wb, '離脱')).toBe(lapsedBefore);

    const answer = wb.run('refreshFromSidebar', []);
    expect(answer.ok).toBe(true);
    expect(funnelCount(wb, '離脱')).toBe((lapsedBefore as number) - 1);
  });

  test('the add-on tabs are not editable; a bad formula shows an error, not a crash', () => {
    expect(() => wb.edit(FUNNEL_TAB, 1, 1, 'x')).toThrow(/rewritten at each refresh/);
    wb.edit(FORMULAS_SHEET, 2, 12, '=FANSTAGE(Customers!A1:B3)');
    const g = wb.grid(FORMULAS_SHEET, 3);
    expect(g.cells[1]![11]).toBe('#ERROR!');
    expect(g.errors['1,11']).toMatch(/\S/);
  });

  test('run trigger now: runs onAutoRefresh as the trigger would', () => {
    expect(wb.runTrigger()).toEqual({ installed: false, ok: true, message: '' });
    const last = JSON.parse((wb.run('getSidebarState', []) as { json: string }).json) as { last: { cause: string } };
    expect(last.last.cause).toBe('trigger');
  });

  test('export: an .xlsx that exceljs reads back with the tabs, values and the chart data', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await exportXlsx(wb)) as unknown as ArrayBuffer);
    const names = book.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(['Orders', 'Customers', 'Survey', FORMULAS_SHEET, FUNNEL_TAB, 'VIP', '履歴', 'グラフ']));
    expect(book.getWorksheet(FUNNEL_TAB)!.getCell('A1').value).toBe(TAB_NOTICE.line.ja);
    expect(book.getWorksheet(FUNNEL_TAB)!.getCell(`A${1 + NOTICE_ROWS}`).value).toBe(FUNNEL_TAB);
    expect(book.getWorksheet(FUNNEL_TAB)!.getCell(`A${1 + NOTICE_ROWS}`).font?.bold).toBe(true);
    const formulas = book.getWorksheet(FORMULAS_SHEET)!;
    expect(formulas.getCell('A2').value).toBe(wb.formulaValues()[1]![0]);
    expect(String(formulas.getCell('A1').note)).toContain('=FANSTAGE(');
    // The charts' data sheet and its words are in the spreadsheet's language, the chart kind too.
    const charts = book.getWorksheet('グラフ')!;
    expect(charts.getRow(1).values).toEqual([undefined, 'シート', 'グラフの種類', 'タイトル', '範囲']);
    expect(charts.getCell('A2').value).toBe(FUNNEL_TAB);
    expect(charts.getCell('B2').value).toBe('折れ線グラフ');
    // Dates read 2026/10/31 in Excel too; History's stage codes stay hidden.
    const history = book.getWorksheet('履歴')!;
    expect(history.getCell(`A${2 + NOTICE_ROWS}`).numFmt).toBe('yyyy/mm/dd');
    const hidden = history.columns.flatMap((c, i) => (c.hidden ? [i + 1] : []));
    expect(hidden.map((c) => history.getCell(1 + NOTICE_ROWS, c).value)).toEqual(['コード', '比較元コード']);
  });
});

describe('xlsx input', () => {
  test('the first sheet as Sheets holds it: numbers, text, Dates in the spreadsheet zone', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('注文');
    ws.addRow(['顧客ID', '注文日', '合計金額']);
    ws.addRow(['C1', new Date(Date.UTC(2026, 9, 1, 10, 30)), 1200]);
    const zone = makeZone('Asia/Tokyo');
    const { sheet, rows } = await readXlsx(Buffer.from(await book.xlsx.writeBuffer()), zone);
    expect(sheet).toBe('注文');
    expect(rows[1]![0]).toBe('C1');
    expect((rows[1]![1] as Date).toISOString()).toBe('2026-10-01T01:30:00.000Z'); // 10:30 in Tokyo
    expect(rows[1]![2]).toBe(1200);
  });
});

describe('preview server API', () => {
  let server: PreviewServer;
  let wb: PreviewWorkbook;
  beforeAll(async () => {
    wb = new PreviewWorkbook({ sheets: sampleShopSheets(150), now: SAMPLE_AS_OF });
    server = await startPreviewServer(wb, { port: 0 });
  });
  afterAll(() => server.close());

  /** As the page calls the API: a change carries the page's Origin and a JSON body (test/preview/server.test.ts). */
  const call = async (path: string, init?: RequestInit): Promise<{ status: number; body: unknown }> => {
    const change = init?.method !== undefined && init.method !== 'GET';
    const headers: Record<string, string> = change ? { origin: new URL(server.url).origin, 'content-type': 'application/json' } : {};
    const res = await fetch(new URL(path, server.url), { ...init, headers });
    return { status: res.status, body: res.headers.get('content-type')?.includes('json') ? await res.json() : await res.arrayBuffer() };
  };

  test('page, sidebar with the bridge, tabs, cell edits, google.script.run, trigger, export', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await fetch(server.url).then((r) => r.text());
    expect(page).toContain('<iframe id="sidebar" src="/sidebar"');
    const sidebar = await fetch(new URL('/sidebar', server.url)).then((r) => r.text());
    expect(sidebar).toContain('window.__gasRun');
    expect(sidebar).toContain('id="app"');
    expect(((await call('/api/tabs')).body as { tabs: unknown[] }).tabs).toHaveLength(8);

    const { key, orderRow, dateColumn } = lapsedCustomer(wb);
    const put = await call('/api/cell', { method: 'PUT', body: JSON.stringify({ sheet: 'Orders', row: orderRow, column: dateColumn, value: '2026/10/30 10:00' }) });
    expect(put.status).toBe(200);
    expect(stageOf(wb, key)).not.toBe('離脱');

    const bad = await call('/api/cell', { method: 'PUT', body: JSON.stringify({ sheet: 'VIP', row: 1, column: 1, value: 'x' }) });
    expect(bad.status).toBe(422);

    const run = (await call('/api/run', { method: 'POST', body: JSON.stringify({ name: 'refreshFromSidebar', args: [] }) })).body as { ok: boolean; json: string };
    expect(run.ok).toBe(true);
    expect(JSON.parse(run.json).outcome.ok).toBe(true);
    const priv = (await call('/api/run', { method: 'POST', body: JSON.stringify({ name: 'refresh_', args: [] }) })).body as { ok: boolean; message: string };
    // The list is the typed wrapper's (test/preview/server.test.ts checks its names).
    expect(priv).toEqual({ ok: false, message: `refresh_ is not one of the sidebar's server functions (${SIDEBAR_SERVER_FUNCTIONS.join(', ')})` });
    expect(priv.message).toContain('getSidebarState, refreshFromSidebar, saveSettings, selectCustomer');

    expect(((await call('/api/trigger', { method: 'POST', body: '{}' })).body as { ok: boolean }).ok).toBe(true);
    const xlsx = await call('/api/export');
    expect(xlsx.status).toBe(200);
    expect(Buffer.from(xlsx.body as ArrayBuffer).subarray(0, 2).toString()).toBe('PK');
    expect((await call('/api/nothing')).status).toBe(404);
  });
});

describe('preview workbook: the sidebar’s CSV import (issue 13)', () => {
  test('the import flow runs through /api/run’s calls: a CP932 export lands in its own sheet, shown as a tab; the refresh can read it', async () => {
    const wb = new PreviewWorkbook({ sheets: sampleShopSheets(60), now: SAMPLE_AS_OF });
    const call = async (name: string, arg: unknown): Promise<never> => {
      const answer = wb.run(name, [JSON.parse(JSON.stringify(arg))]);
      if (!answer.ok) throw new Error(answer.message);
      return JSON.parse(answer.json!) as never;
    };
    const server: ImportServer = { readImportKeys: (r) => call('readImportKeys', r), appendImportRows: (r) => call('appendImportRows', r) };
    const bytes = cp932Csv(rakutenExport(0, 30));
    const chosen = { name: 'rakuten.csv', size: bytes.length, arrayBuffer: async () => Uint8Array.from(bytes).buffer };
    const state = JSON.parse((wb.run('getSidebarState', []) as { json: string }).json) as SidebarState;
    const prepared = await prepareImport([chosen], { server, settings: state.settings, lang: state.lang });
    expect(prepared.previews[0]!.encoding).toBe('Shift_JIS (CP932)');
    const outcome = await runImport(prepared, { server, lang: state.lang, shouldStop: () => false });
    expect(outcome.outcome).toBe('done');
    const sheet = '注文データ(楽天 RMS)';
    expect(wb.tabs().map((t) => t.name)).toContain(sheet);
    expect(wb.grid(sheet).cells[0]![0]).toBe('注文番号');

    // "Refresh from this sheet", as the panel offers it.
    const saved = wb.run('saveSettings', [{ ...state.settings, sources: { ...state.settings.sources, orders: sheet } }]);
    expect(saved.ok).toBe(true);
    const refreshed = JSON.parse((wb.run('refreshFromSidebar', []) as { json: string }).json) as { outcome: { ok: boolean; sources: { orders: string } } };
    expect(refreshed.outcome).toMatchObject({ ok: true, sources: { orders: sheet } });
  });
});
