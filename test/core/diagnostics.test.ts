/**
 * The diagnostics report's judgement (src/core/diagnostics.ts): each check from plain facts, OK or
 * 注意 with what it means; the helpers it measures with; the report's text and its dialog.
 */
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { CALIBRATION } from '../../emulator/cost';
import { MAX_CELLS, PROPERTY_STORE_LIMIT, PROPERTY_VALUE_LIMIT } from '../../emulator/limits';
import { makeZone } from '../../src/core/dates';
import {
  DOCUMENTED_LIMITS,
  MODEL_READ_MS_PER_CELL,
  diagnosticsPage,
  evaluateDiagnostics,
  formatDiagnosticsReport,
  formatUtcOffset,
  intlOffsetMinutes,
  offsetChanges,
  parseUtcOffset,
  SJIS_PROBE,
  storeSize,
  thousands,
  utf8Bytes,
  zoneProbeInstants,
  type Check,
  type CheckId,
  type DiagnosticFacts,
  type SheetFact,
  type TriggerProbe,
} from '../../src/core/diagnostics';

const NOW = Date.parse('2026-11-30T01:00:00Z');
const tokyo = makeZone('Asia/Tokyo');

/** Utilities' answer, as a correct Apps Script would give it: the zone's real offset. */
const probesOf = (zone: string) => {
  const z = makeZone(zone);
  return zoneProbeInstants(z, NOW).map(({ instant, edge }) => ({
    zone,
    instant,
    edge,
    intlMinutes: intlOffsetMinutes(z, instant),
    utilities: formatUtcOffset(intlOffsetMinutes(z, instant)),
  }));
};

const TOKYO_PROBES = probesOf('Asia/Tokyo');

/** A healthy Tokyo spreadsheet after its first refresh. */
function healthy(): DiagnosticFacts {
  return {
    now: NOW,
    triggerHandler: 'onAutoRefresh',
    build: { value: { version: '0.1.0', commit: 'abc1234', dirty: false, manifestTimeZone: 'Asia/Tokyo' } },
    zones: { script: { value: 'Asia/Tokyo' }, spreadsheet: { value: 'Asia/Tokyo' }, runtime: { value: 'Asia/Tokyo' } },
    probes: [{ zone: 'Asia/Tokyo', value: TOKYO_PROBES }],
    triggers: { value: { mine: [], projectCount: 0, user: 'owner@example.com', probe: { uid: '42', listed: true, deleted: true } } },
    autoRefresh: { enabled: false },
    lock: { value: 'free' },
    properties: { document: { value: { 'fanFunnel.settings': '{}' } }, user: { value: {} }, script: { value: {} } },
    sheets: {
      value: [
        { name: '注文', id: 0, rows: 1000, columns: 26 },
        { name: 'ファンファネル', id: 11, rows: 60, columns: 12, tabMark: 'funnel' },
        { name: '顧客ステージ', id: 12, rows: 40, columns: 16, tabMark: 'customers' },
      ],
    },
    tabRegistry: JSON.stringify({ funnel: 11, customers: 12 }),
    locales: { value: { spreadsheet: 'ja_JP', user: 'ja' } },
    languageSetting: 'auto',
    readSpeed: { value: { sheet: '注文', rows: 900, columns: 8, ms: 500 } },
    sjis: { value: { charset: 'windows-31j', chars: SJIS_PROBE.map(({ char }) => ({ char, bytes: [...iconv.encode(char, 'cp932')] })) } },
  };
}

const check = (facts: DiagnosticFacts, id: CheckId): Check => evaluateDiagnostics(facts).find((c) => c.id === id)!;
const statusOf = (facts: DiagnosticFacts, id: CheckId) => check(facts, id).status;

describe('the helpers the report measures with', () => {
  test('the limits are the emulator’s (one source with its citations), the read price the cost model’s', () => {
    expect(DOCUMENTED_LIMITS).toEqual({ cells: MAX_CELLS, propertyValueBytes: PROPERTY_VALUE_LIMIT, propertyStoreBytes: PROPERTY_STORE_LIMIT });
    expect(MODEL_READ_MS_PER_CELL).toBe(CALIBRATION.cellRead);
  });

  test('utf8Bytes counts as UTF-8 does, surrogate pairs and lone surrogates included (property)', () => {
    // UTF-16 units of every kind (pairs, lone halves) and whole code points, mixed.
    const piece = fc.oneof(fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)), fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c)));
    const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(fc.property(text, (s) => utf8Bytes(s) === Buffer.byteLength(s, 'utf8')), { numRuns: 500 });
    expect(utf8Bytes('\ud83d')).toBe(Buffer.byteLength('\ud83d', 'utf8'));
    expect(utf8Bytes('あ😀a')).toBe(3 + 4 + 1);
  });

  test('a store counts its keys and values; its largest value is named', () => {
    expect(storeSize({ a: 'xx', bb: 'あ' })).toEqual({ total: 1 + 2 + 2 + 3, largestKey: 'bb', largest: 3, count: 2 });
    expect(storeSize({})).toEqual({ total: 0, largestKey: '', largest: 0, count: 0 });
  });

  test('UTC offsets: Utilities’ `Z` form read and written back (property), other forms refused', () => {
    fc.assert(fc.property(fc.integer({ min: -14 * 60, max: 14 * 60 }), (m) => parseUtcOffset(formatUtcOffset(m)) === m));
    expect(formatUtcOffset(540)).toBe('+0900');
    expect(formatUtcOffset(-210)).toBe('-0330');
    expect(parseUtcOffset('+05:45')).toBe(345);
    expect(parseUtcOffset('JST')).toBeNaN();
    expect(thousands(10_000_000)).toBe('10,000,000');
    expect(thousands(-1234.5)).toBe('-1,234.5');
  });

  test('daylight-saving changes are found to the second, none where there are none', () => {
    const year = (zone: string) => offsetChanges(makeZone(zone), Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1)).map((t) => new Date(t).toISOString());
    expect(year('America/New_York')).toEqual(['2026-03-08T07:00:00.000Z', '2026-11-01T06:00:00.000Z']);
    expect(year('Australia/Sydney')).toEqual(['2026-04-04T16:00:00.000Z', '2026-10-03T16:00:00.000Z']);
    // Lord Howe Island moves by half an hour.
    expect(year('Australia/Lord_Howe')).toEqual(['2026-04-04T15:00:00.000Z', '2026-10-03T15:30:00.000Z']);
    expect(year('Asia/Tokyo')).toEqual([]);
  });

  test('the probe instants: midwinter, midsummer, 1990, now, and a second either side of each change of this year and next', () => {
    const ny = zoneProbeInstants(makeZone('America/New_York'), NOW);
    expect(ny.filter((p) => !p.edge).map((p) => new Date(p.instant).toISOString())).toEqual([
      '2026-01-15T12:00:00.000Z',
      '2026-07-15T12:00:00.000Z',
      '1990-07-01T12:00:00.000Z',
      '2026-11-30T01:00:00.000Z',
    ]);
    const edges = ny.filter((p) => p.edge).map((p) => p.instant);
    expect(edges).toHaveLength(8);
    expect(edges.slice(0, 2).map((t) => new Date(t).toISOString())).toEqual(['2026-03-08T06:59:59.000Z', '2026-03-08T07:00:00.000Z']);
    const z = makeZone('America/New_York');
    expect(edges.slice(0, 2).map((t) => intlOffsetMinutes(z, t))).toEqual([-300, -240]);
    expect(zoneProbeInstants(tokyo, NOW).every((p) => !p.edge)).toBe(true);
  });
});

describe('each check, from plain facts', () => {
  test('a healthy spreadsheet: every check OK, each with what it means', () => {
    const checks = evaluateDiagnostics(healthy());
    expect(checks.map((c) => [c.id, c.status])).toEqual([
      ['version', 'ok'],
      ['timeZones', 'ok'],
      ['intl', 'ok'],
      ['triggers', 'ok'],
      ['lock', 'ok'],
      ['propertiesDocument', 'ok'],
      ['propertiesUser', 'ok'],
      ['propertiesScript', 'ok'],
      ['cells', 'ok'],
      ['language', 'ok'],
      ['tabs', 'ok'],
      ['readSpeed', 'ok'],
      ['returnedDates', 'ok'],
      ['sjis', 'ok'],
    ]);
    for (const c of checks) expect(c.meaning.length).toBeGreaterThan(10);
  });

  test('version: a build from uncommitted changes, or from no git checkout, cannot be traced', () => {
    const f = healthy();
    expect(check({ ...f, build: { value: { version: '0.1.0', commit: 'abc1234', dirty: true, manifestTimeZone: 'Asia/Tokyo' } } }, 'version')).toMatchObject({
      status: 'attention',
      facts: '0.1.0 (abc1234、コミットしていない変更あり)',
    });
    expect(statusOf({ ...f, build: { value: { version: '0.1.0', commit: 'unknown', dirty: false, manifestTimeZone: 'Asia/Tokyo' } } }, 'version')).toBe('attention');
    expect(check({ ...f, build: { error: 'not a built bundle' } }, 'version')).toMatchObject({ status: 'attention', facts: '確認できませんでした: not a built bundle' });
  });

  test('time zones: a spreadsheet in another zone than the script, or a script not in the manifest’s zone', () => {
    const f = healthy();
    const ny = check({ ...f, zones: { ...f.zones, spreadsheet: { value: 'America/New_York' } } }, 'timeZones');
    expect(ny.status).toBe('attention');
    expect(ny.meaning).toMatch(/^スプレッドシート\(America\/New_York\)とスクリプト\(Asia\/Tokyo\)のタイムゾーンが違います/);
    const utc = check({ ...f, zones: { ...f.zones, script: { value: 'UTC' }, spreadsheet: { value: 'UTC' } } }, 'timeZones');
    expect(utc.status).toBe('attention');
    expect(utc.meaning).toMatch(/^スクリプトのタイムゾーンが appsscript.json の Asia\/Tokyo と違います/);
    // The runtime's own default is shown, never judged: Apps Script does not document it.
    expect(check({ ...f, zones: { ...f.zones, runtime: { value: 'UTC' } } }, 'timeZones')).toMatchObject({
      status: 'ok',
      facts: 'スクリプト Asia/Tokyo・スプレッドシート Asia/Tokyo・appsscript.json Asia/Tokyo(実行環境の既定 UTC)',
    });
  });

  test('Intl against Utilities: one disagreeing instant is named; a zone that could not be probed is a finding', () => {
    const f = healthy();
    const ny = probesOf('America/New_York');
    const wrong = ny.map((p, i) => (i === 5 ? { ...p, utilities: formatUtcOffset(p.intlMinutes + 60) } : p));
    const c = check({ ...f, probes: [{ zone: 'America/New_York', value: wrong }] }, 'intl');
    expect(c.status).toBe('attention');
    expect(c.facts).toBe(
      `America/New_York で 12 時点を比較(夏時間の切り替わり 8 時点を含む)。不一致 ${new Date(wrong[5]!.instant).toISOString()} America/New_York: Intl ${formatUtcOffset(wrong[5]!.intlMinutes)} / Utilities ${wrong[5]!.utilities}`,
    );
    expect(c.meaning).toMatch(/1時間、場合によっては1日ずれて/);
    expect(check({ ...f, probes: [{ zone: 'Mars/Olympus', error: 'Unknown time zone "Mars/Olympus"' }] }, 'intl')).toMatchObject({
      status: 'attention',
      facts: 'Mars/Olympus で 0 時点を比較(夏時間の切り替わり 0 時点を含む)。Mars/Olympus: Unknown time zone "Mars/Olympus"',
    });
    expect(statusOf({ ...f, probes: [] }, 'intl')).toBe('attention');
  });

  test('triggers: the registered one, duplicates, one left when off, none when on, and the test trigger’s fates', () => {
    const f = healthy();
    const clock = (uid: string, handler = 'onAutoRefresh') => ({ handler, uid, eventType: 'CLOCK' });
    const triggers = (mine: ReturnType<typeof clock>[], probe: TriggerProbe | null = null) => ({
      value: { mine, projectCount: mine.length, user: 'owner@example.com', probe },
    });
    const on = { enabled: true, every: 'day', hour: 7 } as const;
    expect(check({ ...f, autoRefresh: on, triggers: triggers([clock('7')]) }, 'triggers')).toMatchObject({
      status: 'ok',
      facts: 'あなた(owner@example.com)のトリガー: onAutoRefresh(CLOCK、ID 7)。getProjectTriggers で見えるもの 1 件。設定: 毎日 7時',
    });
    expect(check({ ...f, autoRefresh: on, triggers: triggers([clock('7'), clock('8')]) }, 'triggers').meaning).toMatch(/2つ以上あります/);
    expect(check({ ...f, triggers: triggers([clock('7')]) }, 'triggers').meaning).toMatch(/^設定では自動更新がオフなのに、トリガーが残っています/);
    expect(check({ ...f, autoRefresh: on, triggers: triggers([], { uid: '9', listed: true, deleted: true }) }, 'triggers').meaning).toMatch(/^設定では自動更新がオンですが、あなたのトリガーはありません/);
    // Another handler's trigger is listed but is not ours.
    expect(check({ ...f, autoRefresh: on, triggers: triggers([clock('5', 'other')]) }, 'triggers').status).toBe('attention');
    expect(check({ ...f, triggers: triggers([], { uid: '9', listed: false, deleted: true }) }, 'triggers')).toMatchObject({
      status: 'attention',
      facts: expect.stringMatching(/テスト用に作ったトリガー ID 9: 一覧に出ない、削除済み$/),
      meaning: expect.stringMatching(/^作ったトリガーがあなたの一覧に出ません/),
    });
    expect(check({ ...f, triggers: triggers([], { uid: '9', listed: true, deleted: false }) }, 'triggers').meaning).toMatch(/^テスト用のトリガーを削除できませんでした/);
    expect(check({ ...f, triggers: triggers([], { error: 'The recurrence interval…' }) }, 'triggers')).toMatchObject({
      status: 'attention',
      facts: expect.stringMatching(/テスト用のトリガーを作れません: The recurrence interval…$/),
    });
    expect(check({ ...f, autoRefresh: { enabled: false }, triggers: triggers([]) }, 'triggers')).toMatchObject({ status: 'ok', meaning: '自動更新はオフで、トリガーもありません。' });
  });

  test('lock: null is 注意; held by another execution is still a lock', () => {
    const f = healthy();
    expect(check({ ...f, lock: { value: 'null' } }, 'lock')).toMatchObject({ status: 'attention', facts: 'null(取得できない)' });
    expect(check({ ...f, lock: { value: 'busy' } }, 'lock')).toMatchObject({ status: 'ok', facts: 'ほかの処理が使用中' });
  });

  test('properties: 注意 from 80 % of 9 KB a value or of 500 KB a store; over the limit says so', () => {
    const f = healthy();
    const doc = (entries: Record<string, string>) => check({ ...f, properties: { ...f.properties, document: { value: entries } } }, 'propertiesDocument');
    expect(doc({ k: 'x'.repeat(7372) }).status).toBe('ok');
    expect(doc({ k: 'x'.repeat(7373) })).toMatchObject({ status: 'attention', facts: '1 件、合計 7.2 KB / 500 KB、最大の値 k 7.2 KB / 9 KB' });
    expect(doc({ k: 'あ'.repeat(3100) }).meaning).toMatch(/^Google の公開している上限を超えています/);
    const many = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`key${i}`, 'x'.repeat(7000)]));
    expect(doc(many)).toMatchObject({ status: 'attention', meaning: expect.stringMatching(/^上限\(1つの値 9 KB、全体 500 KB\)に近づいています/) });
    expect(check({ ...f, properties: { ...f.properties, user: { error: 'denied' } } }, 'propertiesUser')).toMatchObject({ status: 'attention', facts: '確認できませんでした: denied' });
  });

  test('cells: every sheet’s grid counts; 注意 from 8,000,000', () => {
    const f = healthy();
    const sheets = (list: SheetFact[]) => check({ ...f, sheets: { value: list } }, 'cells');
    expect(sheets([{ name: '注文', id: 0, rows: 300_000, columns: 26 }])).toMatchObject({ status: 'ok', facts: '1 枚のシートで 7,800,000 / 10,000,000 セル(78.0%)。最大は「注文」300,000 行 × 26 列' });
    expect(
      sheets([
        { name: '注文', id: 0, rows: 300_000, columns: 26 },
        { name: '~fan-funnel-customers', id: 9, rows: 8000, columns: 25, stagingMark: 'customers' },
      ]).status,
    ).toBe('attention');
  });

  test('language: the menu follows the account, the tabs the setting or the spreadsheet; split is 注意', () => {
    const f = healthy();
    expect(check({ ...f, locales: { value: { spreadsheet: 'ja_JP', user: 'en' } } }, 'language')).toMatchObject({
      status: 'attention',
      facts: 'スプレッドシートのロケール ja_JP、あなたのアカウントの言語 en、設定 自動 → タブと関数: 日本語、メニュー: 英語',
    });
    const english = evaluateDiagnostics({ ...f, languageSetting: 'en', locales: { value: { spreadsheet: 'ja_JP', user: 'en_US' } } });
    expect(english.find((c) => c.id === 'language')).toMatchObject({
      status: 'ok',
      name: 'Language',
      facts: 'spreadsheet locale ja_JP, your account’s language en_US, setting English → tabs and functions: English, menu: English',
    });
  });

  test('tabs: by mark and registered sheet id; a marked copy is never used; leftovers and a broken registry are 注意', () => {
    const f = healthy();
    const sheets = f.sheets as { value: SheetFact[] };
    const withCopy = { value: [...sheets.value, { name: 'ファンファネル のコピー', id: 13, rows: 60, columns: 12, tabMark: 'funnel' }] };
    const copy = check({ ...f, sheets: withCopy }, 'tabs');
    expect(copy.status).toBe('ok');
    expect(copy.facts).toBe(
      'ファンファネル: 「ファンファネル」(シートID 11)。顧客ステージ: 「顧客ステージ」(シートID 12)。VIP: まだありません。履歴: まだありません。印の付いたコピー(書き込みません): 「ファンファネル のコピー」(13)',
    );
    // The registered sheet was deleted, only its copy is left: it is not adopted.
    const gone = check({ ...f, sheets: { value: [sheets.value[0]!, { name: 'コピー', id: 13, rows: 60, columns: 12, tabMark: 'funnel' }] } }, 'tabs');
    expect(gone.facts).toMatch(/^ファンファネル: まだありません。.*登録されたシートID 11, 12 は削除されています/);
    const staging = check({ ...f, sheets: { value: [...sheets.value, { name: '~fan-funnel-vip', id: 20, rows: 1000, columns: 26, stagingMark: 'vip' }] } }, 'tabs');
    expect(staging).toMatchObject({ status: 'attention', facts: expect.stringMatching(/途中で止まった更新の作業用シート: 「~fan-funnel-vip」\(20\)$/) });
    const others = check(
      { ...f, sheets: { value: [...sheets.value, { name: 'セグメント: 呼び戻し', id: 30, rows: 20, columns: 8, addOnKind: 'segment' }, { name: '施策データ', id: 31, rows: 70, columns: 3, addOnKind: 'campaign' }] } },
      'tabs',
    );
    expect(others).toMatchObject({ status: 'ok', facts: expect.stringMatching(/。アドオンのほかのシート\(セグメント・施策など。注文データとしては読みません\): 「セグメント: 呼び戻し」\(30\), 「施策データ」\(31\)$/) });
    expect(check({ ...f, tabRegistry: '{oops' }, 'tabs')).toMatchObject({ status: 'attention', facts: expect.stringMatching(/タブの登録を読めません$/) });
    // Before the registry existed, the mark alone identifies the tab.
    expect(check({ ...f, tabRegistry: null }, 'tabs').facts).toMatch(/^ファンファネル: 「ファンファネル」\(シートID 11\)/);
  });

  test('read speed: slower than the cost model’s price per cell is 注意; no data is nothing to time', () => {
    const f = healthy();
    expect(check(f, 'readSpeed').facts).toBe('「注文」の 900 行 × 8 列を 500 ms で読み込み: 1,000 セルあたり 69.4 ms(見積もり 150 ms)');
    expect(check({ ...f, readSpeed: { value: { sheet: '注文', rows: 1000, columns: 8, ms: 1300 } } }, 'readSpeed').status).toBe('attention');
    expect(check({ ...f, readSpeed: { value: null } }, 'readSpeed')).toMatchObject({ status: 'ok', facts: 'データのあるシートがありません' });
  });
});

describe('the date =FANFUNNEL_ARGS returned, read back (returned dates)', () => {
  const judged = (f: Partial<DiagnosticFacts>) => evaluateDiagnostics({ ...healthy(), ...f }).find((c) => c.id === 'returnedDates')!;
  test('0:00 of 2001/02/03 on the spreadsheet’s clock is right; another day or time, or not a date, needs attention', () => {
    const ny = { zones: { ...healthy().zones, spreadsheet: { value: 'America/New_York' } } };
    const right = judged({ ...ny, returnedDate: { value: { cell: 'Sheet1!C7', instant: Date.parse('2001-02-03T05:00:00Z') } } });
    expect(right).toMatchObject({ status: 'ok', facts: 'Sheet1!C7 の =FANFUNNEL_ARGS が返した日付は 2001/02/03 00:00(America/New_York)' });
    const shifted = judged({ ...ny, returnedDate: { value: { cell: 'Sheet1!C7', instant: Date.parse('2001-02-02T15:00:00Z') } } });
    expect(shifted).toMatchObject({ status: 'attention', facts: 'Sheet1!C7 の =FANFUNNEL_ARGS が返した日付は 2001/02/02 10:00(America/New_York)' });
    expect(shifted.meaning).toMatch(/^2001\/02\/03 0:00 のはずです。/);
    expect(judged({ returnedDate: { value: { cell: 'Sheet1!C7', instant: null } } }).status).toBe('attention');
    expect(judged({ returnedDate: { value: null } })).toMatchObject({ status: 'ok', facts: 'このシートに =FANFUNNEL_ARGS のセルがありません' });
  });
});

describe('Shift_JIS: the download’s bytes in the owner’s Apps Script against the emulator’s', () => {
  test('the expected bytes are the emulator’s (iconv-lite cp932) and Windows’ for 鈴木 髙橋 ～; − has none (?)', () => {
    for (const p of SJIS_PROBE) expect([...iconv.encode(p.char, 'cp932')]).toEqual(p.bytes);
    expect(SJIS_PROBE.map((p) => p.char).join('')).toBe('鈴木髙橋～−');
  });

  test('the same bytes: OK; another byte for a character: 注意, naming it and what it should be; no charset: 注意 with what to choose', () => {
    const f = healthy();
    expect(check(f, 'sjis')).toMatchObject({ status: 'ok', facts: 'windows-31j で書いたバイト: 鈴 97 E9, 木 96 D8, 髙 FB FC, 橋 8B B4, ～ 81 60, − 3F' });
    const java = { value: { charset: 'windows-31j', chars: f.sjis && 'value' in f.sjis ? f.sjis.value.chars.map((c) => (c.char === '−' ? { char: c.char, bytes: [0x81, 0x7c] } : c)) : [] } };
    const other = check({ ...f, sjis: java }, 'sjis');
    expect(other.status).toBe('attention');
    expect(other.facts).toMatch(/, − 81 7C$/);
    expect(other.meaning).toMatch(/^想定と違います\(「−」は 3F のはず\)。.*「CSV\(UTF-8・BOM付き、Excel 向け\)」を選んでください。/);
    const none = check({ ...f, sjis: { error: 'Unsupported charset: windows-31j' } }, 'sjis');
    expect(none).toMatchObject({ status: 'attention', facts: 'windows-31j で書けませんでした: Unsupported charset: windows-31j' });
    expect(none.meaning).toMatch(/^セグメントの「CSV\(Shift_JIS、日本のメール配信サービス向け\)」はこのスプレッドシートでは作れません。/);
    expect(evaluateDiagnostics({ ...f, sjis: java, languageSetting: 'en' }).find((c) => c.id === 'sjis')!.meaning).toMatch(/^Not as expected \(“−” should be 3F\)/);
  });
});

describe('the report and its dialog', () => {
  test('text: header in the spreadsheet’s zone, the count, one [status] line per check with its meaning below, then what to do next', () => {
    const f = { ...healthy(), lock: { value: 'null' as const } };
    const text = formatDiagnosticsReport(f, evaluateDiagnostics(f));
    const lines = text.split('\n');
    expect(lines.slice(0, 3)).toEqual(['Fan Funnel 診断 2026/11/30 10:00 (Asia/Tokyo)', '注意 1 件 / 14 項目', '']);
    expect(lines[11]).toBe('[注意] ドキュメントのロック: null(取得できない)');
    expect(lines[12]).toMatch(/^ {4}→ ロックが取得できません。/);
    expect(lines.filter((l) => /^\[(OK|注意)\] /.test(l))).toHaveLength(14);
    expect(lines.at(-1)).toMatch(/^次に: /);
  });

  test('English, and the time in the script’s zone when the spreadsheet’s is unknown', () => {
    const f: DiagnosticFacts = { ...healthy(), languageSetting: 'en', locales: { value: { spreadsheet: 'ja_JP', user: 'en' } }, zones: { ...healthy().zones, spreadsheet: { error: 'no document' } } };
    const text = formatDiagnosticsReport(f, evaluateDiagnostics(f));
    expect(text.split('\n').slice(0, 2)).toEqual(['Fan Funnel diagnostics 2026/11/30 10:00 (Asia/Tokyo)', '1 of 14 checks need attention']);
    expect(text).toContain('[WARN] Time zones: Could not check: no document');
    expect(text).toContain('[OK] Document lock: available');
  });

  test('the dialog: one self-contained page, the report escaped in a read-only textarea, a Copy button', () => {
    const page = diagnosticsPage('a < b & "c"\n</textarea><script>alert(1)</script>', 'ja');
    expect(page).toContain('<textarea id="report" readonly>a &lt; b &amp; &quot;c&quot;\n&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;</textarea>');
    expect(page.match(/<script>/g)).toHaveLength(1);
    expect(page).not.toMatch(/https?:|src=|href=/);
    expect(page).toContain('<html lang="ja">');
    expect(page).toContain('>コピー</button>');
  });
});
