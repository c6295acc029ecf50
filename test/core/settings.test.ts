import { DEFAULT_SETTINGS, NUMBER_SETTINGS, numberSetting, readSettings } from '../../src/core/settings';

describe('settings (one place for defaults, SPEC §3–§4, §7)', () => {
  test('the defaults are the seeds’ numbers', () => {
    expect(DEFAULT_SETTINGS.stages).toEqual({
      activeDays: 60,
      lapseDays: 90,
      partnerMinPurchases: 2,
      partnerMinReactions: 3,
      supporterMinReactions: 2,
      dormantMinReactions: 1,
    });
    expect(DEFAULT_SETTINGS.vip).toEqual({ count: 100, minLtv: 80_000, minPurchases: 5, mode: 'or' });
    expect(DEFAULT_SETTINGS.tiers).toEqual({ diamond: 300_000, platinum: 150_000, gold: 80_000 });
    expect(DEFAULT_SETTINGS.messageTemplate.ja).toBe('{name}様、累計{ltv}円のご愛顧に心から感謝します');
  });

  test('nothing stored, or not an object → the defaults, no problems', () => {
    for (const stored of [undefined, null, 'x', 42, []]) {
      expect(readSettings(stored)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
    }
  });

  test('valid values are kept, each invalid one is reported by path and falls back to its default', () => {
    const { settings, problems } = readSettings({
      stages: { activeDays: 30, lapseDays: -1, partnerMinReactions: 2.5 },
      vip: { count: 50, mode: 'xor' },
      tiers: { gold: 500_000 },
      ltvWindowDays: 365,
      language: 'ja',
    });
    expect(settings.stages.activeDays).toBe(30);
    expect(settings.stages.lapseDays).toBe(90);
    expect(settings.stages.partnerMinReactions).toBe(3);
    expect(settings.vip).toEqual({ count: 50, minLtv: 80_000, minPurchases: 5, mode: 'or' });
    expect(settings.ltvWindowDays).toBe(365);
    expect(settings.language).toBe('ja');
    expect(problems.map((p) => p.path)).toEqual(['stages.lapseDays', 'stages.partnerMinReactions', 'vip.mode', 'tiers']);
    expect(problems[0]!.message.en).toMatch(/whole number of at least 1/);
    expect(problems[3]!.message.ja).toContain('ダイヤモンド');
  });

  test('inconsistent thresholds are refused as a pair: days to lapse below the active days, tiers out of order', () => {
    const { settings, problems } = readSettings({ stages: { activeDays: 100, lapseDays: 90 }, tiers: { gold: 400_000 } });
    expect(problems.map((p) => p.path)).toEqual(['stages.lapseDays', 'tiers']);
    expect([settings.stages.activeDays, settings.stages.lapseDays]).toEqual([60, 90]);
    expect(settings.tiers).toEqual(DEFAULT_SETTINGS.tiers);
  });

  test('every number setting is validated by its own description: its minimum is kept, one less is refused in its words', () => {
    const at = (path: string, v: unknown): object => {
      const [group, key] = path.split('.');
      return key === undefined ? { [group!]: v } : { [group!]: { [key]: v } };
    };
    for (const n of NUMBER_SETTINGS) {
      expect(numberSetting(DEFAULT_SETTINGS, n.path)).toBe(n.default);
      const wholeNumber =
        n.max === undefined
          ? { ja: `${n.min}以上の整数を入力してください`, en: `Enter a whole number of at least ${n.min}` }
          : { ja: `${n.min}〜${n.max}の整数を入力してください`, en: `Enter a whole number from ${n.min} to ${n.max}` };
      // Alone, the minimum may break a pair rule (lapse ≥ active, tier order), which has words of its own.
      const kept = readSettings(at(n.path, n.min));
      expect(kept.problems.filter((p) => p.path === n.path).map((p) => p.message)).not.toContainEqual(wholeNumber);
      const refused = readSettings(at(n.path, n.min - 1));
      expect(refused.problems.find((p) => p.path === n.path)?.message).toEqual(wholeNumber);
      expect(numberSetting(refused.settings, n.path)).toBe(n.default);
      if (n.max !== undefined) {
        expect(readSettings(at(n.path, n.max)).problems.filter((p) => p.path === n.path)).toEqual([]);
        expect(readSettings(at(n.path, n.max + 1)).problems.find((p) => p.path === n.path)?.message).toEqual(wholeNumber);
      }
    }
  });

  test('the refresh refuses a paste below half of last time’s orders by default; 0–100 %', () => {
    expect(DEFAULT_SETTINGS.refresh.minShareOfLast).toBe(50);
    expect(readSettings({ refresh: { minShareOfLast: 0 } }).settings.refresh.minShareOfLast).toBe(0);
    expect(readSettings({ refresh: { minShareOfLast: 101 } }).settings.refresh.minShareOfLast).toBe(50);
  });

  test('a VIP message longer than 500 characters is refused in the owner’s words (the settings must fit one 9 KB property)', () => {
    const long = 'ご'.repeat(501);
    const { settings, problems } = readSettings({ messageTemplate: { ja: long, en: 'Dear {name}' } });
    expect(problems).toEqual([{ path: 'messageTemplate.ja', message: { ja: 'メッセージは500文字以内にしてください', en: 'Keep the message to 500 characters or fewer' } }]);
    expect(settings.messageTemplate).toEqual({ ja: DEFAULT_SETTINGS.messageTemplate.ja, en: 'Dear {name}' });
    expect(readSettings({ messageTemplate: { ja: 'ご'.repeat(500) } }).problems).toEqual([]);
  });
});
