/**
 * The refresh under the real world's accidents (issue 11, "Refresh: no data loss, no false claims",
 * and issue 10 §2): a write that fails half-way, Apps Script's 6-minute limit, an empty or garbled
 * paste, the owner's copy of a tab with the registry gone, typing into a tab, a damaged stored
 * outcome, a spreadsheet near Sheets' 10 million cells, the as-of date formulas age with, and the
 * automatic refresh's trigger with two users. The built bundle on the in-memory Sheets; what is
 * asserted is what the owner would see: the tabs, and what the sidebar says of them.
 */
import { loadBundle, type LoadedBundle } from '../../emulator/bundle';
import { FakeRange } from '../../emulator/spreadsheet/range';
import { METADATA_KEYS, PROPERTY_KEYS } from '../../src/gas/keys';
import type { RefreshOutcome } from '../../src/gas/refresh';
import type { SidebarState } from '../../src/gas/sidebarApi';

const JST_9AM = (iso: string) => Date.parse(`${iso}T09:00:00+09:00`);
const DAY = 86_400_000;
const TABS = ['Fan Funnel', 'Customers', 'VIP', 'History'] as const;
const TAB_OF = { funnel: 'Fan Funnel', customers: 'Customers', vip: 'VIP', history: 'History' } as const;
const HEADER = ['Order ID', 'Customer ID', 'Order date', 'Total'];

/** `n` orders of `customers` customers over the 90 days before 2024-06-30, two a day at most. */
function orders(n: number, customers = 12, from = 0): unknown[][] {
  const rows: unknown[][] = [HEADER];
  for (let i = from; i < from + n; i++) {
    rows.push([`#${1000 + i}`, `C${(i * 7) % customers}`, new Date(Date.UTC(2024, 3, 1) + (i % 90) * DAY), 3000 + (i % 9) * 2500]);
  }
  return rows;
}

function workbook(sheets: Record<string, unknown>, now = JST_9AM('2024-06-30'), gas: Record<string, unknown> = {}): LoadedBundle {
  return loadBundle({ locale: 'en_US', sheets: sheets as never, now, gas });
}

const refresh = (b: LoadedBundle) => b.env.call('refreshFromMenu');
const stored = (b: LoadedBundle): RefreshOutcome => JSON.parse(b.env.properties.document.map.get(PROPERTY_KEYS.lastRefresh)!);
const state = (b: LoadedBundle) => b.env.call('getSidebarState') as SidebarState;
const rows = (b: LoadedBundle, sheet: string) => b.env.sheet(sheet).values as unknown[][];
const snapshot = (b: LoadedBundle) => Object.fromEntries(TABS.map((t) => [t, JSON.stringify(rows(b, t))]));

/** Replaces a sheet's content, as an owner pasting a new export over the old one. */
function paste(b: LoadedBundle, sheet: string, values: unknown[][]): void {
  const ss = b.env.spreadsheet;
  b.env.run(() => ss.getSheetByName(sheet)!.clear());
  b.env.setValues(sheet, values);
}

/**
 * Makes the `n`-th add-on tab whose cells are written (setValues, or copyTo onto it) fail, as a flaky
 * Sheets does ('throw'), or take so long that Apps Script stops the execution there ('slow': its
 * cells cost a minute each in projected time).
 */
function failNthTabWrite(b: LoadedBundle, n: number, how: 'throw' | 'slow' = 'throw'): () => void {
  const proto = FakeRange.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
  const originals = { setValues: proto.setValues!, copyTo: proto.copyTo! };
  const seen = new Set<unknown>();
  const isTab = (r: FakeRange) => b.env.book.metadata.some((m) => m.sheet === r._sheet && m.key === METADATA_KEYS.tab);
  const check = (target: FakeRange) => {
    if (!isTab(target)) return;
    seen.add(target._sheet);
    if (seen.size !== n) return;
    if (how === 'throw') throw new Error('Service Spreadsheets failed while accessing document with id 1FanFunnelTest.');
    (b.env.cost.calibration as { cellWritten: number }).cellWritten = 60_000;
  };
  const calibration = b.env.cost.calibration as { cellWritten: number };
  const normal = calibration.cellWritten;
  proto.setValues = function (this: FakeRange, ...a: unknown[]) {
    check(this);
    return originals.setValues.apply(this, a);
  };
  proto.copyTo = function (this: FakeRange, ...a: unknown[]) {
    check(a[0] as FakeRange);
    return originals.copyTo.apply(this, a);
  };
  return () => {
    Object.assign(proto, originals);
    calibration.cellWritten = normal;
  };
}

/**
 * What the sidebar says of the tabs after a failure must be what the tabs are: a tab it calls new
 * changed, a tab it calls old did not, and a tab that changed is called new or cut short.
 */
function expectTruthfulSwitchover(last: RefreshOutcome, before: Record<string, string>, after: Record<string, string>): void {
  const changed = TABS.filter((t) => before[t] !== after[t]);
  expect(changed.length).toBeGreaterThan(0);
  expect(last.previousKept).toBe(false);
  const sw = last.switchover!;
  const named = (ids: readonly string[]) => ids.map((id) => TAB_OF[id as keyof typeof TAB_OF]);
  for (const t of named(sw.written)) expect({ t, changed: changed.includes(t as never) }).toEqual({ t, changed: true });
  for (const t of named(sw.kept)) expect({ t, changed: changed.includes(t as never) }).toEqual({ t, changed: false });
  for (const t of changed) expect([...named(sw.written), ...named(sw.incomplete)]).toContain(t);
  for (const t of [...named(sw.written), ...named(sw.incomplete), ...named(sw.kept), ...named(sw.absent ?? [])]) expect(sw.note).toContain(t);
  expect(sw.note).toMatch(/Refresh again/);
}

/** Every tab as a refresh that never failed writes it (History: both days' snapshots). */
function expectRepaired(b: LoadedBundle, input: unknown[][], now: number): void {
  const fresh = workbook({ Orders: input }, now);
  refresh(fresh);
  const timeless = (t: string, x: LoadedBundle) => rows(x, t).map((r) => r.filter((c) => Object.prototype.toString.call(c) !== '[object Date]'));
  for (const t of ['Customers', 'VIP'] as const) expect({ t, rows: rows(b, t) }).toEqual({ t, rows: rows(fresh, t) });
  const readLine = (x: LoadedBundle) => rows(x, 'Fan Funnel').find((r) => r[0] === 'Rows read')!.slice(0, 8);
  expect(readLine(b)).toEqual(readLine(fresh));
  expect(timeless('Fan Funnel', b).filter((r) => r[0] !== 'Stage transitions: no earlier snapshot yet (shown from the next day’s refresh)').length).toBeGreaterThan(10);
  const days = rows(b, 'History').map((r) => r[0]).filter((c) => Object.prototype.toString.call(c) === '[object Date]');
  expect(days.map((d) => (d as Date).toISOString().slice(0, 10))).toEqual(['2024-06-29', '2024-06-30']);
}

describe('a failure while writing the tabs (issue 11)', () => {
  test('the third tab’s write fails: the sidebar says which tabs are new and which old, and the next refresh repairs them', () => {
    const b = workbook({ Orders: orders(40) });
    refresh(b);
    const before = snapshot(b);
    b.env.setValues('Orders', orders(5, 12, 40).slice(1), { row: 42 });
    b.env.clock.set(JST_9AM('2024-07-01'));
    const restore = failNthTabWrite(b, 3);
    try {
      refresh(b);
    } finally {
      restore();
    }
    const last = state(b).last!;
    expect(last.ok).toBe(false);
    expect(last.error).toMatch(/Service Spreadsheets failed/);
    expectTruthfulSwitchover(last, before, snapshot(b));

    refresh(b);
    expect(state(b).last).toMatchObject({ ok: true, asOf: '2024-07-01' });
    expectRepaired(b, orders(45), JST_9AM('2024-07-01'));
  });

  test('Apps Script stops the refresh at 6 minutes while it writes: the sidebar says so, tab by tab, and the next refresh repairs them', () => {
    const b = workbook({ Orders: orders(40) });
    refresh(b);
    const before = snapshot(b);
    b.env.clock.set(JST_9AM('2024-07-01'));
    // Sheets slows down on the second tab: Apps Script stops the execution at 6 minutes there.
    const restore = failNthTabWrite(b, 2, 'slow');
    try {
      expect(() => refresh(b)).toThrow('Exceeded maximum execution time');
    } finally {
      restore();
    }
    expect(b.env.cost.last!.outcome).toBe('stopped');

    const last = state(b).last!;
    expect(last.ok).toBe(false);
    expect(last.error).toMatch(/did not finish/);
    expectTruthfulSwitchover(last, before, snapshot(b));

    refresh(b);
    expect(state(b).last).toMatchObject({ ok: true, asOf: '2024-07-01' });
    expectRepaired(b, orders(40), JST_9AM('2024-07-01'));
  });
});

describe('the next refresh repairs, even an automatic one whose inputs did not change (issue 11)', () => {
  test('a click stopped at 6 minutes mid-write, then the hourly trigger on the same orders: it rewrites every tab instead of skipping as "unchanged"', () => {
    const b = workbook({ Orders: orders(40) });
    expect((b.env.call('saveSettings', { ...state(b).settings, autoRefresh: { enabled: true, every: 'hour' } }) as { ok: boolean }).ok).toBe(true);
    refresh(b);
    const restore = failNthTabWrite(b, 2, 'slow');
    try {
      expect(() => refresh(b)).toThrow('Exceeded maximum execution time');
    } finally {
      restore();
    }
    expect(state(b).last!.error).toMatch(/did not finish/);
    b.env.clock.advance(3_600_000);
    b.env.io.reset();
    const run = b.env.triggers.fire(b.env.triggers.list()[0]!) as RefreshOutcome;
    expect(run).toMatchObject({ ok: true, cause: 'trigger' });
    expect(run.unchanged).toBeUndefined();
    for (const t of TABS) expect({ t, writes: b.env.io.writes(t) }).toEqual({ t, writes: 1 });
    expect(state(b).last).toMatchObject({ ok: true, cause: 'trigger' });
    // And now that every tab is whole, the next hour's run on the same orders does skip.
    b.env.clock.advance(3_600_000);
    expect(b.env.triggers.fire(b.env.triggers.list()[0]!)).toMatchObject({ ok: true, unchanged: true });
  });
});

describe('a first refresh that fails: no "previous" tabs are claimed (issue 11, "true in every case")', () => {
  test('its third tab’s write fails: the tab never made is said to be not made yet, not "from the previous refresh"', () => {
    const b = workbook({ Orders: orders(40) });
    const restore = failNthTabWrite(b, 3);
    try {
      refresh(b);
    } finally {
      restore();
    }
    const last = state(b).last!;
    expect(last).toMatchObject({ ok: false, previousKept: false, switchover: { written: ['funnel', 'customers'], incomplete: ['vip'], kept: [], absent: ['history'] } });
    expect(last.switchover!.note).toBe('New tabs (as of 2024/06/30): Fan Funnel; Customers. Tabs whose rewrite was cut short: VIP. Tabs not made yet: History. Refresh again to bring every tab up to date.');
    expect(b.env.sheetNames()).not.toContain('History');
    refresh(b);
    expect(state(b).last).toMatchObject({ ok: true });
    expect(b.env.sheetNames()).toEqual(['Orders', ...TABS]);
  });

  test.each([
    ['an empty paste', [HEADER]],
    ['no orders sheet at all', null],
  ])('%s on a spreadsheet without tabs: the failure says nothing of previous tabs', (_, values) => {
    const b = workbook(values === null ? { Notes: [['just notes']] } : { Orders: values });
    refresh(b);
    const last = state(b).last!;
    expect(last.ok).toBe(false);
    expect(last.previousKept).toBeUndefined();
    expect(last.error).not.toMatch(/nothing was changed|History|previous/);
    if (values !== null) expect(last.error).toMatch(/^No valid order could be read from the orders sheet "Orders", so no tab was made\. Rows skipped: 0 \(none\)\./);
    // With tabs there, the same failure says they were kept (and they were).
    const c = workbook({ Orders: orders(20) });
    refresh(c);
    if (values === null) b.env.run(() => c.env.spreadsheet.deleteSheet(c.env.spreadsheet.getSheetByName('Orders')!));
    else paste(c, 'Orders', values);
    const before = snapshot(c);
    refresh(c);
    expect(state(c).last).toMatchObject({ ok: false, previousKept: true });
    expect(snapshot(c)).toEqual(before);
  });
});

describe('an empty or garbled paste never erases History (issue 11)', () => {
  test('a paste whose dates cannot be read changes nothing and says why, with the skipped rows', () => {
    const b = workbook({ Orders: orders(40) });
    refresh(b);
    const before = snapshot(b);
    const history = b.env.sheet('History').values;
    // The export pasted one column to the right: every "date" is a customer ID.
    paste(b, 'Orders', [HEADER, ...orders(40).slice(1).map((r) => [r[0], r[1], r[1], r[3]])]);
    b.env.clock.set(JST_9AM('2024-07-07'));
    refresh(b);
    const o = stored(b);
    expect(o.ok).toBe(false);
    expect(o.error).toMatch(/No valid order could be read from the orders sheet "Orders", so nothing was changed \(History included\)\. Rows skipped: 40 \(unreadable date: 40\)/);
    expect(o.skippedTotal).toBe(40);
    expect(o.skipped![0]).toMatchObject({ range: 'orders', row: 2, reason: 'date' });
    expect(snapshot(b)).toEqual(before);
    expect(b.env.sheet('History').values).toEqual(history);
    expect(state(b).last!.previousKept).toBe(true);
  });

  test('a paste of a small fraction of last time’s orders is refused by default; the setting lets it through', () => {
    const b = workbook({ Orders: orders(60) });
    refresh(b);
    const before = snapshot(b);
    paste(b, 'Orders', orders(10)); // half a page of the export
    b.env.clock.set(JST_9AM('2024-07-01'));
    refresh(b);
    expect(stored(b)).toMatchObject({ ok: false, refused: 'paste' });
    expect(stored(b).error).toMatch(/Only 10 orders could be read .* less than 50% of the 60 read last time/);
    expect(snapshot(b)).toEqual(before);

    // The owner archived old orders on purpose: the threshold is a setting (0 turns it off).
    const s = state(b);
    expect(s.numbers.find((n) => n.path === 'refresh.minShareOfLast')).toMatchObject({ value: 50, min: 0, max: 100 });
    const saved = b.env.call('saveSettings', { ...s.settings, refresh: { minShareOfLast: 0 } }) as { ok: boolean };
    expect(saved.ok).toBe(true);
    refresh(b);
    expect(stored(b)).toMatchObject({ ok: true, rowsRead: 10 });
  });

  test('choosing another orders sheet with fewer orders is the owner’s choice, not a garbled paste', () => {
    const b = workbook({ Orders: orders(60), 'Orders 2024-07': orders(10, 12, 100) });
    refresh(b);
    expect(stored(b)).toMatchObject({ ok: true, sources: { orders: 'Orders' } });
    const s = state(b);
    const saved = b.env.call('saveSettings', { ...s.settings, sources: { ...s.settings.sources, orders: 'Orders 2024-07' } }) as { ok: boolean };
    expect(saved.ok).toBe(true);
    b.env.clock.set(JST_9AM('2024-07-01'));
    refresh(b);
    expect(stored(b)).toMatchObject({ ok: true, rowsRead: 10, sources: { orders: 'Orders 2024-07' } });
    // The chosen sheet is then compared with itself: a fraction pasted over it is refused again.
    paste(b, 'Orders 2024-07', orders(3, 12, 100));
    b.env.clock.set(JST_9AM('2024-07-02'));
    refresh(b);
    expect(stored(b)).toMatchObject({ ok: false, refused: 'paste' });
  });

  test('an empty orders sheet (the header alone) is refused even with the comparison off', () => {
    const b = workbook({ Orders: orders(20) }, JST_9AM('2024-06-30'), { properties: { document: { [PROPERTY_KEYS.settings]: JSON.stringify({ refresh: { minShareOfLast: 0 } }) } } });
    refresh(b);
    const before = snapshot(b);
    paste(b, 'Orders', [HEADER]);
    b.env.clock.set(JST_9AM('2024-07-01'));
    refresh(b);
    expect(stored(b).error).toMatch(/No valid order could be read/);
    expect(snapshot(b)).toEqual(before);
  });
});

describe('the owner’s copy of a tab (issue 11)', () => {
  /** The owner duplicates a tab in Sheets: its cells and its developer metadata are copied, its sheet id is new. */
  function duplicate(b: LoadedBundle, tab: string, name: string): void {
    const ss = b.env.spreadsheet;
    b.env.run(() => {
      const original = ss.getSheetByName(tab)!;
      const copy = ss.insertSheet(name, 0);
      const values = original.getDataRange().getValues();
      copy.getRange(1, 1, values.length, values[0]!.length).setValues(values);
      copy.getRange(1, 1).setValue('私のメモ');
      for (const m of original.getDeveloperMetadata()) copy.addDeveloperMetadata(m.getKey(), m.getValue() ?? '');
    });
  }

  test.each([
    ['the registry property is missing', () => undefined],
    ['the registry property names the copy', (copyId: number) => JSON.stringify({ vip: copyId })],
  ])('%s: the copy is never written over', (_, registry) => {
    const b = workbook({ Orders: orders(40) });
    refresh(b);
    duplicate(b, 'VIP', 'VIP のコピー');
    const copy = rows(b, 'VIP のコピー');
    const value = registry(b.env.sheet('VIP のコピー').sheetId);
    if (value === undefined) b.env.properties.document.map.delete(PROPERTY_KEYS.tabSheets);
    else b.env.properties.document.map.set(PROPERTY_KEYS.tabSheets, value);
    b.env.setValues('Orders', orders(5, 12, 40).slice(1), { row: 42 });
    b.env.clock.set(JST_9AM('2024-07-01'));
    refresh(b);
    expect(stored(b).ok).toBe(true);
    expect(rows(b, 'VIP のコピー')).toEqual(copy);
    expect(stored(b).tabs!.vip).toBe('VIP');
    expect(b.env.sheetNames().filter((n) => n.startsWith('VIP'))).toEqual(['VIP のコピー', 'VIP']);
  });
});

describe('typing into an add-on tab (issue 11)', () => {
  test('every tab has warning-only protection and says on top that it is rewritten at each refresh', () => {
    const b = workbook({ Orders: orders(40) });
    refresh(b);
    refresh(b);
    for (const t of TABS) {
      expect({ t, protection: b.env.sheet(t).protection }).toEqual({ t, protection: { warningOnly: true, description: 'Fan Funnel rewrites this tab at each refresh (edits here are lost at the next one)' } });
      expect({ t, first: rows(b, t)[0]![0] }).toEqual({ t, first: 'Fan Funnel rewrites this tab at each refresh. Keep your notes and formulas on another sheet.' });
    }
    // The input sheet is the owner's: never protected.
    expect(b.env.sheet('Orders').protection).toBeNull();
  });
});

describe('a stored outcome of an unexpected shape (issue 11)', () => {
  test.each([
    ['fields of the wrong type', { ok: true, cause: 'menu', at: '2024-06-30T00:00:00.000Z', durationMs: '12', warnings: 'the chart could not be drawn', skipped: { row: 3 }, counts: { partner: '3' }, tabs: 7 }],
    ['an older version’s failure', { ok: false, cause: 'sidebar', at: '2024-06-30T00:00:00.000Z', durationMs: 1200, error: 'Orders sheet missing' }],
    ['not an outcome at all', ['x']],
    ['not JSON', '{"ok": tru'],
  ])('%s: the sidebar state holds only well-formed values', (_, value) => {
    const b = workbook({ Orders: orders(10) });
    b.env.properties.document.map.set(PROPERTY_KEYS.lastRefresh, typeof value === 'string' ? value : JSON.stringify(value));
    const last = state(b).last;
    if (last === null) return;
    expect(typeof last.ok).toBe('boolean');
    expect(typeof last.at).toBe('string');
    expect(typeof last.durationMs).toBe('number');
    if (last.warnings !== undefined) expect(last.warnings.every((w) => typeof w === 'string')).toBe(true);
    if (last.skipped !== undefined) expect(Array.isArray(last.skipped)).toBe(true);
    if (last.counts !== undefined) expect(Object.values(last.counts).every((n) => typeof n === 'number')).toBe(true);
    if (last.tabs !== undefined) expect(typeof last.tabs).toBe('object');
    if (!last.ok) expect(typeof last.error).toBe('string');
  });

  test('what can be shown is shown: the warning that was stored as text, the error of an older failure', () => {
    const b = workbook({ Orders: orders(10) });
    b.env.properties.document.map.set(PROPERTY_KEYS.lastRefresh, JSON.stringify({ ok: true, cause: 'menu', at: '2024-06-30T00:00:00.000Z', durationMs: 5, warnings: 'the chart could not be drawn' }));
    expect(state(b).last!.warnings).toEqual(['the chart could not be drawn']);
  });
});

describe('Sheets’ 10 million cells (issue 10)', () => {
  test('a refresh that would cross them stops before writing, says how many cells it needs and what to do', () => {
    // An export pasted into a sheet grown to 384,000 rows × 26 columns: 9,984,000 cells, 41 of them used.
    const b = workbook({ Orders: { values: orders(40), maxRows: 384_000 } });
    refresh(b);
    const o = stored(b);
    expect(o).toMatchObject({ ok: false, refused: 'cells' });
    expect(o.error).toMatch(/^This refresh needs [\d,]+ cells, but a spreadsheet holds at most 10,000,000 \(it has 9,984,000 now\)\. Rather than write half of it, nothing was changed\./);
    expect(Number(/needs ([\d,]+) cells/.exec(o.error!)![1]!.replace(/,/g, ''))).toBeGreaterThan(10_000_000);
    expect(o.error).toMatch(/delete the unused columns of "Orders" \(4 of its 26 columns hold data: about 8,448,000 cells freed\)/);
    expect(o.error).toMatch(/move old orders to another spreadsheet/);
    expect(b.env.sheetNames()).toEqual(['Orders']);
    expect(b.env.cost.last!.peakCells).toBeLessThanOrEqual(10_000_000);
    // A first refresh: there are no previous tabs to speak of.
    expect(state(b).last!.previousKept).toBeUndefined();
  });

  test('the tabs are trimmed to their grids: no default 26 columns or 1,000 rows kept', () => {
    const b = workbook({ Orders: orders(40) });
    refresh(b);
    for (const t of TABS) {
      const s = b.env.sheet(t);
      // (A tab's grid may end in a blank line, which the sheet's values leave out.)
      expect({ t, columns: s.maxColumns, spare: s.maxRows - s.values.length <= 1 }).toEqual({ t, columns: s.values[0]!.length, spare: true });
    }
  });
});

describe('Apps Script’s 6 minutes: a refresh that could not finish writing does not start (issues 10 and 11)', () => {
  /** Sheets is slow today: reading the orders sheet's rows takes `ms` (the clock a script sees
   *  moves on; its header row, read first to know which columns to read, is quick). */
  function slowRead(b: LoadedBundle, ms: number): () => void {
    const proto = FakeRange.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
    const original = proto.getValues!;
    proto.getValues = function (this: FakeRange, ...a: unknown[]) {
      if (this._sheet.name === 'Orders' && this._numRows > 1) b.env.clock.advance(ms);
      return original.apply(this, a);
    };
    return () => {
      proto.getValues = original;
    };
  }

  test.each([
    ['4 minutes: writing at that pace would pass 6, so nothing is written', 240_000, false],
    ['1 minute: writing at that pace fits, so the refresh runs', 60_000, true],
  ])('reading 3,000 orders took %s', (_, ms, fits) => {
    const b = workbook({ Orders: orders(3_000, 1_000) });
    refresh(b);
    const before = snapshot(b);
    b.env.setValues('Orders', orders(5, 1_000, 3_000).slice(1), { row: 3_002 });
    b.env.clock.set(JST_9AM('2024-07-01'));
    const restore = slowRead(b, ms);
    try {
      refresh(b);
    } finally {
      restore();
    }
    if (fits) {
      expect(stored(b)).toMatchObject({ ok: true, rowsRead: 3_005 });
      return;
    }
    const o = stored(b);
    expect(o).toMatchObject({ ok: false, refused: 'time', previousKept: true });
    expect(o.error).toMatch(/^Writing the tabs would take about \d+\.\d more minutes \(4\.0 so far\)\. Apps Script stops a run at 6 minutes, so rather than write half of it, nothing was changed\./);
    expect(snapshot(b)).toEqual(before);
  });

  test('said in Japanese in a Japanese spreadsheet', () => {
    const b = loadBundle({ locale: 'ja_JP', sheets: { Orders: orders(3_000, 1_000) } as never, now: JST_9AM('2024-06-30') });
    const restore = slowRead(b, 300_000);
    try {
      refresh(b);
    } finally {
      restore();
    }
    expect(stored(b).error).toMatch(/^タブの書き込みにあと約\d+\.\d分かかる見込みです\(ここまで5\.0分\)。Apps Script は1回の実行を6分で止めるため、途中まで書くことはせず、何も変更していません。古い注文を別のスプレッドシートに移す\(アーカイブ\)と短くなります。$/);
    expect(b.env.sheetNames()).toEqual(['Orders']);
  });
});

describe('today that ages: FanFunnelAsOf (issue 10)', () => {
  test('the refresh keeps the named range on today’s as-of date, and a formula passing it ages with it', () => {
    const b = workbook({ Orders: orders(40) });
    refresh(b);
    const funnel = b.env.sheet('Fan Funnel');
    expect(Object.keys(funnel.namedRanges)).toEqual(['FanFunnelAsOf']);
    const asOf = b.env.spreadsheet.getRangeByName('FanFunnelAsOf')!;
    expect(b.env.run(() => Utilities().formatDate(asOf.getValue() as Date, 'Asia/Tokyo', 'yyyy-MM-dd'))).toBe('2024-06-30');
    const stage = () => b.formula('=FANSTAGE(Orders!A:D, "C1", FanFunnelAsOf)');
    // C1 bought three times, last on 2024-05-02: a Follower on 2024-06-30 (no reactions, within 90 days).
    expect(stage()).toMatchObject({ status: 'value', value: 'Follower' });

    // 200 days on, without a new order: the same formula, recalculated because its argument changed.
    b.env.clock.set(JST_9AM('2025-01-16'));
    refresh(b);
    expect(b.env.run(() => Utilities().formatDate(b.env.spreadsheet.getRangeByName('FanFunnelAsOf')!.getValue() as Date, 'Asia/Tokyo', 'yyyy-MM-dd'))).toBe('2025-01-16');
    expect(stage()).toMatchObject({ status: 'value', value: 'Lapsed' });
    expect(b.env.spreadsheet.getNamedRanges()).toHaveLength(1);

    function Utilities() {
      return b.env.globals.Utilities;
    }
  });
});

describe('every stored value under 9 KB, and a failure to store shown (issue 10)', () => {
  test('thousands of skipped rows with long Japanese cells: the outcome keeps what fits, and counts them all', () => {
    const long = '読めない日付'.repeat(20);
    const input = [...orders(100), ...Array.from({ length: 3000 }, (_, i) => [`#x${i}`, `C${i % 12}`, `${long}${i}`, 1000])];
    const b = workbook({ Orders: input });
    refresh(b);
    const raw = b.env.properties.document.map.get(PROPERTY_KEYS.lastRefresh)!;
    expect(Buffer.byteLength(raw, 'utf8')).toBeLessThanOrEqual(8192);
    const o = stored(b);
    expect(o).toMatchObject({ ok: true, skippedTotal: 3000 });
    expect(o.skipped!.length).toBeGreaterThan(0);
    expect(o.skipped![0]).toMatchObject({ range: 'orders', row: 102, reason: 'date' });
    for (const value of b.env.properties.document.map.values()) expect(Buffer.byteLength(value, 'utf8')).toBeLessThanOrEqual(8192);
  });

  test('when nothing can be recorded, the refresh writes nothing and the one who clicked is told why', () => {
    const b = workbook({ Orders: orders(20) });
    // A store at Apps Script's 500 KB: every write to it is refused.
    b.env.properties.document.map.set('x', 'x'.repeat(511_990));
    const { outcome } = b.env.call('refreshFromSidebar') as { outcome: RefreshOutcome };
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toMatch(/You have exceeded the property storage quota/);
    expect(outcome.warnings![0]).toMatch(/^The refresh’s outcome could not be recorded \(the sidebar will not show it next time\): You have exceeded the property storage quota/);
    expect(b.env.sheetNames()).toEqual(['Orders']);
  });
});

describe('in a Japanese spreadsheet, what the owner is told is Japanese (issues 10 and 11)', () => {
  const ja = (sheets: Record<string, unknown>, now = JST_9AM('2024-06-30')) => loadBundle({ locale: 'ja_JP', sheets: sheets as never, now });
  const JA_TABS = ['ファンファネル', '顧客ステージ', 'VIP', '履歴'];

  test('a write that fails at the third tab: which tabs are new, cut short and old, in Japanese; the notice and the edit warning too', () => {
    const b = ja({ Orders: orders(40) });
    refresh(b);
    expect(b.env.sheetNames()).toEqual(['Orders', ...JA_TABS]);
    for (const t of JA_TABS) {
      expect(rows(b, t)[0]![0]).toBe('このタブは Fan Funnel が更新のたびに書き直します。メモや数式は別のシートに書いてください。');
      expect(b.env.sheet(t).protection).toEqual({ warningOnly: true, description: 'Fan Funnel が更新のたびに書き直すタブです(編集しても次の更新で消えます)' });
    }
    b.env.clock.set(JST_9AM('2024-07-01'));
    const restore = failNthTabWrite(b, 3);
    try {
      refresh(b);
    } finally {
      restore();
    }
    const last = state(b).last!;
    expect(last.error).toMatch(/^タブを書いている途中で失敗しました: Service Spreadsheets failed/);
    expect(last.switchover!.note).toBe(
      '新しくなったタブ(基準日 2024/07/01): ファンファネル、顧客ステージ。書き換えの途中で止まったタブ: VIP。前回のままのタブ: 履歴。もう一度「更新する」を押すと、すべてのタブが新しくなります。',
    );
  });

  test('the menu’s toast, for an owner whose Google account is in English: Japanese, with what was left of the tabs and what could not be recorded', () => {
    const b = loadBundle({ locale: 'ja_JP', sheets: { Orders: orders(40) } as never, now: JST_9AM('2024-06-30'), gas: { userLocale: 'en' } });
    const toasts = () => b.env.book.ui.toasts.map((t) => t.message);
    refresh(b);
    expect(toasts().at(-1)).toBe('ファンファネルを更新しました');
    const restore = failNthTabWrite(b, 3);
    try {
      refresh(b);
    } finally {
      restore();
    }
    expect(toasts().at(-1)).toMatch(/^更新できませんでした: タブを書いている途中で失敗しました: .*新しくなったタブ\(基準日 2024\/06\/30\): ファンファネル、顧客ステージ。書き換えの途中で止まったタブ: VIP。前回のままのタブ: 履歴。/);
    b.env.run(() => b.env.spreadsheet.deleteSheet(b.env.spreadsheet.getSheetByName('Orders')!));
    refresh(b);
    expect(toasts().at(-1)).toBe('更新できませんでした: 注文のシートが見つかりません。注文データ(顧客ID・注文日・金額の見出し付き)を貼り付けるか、設定で注文シートを選んでください。前回のタブはそのまま残っています。');
    // A store at its 500 KB: the outcome cannot be recorded, and the toast is the only place to say so.
    const store = b.env.properties.document.map;
    store.delete(PROPERTY_KEYS.lastRefresh);
    const used = [...store].reduce((n, [k, v]) => n + Buffer.byteLength(k + v, 'utf8'), 0);
    store.set('x', 'x'.repeat(511_990 - used));
    refresh(b);
    expect(toasts().at(-1)).toMatch(/^更新できませんでした: You have exceeded the property storage quota.*前回のタブはそのまま残っています。更新の結果を保存できませんでした\(次にサイドバーを開いたときには表示されません\): You have exceeded/);
  });

  test('Apps Script stopping it at 6 minutes: said in Japanese, with the time as the owner reads it', () => {
    const b = ja({ Orders: orders(40) });
    refresh(b);
    b.env.clock.set(JST_9AM('2024-07-01'));
    const restore = failNthTabWrite(b, 2, 'slow');
    try {
      expect(() => refresh(b)).toThrow('Exceeded maximum execution time');
    } finally {
      restore();
    }
    const last = state(b).last!;
    expect(last.error).toBe('2024/07/01 09:00 に始めた更新が最後まで終わりませんでした(Apps Script の6分の制限などで止められました)。');
    expect(last.switchover!.note).toMatch(/^新しくなったタブ\(基準日 2024\/07\/01\): ファンファネル。書き換えの途中で止まったタブ: 顧客ステージ。前回のままのタブ: VIP、履歴。/);
  });

  test('a garbled paste and a spreadsheet past 10 million cells: refused in Japanese, with the skipped rows’ reasons', () => {
    const b = ja({ Orders: orders(40) });
    refresh(b);
    paste(b, 'Orders', [HEADER, ...orders(40).slice(1).map((r) => [r[0], r[1], r[1], r[3]])]);
    refresh(b);
    expect(stored(b).error).toBe('注文シート「Orders」から有効な注文を1件も読めなかったため、何も変更していません(履歴も前回のままです)。読み飛ばした行: 40行(日付を読めない 40行)。貼り付けた内容を確認してください。');

    const c = ja({ Orders: { values: orders(40), maxRows: 384_000 } });
    refresh(c);
    expect(stored(c).error).toMatch(/^この更新には[\d,]+セルが必要ですが、1つのスプレッドシートに入るのは10,000,000セルまでです\(今は9,984,000セル\)。途中まで書くことはせず、何も変更していません。空きを作るには: 「Orders」の空の行を削除する\(384,000行のうち41行だけ使用、約9,982,934セル空きます\)、「Orders」の使っていない列を削除する\(26列のうち4列だけ使用、約8,448,000セル空きます\)、古い注文を別のスプレッドシートに移す\(アーカイブ\)、使っていないシートを削除する。$/);
  });
});
