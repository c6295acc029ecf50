/**
 * The sidebar's settings panel in chromium, saving through the built bundle on the in-memory
 * Sheets: bad values get a red message next to their field and nothing is stored (the client's
 * own check and the server's, with the same words: the server sends the client its message for
 * each number), good ones are stored and take effect.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { readSettings, type Settings } from '../../src/core/settings';
import { projectRoot } from '../../emulator/project';
import { describeInBrowser, useSidebarPages, type SidebarSession } from '../support/sidebarPage';
import { SAMPLE_AS_OF, sampleShopSheets } from '../support/sampleSheets';
import { sidebarServer } from '../../emulator/scriptRun';
import { PROPERTY_KEYS } from '../../src/gas/keys';

const SETTINGS_KEY = PROPERTY_KEYS.settings;

/** The server's own words for a value, from `readSettings` (src/core/settings.ts). */
function serverMessage(input: unknown, path: string, lang: 'ja' | 'en'): string {
  const problem = readSettings(input).problems.find((p) => p.path === path);
  if (problem === undefined) throw new Error(`readSettings finds no problem at ${path}`);
  return problem.message[lang];
}

async function openSettings(s: SidebarSession): Promise<void> {
  await s.page.click('details.settings > summary');
  await s.page.locator('form button.save').waitFor();
}

/** The message shown next to a field, or null when it is hidden. */
async function fieldError(s: SidebarSession, path: string): Promise<string | null> {
  const el = s.page.locator(`[data-error-for="${path}"]`);
  return (await el.isVisible()) ? await el.textContent() : null;
}

async function visibleErrors(s: SidebarSession): Promise<Record<string, string>> {
  return Object.fromEntries(
    await s.page.$$eval('.field-error:not([hidden])', (els) => els.map((e) => [e.getAttribute('data-error-for') ?? '', e.textContent ?? ''])),
  );
}

async function save(s: SidebarSession): Promise<void> {
  await s.page.click('form button.save');
  await s.page.waitForFunction(() => {
    const st = document.querySelector('.save-status');
    return st !== null && !st.classList.contains('saving') && st.textContent !== '';
  });
}

describeInBrowser('sidebar settings in a browser', () => {
  const { open } = useSidebarPages();
  beforeAll(() => mkdirSync(join(projectRoot(), 'test-artifacts'), { recursive: true }));

  test('(b) letters or 0 for the active days: a red message next to that field, the server is not even asked', async () => {
    const server = sidebarServer({ locale: 'en_US', now: SAMPLE_AS_OF, sheets: sampleShopSheets(30) });
    const s = await open(server.backend);
    await openSettings(s);

    for (const typed of ['abc', '0', '1.5', '']) {
      await s.page.fill('#f-stages-activeDays', typed);
      await save(s);
      expect(await visibleErrors(s)).toEqual({ 'stages.activeDays': serverMessage({ stages: { activeDays: typed } }, 'stages.activeDays', 'en') });
      expect(await s.page.locator('#f-stages-activeDays').getAttribute('aria-invalid')).toBe('true');
      // The message sits in the field's own row, right under its input.
      const row = s.page.locator('.field.invalid');
      expect(await row.count()).toBe(1);
      expect(await row.locator('input').getAttribute('id')).toBe('f-stages-activeDays');
      expect(await row.locator('.field-error').textContent()).toBe('Enter a whole number of at least 1');
      expect(await s.page.locator('.save-status').textContent()).toBe('Fix the fields in red');
    }
    expect(s.calls.map((c) => c.name)).toEqual(['getSidebarState']);
    expect(server.env.properties.document.map.has(SETTINGS_KEY)).toBe(false);
    await s.page.screenshot({ path: join(projectRoot(), 'test-artifacts', 'sidebar-settings-error.png'), fullPage: true });

    // Fixed: the message goes away on the next save.
    await s.page.fill('#f-stages-activeDays', '30');
    await save(s);
    expect(await visibleErrors(s)).toEqual({});
    expect(await s.page.locator('.save-status').textContent()).toBe('Saved');
    expect((JSON.parse(server.env.properties.document.map.get(SETTINGS_KEY)!) as Settings).stages.activeDays).toBe(30);
  });

  test('(b) what only the server can judge comes back by path and shows next to its field; nothing is stored', async () => {
    const server = sidebarServer({ locale: 'en_US', now: SAMPLE_AS_OF, sheets: sampleShopSheets(30) });
    const s = await open(server.backend);
    await openSettings(s);

    // Lapse before active: valid numbers each, wrong together.
    await s.page.fill('#f-stages-activeDays', '120');
    await s.page.fill('#f-stages-lapseDays', '90');
    await save(s);
    expect(await visibleErrors(s)).toEqual({
      'stages.lapseDays': serverMessage({ stages: { activeDays: 120, lapseDays: 90 } }, 'stages.lapseDays', 'en'),
    });
    expect(await fieldError(s, 'stages.lapseDays')).toBe('Days to lapse must be at least the active days');
    const call = s.calls.at(-1)!;
    expect(call.name).toBe('saveSettings');
    expect((call.result as { ok: boolean }).ok).toBe(false);
    expect(server.env.properties.document.map.has(SETTINGS_KEY)).toBe(false);
    // The owner's typing is kept, to fix it.
    expect(await s.page.inputValue('#f-stages-activeDays')).toBe('120');

    // Tiers out of order: the message belongs to the tiers group.
    await s.page.fill('#f-stages-lapseDays', '150');
    await s.page.fill('#f-tiers-gold', '500000');
    await save(s);
    expect(await visibleErrors(s)).toEqual({ tiers: 'Tiers must be Diamond ≥ Platinum ≥ Gold' });

    // A source sheet that was deleted meanwhile.
    await s.page.fill('#f-tiers-gold', '80000');
    await s.page.selectOption('select[data-path="sources.orders"]', 'Orders');
    server.env.run(() => server.env.spreadsheet.deleteSheet(server.env.spreadsheet.getSheetByName('Orders')!));
    await save(s);
    expect(await visibleErrors(s)).toEqual({ 'sources.orders': 'There is no sheet "Orders"' });
    expect(server.env.properties.document.map.has(SETTINGS_KEY)).toBe(false);
  });

  test('good settings are stored, take effect and come back in the form: thresholds, VIP, tiers, window, columns, schedule', async () => {
    const server = sidebarServer({ locale: 'en_US', now: SAMPLE_AS_OF, sheets: sampleShopSheets(60) });
    const s = await open(server.backend);
    await openSettings(s);

    await s.page.fill('#f-stages-activeDays', '３０'); // full-width digits, as a Japanese keyboard types them
    await s.page.fill('#f-vip-count', '50');
    await s.page.selectOption('select[data-path="vip.mode"]', 'and');
    await s.page.fill('#f-tiers-diamond', '200,000');
    await s.page.fill('#f-ltvWindowDays', '365');
    await s.page.selectOption('select[data-path="sources.customers"]', 'Customers');
    await s.page.click('details.mapping[data-kind="orders"] > summary');
    // The layout is named as the owner knows it, not by its id.
    expect(await s.page.locator('details.mapping[data-kind="orders"] > summary').textContent()).toBe('Orders: Orders (generic layout)');
    expect(await s.page.inputValue('select[data-path="columns.orders.name"]')).toBe('氏名');
    await s.page.selectOption('select[data-path="columns.orders.name"]', '');
    await s.page.selectOption('select[data-path="autoRefresh"]', 'day');
    expect(await s.page.locator('select[data-path="autoRefresh.hour"]').isVisible()).toBe(true);
    await s.page.selectOption('select[data-path="autoRefresh.hour"]', '7');
    await save(s);
    expect(await visibleErrors(s)).toEqual({});
    expect(await s.page.locator('.save-status').textContent()).toBe('Saved');

    const stored = JSON.parse(server.env.properties.document.map.get(SETTINGS_KEY)!) as Settings;
    expect(stored.stages.activeDays).toBe(30);
    expect(stored.vip).toEqual({ count: 50, minLtv: 80000, minPurchases: 5, mode: 'and' });
    expect(stored.tiers).toEqual({ diamond: 200000, platinum: 150000, gold: 80000 });
    expect(stored.ltvWindowDays).toBe(365);
    expect(stored.sources).toEqual({ orders: null, customers: 'Customers', survey: null });
    expect(stored.columns).toEqual({ orders: { name: '' } });
    expect(stored.autoRefresh).toEqual({ enabled: true, every: 'day', hour: 7 });
    expect(server.env.triggers.list().map((t) => [t.handler, t.schedule?.atHour])).toEqual([['onAutoRefresh', 7]]);

    // The form is rebuilt from the stored settings.
    expect(await s.page.inputValue('#f-stages-activeDays')).toBe('30');
    expect(await s.page.inputValue('#f-tiers-diamond')).toBe('200000');
    expect(await s.page.inputValue('select[data-path="columns.orders.name"]')).toBe('');
    expect(await s.page.inputValue('select[data-path="autoRefresh.hour"]')).toBe('7');

    // Blank window = all time; automatic refresh off removes the trigger.
    await s.page.fill('#f-ltvWindowDays', '');
    await s.page.selectOption('select[data-path="autoRefresh"]', 'off');
    expect(await s.page.locator('select[data-path="autoRefresh.hour"]').isVisible()).toBe(false);
    await save(s);
    const again = JSON.parse(server.env.properties.document.map.get(SETTINGS_KEY)!) as Settings;
    expect(again.ltvWindowDays).toBeNull();
    expect(again.autoRefresh).toEqual({ enabled: false });
    expect(server.env.triggers.list()).toEqual([]);
    // Untouched settings survive a save unchanged.
    expect(again.messageTemplate).toEqual(readSettings({}).settings.messageTemplate);
  });

  test('(d) in Japanese, the client check speaks the server’s Japanese words', async () => {
    const server = sidebarServer({ locale: 'ja_JP', now: SAMPLE_AS_OF, sheets: sampleShopSheets(30) });
    const s = await open(server.backend, { locale: 'ja-JP' });
    await openSettings(s);
    expect(await s.page.locator('details.mapping[data-kind="orders"] > summary').textContent()).toBe('注文: Orders (汎用レイアウト)');
    await s.page.fill('#f-vip-count', 'たくさん');
    await s.page.fill('#f-ltvWindowDays', '0');
    await save(s);
    expect(await visibleErrors(s)).toEqual({
      'vip.count': serverMessage({ vip: { count: 'たくさん' } }, 'vip.count', 'ja'),
      ltvWindowDays: serverMessage({ ltvWindowDays: 0 }, 'ltvWindowDays', 'ja'),
    });
    expect(await fieldError(s, 'vip.count')).toBe('0以上の整数を入力してください');
    expect(await s.page.locator('.save-status').textContent()).toBe('赤い項目を直してください');
    expect(s.calls.map((c) => c.name)).toEqual(['getSidebarState']);
  });
});
