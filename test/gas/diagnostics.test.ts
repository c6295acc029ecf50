/**
 * The 診断 / Diagnostics menu item and =FANFUNNEL_ARGS (issue 10 §3), on the built bundle in the
 * in-memory Sheets: the report a person sees and copies, in healthy and in failing spreadsheets,
 * and the arguments as Sheets passes them from a cell.
 */
import { loadBundle, type LoadedBundle } from '../../emulator/bundle';
import { placeResult } from '../../emulator/sheetsCall';
import type { GasEnvironmentOptions } from '../../emulator/index';
import { EMPTY_SEGMENT, type SegmentDefinition } from '../../src/core/segments';
import { PROPERTY_KEYS } from '../../src/gas/keys';

const NOW = Date.parse('2026-11-30T01:00:00Z'); // 10:00 in Tokyo, 20:00 the day before in New York

const orders = [
  ['注文番号', '注文日', '顧客ID', '合計金額'],
  ['1001', '2024-06-01', 'C001', 12800],
  ['1002', '2024-06-20', 'C001', 7000],
  ['1003', '2024-06-25', 'C002', 5000],
];

function workbook(options: { timeZone?: string; locale?: string; properties?: Record<string, string>; gas?: GasEnvironmentOptions } = {}): LoadedBundle {
  return loadBundle({
    timeZone: options.timeZone ?? 'Asia/Tokyo',
    locale: options.locale ?? 'ja_JP',
    now: NOW,
    sheets: { 注文: { values: orders, entered: true } },
    ...(options.properties ? { properties: options.properties } : {}),
    ...(options.gas ? { gas: options.gas } : {}),
  });
}

/** Runs the menu item as a person would (onOpen, then the item), and returns what the dialog shows. */
function diagnose(b: LoadedBundle, item = '診断'): { title: string; html: string; text: string; lines: Map<string, { status: string; facts: string; meaning: string }> } {
  b.env.open({ authMode: 'FULL' });
  const before = b.env.ui.dialogs.length;
  b.env.clickMenu(item);
  expect(b.env.ui.dialogs).toHaveLength(before + 1);
  const dialog = b.env.ui.dialogs.at(-1)!;
  expect(dialog.modal).toBe(true);
  const text = /<textarea id="report" readonly>([\s\S]*)<\/textarea>/
    .exec(dialog.content)![1]!
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
  const lines = new Map<string, { status: string; facts: string; meaning: string }>();
  const all = text.split('\n');
  all.forEach((line, i) => {
    const m = /^\[(OK|注意|WARN)\] (.+?): (.*)$/.exec(line);
    if (m) lines.set(m[2]!, { status: m[1]!, facts: m[3]!, meaning: all[i + 1]!.replace(/^ {4}→ /, '') });
  });
  return { title: dialog.dialogTitle, html: dialog.content, text, lines };
}

const statuses = (lines: Map<string, { status: string }>) => Object.fromEntries([...lines].map(([name, l]) => [name, l.status]));

describe('診断 / Diagnostics (the menu item)', () => {
  test('a healthy Tokyo spreadsheet: every assumption holds, in a dialog to copy, and nothing is left behind', () => {
    const b = workbook();
    const r = diagnose(b);
    expect(r.title).toBe('Fan Funnel 診断');
    expect(r.text.split('\n')[0]).toBe('Fan Funnel 診断 2026/11/30 10:00 (Asia/Tokyo)');
    const { バージョン: version, ...rest } = statuses(r.lines);
    expect(version).toBeDefined(); // OK or 注意 depending on the build's git state
    expect(rest).toEqual({
      タイムゾーン: 'OK',
      '日付の計算 (Intl と Utilities)': 'OK',
      自動更新のトリガー: 'OK',
      ドキュメントのロック: 'OK',
      ドキュメントのプロパティ: 'OK',
      ユーザーのプロパティ: 'OK',
      スクリプトのプロパティ: 'OK',
      セルの数: 'OK',
      言語: 'OK',
      アドオンのタブ: 'OK',
      読み込みの速さ: 'OK',
      関数が返す日付: 'OK',
      'Shift_JIS の CSV': 'OK',
    });
    // The download's charset in the in-memory Apps Script (emulator/session.ts): the bytes 診断 expects.
    expect(r.lines.get('Shift_JIS の CSV')!.facts).toBe('windows-31j で書いたバイト: 鈴 97 E9, 木 96 D8, 髙 FB FC, 橋 8B B4, ～ 81 60, − 3F');
    expect(r.lines.get('関数が返す日付')!.facts).toBe('このシートに =FANFUNNEL_ARGS のセルがありません');
    expect(r.lines.get('バージョン')!.facts).toMatch(/^0\.1\.0 \(([0-9a-f]{7,}|unknown)/);
    expect(r.lines.get('タイムゾーン')!.facts).toMatch(/^スクリプト Asia\/Tokyo・スプレッドシート Asia\/Tokyo・appsscript.json Asia\/Tokyo/);
    expect(r.lines.get('セルの数')!.facts).toBe('1 枚のシートで 26,000 / 10,000,000 セル(0.26%)。最大は「注文」1,000 行 × 26 列');
    expect(r.lines.get('読み込みの速さ')!.facts).toMatch(/^「注文」の 4 行 × 4 列を \d+ ms で読み込み/);
    // The trigger check made a clock trigger, found it in the user's list and deleted it.
    expect(r.lines.get('自動更新のトリガー')!.facts).toMatch(/テスト用に作ったトリガー ID \d+: 一覧に出た、削除済み$/);
    expect(b.env.triggers.list()).toEqual([]);
    // Nothing written: no sheet, no property; the lock released.
    expect(b.env.sheetNames()).toEqual(['注文']);
    expect(b.env.properties.document.map.size).toBe(0);
    expect(b.env.locks.document.isHeld()).toBe(false);
    // One self-contained page, and the same report in the execution log.
    expect(r.html).not.toMatch(/https?:\/\/|<script[^>]+src|<link/i);
    expect(r.html).toContain('<button id="copy" type="button">コピー</button>');
    expect(b.env.logs.map((l) => l.message)).toContain(r.text);
    expect(r.text.split('\n').at(-1)).toMatch(/^次に: 空いているセルに =FANFUNNEL_ARGS\(A2, , A1:C3\)/);
  });

  test('a New York spreadsheet with the Tokyo script and a property near 9 KB: each says 注意 and why', () => {
    const b = workbook({ timeZone: 'America/New_York', properties: { [PROPERTY_KEYS.lastRefresh]: JSON.stringify({ note: 'あ'.repeat(2500) }) } });
    const r = diagnose(b);
    expect(r.text.split('\n')[0]).toBe('Fan Funnel 診断 2026/11/29 20:00 (America/New_York)');
    expect(r.text.split('\n')[1]).toMatch(/^注意 [2-3] 件 \/ 14 項目$/);
    const zones = r.lines.get('タイムゾーン')!;
    expect(zones.status).toBe('注意');
    expect(zones.facts).toMatch(/^スクリプト Asia\/Tokyo・スプレッドシート America\/New_York・appsscript.json Asia\/Tokyo/);
    expect(zones.meaning).toMatch(/^スプレッドシート\(America\/New_York\)とスクリプト\(Asia\/Tokyo\)のタイムゾーンが違います。.*=FANFUNNEL_ARGS\(日付のセル\)/);
    // Intl and Utilities agree in both zones, New York's daylight-saving changes included.
    expect(r.lines.get('日付の計算 (Intl と Utilities)')).toMatchObject({
      status: 'OK',
      facts: 'America/New_York・Asia/Tokyo で 16 時点を比較(夏時間の切り替わり 8 時点を含む)',
    });
    const props = r.lines.get('ドキュメントのプロパティ')!;
    expect(props.status).toBe('注意');
    expect(props.facts).toBe('1 件、合計 7.4 KB / 500 KB、最大の値 fanFunnel.lastRefresh 7.3 KB / 9 KB');
    expect(props.meaning).toMatch(/^上限\(1つの値 9 KB、全体 500 KB\)に近づいています/);
    expect(r.lines.get('ユーザーのプロパティ')!.status).toBe('OK');
  });

  test('no containing document: the lock is null (注意), what could not be read says so, and the dialog still opens', () => {
    const b = workbook({ locale: 'en_US', gas: { containingDocument: 'never' } });
    const r = diagnose(b, 'Diagnostics');
    expect(r.title).toBe('Fan Funnel diagnostics');
    expect(r.lines.get('Document lock')).toEqual({
      status: 'WARN',
      facts: 'null (not available)',
      meaning: 'No lock here: a click and the automatic refresh could run at once and mix the tabs. Please send this report to the developers.',
    });
    expect(r.lines.get('Cells')).toMatchObject({ status: 'WARN', facts: 'Could not check: SpreadsheetApp.getActive() is null' });
    // The script's zone is still compared: Intl against Utilities needs no document.
    expect(r.lines.get('Date arithmetic (Intl vs Utilities)')).toMatchObject({ status: 'OK', facts: '4 instants compared in Asia/Tokyo (0 at daylight-saving changes)' });
  });

  test('automatic refresh on: its trigger is listed with its handler, id and owner; another editor sees none and is told why', () => {
    const b = workbook();
    const state = b.env.call('getSidebarState') as { settings: Record<string, unknown> };
    expect((b.env.call('saveSettings', { ...state.settings, autoRefresh: { enabled: true, every: 'day', hour: 7 } }) as { ok: boolean }).ok).toBe(true);
    const [trigger] = b.env.triggers.list();
    const owner = diagnose(b).lines.get('自動更新のトリガー')!;
    expect(owner).toEqual({
      status: 'OK',
      facts: `あなた(owner@example.com)のトリガー: onAutoRefresh(CLOCK、ID ${trigger!.uid})。getProjectTriggers で見えるもの 1 件。設定: 毎日 7時`,
      meaning: expect.stringMatching(/^自動更新のトリガーがあなたのものとして1つだけ登録されています。/),
    });
    // Another editor: Google shows nobody else's trigger. Their test trigger is made and deleted;
    // the owner's stays.
    b.env.setUser('editor@example.com');
    const editor = diagnose(b).lines.get('自動更新のトリガー')!;
    expect(editor.status).toBe('注意');
    expect(editor.facts).toMatch(/^あなた\(editor@example.com\)のトリガー: なし。.*テスト用に作ったトリガー ID \d+: 一覧に出た、削除済み$/);
    expect(editor.meaning).toMatch(/^設定では自動更新がオンですが、あなたのトリガーはありません。ほかの人がオンにした場合/);
    expect(b.env.triggers.list().map((t) => [t.uid, t.user])).toEqual([[trigger!.uid, 'owner@example.com']]);
  });

  test('after a refresh, an English spreadsheet: the four tabs found by their mark and sheet id, in English', () => {
    const b = workbook({ locale: 'en_US' });
    b.env.call('refreshFromMenu');
    const id = (name: string) => b.env.sheet(name).sheetId;
    const facts = `Fan Funnel: "Fan Funnel" (sheet id ${id('Fan Funnel')}). Customers: "Customers" (sheet id ${id('Customers')}). VIP: "VIP" (sheet id ${id('VIP')}). History: "History" (sheet id ${id('History')})`;
    const tabs = diagnose(b, 'Diagnostics').lines.get('The add-on’s tabs')!;
    expect(tabs).toEqual({
      status: 'OK',
      facts,
      meaning: 'The add-on writes only to the tabs it made (checked by their mark and their sheet id). A missing tab is made by the next refresh.',
    });
    // The owner duplicates VIP (metadata and all), and the registry property is lost: the copy is
    // reported as a copy, by the refresh's own rule (the id in its metadata is not its own).
    b.env.run(() => {
      const ss = b.env.spreadsheet;
      const copy = ss.insertSheet('VIP のコピー');
      for (const m of ss.getSheetByName('VIP')!.getDeveloperMetadata()) copy.addDeveloperMetadata(m.getKey(), m.getValue() ?? '');
    });
    b.env.properties.document.map.delete(PROPERTY_KEYS.tabSheets);
    expect(diagnose(b, 'Diagnostics').lines.get('The add-on’s tabs')!.facts).toBe(`${facts}. marked copies (never written): "VIP のコピー" (${id('VIP のコピー')})`);
  });
});

describe('診断 knows every sheet the add-on makes (src/gas/ownSheets.ts sheetKind)', () => {
  test('a segment sheet and the 施策 sheets are listed as the add-on’s, and never timed as the owner’s data, however large', () => {
    const b = workbook();
    b.env.call('refreshFromMenu');
    const segment = { ...EMPTY_SEGMENT, name: 'ビジター', stages: ['visitor'], message: '{name}様' } as SegmentDefinition;
    expect((b.env.call('saveSegment', segment) as { ok: boolean }).ok).toBe(true);
    expect((b.env.call('startCampaign', { name: 'お礼', move: 'visitor>follower', keys: ['C002'] }) as { ok: boolean }).ok).toBe(true);
    // The segment sheet made the largest sheet of all.
    b.env.run(() => b.env.spreadsheet.getSheetByName('セグメント: ビジター')!.insertRowsAfter(1, 5000));
    const r = diagnose(b);
    const id = (name: string) => b.env.sheet(name).sheetId;
    expect(r.lines.get('アドオンのタブ')!.facts).toContain(
      `アドオンのほかのシート(セグメント・施策など。注文データとしては読みません): 「セグメント: ビジター」(${id('セグメント: ビジター')}), 「施策データ」(${id('施策データ')}), 「施策」(${id('施策')})`,
    );
    expect(r.lines.get('読み込みの速さ')!.facts).toMatch(/^「注文」の 4 行 × 4 列を/);
  });
});

describe('診断 reads back the date =FANFUNNEL_ARGS returned: do the functions’ dates show as the right day here?', () => {
  test.each([
    ['as the add-on assumes (the script’s zone)', 'script', 'OK', '2001/02/03 00:00'],
    ['if Sheets kept the instant instead (the spreadsheet’s zone)', 'spreadsheet', '注意', '2001/02/02 10:00'],
  ] as const)('a New York spreadsheet, Sheets reading returned dates %s', (_, dateZone, status, shown) => {
    const b = workbook({ timeZone: 'America/New_York' });
    placeResult(b.env, { sheet: '注文', row: 1, column: 6 }, '=FANFUNNEL_ARGS(注文!B2)', { dateZone });
    const line = diagnose(b).lines.get('関数が返す日付')!;
    expect(line.status).toBe(status);
    expect(line.facts).toBe(`注文!H7 の =FANFUNNEL_ARGS が返した日付は ${shown}(America/New_York)`);
    if (status === '注意') expect(line.meaning).toMatch(/^2001\/02\/03 0:00 のはずです。/);
  });
});

describe('=FANFUNNEL_ARGS as Sheets calls it from a cell', () => {
  const NY = () => workbook({ timeZone: 'America/New_York' });

  test.each([
    ['undefined', 'undefined', '値なし: 省略された引数は undefined で届きました'],
    ['empty string', '""', '空の文字列: 空のセル、または省略された引数'],
  ] as const)('a skipped middle argument arriving as %s says so; the date cell and the range are described', (skipped, type, detail) => {
    const b = NY();
    const r = b.formula('=FANFUNNEL_ARGS(注文!B2, , 注文!A1:D3)', { skipped });
    expect(r.status).toBe('value');
    const rows = (r as { value: unknown[][] }).value;
    expect(rows[0]).toEqual(['引数', '型', '届いた値']);
    expect(rows[2]).toEqual([2, type, detail]);
    // 2024-06-01 arrives as 0:00 in Tokyo (the script's zone), which is 11:00 the day before in New York.
    const offset = new Date('2024-05-31T15:00:00.000Z').getTimezoneOffset();
    expect(rows[1]).toEqual([
      1,
      'Date',
      `2024-05-31T15:00:00.000Z・getTimezoneOffset ${offset}・Asia/Tokyo 2024/06/01 00:00:00 / America/New_York 2024/05/31 11:00:00・スクリプトのタイムゾーン(Asia/Tokyo)の 0:00: 日付のセルはスクリプトのタイムゾーンで作られています`,
    ]);
    expect(rows[3]).toEqual([
      3,
      '2次元配列',
      '3 行 × 4 列・1行目: string "注文番号", string "注文日", string "顧客ID"・2行目: number 1001, Date 2024-05-31T15:00:00.000Z (0:00 Asia/Tokyo), string "C001"',
    ]);
    expect(rows.slice(4, 7)).toEqual([
      ['', '受け取った引数の数', 3],
      ['', 'スクリプトのタイムゾーン', 'Asia/Tokyo'],
      ['', 'スプレッドシートのタイムゾーン', 'America/New_York'],
    ]);
  });

  test('if Sheets made the Date in the spreadsheet’s zone, it says that instead', () => {
    const r = NY().formula('=FANFUNNEL_ARGS(注文!B2)', { dateZone: 'spreadsheet' });
    expect((r as { value: unknown[][] }).value[1]![2]).toMatch(
      /^2024-06-01T04:00:00\.000Z・.*・スプレッドシートのタイムゾーン\(America\/New_York\)の 0:00: 日付のセルはスプレッドシートのタイムゾーンで作られています$/,
    );
  });

  test('English spreadsheet, literals, and a trailing empty argument: it only reads', () => {
    const b = workbook({ locale: 'en_US' });
    b.env.io.reset();
    const r = b.formula('=FANFUNNEL_ARGS("2024/06/01", 12800, TRUE, )', { skipped: 'empty string' });
    expect((r as { value: unknown[][] }).value).toEqual([
      ['Argument', 'Type', 'As it arrived'],
      [1, 'string', '"2024/06/01" (10 characters)'],
      [2, 'number', '12800'],
      [3, 'boolean', 'true'],
      [4, '""', 'empty string: an empty cell, or a skipped argument'],
      ['', 'Arguments received', 4],
      ['', 'Script time zone', 'Asia/Tokyo'],
      ['', 'Spreadsheet time zone', 'Asia/Tokyo'],
      ['', 'Runtime default time zone', expect.any(String)],
      ['', 'A returned date (right if it shows 2001/02/03 0:00)', expect.anything()],
    ]);
    // Made as the functions make the dates they return: 0:00 on the script's (Tokyo) wall clock.
    expect(((r as { value: unknown[][] }).value.at(-1)![2] as Date).toISOString()).toBe('2001-02-02T15:00:00.000Z');
    expect(b.env.cost.last!.kind).toBe('customFunction');
    expect(b.env.io.writes()).toBe(0);
    expect(b.env.properties.document.map.size).toBe(0);
  });
});
