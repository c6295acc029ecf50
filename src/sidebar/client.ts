/**
 * The sidebar page: one Refresh button, the funnel of the last refresh with its time, duration and
 * warnings, and the settings panel. The server sends every word (`state.text`); the view state
 * below is plain JSON-safe data, and each change re-renders from it.
 */
import type { RefreshOutcome } from '../gas/refresh';
import type { SidebarState } from '../gas/sidebarApi';
import { h, replaceChildren } from './dom';
import { funnelChart } from './funnel';
import { bigQueryPanel } from './bigQueryPanel';
import { campaignPanel } from './campaignPanel';
import { importPanel } from './importPanel';
import { segmentsPanel } from './segments';
import { server } from './server';
import { settingsForm, type FieldProblem, type SettingsForm } from './settingsForm';
import { thisWeekBox } from './thisWeek';
import { autoRefreshLine, noticeBox, outcomeAlerts, outcomeWarnings, refreshMeta } from './status';

/** Before the first state arrives there are no words from the server: these come from
 *  SIDEBAR_TEXT at build time (scripts/build.mjs), for a first call that fails. */
declare const __BOOT_TEXT__: Readonly<Record<'ja' | 'en', { readonly failed: string; readonly permission: string }>>;

interface View {
  state: SidebarState | null;
  busy: 'load' | 'refresh' | 'save' | 'import' | null;
  /** The outcome of this page's last click, when it differs from the recorded one (busy). */
  notice: RefreshOutcome | null;
  /** The last outcome with counts seen by this page, shown under a later failure. */
  lastGood: RefreshOutcome | null;
  /** A google.script.run failure (PERMISSION_DENIED, network…). */
  callError: string | null;
  /** Why the customer clicked in 今週やること could not be selected. */
  selectMessage: string | null;
}

const view: View = { state: null, busy: 'load', notice: null, lastGood: null, callError: null, selectMessage: null };
let form: SettingsForm | null = null;

const root = document.getElementById('app')!;
const main = h('div', { class: 'main' });
const settingsSlot = h('div', { class: 'settings-slot' });
const importer = importPanel({
  state: () => view.state,
  setBusy(busy) {
    view.busy = busy ? 'import' : null;
    render();
  },
  refresh: () => onRefresh(),
  useSheetAndRefresh: (sheet) => useOrdersSheet(sheet),
  reload: () => reload(),
});

function bootText(): { failed: string; permission: string } {
  const lang = (navigator.language || '').toLowerCase().startsWith('ja') ? 'ja' : 'en';
  return __BOOT_TEXT__[lang];
}

function remember(outcome: RefreshOutcome | null | undefined): void {
  if (outcome?.ok && outcome.counts !== undefined) view.lastGood = outcome;
}

function render(): void {
  const st = view.state;
  if (st === null) {
    const children = [];
    if (view.busy === 'load') children.push(h('div', { class: 'progress', role: 'progressbar', 'aria-busy': 'true' }, h('span', { class: 'spinner' })));
    if (view.callError !== null) {
      const b = bootText();
      children.push(noticeBox({ kind: 'error', id: 'call-error', title: b.failed, lines: [view.callError, b.permission] }));
    }
    replaceChildren(main, ...children);
    return;
  }
  const t = st.text;
  document.documentElement.lang = st.lang;
  if (!bigQuery.element.open) bigQuery.element.querySelector('summary')!.textContent = t.bigQuerySection;
  if (!segments.element.open) segments.element.querySelector('summary')!.textContent = t.segmentsSection;
  const refreshing = view.busy === 'refresh';
  const button = h(
    'button',
    { type: 'button', class: 'refresh', id: 'refresh', disabled: view.busy !== null, 'aria-busy': refreshing ? 'true' : null, onclick: () => void onRefresh() },
    refreshing ? h('span', { class: 'spinner light' }) : null,
    refreshing ? t.refreshing : t.refresh,
  );
  const progress = refreshing
    ? h('div', { class: 'progress', role: 'status', 'aria-live': 'polite', 'data-progress': '' }, h('div', { class: 'bar' }), h('p', {}, t.readingSheets))
    : null;

  const last = st.last;
  const notices: HTMLElement[] = [];
  if (view.callError !== null) {
    notices.push(noticeBox({ kind: 'error', id: 'call-error', title: t.failed, lines: [view.callError, t.permission] }));
  }
  // A busy click is not recorded, so it is not `last`: show it from the click's own outcome.
  if (view.notice !== null && view.notice.at !== last?.at) notices.push(...outcomeAlerts(view.notice, t));
  if (last !== null) notices.push(...outcomeAlerts(last, t));

  const shown = last?.counts !== undefined ? last : view.lastGood;
  const body: HTMLElement[] = [];
  // 今週やること first: what to do comes before how the funnel looks.
  if (st.thisWeek !== null) {
    body.push(
      thisWeekBox(st.thisWeek, {
        onMessage(message) {
          view.selectMessage = message;
          render();
        },
      }),
    );
    if (view.selectMessage !== null) body.push(noticeBox({ kind: 'warning', id: 'select', lines: [view.selectMessage] }));
  }
  if (shown?.counts !== undefined) {
    body.push(
      funnelChart(shown.counts, {
        title: t.funnelChart,
        outside: t.outsideFunnel,
        total: t.total,
        unit: t.customersUnit,
        labels: st.stageLabels,
      }),
    );
  }
  if (last !== null) body.push(refreshMeta(last, t, st.timeZone), ...outcomeWarnings(last, t, st.rangeLabels));
  else body.push(h('p', { class: 'muted', 'data-never': '' }, t.never));
  // This click's warnings that the record could not keep (the outcome could not be stored).
  if (view.notice !== null && view.notice.at === last?.at && (view.notice.warnings?.length ?? 0) > (last.warnings?.length ?? 0)) {
    body.push(noticeBox({ kind: 'warning', id: 'unrecorded', lines: view.notice.warnings!.slice(last.warnings?.length ?? 0) }));
  } else if (view.notice !== null && view.notice.at !== last?.at && view.notice.warnings !== undefined) {
    body.push(noticeBox({ kind: 'warning', id: 'unrecorded', lines: [...view.notice.warnings] }));
  }
  body.push(autoRefreshLine(st.autoRefresh, st.timeZone));

  replaceChildren(main, button, progress, ...notices, ...body);
  form?.setBusy(view.busy !== null);
  importer.setPageBusy(view.busy !== null && view.busy !== 'import');
}

function renderForm(open: boolean): void {
  if (view.state === null) return;
  form = settingsForm(view.state, open, () => void onSave());
  replaceChildren(settingsSlot, form.element);
  form.setBusy(view.busy !== null);
}

function failure(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

async function load(): Promise<void> {
  try {
    view.state = await server.getSidebarState();
    remember(view.state.last);
    view.callError = null;
    view.busy = null;
    render();
    renderForm(false);
    campaigns.show(view.state.campaigns);
  } catch (e) {
    view.callError = failure(e);
    view.busy = null;
    render();
  }
}

async function onRefresh(): Promise<void> {
  if (view.busy !== null) return;
  view.busy = 'refresh';
  view.callError = null;
  view.notice = null;
  render();
  try {
    const { outcome, state } = await server.refreshFromSidebar();
    view.state = state;
    view.notice = outcome;
    remember(outcome);
    view.busy = null;
    render();
    // The detected sources may have changed; keep the owner's unsaved edits, though.
    if (form === null || !form.dirty) renderForm(isOpen());
    // The campaigns were measured again.
    campaigns.show(state.campaigns);
  } catch (e) {
    view.callError = failure(e);
    view.busy = null;
    render();
  }
}

/** Fresh state after an import: the new sheet is one of the sources now. */
async function reload(): Promise<SidebarState | null> {
  try {
    view.state = await server.getSidebarState();
    render();
    if (form === null || !form.dirty) renderForm(isOpen());
    campaigns.show(view.state.campaigns);
    return view.state;
  } catch (e) {
    view.callError = failure(e);
    render();
    return null;
  }
}

/** After an import: make its sheet the orders source (the settings' choice), then refresh. */
async function useOrdersSheet(sheet: string): Promise<void> {
  if (view.busy !== null || view.state === null) return;
  view.busy = 'save';
  render();
  try {
    const settings = view.state.settings;
    // The import sheet has its platform's own layout: its columns are detected from it, not taken
    // from overrides the owner chose for another sheet's headers.
    const { orders: _previous, ...columns } = settings.columns;
    const result = await server.saveSettings({ ...settings, columns, sources: { ...settings.sources, orders: sheet } });
    view.state = result.state;
    view.busy = null;
    renderForm(isOpen());
    if (!result.ok) {
      view.callError = result.problems.map((p) => p.message[view.state!.lang]).join(' ');
      render();
      return;
    }
  } catch (e) {
    view.busy = null;
    view.callError = failure(e);
    render();
    return;
  }
  await onRefresh();
}

function isOpen(): boolean {
  return form?.element instanceof HTMLDetailsElement ? form.element.open : false;
}

async function onSave(): Promise<void> {
  if (view.busy !== null || form === null || view.state === null) return;
  const { input, problems } = form.read();
  form.showProblems(problems);
  if (problems.length > 0) {
    form.setStatus('invalid');
    return;
  }
  view.busy = 'save';
  view.callError = null;
  form.setStatus('saving');
  render();
  try {
    const result = await server.saveSettings(input);
    view.busy = null;
    if (result.ok) {
      view.state = result.state;
      render();
      renderForm(true);
      form.setStatus('saved');
    } else {
      const lang = view.state.lang;
      const shown: FieldProblem[] = result.problems.map((p) => ({ path: p.path, message: p.message[lang] }));
      render();
      form.showProblems(shown);
      form.setStatus('invalid');
    }
  } catch (e) {
    view.busy = null;
    view.callError = failure(e);
    render();
    form.setStatus('idle');
  }
}

// Low in the sidebar and collapsed: most owners never need BigQuery.
const bigQuery = bigQueryPanel(() => view.state?.text.bigQuerySection ?? null);
// Under the import, above the settings: from a stage to a list to send (issue 14), then the
// campaigns started from those lists.
const segments = segmentsPanel(() => view.state?.text.segmentsSection ?? null);
const campaigns = campaignPanel();
replaceChildren(root, main, importer.element, segments.element, campaigns.element, settingsSlot, bigQuery.element);
// A segment saved or deleted above: the 施策 form's list of segments follows.
let savedSegments = segments.element.querySelector('.saved-segments')?.textContent ?? '';
new MutationObserver(() => {
  const now = segments.element.querySelector('.saved-segments')?.textContent ?? '';
  if (now === savedSegments) return;
  savedSegments = now;
  void campaigns.reload();
}).observe(segments.element, { childList: true, subtree: true });
render();
void load();
