/**
 * The automatic refresh as an Editor add-on has it (issue 10 §2, "Triggers"): the trigger belongs to
 * the user who made it and nobody else can see or delete it, so the add-on records its unique id
 * and owner; each run checks the settings and the record and removes itself when it is not wanted;
 * the sidebar shows every user whether it is on, whose it is and how its last run ended; a run whose
 * inputs did not change writes nothing; a run Apps Script gives no document says so. Two users of
 * one spreadsheet, on the built bundle.
 */
import { loadBundle, type LoadedBundle } from '../../emulator/bundle';
import { PROPERTY_KEYS, USER_PROPERTY_KEYS } from '../../src/gas/keys';
import type { RefreshOutcome } from '../../src/gas/refresh';
import type { SidebarState } from '../../src/gas/sidebarApi';

const JST_9AM = (iso: string) => Date.parse(`${iso}T09:00:00+09:00`);
const OWNER = 'owner@example.com';
const EDITOR = 'editor@example.com';
const TABS = ['Fan Funnel', 'Customers', 'VIP', 'History'];

function orders(n: number): unknown[][] {
  const rows: unknown[][] = [['Order ID', 'Customer ID', 'Order date', 'Total']];
  for (let i = 0; i < n; i++) rows.push([`#${i}`, `C${i % 7}`, new Date(Date.UTC(2024, 4, 1) + (i % 50) * 86_400_000), 4000 + (i % 5) * 1000]);
  return rows;
}

function workbook(gas: Record<string, unknown> = {}): LoadedBundle {
  return loadBundle({ locale: 'en_US', sheets: { Orders: orders(30) }, now: JST_9AM('2024-06-30'), gas: { userEmail: OWNER, ...gas } });
}

const as = (b: LoadedBundle, user: string) => b.env.setUser(user);
const state = (b: LoadedBundle) => b.env.call('getSidebarState') as SidebarState;
const save = (b: LoadedBundle, autoRefresh: unknown) => b.env.call('saveSettings', { ...state(b).settings, autoRefresh }) as { ok: boolean; problems: Array<{ path: string; message: { en: string } }>; state: SidebarState };
const stored = (b: LoadedBundle): RefreshOutcome | undefined => {
  const raw = b.env.properties.document.map.get(PROPERTY_KEYS.lastRefresh);
  return raw === undefined ? undefined : JSON.parse(raw);
};
const registered = (b: LoadedBundle) => JSON.parse(b.env.properties.document.map.get(PROPERTY_KEYS.trigger) ?? 'null') as { uid: string; owner: string } | null;

describe('the automatic refresh with two users', () => {
  test('each user’s trigger, the one on record, removes the other at its next run; the sidebar shows whose it is and how it ended', () => {
    const b = workbook();
    // The owner turns it on: their trigger, recorded with its id and owner.
    expect(save(b, { enabled: true, every: 'day', hour: 7 }).ok).toBe(true);
    const [ownersTrigger] = b.env.triggers.list();
    expect(registered(b)).toMatchObject({ uid: ownersTrigger!.uid, owner: OWNER });
    expect(state(b).autoRefresh).toMatchObject({ on: true, summary: `Automatic refresh: daily between 7:00 and 8:00 (${OWNER})`, mine: true });

    // The editor sees it on, and whose it is; they cannot see the trigger itself.
    as(b, EDITOR);
    const seen = state(b);
    expect(seen.autoRefresh).toMatchObject({ on: true, owner: OWNER, mine: false });
    expect(seen.autoRefresh.note).toBe(`This automatic refresh was set up by ${OWNER}. Changing it replaces it with one of your own.`);
    expect(seen.autoRefreshInstalled).toBe(false);
    // The editor switches to hourly: their own trigger is made and recorded; the owner's is still there.
    expect(save(b, { enabled: true, every: 'hour' }).ok).toBe(true);
    const editorsTrigger = b.env.triggers.list().find((t) => t.user === EDITOR)!;
    expect(registered(b)).toMatchObject({ uid: editorsTrigger.uid, owner: EDITOR });
    expect(b.env.triggers.list().map((t) => t.user)).toEqual([OWNER, EDITOR]);

    // The owner's trigger fires: it is not the one on record, so it deletes itself and refreshes nothing.
    b.env.triggers.fire(ownersTrigger!);
    expect(b.env.triggers.list().map((t) => t.user)).toEqual([EDITOR]);
    expect(stored(b)).toBeUndefined();
    expect(b.env.sheetNames()).toEqual(['Orders']);

    // The editor's fires: the refresh runs as the editor, and its run is recorded for everyone to see.
    b.env.triggers.fire(editorsTrigger);
    expect(stored(b)).toMatchObject({ ok: true, cause: 'trigger' });
    as(b, OWNER);
    const owners = state(b).autoRefresh;
    expect(owners).toMatchObject({ on: true, summary: `Automatic refresh: hourly (${EDITOR})`, mine: false, lastRun: { ok: true, text: 'refreshed' } });

    // The owner turns it off: they cannot delete the editor's trigger, which removes itself at its next run.
    expect(save(b, { enabled: false }).ok).toBe(true);
    expect(registered(b)).toBeNull();
    expect(state(b).autoRefresh).toMatchObject({ on: false, summary: 'Automatic refresh: off' });
    const before = JSON.stringify(stored(b));
    b.env.triggers.fire(editorsTrigger);
    expect(b.env.triggers.list()).toEqual([]);
    expect(JSON.stringify(stored(b))).toBe(before);
  });

  test('a run whose inputs did not change writes nothing; a changed order makes it refresh', () => {
    const b = workbook();
    expect(save(b, { enabled: true, every: 'hour' }).ok).toBe(true);
    const [t] = b.env.triggers.list();
    b.env.triggers.fire(t!);
    const first = stored(b)!;
    b.env.clock.advance(3_600_000);
    b.env.io.reset();
    const again = b.env.triggers.fire(t!) as RefreshOutcome;
    expect(again).toMatchObject({ ok: true, unchanged: true });
    for (const tab of TABS) expect(b.env.io.writes(tab)).toBe(0);
    expect(stored(b)).toEqual(first);
    expect(state(b).autoRefresh.lastRun).toMatchObject({ ok: true, text: 'no change in the source sheets: tabs left as they were' });

    b.env.setValues('Orders', [['#99', 'C1', new Date(Date.UTC(2024, 5, 29)), 9000]], { row: 32 });
    b.env.clock.advance(3_600_000);
    expect(b.env.triggers.fire(t!)).toMatchObject({ ok: true, rowsRead: 31 });
    expect(b.env.io.writes('Customers')).toBe(1);
    // A click always refreshes, changed or not.
    b.env.io.reset();
    b.env.call('refreshFromMenu');
    expect(b.env.io.writes('Customers')).toBe(1);
  });

  test('a failed run is shown with its error (Apps Script e-mails nobody for an add-on)', () => {
    const b = workbook();
    expect(save(b, { enabled: true, every: 'day', hour: 6 }).ok).toBe(true);
    b.env.setValues('Notes', [['just notes']]);
    b.env.run(() => b.env.spreadsheet.deleteSheet(b.env.spreadsheet.getSheetByName('Orders')!));
    b.env.triggers.fire(b.env.triggers.list()[0]!);
    const last = state(b).autoRefresh.lastRun!;
    expect(last.ok).toBe(false);
    expect(last.text).toMatch(/^failed: No orders sheet found/);
  });

  test('turning it on when the trigger cannot be made leaves the settings as they were', () => {
    const b = workbook({ addOn: false });
    // 20 triggers of this user's already: Apps Script refuses a 21st.
    for (let i = 0; i < 20; i++) b.env.triggers.add({ handler: 'somethingElse', user: OWNER, eventType: 'CLOCK', documentId: null } as never);
    const before = b.env.properties.document.map.get(PROPERTY_KEYS.settings);
    const result = save(b, { enabled: true, every: 'hour' });
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatchObject({ path: 'autoRefresh', message: { en: expect.stringMatching(/^The automatic refresh could not be set up, so the settings were not saved: This script has too many triggers/) } });
    expect(b.env.properties.document.map.get(PROPERTY_KEYS.settings)).toBe(before);
    expect(state(b).settings.autoRefresh).toEqual({ enabled: false });
    expect(registered(b)).toBeNull();
  });
});

describe('a time-driven run without a containing document (LockService.getDocumentLock() → null)', () => {
  test('it refreshes nothing, throws nothing, and its owner’s sidebar says why', () => {
    const b = workbook({ containingDocument: 'not in time triggers' });
    expect(save(b, { enabled: true, every: 'hour' }).ok).toBe(true);
    const [t] = b.env.triggers.list();
    const outcome = b.env.triggers.fire(t!) as RefreshOutcome;
    expect(outcome).toMatchObject({ ok: false, cause: 'trigger' });
    expect(outcome.error).toMatch(/could not open the spreadsheet/);
    expect(b.env.triggers.runs.at(-1)).toMatchObject({ outcome: 'done' });
    expect(b.env.sheetNames()).toEqual(['Orders']);
    expect(state(b).autoRefresh.lastRun).toMatchObject({ ok: false, text: expect.stringMatching(/^failed: The automatic refresh could not open the spreadsheet/) });
    // Turned off and on again, run after run: the owner's store keeps the latest few runs, not one per
    // trigger ever made (a value past 9 KB would make every later record fail, silently).
    for (let i = 0; i < 12; i++) {
      expect(save(b, { enabled: false }).ok).toBe(true);
      expect(save(b, { enabled: true, every: 'hour' }).ok).toBe(true);
      b.env.clock.advance(3_600_000);
      b.env.triggers.fire(b.env.triggers.list()[0]!);
    }
    const runs = JSON.parse(b.env.properties.user.map.get(USER_PROPERTY_KEYS.triggerRuns)!) as Record<string, { at: string }>;
    expect(Object.keys(runs)).toHaveLength(4);
    expect(Object.keys(runs)).toContain(registered(b)!.uid);
    expect(state(b).autoRefresh.lastRun).toMatchObject({ ok: false, at: new Date(b.env.clock.now()).toISOString() });
    // Another user, who cannot read the owner's own store, sees no run rather than a wrong one.
    as(b, EDITOR);
    expect(state(b).autoRefresh.lastRun).toBeUndefined();
  });
});

describe('in a Japanese spreadsheet', () => {
  test('the automatic refresh’s status, whose it is and how its last run ended are Japanese', () => {
    const b = loadBundle({ locale: 'ja_JP', sheets: { Orders: orders(30) }, now: JST_9AM('2024-06-30'), gas: { userEmail: OWNER } });
    expect(save(b, { enabled: true, every: 'day', hour: 7 }).ok).toBe(true);
    b.env.triggers.fire(b.env.triggers.list()[0]!);
    expect(state(b).autoRefresh).toMatchObject({ summary: `自動更新: 毎日 7時台(${OWNER})`, lastRunLabel: '前回の自動更新', lastRun: { ok: true, text: '更新しました' } });
    as(b, EDITOR);
    expect(state(b).autoRefresh.note).toBe(`この自動更新は ${OWNER} さんが設定したものです。設定を変えると、あなたのアカウントの自動更新に置き換わります。`);
    as(b, OWNER);
    b.env.run(() => b.env.spreadsheet.deleteSheet(b.env.spreadsheet.getSheetByName('Orders')!));
    b.env.clock.advance(86_400_000);
    b.env.triggers.fire(b.env.triggers.list()[0]!);
    expect(state(b).autoRefresh.lastRun).toMatchObject({ ok: false, text: expect.stringMatching(/^失敗: 注文のシートが見つかりません。/) });
  });
});
