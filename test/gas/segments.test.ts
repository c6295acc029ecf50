/**
 * セグメント on the in-memory Sheets, through the built bundle (issue 14): リストを作成 writes an
 * add-on-owned `セグメント: <name>` sheet that each refresh rewrites, an owner's sheet of that name is
 * left alone, the segment sheet is never read as an input, the CSV's bytes (UTF-8 with BOM,
 * Shift_JIS) come from Apps Script's Blob, and deleting a segment deletes its sheet.
 */
import iconv from 'iconv-lite';
import { loadBundle, type LoadedBundle } from '../../emulator/bundle';
import { NOTICE_ROWS } from '../../src/core/grid';
import { EMPTY_SEGMENT, type SegmentDefinition } from '../../src/core/segments';
import { PROPERTY_KEYS } from '../../src/gas/keys';
import type { SegmentDownload, SegmentPreview, SegmentSaved, SegmentsView } from '../../src/gas/segmentsApi';
import type { SidebarState } from '../../src/gas/sidebarApi';
import { SMALL_SHOP_NOW, smallShopSheets } from '../support/smallShop';

/** The small shop with e-mails (and one name Shift_JIS cannot hold) on its customers sheet. */
function shop(extra: Record<string, unknown[][]> = {}): LoadedBundle {
  const s = smallShopSheets();
  const customers = s.Customers.map((row, i) => (i === 0 ? [...row, 'メールアドレス'] : [...row, `s${i}@example.jp`]));
  customers[4]![1] = '髙橋 三奈😀';
  const b = loadBundle({ locale: 'ja_JP', sheets: { 注文: s.Orders, 顧客: customers, ...extra }, now: SMALL_SHOP_NOW });
  b.env.call('refreshFromMenu');
  return b;
}

const winBack: SegmentDefinition = { ...EMPTY_SEGMENT, name: '呼び戻し', lists: ['winBack'], filters: { ...EMPTY_SEGMENT.filters, hasEmail: true }, message: '{name}様、お久しぶりです' };
const rowsOf = (b: LoadedBundle, name: string): unknown[][] => b.env.sheet(name).values as unknown[][];
/** The table under the sheet's frozen rows (the notice, the summary, the header). */
const tableOf = (b: LoadedBundle, name: string): unknown[][] => {
  const s = b.env.sheet(name);
  return (s.values as unknown[][]).slice(s.frozenRows);
};

describe('リストを作成: the segment sheet', () => {
  test('the count the sidebar shows is the rows the sheet holds, in the columns a mail tool imports', () => {
    const b = shop();
    const preview = b.env.call('previewSegment', winBack) as SegmentPreview;
    expect(preview).toMatchObject({ ok: true, count: 2, countText: '2人', rule: 'リスト: 呼び戻したい方・メールアドレスあり' });
    const saved = b.env.call('saveSegment', winBack) as SegmentSaved;
    expect(saved.ok).toBe(true);
    expect(saved.message).toBe('「セグメント: 呼び戻し」に 2人を書きました。更新のたびに書き直します。');
    const values = rowsOf(b, 'セグメント: 呼び戻し');
    expect(values[0]![0]).toMatch(/^このタブは Fan Funnel が更新のたびに書き直します/);
    expect(values[NOTICE_ROWS]![0]).toBe('セグメント「呼び戻し」 2人(基準日 2026/11/30)・条件: リスト: 呼び戻したい方・メールアドレスあり');
    expect(values[b.env.sheet('セグメント: 呼び戻し').frozenRows - 1]).toEqual(['メールアドレス', '氏名', '顧客', 'ステージ', 'LTV', '最終購入日', '次回購入予測日', 'メッセージ']);
    const table = tableOf(b, 'セグメント: 呼び戻し');
    expect(table.map((r) => [r[0], r[2], r[7]])).toEqual([
      ['s3@example.jp', 'S03', '鈴木 次郎様、お久しぶりです'],
      ['s4@example.jp', 'S04', '髙橋 三奈😀様、お久しぶりです'],
    ]);
    expect(table).toHaveLength(preview.count!);
    // Marked as the add-on's and protected with a warning, like its tabs.
    expect(b.env.spreadsheet.getSheetByName('セグメント: 呼び戻し')!.getProtections(SpreadsheetAppProtection(b))[0]!.isWarningOnly()).toBe(true);
    // The definition is what is stored, not the list.
    expect(JSON.parse(b.env.properties.document.map.get(PROPERTY_KEYS.segments)!)).toEqual({ segments: [winBack] });
  });

  test('the count after a refresh reads no cell (the facts the refresh kept), and equals what a fresh read counts', () => {
    const b = shop();
    const cached = b.env.call('previewSegment', winBack) as SegmentPreview;
    expect(b.env.cost.last!.breakdown.cellsRead).toBe(0);
    // Other settings: the kept facts are not theirs, and the sheets are read again.
    const settings = JSON.parse(b.env.properties.document.map.get(PROPERTY_KEYS.settings) ?? '{}') as Record<string, unknown>;
    b.env.properties.document.map.set(PROPERTY_KEYS.settings, JSON.stringify({ ...settings, vip: { count: 100, minLtv: 5_000, minPurchases: 5, mode: 'or' } }));
    const fresh = b.env.call('previewSegment', winBack) as SegmentPreview;
    expect(b.env.cost.last!.breakdown.cellsRead).toBeGreaterThan(100);
    expect(fresh).toEqual(cached);
    // …and kept for the next click.
    const vips = b.env.call('previewSegment', { ...winBack, lists: [], vipOnly: true }) as SegmentPreview;
    expect(b.env.cost.last!.breakdown.cellsRead).toBe(0);
    expect(vips.count).toBeGreaterThan(0);
  });

  test('each refresh rewrites it from the definition: a customer who came back leaves the win-back list', () => {
    const b = shop();
    b.env.call('saveSegment', winBack);
    b.env.spreadsheet.getSheetByName('注文')!.appendRow(['9999', 'S03', '鈴木 次郎', '2026/11/29', 5000]);
    b.env.call('refreshFromMenu');
    expect(tableOf(b, 'セグメント: 呼び戻し').map((r) => r[2])).toEqual(['S04']);
    expect(rowsOf(b, 'セグメント: 呼び戻し')[NOTICE_ROWS]![0]).toMatch(/ 1人\(基準日 2026\/11\/30\)/);
  });

  test('a list that grows keeps every row in its formats (LTV in yen, dates, keys as text), formats rewritten only for new rows', () => {
    const b = shop();
    b.env.call('saveSegment', { ...winBack, name: '1万円以上', lists: [], filters: { ...EMPTY_SEGMENT.filters, ltv: { min: 10_000, max: null } } });
    const before = tableOf(b, 'セグメント: 1万円以上').length;
    // Two more customers pass 10,000 yen.
    const orders = b.env.spreadsheet.getSheetByName('注文')!;
    orders.appendRow(['9001', 'S05', '田中 四郎', '2026/11/29', 9000]);
    orders.appendRow(['9002', 'S06', '伊藤 五月', '2026/11/29', 9000]);
    b.env.call('refreshFromMenu');
    const sheet = b.env.sheet('セグメント: 1万円以上');
    const table = (sheet.values as unknown[][]).slice(sheet.frozenRows);
    expect(table.length).toBe(before + 2);
    const formats = sheet.numberFormats.slice(sheet.frozenRows, sheet.frozenRows + table.length);
    for (const row of formats) expect([row[0], row[2], row[4], row[5]]).toEqual(['@', '@', '"¥"#,##0', 'yyyy/mm/dd']);
  });

  test('the segment sheet is never read as an input: the customers sheet stays 顧客', () => {
    const b = shop();
    b.env.call('saveSegment', { ...winBack, name: '全員' , lists: [], filters: EMPTY_SEGMENT.filters });
    // Put the segment sheet first, where detection looks first.
    const sheet = b.env.spreadsheet.getSheetByName('セグメント: 全員')!;
    b.env.spreadsheet.setActiveSheet(sheet);
    b.env.spreadsheet.moveActiveSheet(1);
    b.env.call('refreshFromMenu');
    const st = b.env.call('getSidebarState') as SidebarState;
    expect(st.detected.customers?.sheet).toBe('顧客');
    expect(st.sheets).not.toContain('セグメント: 全員');
    expect(tableOf(b, 'セグメント: 全員')).toHaveLength(12);
  });

  test('an owner’s sheet with the wanted name is left alone; the list goes beside it, and the owner is told', () => {
    const b = shop({ 'セグメント: 呼び戻し': [['私のメモ']] });
    const saved = b.env.call('saveSegment', winBack) as SegmentSaved;
    expect(saved.message).toContain('「セグメント: 呼び戻し」という名前のシートがすでにあるため(アドオンが作ったものではないので触りません)、「セグメント: 呼び戻し (Fan Funnel)」に書きました。');
    expect(rowsOf(b, 'セグメント: 呼び戻し')).toEqual([['私のメモ']]);
    expect(tableOf(b, 'セグメント: 呼び戻し (Fan Funnel)')).toHaveLength(2);
    b.env.call('refreshFromMenu');
    expect(rowsOf(b, 'セグメント: 呼び戻し')).toEqual([['私のメモ']]);
  });

  test('a copy of the segment sheet is the owner’s: a refresh does not write it', () => {
    const b = shop();
    b.env.call('saveSegment', winBack);
    // The owner duplicates it in Sheets: its cells and its developer metadata are copied, its sheet id is new.
    const ss = b.env.spreadsheet;
    b.env.run(() => {
      const original = ss.getSheetByName('セグメント: 呼び戻し')!;
      const copy = ss.insertSheet('コピー', 0);
      const values = original.getDataRange().getValues();
      copy.getRange(1, 1, values.length, values[0]!.length).setValues(values);
      copy.getRange(1, 1).setValue('私の控え');
      for (const m of original.getDeveloperMetadata()) copy.addDeveloperMetadata(m.getKey(), m.getValue() ?? '');
    });
    b.env.spreadsheet.getSheetByName('注文')!.appendRow(['9999', 'S03', '鈴木 次郎', '2026/11/29', 5000]);
    b.env.call('refreshFromMenu');
    expect(rowsOf(b, 'コピー')[0]![0]).toBe('私の控え');
    expect((rowsOf(b, 'コピー') as unknown[][]).filter((r) => r[2] === 'S03')).toHaveLength(1);
    expect(tableOf(b, 'セグメント: 呼び戻し').map((r) => r[2])).toEqual(['S04']);
  });

  test('deleting a segment deletes its sheet and its definition; an unknown name says so', () => {
    const b = shop();
    b.env.call('saveSegment', winBack);
    const r = b.env.call('deleteSegment', '呼び戻し') as SegmentSaved;
    expect(r.message).toBe('セグメント「呼び戻し」と、そのシートを削除しました。');
    expect(b.env.spreadsheet.getSheetByName('セグメント: 呼び戻し')).toBeNull();
    expect((r.view as SegmentsView).saved).toEqual([]);
    expect((b.env.call('deleteSegment', '呼び戻し') as SegmentSaved).problems[0]!.message).toBe('セグメント「呼び戻し」は保存されていません。');
  });

  test('a definition with a problem is refused field by field, and nothing is stored', () => {
    const b = shop();
    const r = b.env.call('saveSegment', { ...winBack, name: '  ', filters: { ...winBack.filters, ltv: { min: 5000, max: 100 } } }) as SegmentSaved;
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => [p.field, p.message])).toEqual([
      ['name', 'セグメントの名前を入れてください。'],
      ['ltv', '下限が上限より大きくなっています。'],
    ]);
    expect(b.env.properties.document.map.get(PROPERTY_KEYS.segments)).toBeUndefined();
  });
});

describe('in English', () => {
  test('the sheet, its columns, the count and an empty result’s reason are English', () => {
    const s = smallShopSheets();
    const b = loadBundle({ locale: 'en_US', sheets: { Orders: s.Orders, Customers: s.Customers }, now: SMALL_SHOP_NOW });
    b.env.call('refreshFromMenu');
    const saved = b.env.call('saveSegment', { ...winBack, name: 'Win back', filters: EMPTY_SEGMENT.filters }) as SegmentSaved;
    expect(saved.message).toBe('Wrote 2 to “Segment: Win back”. Each refresh rewrites it.');
    const sheet = b.env.sheet('Segment: Win back');
    expect((sheet.values as unknown[][])[sheet.frozenRows - 1]).toEqual(['E-mail', 'Name', 'Customer', 'Stage', 'LTV', 'Last order', 'Next purchase by', 'Message']);
    const none = b.env.call('previewSegment', { ...winBack, filters: { ...EMPTY_SEGMENT.filters, hasLineUserId: true } }) as SegmentPreview;
    expect(none).toMatchObject({ count: 0, countText: '0 customers' });
    expect(none.empty).toBe('Nobody matches: “has a LINE user ID” took 2 to 0. The customers sheet has no “LINE user ID” column (add the one your LINE integration tool exports).');
  });
});

describe('CSVをダウンロード: the bytes', () => {
  const bytesOf = (d: SegmentDownload): Buffer => Buffer.from(d.base64!, 'base64');

  test('UTF-8 with a BOM (EF BB BF), CRLF records, the sheet’s columns; the emoji kept', () => {
    const b = shop();
    const d = b.env.call('downloadSegment', winBack, 'utf8') as SegmentDownload;
    expect(d).toMatchObject({ ok: true, filename: '呼び戻し_2026-11-30.csv', mimeType: 'text/csv' });
    const bytes = bytesOf(d);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe('メールアドレス,氏名,顧客,ステージ,LTV,最終購入日,次回購入予測日,メッセージ');
    expect(text).toContain('s4@example.jp,髙橋 三奈😀,S04,');
    expect(text.endsWith('\r\n')).toBe(true);
  });

  test('Shift_JIS: 鈴木 as 97 E9 96 D8, 髙 held (Windows-31J FB FC), the emoji reported by line and column', () => {
    const b = shop();
    const d = b.env.call('downloadSegment', winBack, 'sjis') as SegmentDownload;
    expect(d.filename).toBe('呼び戻し_2026-11-30_sjis.csv');
    const bytes = bytesOf(d);
    expect(bytes.includes(Buffer.from([0x97, 0xe9, 0x96, 0xd8]))).toBe(true); // 鈴木
    expect(bytes.includes(Buffer.from([0xfb, 0xfc]))).toBe(true); // 髙
    expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    expect(iconv.decode(bytes, 'cp932').split('\r\n')[2]).toMatch(/^s4@example\.jp,髙橋 三奈\?,S04,/);
    expect(d.warnings).toEqual([
      'Shift_JIS にできない文字が 2か所あり、「?」になっています。UTF-8 を選べばそのまま入ります: 3行目「氏名」の「😀」、3行目「メッセージ」の「😀」',
    ]);
  });

  test('LINE: a text file of user IDs, one a line — and when the customers sheet has none, why not', () => {
    const b = shop();
    const d = b.env.call('downloadSegment', winBack, 'line') as SegmentDownload;
    expect(d.ok).toBe(false);
    expect(d.error).toMatch(/^顧客シートに「LINEユーザーID」の列がありません/);
  });
});

/** The emulator's Protection type enum, reached through the script's SpreadsheetApp. */
function SpreadsheetAppProtection(b: LoadedBundle): GoogleAppsScript.Spreadsheet.ProtectionType {
  return (b.env.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).ProtectionType.SHEET;
}
