/**
 * What a Japanese owner reads in the tabs (issue 17): after refreshes of the sample shop in a ja_JP
 * spreadsheet, every visible cell of every tab the add-on writes is Japanese-shaped — no internal
 * id, no TRUE/FALSE, no ISO date — dates read 2026/10/31, times 12:00; and identifiers written by
 * the add-on and the preview keep their leading zeros.
 */
import ExcelJS from 'exceljs';
import { loadBundle, type LoadedBundle } from '../../emulator/bundle';
import { PreviewWorkbook } from '../../preview/workbook';
import { exportXlsx } from '../../preview/xlsx';
import { parseCsv, toRange } from '../../scripts/csv';
import { TAB_NAMES } from '../../src/core/labels';
import { NOTICE_ROWS } from '../../src/core/grid';
import { tableParts } from '../../src/core/functions';
import { ownerTextProblems } from '../support/ownerText';
import { sampleShopSheets } from '../support/sampleSheets';

const JST = (iso: string): number => Date.parse(`${iso}+09:00`);

/** Every visible cell of the add-on's tabs that shows a problem: `tab!row,col: text — problem`. */
function problemsIn(b: LoadedBundle): string[] {
  const out: string[] = [];
  for (const name of Object.values(TAB_NAMES).map((t) => t.ja)) {
    const sheet = b.env.sheet(name);
    const hidden = new Set(sheet.hiddenColumns);
    sheet.displayValues.forEach((row, r) =>
      row.forEach((text, c) => {
        if (hidden.has(c + 1)) return;
        for (const p of ownerTextProblems(text)) out.push(`${name}!R${r + 1}C${c + 1}: ${text} — ${p}`);
      }),
    );
  }
  return out;
}

describe('what the owner reads in a Japanese spreadsheet', () => {
  // The whole sample shop, refreshed on 2026/10/24 and again a week later (stage moves, baseline).
  const b = loadBundle({ locale: 'ja_JP', sheets: sampleShopSheets(100_000), now: JST('2026-10-24T12:00:00') });
  b.env.call('refreshFromMenu');
  b.env.clock.set(JST('2026-10-31T12:00:00'));
  b.env.call('refreshFromMenu');

  test('the checker finds each kind of problem (so that the walk below can fail)', () => {
    expect(ownerTextProblems('フォロワー')).toEqual([]);
    expect(ownerTextProblems('lapsed')).toEqual(['internal id "lapsed"']);
    expect(ownerTextProblems('注文: Orders (base)')).toEqual(['internal id "base"']);
    expect(ownerTextProblems('TRUE')).toEqual(['TRUE/FALSE']);
    expect(ownerTextProblems('基準日 2026-10-31')).toEqual(['ISO date 2026-10-31']);
    expect(ownerTextProblems('akemi_m@example.jp 2026/10/31 ○ ×')).toEqual([]);
  });

  test('no visible cell of any tab shows an internal id, TRUE/FALSE or an ISO date', () => {
    const cells = Object.values(TAB_NAMES).reduce((n, t) => n + b.env.sheet(t.ja).displayValues.flat().length, 0);
    expect(cells).toBeGreaterThan(50_000);
    expect(problemsIn(b)).toEqual([]);
  });

  test('dates read 2026/10/31, times 12:00, yes/no ○/×; History keeps its stage codes in hidden columns', () => {
    const funnel = b.env.sheet('ファンファネル');
    expect(funnel.displayValues[1 + NOTICE_ROWS]!.slice(0, 4)).toEqual(['基準日', '2026/10/31', '更新日時', '2026/10/31 12:00']);
    // The transitions' heading names the baseline's day the same way.
    expect(funnel.displayValues.flat().some((t) => t.includes('2026/10/24'))).toBe(true);
    const customers = b.env.sheet('顧客ステージ');
    const header = customers.displayValues[NOTICE_ROWS]!;
    const column = (h: string): string[] => customers.displayValues.slice(NOTICE_ROWS + 1).map((r) => r[header.indexOf(h)]!);
    expect(new Set(column('定期購入'))).toEqual(new Set(['○', '×']));
    expect(new Set(column('登録'))).toEqual(new Set(['○', '×']));
    expect(new Set(column('VIP'))).toEqual(new Set(['○', '×']));
    expect(column('最終購入日').filter((t) => t !== '').every((t) => /^\d{4}\/\d{2}\/\d{2}$/.test(t))).toBe(true);
    const history = b.env.sheet('履歴');
    const hh = history.displayValues[NOTICE_ROWS]!;
    expect(history.hiddenColumns.map((c) => hh[c - 1])).toEqual(['コード', '比較元コード']);
    expect(hh).toContain('ステージ 2026/10/31');
    expect(hh).toContain('比較元 2026/10/24');
  });

  test('the custom functions’ tables in Japanese show ○/×, not TRUE/FALSE', () => {
    const sheets = sampleShopSheets(300);
    const orders = b.sheetValues(sheets.Orders);
    const asOf = b.date('2026-10-31T00:00:00+09:00');
    for (const t of [b.call('FANSTAGE', orders, undefined, asOf), b.call('LTVRANK', orders, undefined, asOf)] as unknown[][][]) {
      const { rows } = tableParts(t);
      expect(rows.flat().some((v) => typeof v === 'boolean')).toBe(false);
    }
    const rank = tableParts(b.call('LTVRANK', orders, undefined, asOf) as unknown[][]).rows;
    expect(new Set(rank.map((r) => r[6]))).toEqual(new Set(['○', '×']));
  });
});

describe('identifiers stay text (leading zeros kept)', () => {
  // Guest orders (no e-mail) keyed by their phone number, order numbers with leading zeros, as CSV.
  const csv = [
    '注文番号,注文日時,メールアドレス,電話番号,氏名,合計金額',
    '0012,2026/10/01 10:00,,09000000000,山田 花子,3000',
    '0013,2026/10/20 10:00,,09000000000,山田 花子,5000',
  ].join('\n');

  test('the preview pastes them into plain-text columns; an edit keeps them; the add-on shows the key as written', async () => {
    const wb = new PreviewWorkbook({ sheets: { Orders: toRange(parseCsv(csv)) }, now: JST('2026-10-31T12:00:00') });
    const orders = wb.env.sheet('Orders');
    expect(orders.displayValues[1]!.slice(0, 4)).toEqual(['0012', '2026/10/01 10:00', '', '09000000000']);
    expect(orders.numberFormats[1]![3]).toBe('@');
    // Typed again in the page, as an owner would: still text, not 9000000000.
    expect(wb.edit('Orders', 3, 4, '09000000000').display).toBe('09000000000');
    expect(wb.env.sheet('Orders').values[2]![3]).toBe('09000000000');
    const customers = wb.env.sheet('顧客ステージ');
    const keys = customers.displayValues.slice(NOTICE_ROWS + 1).map((r) => r[0]);
    expect(keys.some((k) => k!.includes('09000000000'))).toBe(true);
    expect(customers.numberFormats[NOTICE_ROWS + 1]![0]).toBe('@');
    // The .xlsx keeps the text too.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await exportXlsx(wb)) as unknown as ArrayBuffer);
    expect(book.getWorksheet('Orders')!.getCell('D2').value).toBe('09000000000');
    expect(book.getWorksheet('Orders')!.getCell('A2').value).toBe('0012');
  });

  test('without the plain-text format a typed phone number loses its 0, as in Sheets (the emulator is not lenient)', () => {
    const b = loadBundle({ locale: 'ja_JP', sheets: { S: [['電話番号']] } });
    b.env.setValues('S', [['09000000000']], { row: 2, entered: true });
    expect(b.env.sheet('S').values[1]![0]).toBe(9000000000);
  });
});
