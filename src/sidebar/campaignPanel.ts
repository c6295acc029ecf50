/**
 * The sidebar's 施策 section (issue 14): the campaigns with their last result (verdict first), and
 * the 施策を始める form — its targets, a name, the start day (today by default, `2026/11/30`), the
 * move aimed at, the window and the hypothesis. Every word comes from the server (CAMPAIGN_TEXT).
 */
import type { CampaignsState } from '../gas/campaignApi';
import { h, replaceChildren } from './dom';
import { server } from './server';
import { noticeBox } from './status';

export interface CampaignPanel {
  readonly element: HTMLDetailsElement;
  /** Shows the state the sidebar's state carried (getSidebarState, a refresh). */
  show(state: CampaignsState | null): void;
  /** Asks the server again (a segment saved or deleted above). */
  reload(): Promise<void>;
}

export function campaignPanel(): CampaignPanel {
  const summary = h('summary', {}, '施策');
  const body = h('div', { class: 'campaigns-body' });
  const element = h('details', { class: 'campaigns', 'data-section': 'campaigns', open: true }, summary, body);
  let view: CampaignsState | null = null;
  let busy = false;
  /** The id whose delete was clicked once: a second click deletes. */
  let confirming: string | null = null;
  /** What the owner typed, kept across re-renders. */
  const typed: Record<string, string> = {};

  const value = (name: string): string => element.querySelector<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(`[name="cp-${name}"]`)?.value ?? '';
  const keep = (): void => {
    for (const n of ['segment', 'keys', 'name', 'start', 'move', 'windowDays', 'note']) {
      const v = element.querySelector<HTMLInputElement>(`[name="cp-${n}"]`);
      if (v !== null) typed[n] = v.value;
    }
  };

  const render = (): void => {
    if (view === null) return;
    const t = view.text;
    summary.textContent = t.section;
    const problem = (field: string): HTMLElement | null => {
      const p = view!.problems?.find((x) => x.field === field);
      return p === undefined ? null : h('p', { class: 'field-error', 'data-error-for': field }, p.message);
    };
    const field = (name: string, label: string, control: HTMLElement): HTMLElement =>
      h('div', { class: 'field wide' }, h('label', { for: `cp-${name}` }, label), control, problem(name));
    const input = (name: string, label: string, fallback: string, type = 'text'): HTMLElement =>
      field(name, label, h('input', { type, id: `cp-${name}`, name: `cp-${name}`, value: typed[name] ?? fallback, autocomplete: 'off' }));
    const form = h(
      'div',
      { class: 'campaign-form', 'data-campaign-form': '' },
      h('h3', {}, t.startTitle),
      view.segments.length === 0 ? h('p', { class: 'muted', 'data-no-segments': '' }, t.noSegments) : null,
      field(
        'segment',
        t.fieldSegment,
        h(
          'select',
          { id: 'cp-segment', name: 'cp-segment', value: typed.segment ?? view.segments[0] ?? '', onchange: () => (keep(), render()) },
          ...view.segments.map((name) => h('option', { value: name }, name)),
          h('option', { value: '' }, t.directInput),
        ),
      ),
      (typed.segment ?? view.segments[0] ?? '') === '' ? field('keys', t.fieldKeys, h('textarea', { id: 'cp-keys', name: 'cp-keys', rows: 3, value: typed.keys ?? '' })) : null,
      input('name', t.fieldName, ''),
      input('start', t.fieldDate, view.today),
      field('move', t.fieldMove, h('select', { id: 'cp-move', name: 'cp-move', value: typed.move ?? view.moves[1]?.value ?? '' }, ...view.moves.map((m) => h('option', { value: m.value }, m.label)))),
      input('windowDays', t.fieldWindow, String(view.defaultWindow), 'number'),
      field('note', t.fieldNote, h('textarea', { id: 'cp-note', name: 'cp-note', rows: 2, value: typed.note ?? '' })),
      h('button', { type: 'button', id: 'cp-go', class: 'primary', disabled: busy, onclick: () => void start() }, busy ? t.starting : t.startButton),
    );
    // Columns of the data sheet no campaign could be read from: said first, kept as they are.
    const unreadable = view.unreadable;
    const list =
      view.campaigns.length === 0
        ? [unreadable.length > 0 ? null : h('p', { class: 'muted', 'data-campaigns-empty': '' }, t.none)]
        : view.campaigns.map((c) =>
            h(
              'div',
              { class: 'campaign', 'data-campaign': c.id },
              h('div', { class: 'campaign-head' }, h('strong', {}, c.name), ' ', h('span', { class: `verdict verdict-${c.verdictId}`, 'data-verdict': c.verdictId }, c.verdict)),
              h('p', { class: 'muted' }, `${c.move} · ${c.start}〜 · ${c.status}`),
              h('p', { 'data-rates': '' }, `${t.targetsShort} ${c.targets} / ${t.referenceShort} ${c.reference}`),
              h('p', { class: 'muted' }, c.referenceLabel),
              c.why === '' ? null : h('p', { class: 'muted', 'data-why': '' }, c.why),
              c.note === '' ? null : h('p', { class: 'muted' }, `${t.hypothesis}: ${c.note}`),
              h('button', { type: 'button', class: 'link', 'data-delete': c.id, disabled: busy, onclick: () => void remove(c.id) }, confirming === c.id ? `${t.deleteButton}?` : t.deleteButton),
            ),
          );
    replaceChildren(
      body,
      h('p', { class: 'muted' }, t.intro),
      view.message === undefined ? null : noticeBox({ kind: view.ok === true ? 'info' : 'warning', id: 'campaign-message', lines: [view.message] }),
      h('h3', {}, t.listTitle),
      unreadable.length === 0 ? null : noticeBox({ kind: 'warning', id: 'campaign-unreadable', lines: [...unreadable] }),
      ...list,
      form,
    );
  };

  const call = async (fn: () => Promise<CampaignsState>): Promise<void> => {
    busy = true;
    render();
    try {
      view = await fn();
    } catch (e) {
      if (view !== null) view = { ...view, ok: false, message: e instanceof Error ? e.message : String(e) };
    }
    busy = false;
    render();
  };

  const start = async (): Promise<void> => {
    if (busy) return;
    keep();
    const input = {
      segment: value('segment'),
      keys: value('keys').split(/[\n,、]+/).map((k) => k.trim()).filter((k) => k !== ''),
      name: value('name'),
      start: value('start'),
      move: value('move'),
      windowDays: value('windowDays'),
      note: value('note'),
    };
    await call(() => server.startCampaign(input));
    if (view?.ok === true) for (const k of ['keys', 'name', 'note']) delete typed[k];
    render();
  };

  const remove = async (id: string): Promise<void> => {
    if (busy) return;
    keep();
    if (confirming !== id) {
      confirming = id;
      render();
      return;
    }
    confirming = null;
    await call(() => server.deleteCampaign(id));
  };

  const reload = async (): Promise<void> => {
    try {
      const next = await server.listCampaigns();
      keep();
      view = next;
      render();
    } catch (e) {
      replaceChildren(body, noticeBox({ kind: 'error', id: 'campaign-message', title: summary.textContent ?? '', lines: [e instanceof Error ? e.message : String(e)] }));
    }
  };
  const show = (next: CampaignsState | null): void => {
    if (next === null || busy) return;
    keep();
    // The last action's message stays until the next action.
    view = { ...next, ...(view?.message !== undefined ? { message: view.message, ok: view.ok } : {}) };
    render();
  };
  return { element, show, reload };
}
