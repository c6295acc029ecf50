/**
 * The in-memory Apps Script environment (emulator/) behaves as Apps Script and Sheets do
 * where the add-on depends on it: Sheets' errors and their messages, how written values are read,
 * copies, limits, locks, triggers, metadata, charts, authorization modes and the I/O accounting.
 */
import vm from 'node:vm';
import { createGasEnvironment, LOCK_TIMEOUT_MESSAGE, NOT_IMPLEMENTED, type GasEnvironmentOptions } from '../index';
import { thrown } from './thrown';

/** The error a call throws, as Apps Script's log prints it ("Exception: …"). */
function setup(options: GasEnvironmentOptions = {}) {
  const env = createGasEnvironment({ now: Date.parse('2024-06-30T00:00:00Z'), ...options });
  const g = env.globals;
  const ss = g.SpreadsheetApp.getActive();
  return { env, g, ss };
}

describe('Range values', () => {
  test('setValues with the wrong shape fails with Sheets’ messages and writes nothing', () => {
    const { env, ss } = setup();
    const sheet = ss.insertSheet('Out');
    expect(thrown(() => sheet.getRange(1, 1, 3, 2).setValues([[1, 2]]))).toBe(
      'Exception: The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 3.',
    );
    expect(thrown(() => sheet.getRange(1, 1, 2, 2).setValues([[1, 2], [3]]))).toBe(
      'Exception: The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    expect(thrown(() => sheet.getRange('A1:C1').setValues([[1, 2]]))).toBe(
      'Exception: The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.',
    );
    expect(env.sheet('Out').values).toEqual([['']]);
    expect(env.io.writes('Out')).toBe(0);
  });

  test('getRange checks its coordinates like Sheets', () => {
    const { ss } = setup();
    const sheet = ss.getSheets()[0]!;
    expect(thrown(() => sheet.getRange(0, 1))).toBe('Exception: The starting row of the range is too small.');
    expect(thrown(() => sheet.getRange(1, 0))).toBe('Exception: The starting column of the range is too small.');
    expect(thrown(() => sheet.getRange(1, 1, 0, 1))).toBe('Exception: The number of rows in the range must be at least 1.');
    expect(thrown(() => sheet.getRange(1, 1, 1, 0))).toBe('Exception: The number of columns in the range must be at least 1.');
    expect(thrown(() => sheet.getRange(1000, 1, 2, 1))).toBe('Exception: The coordinates of the range are outside the dimensions of the sheet.');
    expect(thrown(() => sheet.getRange(1, 27))).toBe('Exception: The coordinates of the range are outside the dimensions of the sheet.');
    expect(thrown(() => sheet.getRange('not a range!'))).toBe('Exception: Range not found');
    expect(thrown(() => (sheet.getRange as (...a: unknown[]) => unknown)(1.5, 1))).toBe(
      "Exception: The parameters (number,number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
    );
    expect(sheet.getRange('B2:C3').getA1Notation()).toBe('B2:C3');
    expect(sheet.getRange(2, 2).getA1Notation()).toBe('B2');
    expect(sheet.getRange('A:B').getNumRows()).toBe(1000);
    expect(sheet.getRange('A:B').getA1Notation()).toBe('A:B');
  });

  test('the sheet grows by appendRow / insertRowsAfter, or by any write in "grow" mode', () => {
    const { ss } = setup();
    const sheet = ss.getSheets()[0]!;
    sheet.insertRowsAfter(1000, 500);
    expect(sheet.getMaxRows()).toBe(1500);
    sheet.getRange(1500, 1).setValue('last');
    sheet.appendRow(['appended', 2]);
    expect(sheet.getMaxRows()).toBe(1501);
    expect(sheet.getLastRow()).toBe(1501);
    const grow = setup({ grid: 'grow' }).ss.getSheets()[0]!;
    grow.getRange(2001, 1, 1, 30).setValues([new Array(30).fill(1)]);
    expect([grow.getMaxRows(), grow.getMaxColumns()]).toEqual([2001, 30]);
  });

  test('getValues: a copy; blanks are ""; numbers, booleans, Dates as Sheets returns them', () => {
    const when = new Date('2024-06-01T01:02:03Z');
    const { env, ss } = setup({ sheets: { In: [['a', 1, true, when], ['', null, undefined, 'x']] } });
    const range = ss.getSheetByName('In')!.getDataRange();
    const v = range.getValues();
    expect(v).toEqual([['a', 1, true, when], ['', '', '', 'x']]);
    expect(v[0]![3]).toBeInstanceOf(Date);
    v[0]![0] = 'changed';
    (v[0]![3] as Date).setTime(0);
    expect(range.getValues()[0]).toEqual(['a', 1, true, when]);
    expect(env.sheet('In').values[0]).toEqual(['a', 1, true, when]);
  });

  test('getDataRange covers A1 to the last row and column with content; formats alone do not count', () => {
    const { ss } = setup();
    const sheet = ss.getSheets()[0]!;
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
    sheet.getRange('C5').setValue('x');
    sheet.getRange('E9').setBackground('#ff0000');
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C5');
    sheet.getRange('D2').setFormula('=1+1');
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:D5');
  });

  test('strings are read as typed: =formula, \'text, numbers, TRUE, dates, percents; "@" keeps text', () => {
    const { ss } = setup({ locale: 'ja_JP', timeZone: 'Asia/Tokyo' });
    const sheet = ss.insertSheet('T');
    const r = sheet.getRange(1, 1, 1, 9);
    r.setValues([['=SUM(A2:A3)', "'=1+1", "'0012", '0012', 'TRUE', '2024-06-01', '12%', '¥12,800', '+81 90']]);
    const v = r.getValues()[0]!;
    expect(v.slice(0, 5)).toEqual(['#NAME?', '=1+1', '0012', 12, true]);
    expect(v[5]).toEqual(new Date('2024-05-31T15:00:00Z')); // midnight in Tokyo
    expect(v.slice(6)).toEqual([0.12, 12800, '+81 90']);
    expect(r.getFormulas()[0]).toEqual(['=SUM(A2:A3)', '', '', '', '', '', '', '', '']);
    expect(r.getDisplayValues()[0]).toEqual(['#NAME?', '=1+1', '0012', '12', 'TRUE', '2024-06-01', '12%', '¥12,800', '+81 90']);
    const text = sheet.getRange('A2:B2').setNumberFormat('@');
    text.setValues([['0012', '=A1']]);
    expect(text.getValues()).toEqual([['0012', '=A1']]);
    expect(text.getFormulas()).toEqual([['', '']]);
    sheet.getRange('A3').setValue('="quoted"');
    expect(sheet.getRange('A3').getValue()).toBe('quoted');
  });

  test('a formula value can come from the test', () => {
    const { ss } = setup({ formulaValue: (f, at) => `${f}@${at.sheet}!R${at.row}C${at.column}` });
    const sheet = ss.getSheets()[0]!;
    sheet.getRange('B2').setFormula('=FANSTAGE(A:A)');
    expect(sheet.getRange('B2').getValue()).toBe(`=FANSTAGE(A:A)@${sheet.getName()}!R2C2`);
  });

  test('Dates written are date cells in the spreadsheet’s zone; a number format decides Date or number', () => {
    const { ss } = setup({ locale: 'en_US', timeZone: 'America/New_York' });
    const sheet = ss.getSheets()[0]!;
    const d = new Date('2024-06-01T16:30:00Z');
    sheet.getRange('A1').setValue(d);
    expect(sheet.getRange('A1').getValue()).toEqual(d);
    expect(sheet.getRange('A1').getDisplayValue()).toBe('6/1/2024 12:30:00');
    expect(sheet.getRange('A1').getNumberFormat()).toBe('M/d/yyyy H:mm:ss');
    sheet.getRange('A1').setNumberFormat('0.00');
    expect(sheet.getRange('A1').getValue()).toBeCloseTo(45444.520833, 5);
    sheet.getRange('A2').setValue(45444).setNumberFormat('yyyy-mm-dd');
    expect(sheet.getRange('A2').getValue()).toEqual(new Date('2024-06-01T04:00:00Z'));
  });

  test('objects cannot be written silently', () => {
    const { ss } = setup();
    expect(thrown(() => ss.getSheets()[0]!.getRange('A1').setValue({ a: 1 }))).toContain(NOT_IMPLEMENTED);
  });

  test('copyTo copies values and formats; clear removes both', () => {
    const { env, ss } = setup();
    const a = ss.insertSheet('A');
    const b = ss.insertSheet('B');
    a.getRange(1, 1, 2, 2).setValues([['h', 'x'], [1, 2]]);
    a.getRange(1, 1, 1, 2).setFontWeight('bold');
    b.getRange(1, 1, 3, 3).setValues([['old', 'old', 'old'], ['old', 'old', 'old'], ['old', 'old', 'old']]);
    a.getRange(1, 1, 2, 2).copyTo(b.getRange('A1'));
    b.getRange(3, 1, 1, 3).clear();
    b.getRange(1, 3, 2, 1).clear();
    expect(env.sheet('B').values).toEqual([['h', 'x'], [1, 2]]);
    expect(env.sheet('B').fontWeights).toEqual([['bold', 'bold'], ['normal', 'normal']]);
  });
});

describe('Sheets and the spreadsheet', () => {
  test('names are unique regardless of case, with Sheets’ message', () => {
    const { ss } = setup({ sheets: { Orders: [['a']] } });
    expect(thrown(() => ss.insertSheet('orders'))).toBe('Exception: A sheet with the name "orders" already exists. Please enter another name.');
    const other = ss.insertSheet('Other');
    expect(thrown(() => other.setName('ORDERS'))).toBe('Exception: A sheet with the name "ORDERS" already exists. Please enter another name.');
    expect(ss.getSheetByName('ORDERS')!.getName()).toBe('Orders');
    expect(ss.getSheetByName('nope')).toBeNull();
  });

  test('insertSheet(name, index) places the sheet and activates it; ids and indexes', () => {
    const { ss } = setup({ sheets: { A: [], B: [] } });
    const c = ss.insertSheet('C', 1);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['A', 'C', 'B']);
    expect(c.getIndex()).toBe(2);
    expect(ss.getActiveSheet().getName()).toBe('C');
    expect(ss.getSheets()[0]!.getSheetId()).toBe(0);
    expect(new Set(ss.getSheets().map((s) => s.getSheetId())).size).toBe(3);
    expect(ss.getSheetByName('A') === ss.getSheetByName('A')).toBe(false); // new objects, as in Apps Script
  });

  test('default sheet names follow the locale', () => {
    expect(setup({ locale: 'ja_JP' }).ss.getSheets()[0]!.getName()).toBe('シート1');
    expect(setup({ locale: 'en_US' }).ss.insertSheet().getName()).toBe('Sheet2');
  });

  test('the last sheet cannot be deleted nor the last visible one hidden', () => {
    const { ss } = setup({ sheets: { Only: [] } });
    expect(thrown(() => ss.deleteSheet(ss.getSheets()[0]!))).toBe("Exception: You can't remove all the sheets in a document.");
    expect(thrown(() => ss.getSheets()[0]!.hideSheet())).toBe("Exception: You can't hide all the sheets in a document.");
    const other = ss.insertSheet('Other').hideSheet();
    expect(other.isSheetHidden()).toBe(true);
    ss.deleteSheet(other);
    expect(thrown(() => other.getName())).toBe('Exception: Sheet Other has been deleted.');
  });

  test('frozen rows, column widths, tab colour are recorded', () => {
    const { env, ss } = setup();
    const sheet = ss.insertSheet('S');
    sheet.setFrozenRows(2);
    sheet.setColumnWidth(1, 180).setColumnWidths(2, 2, 90).autoResizeColumns(4, 1);
    const d = env.sheet('S');
    expect([d.frozenRows, d.columnWidths, d.autoResizedColumns]).toEqual([2, { 1: 180, 2: 90, 3: 90 }, [4]]);
    expect(thrown(() => sheet.setColumnWidth(27, 10))).toBe('Exception: Those columns are out of bounds.');
  });

  test('Range.activate selects the range in its own sheet, which becomes the active sheet; getActiveRange reads it back', () => {
    const { env, ss } = setup();
    const first = ss.getSheets()[0]!;
    const other = ss.insertSheet('Other');
    first.activate();
    expect(other.getActiveRange()).toBeNull();
    const r = other.getRange(3, 1, 1, 4).activate();
    expect(r.getA1Notation()).toBe('A3:D3');
    expect(ss.getActiveSheet().getName()).toBe('Other');
    expect(other.getActiveRange()!.getA1Notation()).toBe('A3:D3');
    expect([env.sheet('Other').active, env.sheet('Other').activeRange, env.sheet(first.getName()).active]).toEqual([true, 'A3:D3', false]);
    // Google: "the selected range in the active sheet" — another sheet activated, this one has none.
    first.activate();
    expect(other.getActiveRange()).toBeNull();
  });

  test('developer metadata on sheets and on the spreadsheet; it follows renames and goes with its sheet', () => {
    const { env, g, ss } = setup();
    const sheet = ss.insertSheet('Mine').addDeveloperMetadata('fanFunnel.tab', 'funnel');
    sheet.addDeveloperMetadata('flag');
    ss.addDeveloperMetadata('fanFunnel.version', '1', g.SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
    sheet.setName('Renamed');
    const md = ss.getSheetByName('Renamed')!.getDeveloperMetadata();
    expect(md.map((m) => [m.getKey(), m.getValue()])).toEqual([
      ['fanFunnel.tab', 'funnel'],
      ['flag', null],
    ]);
    expect(ss.getDeveloperMetadata().map((m) => [m.getKey(), m.getValue(), String(m.getVisibility())])).toEqual([['fanFunnel.version', '1', 'PROJECT']]);
    expect(ss.createDeveloperMetadataFinder().withKey('fanFunnel.tab').find()[0]!.getLocation().getSheet()!.getName()).toBe('Renamed');
    md[1]!.remove();
    expect(env.sheet('Renamed').metadata).toEqual([{ key: 'fanFunnel.tab', value: 'funnel', visibility: 'DOCUMENT' }]);
    ss.deleteSheet(ss.getSheetByName('Renamed')!);
    expect(ss.createDeveloperMetadataFinder().withKey('fanFunnel.tab').find()).toEqual([]);
  });

  test('the chart builder records type, ranges, position and options; charts are inserted, updated, removed', () => {
    const { env, g, ss } = setup({ sheets: { History: [['day', 'n'], ['2024-06-01', 1]], Funnel: [] } });
    const funnel = ss.getSheetByName('Funnel')!;
    const history = ss.getSheetByName('History')!;
    const chart = funnel
      .newChart()
      .setChartType(g.Charts.ChartType.LINE)
      .addRange(history.getRange('A1:B2'))
      .setPosition(5, 10, 0, 0)
      .setOption('title', 'Stages')
      .build();
    expect(funnel.getCharts()).toEqual([]);
    funnel.insertChart(chart);
    expect(env.sheet('Funnel').charts).toEqual([
      expect.objectContaining({ chartId: 1, type: 'LINE', ranges: ['History!A1:B2'], position: { anchorRow: 5, anchorColumn: 10, offsetX: 0, offsetY: 0 }, options: { title: 'Stages' } }),
    ]);
    const existing = funnel.getCharts()[0]!;
    expect(existing.getOptions().get('title')).toBe('Stages');
    expect(existing.getContainerInfo().getAnchorRow()).toBe(5);
    funnel.updateChart(existing.modify().setOption('title', 'New').build());
    expect(env.sheet('Funnel').charts.map((c) => [c.chartId, c.options.title])).toEqual([[1, 'New']]);
    funnel.removeChart(funnel.getCharts()[0]!);
    expect(env.sheet('Funnel').charts).toEqual([]);
    // An enum parameter does not take the enum's name as a string.
    expect(thrown(() => funnel.newChart().setChartType('LINE' as unknown as GoogleAppsScript.Charts.ChartType))).toBe(
      "Exception: The parameters (String) don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.setChartType.",
    );
  });

  test('methods the fake lacks throw "not implemented", whatever the object', () => {
    const { g, ss } = setup();
    const range = ss.getSheets()[0]!.getRange('A1');
    expect(thrown(() => range.getMergedRanges())).toBe(`Error: ${NOT_IMPLEMENTED}Range.getMergedRanges`);
    expect(thrown(() => ss.getBandings())).toBe(`Error: ${NOT_IMPLEMENTED}Spreadsheet.getBandings`);
    expect(thrown(() => g.SpreadsheetApp.BorderStyle)).toBe(`Error: ${NOT_IMPLEMENTED}SpreadsheetApp.BorderStyle`);
    expect(thrown(() => g.Utilities.computeDigest(g.Utilities.DigestAlgorithm.MD5, 'x'))).toBe(`Error: ${NOT_IMPLEMENTED}Utilities.DigestAlgorithm`);
  });
});

describe('PropertiesService', () => {
  test('values are strings; a value over 9 KB (UTF-8) is refused with the storage-quota message', () => {
    const { g } = setup();
    const props = g.PropertiesService.getDocumentProperties();
    props.setProperty('n', 5 as unknown as string).setProperties({ a: '1', b: '2' });
    expect(props.getProperties()).toEqual({ n: '5', a: '1', b: '2' });
    expect(props.getKeys()).toEqual(['n', 'a', 'b']);
    props.setProperty('big', 'x'.repeat(9216));
    const quota = 'Exception: You have exceeded the property storage quota. Please remove some properties and try again.';
    expect(thrown(() => props.setProperty('big', 'x'.repeat(9217)))).toBe(quota);
    expect(thrown(() => props.setProperty('jp', 'あ'.repeat(3073)))).toBe(quota); // 9,219 bytes
    expect(props.getProperty('big')!.length).toBe(9216);
    expect(props.getProperty('jp')).toBeNull();
    props.deleteAllProperties();
    expect(props.getKeys()).toEqual([]);
  });

  test('a store over 500 KB is refused and left as it was', () => {
    const { env, g } = setup();
    const props = g.PropertiesService.getScriptProperties();
    let n = 0;
    const error = thrown(() => {
      for (;;) props.setProperty(`k${n++}`, 'y'.repeat(9000));
    });
    expect(error).toBe('Exception: You have exceeded the property storage quota. Please remove some properties and try again.');
    expect(n).toBe(57);
    expect(env.properties.script.size()).toBeLessThanOrEqual(500 * 1024);
    expect(props.getProperty(`k${n - 1}`)).toBeNull();
  });

  test('document, script and user stores are separate; each user has their own', () => {
    const { env, g } = setup();
    g.PropertiesService.getUserProperties().setProperty('k', 'owner');
    env.setUser('other@example.com');
    expect(g.PropertiesService.getUserProperties().getProperty('k')).toBeNull();
    expect(g.PropertiesService.getDocumentProperties().getProperty('k')).toBeNull();
  });
});

describe('CacheService', () => {
  test('entries expire on the fake clock; 100 KB values; getAll/putAll/removeAll', () => {
    const { env, g } = setup();
    const cache = g.CacheService.getDocumentCache()!;
    cache.put('a', '1', 60);
    cache.putAll({ b: '2', c: '3' });
    expect(cache.getAll(['a', 'b', 'x'])).toEqual({ a: '1', b: '2' });
    env.clock.advance(61_000);
    expect(cache.get('a')).toBeNull();
    expect(cache.get('b')).toBe('2'); // default 600 s
    cache.removeAll(['b', 'c']);
    expect(env.caches.document.entries()).toEqual({});
    expect(thrown(() => cache.put('big', 'x'.repeat(100 * 1024 + 1)))).toBe('Exception: Argument too large: value');
    expect(thrown(() => cache.put('k'.repeat(251), 'v'))).toBe('Exception: Argument too large: key');
  });

  test('past 1,000 items the oldest hundred go, whatever was read since; nothing is thrown', () => {
    const { g } = setup();
    const cache = g.CacheService.getDocumentCache()!;
    const many = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`k${i}`, String(i)]));
    cache.putAll(many, 3600);
    expect(cache.get('k0')).toBe('0'); // a read does not make an item younger
    cache.put('one more', 'x', 3600);
    const left = cache.getAll(Object.keys(many));
    expect(Object.keys(left)).toHaveLength(900);
    expect(left['k99']).toBeUndefined();
    expect(left['k100']).toBe('100');
    expect(cache.get('one more')).toBe('x');
  });
});

describe('LockService', () => {
  test('another execution holding the document lock: tryLock waits and fails, waitLock throws', () => {
    const { env, g } = setup();
    env.locks.document.holdByOther();
    const lock = g.LockService.getDocumentLock()!;
    const t0 = env.clock.now();
    expect(lock.tryLock(2000)).toBe(false);
    expect(env.clock.now() - t0).toBe(2000);
    expect(lock.hasLock()).toBe(false);
    expect(thrown(() => lock.waitLock(30000))).toBe(`Exception: ${LOCK_TIMEOUT_MESSAGE}`);
    env.locks.document.release();
    expect(lock.tryLock(0)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    lock.releaseLock();
    expect(env.locks.document.isHeld()).toBe(false);
  });

  test('an execution that lets go in time is waited for', () => {
    const { env, g } = setup();
    env.locks.script.holdByOther({ releaseAfterMs: 1500 });
    const t0 = env.clock.now();
    expect(g.LockService.getScriptLock().tryLock(2000)).toBe(true);
    expect(env.clock.now() - t0).toBe(1500);
  });

  test('a lock still held when an execution ends is released, and recorded as a leak', () => {
    const { env, g } = setup();
    env.run(() => void g.LockService.getDocumentLock()!.waitLock(1000), { name: 'careless' });
    expect(env.locks.document.isHeld()).toBe(false);
    expect(env.locks.leaks).toEqual([{ lock: 'document', execution: 'careless' }]);
  });
});

describe('ScriptApp triggers', () => {
  function withScript(options: GasEnvironmentOptions = {}) {
    const s = setup(options);
    const calls: unknown[] = [];
    const script: Record<string, unknown> = {
      onAutoRefresh: (e: unknown) => {
        calls.push(e);
        return s.g.SpreadsheetApp.getActive().getName();
      },
      tryUi: () => s.g.SpreadsheetApp.getUi(),
    };
    s.env.install(script);
    return { ...s, calls, script };
  }

  test('a daily trigger at hour 7 for this user and document; deleted; listed per user', () => {
    const { env, g, ss } = withScript();
    const t = g.ScriptApp.newTrigger('onAutoRefresh').timeBased().everyDays(1).atHour(7).nearMinute(15).inTimezone('Asia/Tokyo').create();
    expect(env.triggers.list()).toEqual([
      expect.objectContaining({
        handler: 'onAutoRefresh',
        eventType: 'CLOCK',
        user: 'owner@example.com',
        documentId: ss.getId(),
        schedule: { everyDays: 1, atHour: 7, nearMinute: 15, timezone: 'Asia/Tokyo' },
      }),
    ]);
    expect(t.getHandlerFunction()).toBe('onAutoRefresh');
    expect(t.getEventType()).toBe(g.ScriptApp.EventType.CLOCK);
    expect(t.getTriggerSource()).toBe(g.ScriptApp.TriggerSource.CLOCK);
    expect(g.ScriptApp.getUserTriggers(ss).map((x) => x.getUniqueId())).toEqual([t.getUniqueId()]);
    env.setUser('editor@example.com');
    expect(g.ScriptApp.getProjectTriggers()).toEqual([]);
    env.setUser('owner@example.com');
    g.ScriptApp.deleteTrigger(g.ScriptApp.getProjectTriggers()[0]!);
    expect(env.triggers.list()).toEqual([]);
  });

  test('an add-on has one time trigger per user and document, at most hourly', () => {
    const { g } = withScript();
    g.ScriptApp.newTrigger('onAutoRefresh').timeBased().everyHours(1).create();
    expect(thrown(() => g.ScriptApp.newTrigger('onAutoRefresh').timeBased().everyDays(1).atHour(3).create())).toBe(
      'Exception: This add-on has created too many time-based triggers in this document for this Google user account.',
    );
    const notAddOn = withScript({ addOn: false }).g;
    notAddOn.ScriptApp.newTrigger('onAutoRefresh').timeBased().everyMinutes(5).create();
    expect(thrown(() => g.ScriptApp.newTrigger('x').timeBased().everyMinutes(5).create())).toBe(
      'Exception: The recurrence interval for an Add-on trigger must be at least one hour.',
    );
    expect(thrown(() => g.ScriptApp.newTrigger('x').timeBased().everyMinutes(7))).toMatch(/^Exception: Invalid argument: minutes/);
    expect(thrown(() => g.ScriptApp.newTrigger('x').timeBased().atHour(7).create())).toMatch(/exactly one schedule/);
  });

  test('fire runs the handler by name, as its owner, with a time-driven event and no UI', () => {
    const { env, g, calls, script } = withScript();
    const t = g.ScriptApp.newTrigger('onAutoRefresh').timeBased().everyDays(1).atHour(7).create();
    env.setUser('someone-else@example.com');
    expect(env.triggers.fire(t)).toBe('Fan Funnel test');
    expect(calls[0]).toEqual(expect.objectContaining({ authMode: g.ScriptApp.AuthMode.FULL, triggerUid: t.getUniqueId(), year: 2024, month: 6, 'day-of-month': 30, hour: 0, timezone: 'UTC' }));
    g.ScriptApp.newTrigger('tryUi').timeBased().everyHours(1);
    const ui = env.triggers.add({ handler: 'tryUi', eventType: 'CLOCK', source: 'CLOCK', sourceId: null, user: 'owner@example.com', documentId: null });
    expect(thrown(() => env.triggers.fire(ui))).toBe('Exception: Cannot call SpreadsheetApp.getUi() from this context.');
    delete script.onAutoRefresh;
    expect(thrown(() => env.triggers.fire(t))).toBe('Exception: Script function not found: onAutoRefresh');
  });

  test('authorization status is set by the test', () => {
    const { env, g } = setup();
    const status = () => g.ScriptApp.getAuthorizationInfo(g.ScriptApp.AuthMode.FULL).getAuthorizationStatus();
    expect(status()).toBe(g.ScriptApp.AuthorizationStatus.NOT_REQUIRED);
    env.auth.status = 'REQUIRED';
    expect(status()).toBe(g.ScriptApp.AuthorizationStatus.REQUIRED);
    expect(g.ScriptApp.getAuthorizationInfo(g.ScriptApp.AuthMode.FULL).getAuthorizationUrl()).toMatch(/^https:/);
    expect(String(g.ScriptApp.AuthMode.NONE)).toBe('NONE');
    expect((g.ScriptApp.AuthMode.NONE as unknown) == 'NONE').toBe(true); // what `e.authMode == …` samples rely on
  });
});

describe('authorization modes', () => {
  test('a custom function reads but may not write, show UI or make triggers', () => {
    const { env, g, ss } = setup({ sheets: { In: [['a']] } });
    const sheet = ss.getSheetByName('In')!;
    env.run(
      () => {
        expect(sheet.getDataRange().getValues()).toEqual([['a']]);
        expect(g.PropertiesService.getDocumentProperties().getProperty('x')).toBeNull();
        expect(thrown(() => sheet.getRange('A1').setValue(1))).toBe('Exception: You do not have permission to call setValue');
        expect(thrown(() => g.SpreadsheetApp.getUi())).toBe('Exception: You do not have permission to call SpreadsheetApp.getUi');
        expect(thrown(() => g.ScriptApp.newTrigger('f'))).toBe('Exception: You do not have permission to call ScriptApp.newTrigger');
        expect(g.Session.getActiveUser().getEmail()).toBe('');
      },
      { authMode: 'CUSTOM_FUNCTION', ui: false },
    );
  });

  test('onOpen in AuthMode.NONE may build the menu and nothing else', () => {
    const { env, g } = setup();
    const script = {
      onOpen: (e: { authMode: unknown }) => {
        const menu = g.SpreadsheetApp.getUi().createAddonMenu().addItem('Open', 'showSidebar');
        if (e.authMode !== g.ScriptApp.AuthMode.NONE) menu.addItem(g.PropertiesService.getDocumentProperties().getProperty('x') ?? 'none', 'other');
        menu.addToUi();
        return thrown(() => g.SpreadsheetApp.getActive());
      },
    };
    env.install(script);
    expect(env.open({ authMode: 'NONE' })).toBe('Exception: You do not have permission to call SpreadsheetApp.getActive');
    expect(env.open({ authMode: 'LIMITED' })).toBe('no error');
    expect(env.ui.items()).toEqual([
      ['Open', 'showSidebar'],
      ['Open', 'showSidebar'],
      ['none', 'other'],
    ]);
  });
});

describe('UI and HtmlService', () => {
  test('menus (with submenus), sidebars, alerts with queued answers, toasts', () => {
    const { env, g, ss } = setup({ htmlFiles: { Sidebar: '<p>hi</p>' } });
    const ui = g.SpreadsheetApp.getUi();
    ui.createMenu('Fan').addItem('A', 'fa').addSeparator().addSubMenu(ui.createMenu('More').addItem('B', 'fb')).addToUi();
    expect(env.ui.menus[0]).toEqual({
      caption: 'Fan',
      addon: false,
      entries: [{ kind: 'item', caption: 'A', functionName: 'fa' }, { kind: 'separator' }, { kind: 'submenu', menu: { caption: 'More', addon: false, entries: [{ kind: 'item', caption: 'B', functionName: 'fb' }] } }],
    });
    expect(env.ui.items()).toEqual([
      ['Fan > A', 'fa'],
      ['Fan > More > B', 'fb'],
    ]);
    ui.showSidebar(g.HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Fan Funnel').setWidth(300));
    expect(env.ui.sidebars).toEqual([{ title: 'Fan Funnel', content: '<p>hi</p>', width: 300, height: null }]);
    env.ui.answer('NO');
    expect(ui.alert('Title', 'Sure?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    expect(ui.alert('OK?')).toBe(ui.Button.OK);
    expect(env.ui.alerts.map((a) => [a.title, a.prompt, a.answer])).toEqual([
      ['Title', 'Sure?', 'NO'],
      [null, 'OK?', 'OK'],
    ]);
    ss.toast('Done', 'Fan Funnel');
    expect(env.ui.toasts).toEqual([{ message: 'Done', title: 'Fan Funnel', timeoutSeconds: 5 }]);
  });

  test('files by name; a missing one fails like Apps Script; templates escape <?= ?> and not <?!= ?>', () => {
    const { g } = setup({ htmlFiles: { Page: '<b><?= name ?></b><?!= raw ?><? for (var i = 0; i < 2; i++) { ?>.<? } ?>' } });
    expect(thrown(() => g.HtmlService.createHtmlOutputFromFile('Nope'))).toBe('Exception: No HTML file named Nope was found.');
    const t = g.HtmlService.createTemplateFromFile('Page') as GoogleAppsScript.HTML.HtmlTemplate & Record<string, unknown>;
    t.name = '<script>';
    t.raw = '<i>ok</i>';
    expect(t.evaluate().getContent()).toBe('<b>&lt;script&gt;</b><i>ok</i>..');
    expect(g.HtmlService.createHtmlOutput('<p>').append('x').appendUntrusted('<y>').getContent()).toBe('<p>x&lt;y&gt;');
  });
});

describe('Session and Utilities', () => {
  test('the user, locale and zones', () => {
    const { g } = setup({ userEmail: 'me@shop.jp', locale: 'ja_JP', timeZone: 'Asia/Tokyo', scriptTimeZone: 'America/New_York' });
    expect(g.Session.getActiveUser().getEmail()).toBe('me@shop.jp');
    expect(g.Session.getEffectiveUser().getEmail()).toBe('me@shop.jp');
    expect(g.Session.getActiveUserLocale()).toBe('ja');
    expect(g.Session.getScriptTimeZone()).toBe('America/New_York');
    expect(g.Session.getTemporaryActiveUserKey()).toMatch(/^[A-Za-z0-9+/]{43}$/);
  });

  test('formatDate with Java patterns; sleep moves the clock', () => {
    const { env, g } = setup();
    const d = new Date('2024-01-05T15:04:05.123Z');
    expect(g.Utilities.formatDate(d, 'Asia/Tokyo', 'yyyy-MM-dd')).toBe('2024-01-06');
    expect(g.Utilities.formatDate(d, 'Asia/Tokyo', 'yyyy/MM/dd HH:mm')).toBe('2024/01/06 00:04');
    expect(g.Utilities.formatDate(d, 'Asia/Tokyo', "yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toBe('2024-01-06T00:04:05.123+0900');
    expect(g.Utilities.formatDate(d, 'America/New_York', 'EEE, d MMM yyyy h:mm a z XXX')).toBe('Fri, 5 Jan 2024 10:04 AM EST -05:00');
    expect(g.Utilities.formatDate(d, 'GMT+9', 'HH:mm Z')).toBe('00:04 +0900');
    expect(g.Utilities.formatDate(d, 'Asia/Tokyo', 'z')).toBe('JST');
    expect(thrown(() => g.Utilities.formatDate(d, 'UTC', 'yyyy-qq'))).toBe("Exception: Invalid argument: Illegal pattern character 'q'");
    const t0 = env.clock.now();
    g.Utilities.sleep(1500);
    expect(env.clock.now() - t0).toBe(1500);
  });
});

describe('I/O accounting', () => {
  test('reads and writes per sheet, every service call, and reset()', () => {
    const { env, ss } = setup({ sheets: { Orders: [['a'], [1]], Out: [] } });
    const orders = ss.getSheetByName('Orders')!;
    orders.getDataRange().getValues();
    orders.getRange('A1').getValue();
    orders.getRange('A1').getDisplayValues();
    orders.getRange('A1').getFormulas();
    const out = ss.getSheetByName('Out')!;
    out.getRange(1, 1, 1, 2).setValues([[1, 2]]);
    out.getRange('C1').setValue(3);
    out.getRange('D1').setFormulas([['=1']]);
    out.getRange('A1:D1').setFontWeight('bold');
    out.clearContents();
    expect(env.io.readsBySheet()).toEqual({ Orders: 4 });
    expect(env.io.writesBySheet()).toEqual({ Out: 3 });
    expect(env.io.clears('Out')).toBe(1);
    expect(env.io.callsOf('Range.getValues')).toBe(1);
    expect(env.io.callsOf('Spreadsheet.getSheetByName')).toBe(2);
    expect(env.io.calls).toBeGreaterThan(15);
    env.io.reset();
    expect([env.io.reads(), env.io.writes(), env.io.calls]).toEqual([0, 0, 0]);
    env.setValues('Out', [['fixture']]); // fixtures are not I/O
    expect(env.io.calls).toBe(0);
  });
});

describe('a script in a vm context', () => {
  test('values, errors and the clock are the script realm’s own', () => {
    const env = createGasEnvironment({ now: Date.parse('2024-06-30T00:00:00Z'), sheets: { In: [[new Date('2024-06-01T00:00:00Z'), 'x']] } });
    const context = vm.createContext({});
    env.install(context);
    vm.runInContext(
      `function probe() {
         var v = SpreadsheetApp.getActive().getSheetByName('In').getDataRange().getValues();
         var err;
         try { SpreadsheetApp.getActive().insertSheet('in'); } catch (e) { err = e; }
         Utilities.sleep(1000);
         return [v instanceof Array, v[0][0] instanceof Date, err instanceof Error, String(err), new Date().toISOString(), Date.now()];
       }`,
      context,
    );
    expect(env.call('probe')).toEqual([true, true, true, 'Exception: A sheet with the name "in" already exists. Please enter another name.', '2024-06-30T00:00:01.000Z', Date.parse('2024-06-30T00:00:01Z')]);
    expect(thrown(() => env.call('missing'))).toBe('Exception: Script function not found: missing');
  });
});
