/**
 * 施策 / Campaigns on the in-memory Sheets, through the built bundle (issue 14): startCampaign freezes
 * the targets and the comparison group in the hidden 施策データ sheet, each refresh measures the
 * running campaigns and rewrites the 施策 sheet and the funnel tab's summary, a closed result is
 * frozen, deleteCampaign removes one — and no sheet of the owner's is ever written.
 *
 * The orders sheet holds the whole story from the start (orders dated after the clock are "later
 * orders" the analysis leaves out): as the script clock moves on, they come into the window.
 */
import { loadBundle, type LoadedBundle } from '../../emulator/bundle';
import { dayFromCivil, isoDay, type Day } from '../../src/core/dates';
import { NOTICE_ROWS } from '../../src/core/grid';
import type { CampaignsState } from '../../src/gas/campaignApi';
import type { SidebarState } from '../../src/gas/sidebarApi';
import { METADATA_KEYS } from '../../src/gas/keys';

const S = dayFromCivil(2026, 10, 1);
const DAY = 86_400_000;
const noonOf = (d: Day): number => Date.parse(`${isoDay(d)}T12:00:00+09:00`);
const text = (d: Day): string => isoDay(d).replace(/-/g, '/');
const key = (p: string, i: number): string => `${p}${String(i).padStart(3, '0')}`;
const TARGETS = Array.from({ length: 30 }, (_, i) => key('T', i));

/** 60 visitors on the start day; 15 of the 30 targets and 3 of the 30 others order again 10 days later. */
function orders(): Array<Array<string | number>> {
  const rows: Array<Array<string | number>> = [['顧客ID', '注文日', '金額']];
  for (let i = 0; i < 30; i++) {
    rows.push([key('T', i), text(S - 10), 3000]);
    if (i < 15) rows.push([key('T', i), text(S + 10), 5000]);
    rows.push([key('C', i), text(S - 10), 3000]);
    if (i < 3) rows.push([key('C', i), text(S + 10), 4000]);
  }
  return rows;
}

function shop(extra: Record<string, unknown[][]> = {}): LoadedBundle {
  const b = loadBundle({ sheets: { 注文: orders(), ...extra }, now: noonOf(S) });
  b.env.call('refreshFromMenu');
  return b;
}

const start = (b: LoadedBundle, over: Record<string, unknown> = {}): CampaignsState =>
  b.env.call('startCampaign', { name: 'LINEでお礼', move: 'visitor>follower', keys: TARGETS, note: '2回目の購入を後押し', ...over }) as CampaignsState;
const lines = (values: unknown[][]): string[] => values.map((r) => r.filter((c) => c !== '').join(' | '));

describe('a campaign from start to result', () => {
  const b = shop();
  const started = start(b);

  test('starting freezes 30 targets and the 30 other visitors; the 施策 sheet shows it waiting for tomorrow', () => {
    expect(started.ok).toBe(true);
    expect(started.message).toBe('「LINEでお礼」を始めました: 対象 30人、比較 30人');
    expect(started.campaigns).toHaveLength(1);
    expect(started.campaigns[0]).toMatchObject({ name: 'LINEでお礼', start: '2026/10/01', move: 'ビジター → フォロワー', verdictId: 'notYet', status: '今日始めたばかりです: 明日の更新から計測します' });
    const tab = b.env.sheet('施策');
    expect(tab.hidden).toBe(false);
    expect(lines(tab.values)).toContain('判定 | 判断できません | まだ1日も経っていません');
    const data = b.env.sheet('施策データ');
    expect(data.hidden).toBe(true);
    // Three columns: the ids row, the heads row, then 60 members — keys as plain text.
    expect(data.values.length).toBe(2 + 60);
    expect(data.numberFormats[5]![0]).toBe('@');
    expect(data.metadata.find((m) => m.key === METADATA_KEYS.campaigns)?.value).toBe('data');
  });

  test('the campaign sheets are never taken for an input: the sidebar lists only the owner’s sheets', () => {
    const st = b.env.call('getSidebarState') as SidebarState;
    expect(st.sheets).toEqual(['注文']);
  });

  test('12 days on, the refresh shows the interim result; 40 days on, the final one: 効果あり', () => {
    b.env.clock.advance(12 * DAY);
    b.env.call('refreshFromMenu');
    const interim = b.env.call('listCampaigns') as CampaignsState;
    expect(interim.campaigns[0]).toMatchObject({ targets: '50.0% (15/30)', reference: '10.0% (3/30)', status: '計測中: 2026/10/13時点の途中経過(あと18日)' });
    b.env.clock.advance(28 * DAY);
    b.env.call('refreshFromMenu');
    const tab = lines(b.env.sheet('施策').values);
    expect(tab).toContain('状態 | 終了: 結果は確定しています');
    expect(tab).toContain('判定 | 効果あり | 対象の移動率が比較より高く、95%の幅でも差が0を上回っています');
    expect(tab.find((l) => l.startsWith('比較(対象外で開始日にビジター)'))).toBe('比較(対象外で開始日にビジター) | 30 | 3 | 0.1 | 3.5% – 25.6% | 0.1 | 400');
    // The funnel tab's short section comes right after 今週やること.
    const funnel = lines(b.env.sheet('ファンファネル').values);
    const at = funnel.indexOf('施策(1件)');
    expect(at).toBeGreaterThan(NOTICE_ROWS);
    expect(funnel[at + 1]).toBe('効果あり | LINEでお礼: ビジター → フォロワー 対象 50.0% (15/30) / 比較 10.0% (3/30)');
    expect(at).toBeLessThan(funnel.findIndex((l) => l.startsWith('ステージ |')));
  });

  test('a final result is frozen: its members are not needed again (cleared here), the next refresh keeps it', () => {
    const data = b.env.sheet('施策データ');
    b.env.setValues('施策データ', Array.from({ length: data.values.length - 2 }, () => ['', '', '']), { row: 3, column: 1 });
    b.env.clock.advance(30 * DAY);
    b.env.call('refreshFromMenu');
    expect((b.env.call('listCampaigns') as CampaignsState).campaigns[0]).toMatchObject({ verdictId: 'effect', targets: '50.0% (15/30)' });
  });

  test('the form’s problems come back by field; a name in use is refused', () => {
    const st = start(b, { name: 'LINEでお礼', start: '2026/13/40', move: 'follower>partner', windowDays: 0 });
    expect(st.ok).toBe(false);
    expect(st.problems).toEqual([
      { field: 'name', message: 'その名前の施策がすでにあります' },
      { field: 'start', message: '日付は 2026/11/30 の形で入れてください' },
      { field: 'move', message: '狙う移動を選んでください' },
      { field: 'windowDays', message: '期間は1〜365日で入れてください' },
    ]);
    expect(start(b, { name: '誰もいない', keys: ['nobody@example.com'] }).message).toBe('対象の顧客がいません: セグメントが空か、顧客が注文データにいません');
  });

  test('deleting removes it and its members; the 施策 sheet then says how to start one', () => {
    const id = (b.env.call('listCampaigns') as CampaignsState).campaigns[0]!.id;
    const st = b.env.call('deleteCampaign', id) as CampaignsState;
    expect(st).toMatchObject({ ok: true, message: '「LINEでお礼」を削除しました', campaigns: [] });
    expect(lines(b.env.sheet('施策').values)).toContain('まだ施策はありません。サイドバーの「施策」で、保存したセグメントから施策を始めると、ここに結果が出ます。');
    expect((b.env.call('deleteCampaign', id) as CampaignsState).message).toBe('その施策は見つかりません(別の画面で削除されたかもしれません)');
  });
});

describe('the owner’s sheets are never written', () => {
  test('a sheet of the owner’s already named 施策 stays as it was; the add-on’s is 施策 (Fan Funnel)', () => {
    const memo = [['来月の施策メモ'], ['DMを送る']];
    const b = shop({ 施策: memo });
    start(b);
    expect(b.env.sheet('施策').values).toEqual(memo);
    expect(lines(b.env.sheet('施策 (Fan Funnel)').values)).toContain('判定 | 判断できません | まだ1日も経っていません');
  });

  test('a copy of the 施策 sheet (metadata copied, another sheet id) is not rewritten by the refresh', () => {
    const b = shop();
    start(b);
    // As Sheets' "Duplicate" makes it: the metadata copied, a sheet id of its own.
    b.env.run(() => {
      const ss = b.env.spreadsheet;
      const copy = ss.insertSheet('施策のコピー', 0);
      for (const m of ss.getSheetByName('施策')!.getDeveloperMetadata()) copy.addDeveloperMetadata(m.getKey(), m.getValue() ?? '');
      copy.getRange(1, 1).setValue('私のメモ');
    });
    b.env.clock.advance(12 * DAY);
    b.env.call('refreshFromMenu');
    expect(b.env.sheet('施策のコピー').values[0]![0]).toBe('私のメモ');
    expect(lines(b.env.sheet('施策').values)).toContain('判定 | 効果あり | 対象の移動率が比較より高く、95%の幅でも差が0を上回っています');
  });
});

describe('the sidebar opens with the campaigns in its state', () => {
  test('getSidebarState carries the 施策 section: the campaigns, the moves, today, the saved segments', () => {
    const b = shop();
    start(b);
    const st = b.env.call('getSidebarState') as SidebarState;
    expect(st.campaigns).toMatchObject({ today: '2026/10/01', defaultWindow: 30, segments: [] });
    expect(st.campaigns!.moves.map((m) => m.label)).toEqual(['ビジター → フォロワー', 'フォロワー → サポーター', 'サポーター → パートナー', '一時離脱 → フォロワー']);
    expect(st.campaigns!.campaigns.map((c) => c.name)).toEqual(['LINEでお礼']);
  });

  test('a damaged 施策データ cell is skipped, never fatal: the sidebar still opens', () => {
    const b = shop();
    start(b);
    b.env.setValues('施策データ', [['{not json']], { row: 2, column: 1 });
    const st = b.env.call('getSidebarState') as SidebarState;
    expect(st.campaigns!.campaigns).toEqual([]);
    b.env.clock.advance(DAY);
    b.env.call('refreshFromMenu');
    expect(b.env.sheet('施策データ').values[1]![0]).toBe('{not json');
  });
});

describe('a campaign the data sheet holds but no longer reads is said, and kept as it is', () => {
  // Two campaigns; the first one's definition edited by hand (a window of 0 days), a note typed
  // into the column after the second.
  const b = shop();
  start(b, { name: '壊れた施策' });
  start(b, { name: 'LINEでお礼' });
  const data = (): unknown[][] => b.env.sheet('施策データ').values;
  const broken = JSON.stringify({ ...(JSON.parse(String(data()[1]![0])) as object), windowDays: 0 });
  b.env.setValues('施策データ', [[broken]], { row: 2, column: 1 });
  b.env.setValues('施策データ', [['メモ'], ['あとで消す']], { row: 1, column: 7 });
  const before = data().map((r) => r.slice(0, 3));
  const ja =
    '「施策データ」シートのA–C列(施策「壊れた施策」)は、施策として読めません。表示も計測もしていませんが、データは消さずにそのまま残しています。手で書き換えた場合は、メニューの「ファイル」→「変更履歴」→「変更履歴を表示」で書き換える前の版に戻せます。不要なら、そのシートを表示してこの列を削除してください。';

  test('the sidebar’s 施策 section lists the readable one and says which columns it could not read', () => {
    const st = (b.env.call('getSidebarState') as SidebarState).campaigns!;
    expect(st.campaigns.map((c) => c.name)).toEqual(['LINEでお礼']);
    expect(st.unreadable[0]).toBe(ja);
    expect(st.unreadable[1]).toMatch(/^「施策データ」シートのG列は、施策として読めません。/);
  });

  test('40 days on, the refresh measures the other one; the 施策 sheet says it too; the unreadable columns are as they were', () => {
    b.env.clock.advance(40 * DAY);
    b.env.call('refreshFromMenu');
    const tab = lines(b.env.sheet('施策').values);
    expect(tab).toContain(ja);
    expect(tab).toContain('判定 | 効果あり | 対象の移動率が比較より高く、95%の幅でも差が0を上回っています');
    expect(tab).not.toContain('壊れた施策');
    expect(data().map((r) => r.slice(0, 3))).toEqual(before);
    expect(data()[0]![6]).toBe('メモ');
    expect(data()[1]![6]).toBe('あとで消す');
  });

  test('a new campaign goes after every column, and deleting one leaves the unreadable columns', () => {
    const st = start(b, { name: '3つ目', start: '2026/11/10' });
    expect(st.ok).toBe(true);
    expect(data()[0]![7]).toMatch(/^c[0-9a-f]{12}$/);
    const second = st.campaigns.find((c) => c.name === 'LINEでお礼')!;
    const after = b.env.call('deleteCampaign', second.id) as CampaignsState;
    expect(after.campaigns.map((c) => c.name)).toEqual(['3つ目']);
    expect(data().map((r) => r.slice(0, 3))).toEqual(before);
    expect(after.unreadable).toHaveLength(2);
  });
});

describe('in English', () => {
  test('an en_US spreadsheet gets the Campaigns sheet in English, its data sheet hidden', () => {
    const b = loadBundle({ locale: 'en_US', sheets: { Orders: orders() }, now: noonOf(S) });
    b.env.call('refreshFromMenu');
    const st = start(b, { name: 'Thank-you LINE' });
    expect(st.message).toBe('Started “Thank-you LINE”: 30 targets, 30 in the comparison group');
    b.env.clock.advance(40 * DAY);
    b.env.call('refreshFromMenu');
    const tab = lines(b.env.sheet('Campaigns').values);
    expect(tab).toContain('Verdict | Worked | The targets moved more than the comparison, and the 95% interval of the difference is above 0');
    expect(tab).toContain('Status | Ended: the result is final');
    expect(b.env.sheet('Campaign data').hidden).toBe(true);
    const funnel = lines(b.env.sheet('Fan Funnel').values);
    expect(funnel[funnel.indexOf('Campaigns (1)') + 1]).toBe('Worked | Thank-you LINE: Visitor → Follower targets 50.0% (15/30) / comparison 10.0% (3/30)');
  });

  test('columns of the data sheet it cannot read are said in English', () => {
    const b = loadBundle({ locale: 'en_US', sheets: { Orders: orders() }, now: noonOf(S) });
    b.env.call('refreshFromMenu');
    start(b, { name: 'Thank-you LINE' });
    b.env.setValues('Campaign data', [['fanFunnel.campaign.v9']], { row: 1, column: 2 });
    const st = b.env.call('listCampaigns') as CampaignsState;
    expect(st.campaigns).toEqual([]);
    expect(st.unreadable).toEqual([
      'Columns A–C of the “Campaign data” sheet (campaign “Thank-you LINE”) were written by a newer version of the add-on and cannot be read by this one. They are neither shown nor measured, and kept as they are. Open the spreadsheet again to read them with the newer add-on.',
    ]);
  });
});
