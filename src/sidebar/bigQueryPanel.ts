/**
 * The sidebar's BigQuery (Connected Sheets) section (issue 16): collapsed at the bottom of the
 * sidebar, since most owners never need it. Opening it asks the server for its state once; "Read
 * the columns" lists the orders table's columns and pre-fills the mapping; "Create or update the
 * sheets" runs the queries in Connected Sheets (src/gas/connectedSheets.ts).
 */
import type { BigQuerySettings, SqlField } from '../core/sql/connected';
import type { BigQueryResult, BigQueryView } from '../gas/connectedSheets';
import { h, replaceChildren } from './dom';
import { server } from './server';
import { noticeBox } from './status';

export interface BigQueryPanel {
  readonly element: HTMLDetailsElement;
}

export function bigQueryPanel(title: () => string | null): BigQueryPanel {
  const body = h('div', { class: 'bigquery-body' });
  const summary = h('summary', {}, title() ?? 'BigQuery');
  const element = h('details', { class: 'bigquery', 'data-section': 'bigquery' }, summary, body);
  let view: BigQueryView | null = null;
  let busy = false;
  let loaded = false;

  /** What the form holds now, as the server reads it. */
  const read = (): Partial<BigQuerySettings> & { columns: Partial<Record<SqlField, string>> } => {
    const value = (name: string): string => (element.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`)?.value ?? '').trim();
    const columns: Partial<Record<SqlField, string>> = {};
    for (const f of view?.fields ?? []) {
      const c = value(`bq-col-${f}`);
      if (c !== '') columns[f] = c;
    }
    return { projectId: value('bq-projectId'), table: value('bq-table'), columns, orderedAt: value('bq-orderedAt') === 'wallClock' ? 'wallClock' : 'instant' };
  };

  const render = (result: BigQueryResult | null, done: boolean): void => {
    if (view === null) return;
    const t = view.text;
    const s = view.settings;
    const problem = (path: string): HTMLElement | null => {
      const p = result?.problems.find((x) => x.path === path);
      return p === undefined ? null : h('p', { class: 'field-error', 'data-error-for': path }, p.message[view!.lang]);
    };
    const input = (name: string, label: string, value: string, path: string, placeholder: string): HTMLElement =>
      h('div', { class: 'field wide' }, h('label', { for: name }, label), h('input', { type: 'text', id: name, name, value, placeholder, autocomplete: 'off', spellcheck: 'false' }), problem(path));
    const columns = view.tableColumns;
    const mapping =
      columns.length === 0
        ? [h('p', { class: 'muted', 'data-bq-need-columns': '' }, t.needColumns)]
        : [
            h('h3', {}, t.columns),
            ...view.fields.map((f) => {
              const id = `bq-col-${f}`;
              const select = h(
                'select',
                { id, name: id, value: s.columns[f] ?? '' },
                h('option', { value: '' }, t.notMapped),
                ...columns.map((c) => h('option', { value: c.name }, `${c.name} (${c.type})`)),
              );
              return h('div', { class: 'field map' }, h('label', { for: id }, view!.fieldLabels[f]), select, problem(`bigQuery.columns.${f}`));
            }),
            h(
              'div',
              { class: 'field wide' },
              h('label', { for: 'bq-orderedAt' }, t.orderedAtKind),
              h('select', { id: 'bq-orderedAt', name: 'bq-orderedAt', value: s.orderedAt }, h('option', { value: 'instant' }, t.instant), h('option', { value: 'wallClock' }, t.wallClock)),
            ),
          ];
    const error = result?.error ?? null;
    const general = result?.problems.filter((p) => p.path === '') ?? [];
    replaceChildren(
      body,
      h('p', { class: 'muted' }, t.intro),
      h('p', { class: 'muted' }, t.scopeNote),
      input('bq-projectId', t.projectId, s.projectId, 'bigQuery.projectId', 'my-shop-project'),
      input('bq-table', t.table, s.table, 'bigQuery.table', 'shop.orders'),
      h('button', { type: 'button', id: 'bq-read', disabled: busy, onclick: () => void act('read') }, busy ? t.reading : t.readColumns),
      ...mapping,
      columns.length === 0 ? null : h('button', { type: 'button', id: 'bq-connect', class: 'primary', disabled: busy, onclick: () => void act('connect') }, busy ? t.connecting : t.connect),
      error === null ? null : noticeBox({ kind: 'error', id: 'bigquery-error', title: t.section, lines: [error[view.lang]] }),
      ...general.map((p) => noticeBox({ kind: 'error', id: 'bigquery-error', title: t.section, lines: [p.message[view!.lang]] })),
      done && view.sheets.length > 0 ? noticeBox({ kind: 'info', id: 'bigquery-done', title: t.done, lines: [`${t.sheetsMade}: ${view.sheets.join('、')}`] }) : null,
    );
  };

  const act = async (what: 'read' | 'connect'): Promise<void> => {
    if (busy || view === null) return;
    const input = read();
    busy = true;
    render(null, false);
    try {
      const result = what === 'read' ? await server.readBigQueryColumns(input) : await server.connectBigQuery(input);
      busy = false;
      // Keep what the owner typed when the server refused it.
      view = result.ok ? result.view : { ...result.view, settings: { ...result.view.settings, ...input, columns: input.columns } as BigQuerySettings };
      render(result, result.ok && what === 'connect');
    } catch (e) {
      busy = false;
      render({ ok: false, problems: [], error: { ja: String((e as Error).message ?? e), en: String((e as Error).message ?? e) }, view: view! }, false);
    }
  };

  element.addEventListener('toggle', () => {
    if (!element.open || loaded) return;
    loaded = true;
    replaceChildren(body, h('span', { class: 'spinner' }));
    server.getBigQueryView().then(
      (v) => {
        view = v;
        summary.textContent = v.text.section;
        render(null, false);
      },
      (e: unknown) => {
        loaded = false;
        replaceChildren(body, noticeBox({ kind: 'error', id: 'bigquery-error', title: summary.textContent ?? '', lines: [String((e as Error)?.message ?? e)] }));
      },
    );
  });
  return { element };
}
