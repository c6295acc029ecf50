/**
 * The sidebar's import section (issue 13): a button to choose CSV files; what importing them would
 * do (importFlow.ts reads and plans them) before anything is written; on confirmation a progress
 * bar with a stop button while the new orders go to the server in chunks; then what was added,
 * and the offer to refresh the tabs at once.
 *
 * Words come from src/core/labels.ts (IMPORT_TEXT) in the sidebar's language; file names, headers
 * and cells go in as text (dom.ts).
 */
import { formatIsoDay } from '../core/dates';
import type { UnreadableReason } from '../core/importPlan';
import type { Lang } from '../core/labels';
import { profileLabel } from '../core/profiles';
import { fillTemplate } from '../core/shared';
import type { SidebarState } from '../gas/sidebarApi';
import { h, replaceChildren } from './dom';
import { importWords, prepareImport, runImport, type FilePreview, type FileProblem, type Prepared, type RunOutcome } from './importFlow';
import { server } from './server';
import { noticeBox } from './status';

/** What the panel needs from the page around it. */
export interface ImportDeps {
  state(): SidebarState | null;
  /** The page is busy with this import (or free again): the refresh and save buttons follow. */
  setBusy(busy: boolean): void;
  /** The sidebar's refresh, as its button runs it. */
  refresh(): Promise<void>;
  /** Makes `sheet` the orders source in the settings, then refreshes. */
  useSheetAndRefresh(sheet: string): Promise<void>;
  /** Fresh sidebar state after an import (the new sheet is one of the sources now). */
  reload(): Promise<SidebarState | null>;
}

export interface ImportPanel {
  readonly element: HTMLElement;
  /** Re-renders; `busy`: the page is loading, refreshing or saving (the import waits). */
  setPageBusy(busy: boolean): void;
}

type Stage =
  | { readonly kind: 'idle' }
  | { readonly kind: 'reading'; readonly file: string }
  | { readonly kind: 'preview'; readonly prepared: Prepared }
  | { readonly kind: 'running'; readonly total: number; done: number; stopping: boolean }
  | { readonly kind: 'finished'; readonly run: RunOutcome | null; readonly problems: readonly FileProblem[]; readonly source: string | null };

/** Unreadable rows listed by line (the rest are counted). */
const SHOWN_UNREADABLE = 20;

export function importPanel(deps: ImportDeps): ImportPanel {
  const element = h('section', { class: 'import', 'data-import': '' });
  let stage: Stage = { kind: 'idle' };
  let stopRequested = false;
  let pageBusy = false;

  const lang = (): Lang => deps.state()?.lang ?? 'ja';

  function set(next: Stage): void {
    stage = next;
    render();
  }

  async function choose(files: File[]): Promise<void> {
    const st = deps.state();
    if (files.length === 0 || st === null || pageBusy) return;
    deps.setBusy(true);
    try {
      const prepared = await prepareImport(files, { server, settings: st.settings, lang: st.lang, onFile: (file) => set({ kind: 'reading', file }) });
      set(prepared.previews.length === 0 ? { kind: 'finished', run: null, problems: prepared.problems, source: null } : { kind: 'preview', prepared });
    } catch (e) {
      const file = files.map((f) => f.name).join(', ');
      set({ kind: 'finished', run: null, problems: [{ file, lines: [e instanceof Error ? e.message : String(e)] }], source: null });
    } finally {
      deps.setBusy(false);
    }
  }

  async function run(prepared: Prepared): Promise<void> {
    const total = prepared.previews.reduce((n, f) => n + f.plan.newOrders, 0);
    const running: Extract<Stage, { kind: 'running' }> = { kind: 'running', total, done: 0, stopping: false };
    stopRequested = false;
    set(running);
    deps.setBusy(true);
    let outcome: RunOutcome;
    try {
      outcome = await runImport(prepared, {
        server,
        lang: lang(),
        shouldStop: () => stopRequested,
        onProgress: (done) => {
          running.done = done;
          render();
        },
      });
    } finally {
      deps.setBusy(false);
    }
    // The refresh reads the orders source of the settings: say which sheet that is now.
    const state = outcome.done > 0 ? await deps.reload() : null;
    set({ kind: 'finished', run: outcome, problems: prepared.problems, source: state?.detected.orders?.sheet ?? null });
  }

  // ---------------------------------------------------------------------------------------------
  // Rendering

  function reasonText(reason: UnreadableReason): string {
    const w = importWords(lang());
    if (reason === 'columns') return w.reasonColumns;
    if (reason === 'customer') return w.reasonCustomer;
    if (reason === 'date') return w.reasonDate;
    if (reason === 'amount') return w.reasonAmount;
    return String(reason);
  }

  function problemBoxes(problems: readonly FileProblem[]): HTMLElement[] {
    const w = importWords(lang());
    return problems.map((p) => noticeBox({ kind: 'error', id: 'import-file', title: fillTemplate(w.fileProblem, { file: p.file }), lines: [...p.lines, w.nothingWritten] }));
  }

  function chooser(): HTMLElement {
    const w = importWords(lang());
    const input = h('input', {
      type: 'file',
      id: 'import-file',
      class: 'file-input',
      accept: '.csv,.tsv,.txt,text/csv,text/plain,text/tab-separated-values',
      multiple: true,
      disabled: pageBusy,
      onchange: (ev: Event) => {
        const el = ev.target as HTMLInputElement;
        const files = Array.from(el.files ?? []);
        // Cleared at once, so that choosing the same file again (a re-import) is a change too.
        el.value = '';
        void choose(files);
      },
    });
    return h('label', { class: `choose${pageBusy ? ' disabled' : ''}`, for: 'import-file' }, input, h('span', {}, w.choose));
  }

  function previewCard(f: FilePreview): HTMLElement {
    const w = importWords(lang());
    const p = f.plan;
    const count = (n: number): string => fillTemplate(w.count, { n: n.toLocaleString() });
    const fact = (name: string, term: string, value: string | HTMLElement): HTMLElement => h('div', { [`data-${name}`]: '' }, h('dt', {}, term), h('dd', {}, value));
    const facts = [
      fact('platform', w.platform, profileLabel(p.profile, lang())),
      fact('encoding', w.charset, f.encoding),
      fact('rows', w.rows, fillTemplate(w.rowCount, { n: p.rows.toLocaleString() })),
      p.firstDay !== null && p.lastDay !== null ? fact('period', w.period, fillTemplate(w.periodValue, { first: formatIsoDay(p.firstDay), last: formatIsoDay(p.lastDay) })) : null,
      fact('orders', w.orders, count(p.orders)),
      fact('new', w.newOrders, h('strong', { 'data-count': p.newOrders }, count(p.newOrders))),
      fact('existing', w.existingOrders, h('span', { 'data-count': p.existingOrders }, count(p.existingOrders))),
      p.cancelled > 0 ? fact('cancelled', w.cancelledOrders, count(p.cancelled)) : null,
      fact('target', w.target, f.newSheet ? fillTemplate(w.newSheet, { sheet: f.sheetName }) : f.sheetName),
    ];
    const bad = p.unreadable;
    const unreadable =
      bad.length === 0
        ? null
        : h(
            'details',
            { class: 'notice warning skipped', 'data-notice': 'import-unreadable', open: bad.length <= 5 },
            h('summary', {}, h('strong', {}, fillTemplate(w.unreadable, { n: bad.length.toLocaleString() }))),
            h(
              'ul',
              {},
              ...bad.slice(0, SHOWN_UNREADABLE).map((r) =>
                h(
                  'li',
                  { 'data-line': r.line },
                  h('span', { class: 'row' }, fillTemplate(w.unreadableLine, { line: r.line })),
                  ' ',
                  reasonText(r.reason),
                  r.value !== '' ? ' ' : null,
                  r.value !== '' ? h('q', {}, r.value) : null,
                ),
              ),
              bad.length > SHOWN_UNREADABLE ? h('li', {}, '…') : null,
            ),
            h('p', {}, w.fixAndRetry),
          );
    return h('div', { class: 'import-file', 'data-file': f.file }, h('h3', {}, f.file), h('dl', { class: 'meta import-facts' }, ...facts), unreadable);
  }

  function previewView(prepared: Prepared): HTMLElement[] {
    const w = importWords(lang());
    const total = prepared.previews.reduce((n, f) => n + f.plan.newOrders, 0);
    const out: HTMLElement[] = [...problemBoxes(prepared.problems), ...prepared.previews.map(previewCard)];
    for (const line of prepared.tooBigToRefresh) out.push(noticeBox({ kind: 'warning', id: 'import-slow-refresh', lines: [line] }));
    if (prepared.blocked !== null) out.push(noticeBox({ kind: 'error', id: 'import-cells', title: w.failed, lines: [prepared.blocked, w.nothingWritten] }));
    else if (total === 0) out.push(noticeBox({ kind: 'info', id: 'import-nothing-new', lines: [w.nothingNew] }));
    const confirm =
      total > 0 && prepared.blocked === null
        ? h('button', { type: 'button', class: 'save', id: 'import-confirm', disabled: pageBusy, onclick: () => void run(prepared) }, fillTemplate(w.confirm, { n: total.toLocaleString() }))
        : null;
    out.push(h('div', { class: 'actions import-actions' }, confirm, h('button', { type: 'button', class: 'secondary', id: 'import-discard', onclick: () => set({ kind: 'idle' }) }, w.discard)));
    return out;
  }

  function runningView(s: Extract<Stage, { kind: 'running' }>): HTMLElement[] {
    const w = importWords(lang());
    const label = s.stopping ? w.stopping : fillTemplate(w.importing, { done: s.done.toLocaleString(), total: s.total.toLocaleString() });
    return [
      // A <progress> element: its bar needs no inline style (the sidebar's CSP allows none).
      h(
        'div',
        { class: 'import-progress', 'data-import-progress': '' },
        h('progress', { id: 'import-progress', max: Math.max(s.total, 1), value: s.done, 'aria-label': label }),
        h('p', { 'aria-live': 'polite' }, label),
      ),
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'button', class: 'secondary', id: 'import-stop', disabled: s.stopping, onclick: () => stop(s) }, w.stop),
      ),
    ];
  }

  function stop(s: Extract<Stage, { kind: 'running' }>): void {
    stopRequested = true;
    s.stopping = true;
    render();
  }

  async function after(action: () => Promise<void>): Promise<void> {
    set({ kind: 'idle' });
    await action();
  }

  function finishedView(s: Extract<Stage, { kind: 'finished' }>): HTMLElement[] {
    const w = importWords(lang());
    const out: HTMLElement[] = [];
    const r = s.run;
    const kept = (n: number): string => n.toLocaleString();
    if (r?.outcome === 'failed' && r.failure !== undefined) {
      out.push(noticeBox({ kind: 'error', id: 'import-failed', title: w.failed, lines: [r.failure, fillTemplate(w.failedKept, { n: kept(r.done) })] }));
    }
    if (r?.outcome === 'stopped') out.push(noticeBox({ kind: 'warning', id: 'import-stopped', lines: [fillTemplate(w.stopped, { n: kept(r.done) })] }));
    out.push(...problemBoxes(s.problems));
    if (r !== null && r.done === 0 && r.outcome === 'done') out.push(noticeBox({ kind: 'info', id: 'import-nothing', lines: [w.doneNothing] }));
    if (r !== null && r.done > 0) {
      const sheets = [...r.added.keys()];
      out.push(noticeBox({ kind: 'info', id: 'import-done', lines: [...r.added.entries()].map(([sheet, n]) => fillTemplate(w.done, { sheet, n: kept(n) })) }));
      const actions: HTMLElement[] = [];
      if (s.source !== null && !sheets.includes(s.source)) {
        // The settings (or the detection) read another sheet: offer this one, never switch silently.
        out.push(h('p', { class: 'muted', 'data-source': s.source }, fillTemplate(w.otherSource, { source: s.source })));
        for (const sheet of sheets) {
          actions.push(
            h('button', { type: 'button', class: 'save', 'data-use-sheet': sheet, disabled: pageBusy, onclick: () => void after(() => deps.useSheetAndRefresh(sheet)) }, fillTemplate(w.useSheet, { sheet })),
          );
        }
      }
      actions.push(h('button', { type: 'button', class: 'save', id: 'import-refresh', disabled: pageBusy, onclick: () => void after(deps.refresh) }, w.refreshNow));
      out.push(h('div', { class: 'actions import-actions' }, ...actions));
    }
    return out;
  }

  function render(): void {
    if (deps.state() === null) {
      replaceChildren(element);
      return;
    }
    const w = importWords(lang());
    const s = stage;
    let body: HTMLElement[];
    switch (s.kind) {
      case 'idle':
        body = [h('p', { class: 'muted' }, w.intro), chooser()];
        break;
      case 'finished':
        body = [h('p', { class: 'muted' }, w.intro), chooser(), ...finishedView(s)];
        break;
      case 'reading':
        body = [h('div', { class: 'progress', role: 'status', 'data-import-reading': '' }, h('div', { class: 'bar' }), h('p', {}, fillTemplate(w.reading, { file: s.file })))];
        break;
      case 'preview':
        body = previewView(s.prepared);
        break;
      case 'running':
        body = runningView(s);
        break;
    }
    replaceChildren(element, h('h2', {}, w.heading), ...body);
  }

  return {
    element,
    setPageBusy(busy: boolean) {
      pageBusy = busy;
      render();
    },
  };
}
