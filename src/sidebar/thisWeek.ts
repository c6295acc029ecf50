/**
 * 今週やること / This week at the top of the sidebar: the refresh's short lists (src/core/thisWeek.ts),
 * each entry a button that selects the customer's row in the Customers tab (server.selectCustomer),
 * each empty list saying why. Every word comes from the server's view.
 */
import type { ThisWeekView } from '../core/thisWeek';
import { h } from './dom';
import { server } from './server';

/** A click's answer, shown under the box: the server's "not found" message, or a call failure. */
export interface ThisWeekEvents {
  onMessage(message: string | null): void;
}

export function thisWeekBox(view: ThisWeekView, events: ThisWeekEvents): HTMLElement {
  const select = async (key: string): Promise<void> => {
    try {
      const r = await server.selectCustomer(key);
      events.onMessage(r.ok ? null : (r.message ?? null));
    } catch (e) {
      events.onMessage(e instanceof Error ? e.message : String(e));
    }
  };
  const lists = view.lists.map((l) =>
    h(
      'section',
      { class: 'week-list', 'data-list': l.id, 'data-basis': l.basis, 'data-size': l.total },
      h('h3', {}, l.title, h('span', { class: 'count' }, ` ${l.total}${view.lang === 'ja' ? '人' : ''}`)),
      l.empty !== undefined ? h('p', { class: 'muted', 'data-empty': '' }, l.empty) : null,
      l.entries.length > 0
        ? h(
            'ul',
            {},
            ...l.entries.map((e) =>
              h(
                'li',
                {},
                h(
                  'button',
                  { type: 'button', class: 'who', 'data-key': e.key, onclick: () => void select(e.key) },
                  h('span', { class: 'name' }, e.name || e.key),
                  h('span', { class: 'reason' }, e.reason),
                ),
              ),
            ),
          )
        : null,
      l.more !== undefined ? h('p', { class: 'muted', 'data-more': '' }, l.more) : null,
      l.note !== undefined ? h('p', { class: 'note', 'data-note': '' }, l.note) : null,
    ),
  );
  return h('div', { class: 'this-week', id: 'this-week' }, h('h2', {}, view.title), ...lists);
}
