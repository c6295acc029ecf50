/**
 * Triggers as an Editor add-on has them (Google's installable-triggers guide and "Triggers for
 * Editor add-ons"): each belongs to the user who created it — another user neither sees nor deletes
 * it —, one of each type per user per document, time-driven at most hourly; and the document lock,
 * null where there is no containing document.
 */
import { createGasEnvironment, type GasEnvironmentOptions } from '../index';
import { thrown } from './thrown';

function setup(options: GasEnvironmentOptions = {}) {
  const env = createGasEnvironment({ now: Date.parse('2024-06-30T00:00:00Z'), userEmail: 'owner@example.com', ...options });
  const g = env.globals;
  const seen: Array<{ lock: unknown; active: unknown; user: string }> = [];
  env.install({
    onAutoRefresh: () => void seen.push({ lock: g.LockService.getDocumentLock(), active: g.SpreadsheetApp.getActive(), user: g.Session.getEffectiveUser().getEmail() }),
  });
  return { env, g, ss: g.SpreadsheetApp.getActive(), seen };
}

describe('two users of one spreadsheet', () => {
  test('each has their own trigger; neither sees nor deletes the other’s; one per type each', () => {
    const { env, g, ss } = setup();
    const daily = () => g.ScriptApp.newTrigger('onAutoRefresh').timeBased().everyDays(1).atHour(7).create();
    const owners = daily();
    env.setUser('editor@example.com');
    expect(g.ScriptApp.getProjectTriggers()).toEqual([]);
    expect(g.ScriptApp.getUserTriggers(ss)).toEqual([]);
    const editors = daily(); // their own: allowed
    expect(thrown(daily)).toBe('Exception: This add-on has created too many time-based triggers in this document for this Google user account.');
    expect(g.ScriptApp.getProjectTriggers().map((t) => t.getUniqueId())).toEqual([editors.getUniqueId()]);
    // A Trigger object of the owner's (which the editor could not have listed) cannot be deleted either.
    expect(thrown(() => g.ScriptApp.deleteTrigger(owners))).toBe('Exception: The trigger belongs to another user and cannot be deleted by this one.');
    expect(env.triggers.list().map((t) => t.user)).toEqual(['owner@example.com', 'editor@example.com']);
    env.setUser('owner@example.com');
    expect(g.ScriptApp.getUserTriggers(ss).map((t) => t.getUniqueId())).toEqual([owners.getUniqueId()]);
    g.ScriptApp.deleteTrigger(owners);
    expect(env.triggers.list().map((t) => t.user)).toEqual(['editor@example.com']);
  });

  test('a trigger runs as its owner, whoever has the spreadsheet open', () => {
    const { env, g, seen } = setup();
    const t = g.ScriptApp.newTrigger('onAutoRefresh').timeBased().everyHours(1).create();
    env.setUser('editor@example.com');
    env.triggers.fire(t);
    expect(seen.map((s) => s.user)).toEqual(['owner@example.com']);
  });

  test('time-driven: at most hourly, with the wording Apps Script gives', () => {
    const { g } = setup();
    expect(thrown(() => g.ScriptApp.newTrigger('onAutoRefresh').timeBased().everyMinutes(30).create())).toBe(
      'Exception: The recurrence interval for an Add-on trigger must be at least one hour.',
    );
    expect(g.ScriptApp.newTrigger('onAutoRefresh').timeBased().everyHours(1).create().getHandlerFunction()).toBe('onAutoRefresh');
  });
});

describe('LockService.getDocumentLock() and a containing document', () => {
  test('by default every execution has one: a lock and the active spreadsheet', () => {
    const { env, g, seen } = setup();
    env.triggers.fire(g.ScriptApp.newTrigger('onAutoRefresh').timeBased().everyHours(1).create());
    expect(seen[0]!.lock).not.toBeNull();
    expect(seen[0]!.active).not.toBeNull();
  });

  test('a standalone script has none: getDocumentLock() and getActive() return null', () => {
    const { env, seen } = setup({ containingDocument: 'never' });
    env.call('onAutoRefresh');
    expect(seen[0]).toMatchObject({ lock: null, active: null });
  });

  test('"not in time triggers": a time-driven run gets null, a menu click does not (undocumented for add-ons)', () => {
    const { env, g, seen } = setup({ containingDocument: 'not in time triggers' });
    const t = g.ScriptApp.newTrigger('onAutoRefresh').timeBased().everyHours(1).create();
    env.triggers.fire(t);
    env.call('onAutoRefresh');
    expect(seen.map((s) => [s.lock === null, s.active === null])).toEqual([
      [true, true],
      [false, false],
    ]);
  });
});
