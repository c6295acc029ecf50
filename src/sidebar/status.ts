/**
 * What the last refresh did: when, how long, and the warnings (errors, busy, skipped rows,
 * registration assumed). Every value from the server or the sheets goes in as text.
 */
import type { RefreshOutcome } from '../gas/refresh';
import type { SidebarState } from '../gas/sidebarApi';
import { formatDateTime, formatIsoDay, makeZone, type Zone } from '../core/dates';
import { fillTemplate } from '../core/shared';
import { h } from './dom';

type Text = SidebarState['text'];
type Reason = NonNullable<RefreshOutcome['skipped']>[number]['reason'];

const zones = new Map<string, Zone>();

/** The ISO instant on the spreadsheet's wall clock, `2026/11/30 12:00` (the core's one formatter),
 *  whatever the browser's own zone and locale. */
export function formatInstant(iso: string, timeZone: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  let zone = zones.get(timeZone);
  if (zone === undefined) {
    try {
      zone = makeZone(timeZone);
    } catch {
      zone = makeZone('UTC');
    }
    zones.set(timeZone, zone);
  }
  return formatDateTime(t, zone);
}

export function formatDuration(ms: number, t: Text): string {
  return `${(ms / 1000).toLocaleString(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 })}${t.seconds}`;
}

function causeLabel(cause: RefreshOutcome['cause'], t: Text): string {
  return cause === 'trigger' ? t.byTrigger : cause === 'menu' ? t.byMenu : t.bySidebar;
}

function reasonLabel(reason: Reason, t: Text): string {
  return reason === 'customer' ? t.reasonCustomer : reason === 'date' ? t.reasonDate : t.reasonAmount;
}

/** The line under the chart: last refresh time, cause, duration, as-of day, rows read. */
export function refreshMeta(outcome: RefreshOutcome, t: Text, timeZone: string): HTMLElement {
  const items: HTMLElement[] = [
    h('div', {}, h('dt', {}, t.lastRefresh), h('dd', { 'data-at': outcome.at }, `${formatInstant(outcome.at, timeZone)} (${causeLabel(outcome.cause, t)})`)),
    h('div', {}, h('dt', {}, t.duration), h('dd', { 'data-duration': outcome.durationMs }, formatDuration(outcome.durationMs, t))),
  ];
  if (outcome.asOf !== undefined) items.push(h('div', {}, h('dt', {}, t.asOf), h('dd', { 'data-as-of': outcome.asOf }, formatIsoDay(outcome.asOf))));
  if (outcome.rowsRead !== undefined) items.push(h('div', {}, h('dt', {}, t.rowsRead), h('dd', {}, outcome.rowsRead.toLocaleString())));
  return h('dl', { class: 'meta' }, ...items);
}

export type Notice =
  | { readonly kind: 'error'; readonly title: string; readonly lines: readonly string[]; readonly id: string }
  | { readonly kind: 'warning' | 'info'; readonly title?: string; readonly lines: readonly string[]; readonly id: string };

export function noticeBox(n: Notice): HTMLElement {
  return h(
    'div',
    { class: `notice ${n.kind}`, role: n.kind === 'error' ? 'alert' : 'status', 'data-notice': n.id },
    n.title !== undefined ? h('strong', {}, n.title) : null,
    ...n.lines.map((line) => h('p', {}, line)),
  );
}

/**
 * What stopped a refresh: busy, or its error (shown above the chart), and what it left of the tabs:
 * all as they were, or — when it was stopped while writing them — which are new and which old.
 */
export function outcomeAlerts(outcome: RefreshOutcome, t: Text): HTMLElement[] {
  const out: HTMLElement[] = [];
  if (outcome.busy) out.push(noticeBox({ kind: 'warning', id: 'busy', lines: [t.busy] }));
  if (outcome.error !== undefined) {
    // Only what is known of the tabs: which were rewritten, or that there were tabs and none was.
    const tabs = outcome.previousKept === false ? (outcome.switchover?.note ?? '') : outcome.previousKept === true ? t.previousKept : '';
    out.push(noticeBox({ kind: 'error', id: 'error', title: t.failed, lines: tabs === '' ? [outcome.error] : [outcome.error, tabs] }));
  }
  return out;
}

/** The automatic refresh: on or off, whose, and how its last run ended. */
export function autoRefreshLine(status: SidebarState['autoRefresh'], timeZone: string): HTMLElement {
  const lines: HTMLElement[] = [h('p', { 'data-auto-refresh': status.on ? 'on' : 'off' }, status.summary)];
  if (status.lastRun !== undefined) {
    lines.push(
      h(
        'p',
        { 'data-auto-last': status.lastRun.ok ? 'ok' : 'failed', class: status.lastRun.ok ? 'muted' : 'field-error' },
        `${status.lastRunLabel}: ${formatInstant(status.lastRun.at, timeZone)} — ${status.lastRun.text}`,
      ),
    );
  }
  if (status.note !== undefined) lines.push(h('p', { class: 'muted', 'data-auto-note': '' }, status.note));
  return h('div', { class: 'auto-refresh' }, ...lines);
}

/** The warnings of a refresh that ran: problems that did not stop it, registration assumed,
 *  skipped rows, and why there are no predictions (under the chart). */
export function outcomeWarnings(outcome: RefreshOutcome, t: Text, ranges: SidebarState['rangeLabels']): HTMLElement[] {
  const out: HTMLElement[] = [];
  const warnings = outcome.warnings ?? [];
  if (warnings.length > 0) out.push(noticeBox({ kind: 'warning', id: 'warnings', title: t.warnings, lines: warnings }));
  if (outcome.registrationAssumed) out.push(noticeBox({ kind: 'warning', id: 'registration', lines: [t.registrationAssumed] }));
  const skipped = outcome.skipped ?? [];
  const total = outcome.skippedTotal ?? skipped.length;
  if (total > 0) {
    out.push(
      h(
        'details',
        { class: 'notice warning skipped', 'data-notice': 'skipped', open: skipped.length <= 5 },
        h(
          'summary',
          {},
          h('strong', {}, `${t.skipped}: `, h('span', { 'data-skipped-total': total }, total.toLocaleString())),
          skipped.length < total ? ` ${fillTemplate(t.skippedShown, { shown: skipped.length })}` : null,
        ),
        h(
          'ul',
          {},
          ...skipped.map((r) =>
            h(
              'li',
              { 'data-row': r.row, 'data-range': r.range },
              h('span', { class: 'row' }, fillTemplate(t.skippedRow, { range: ranges[r.range], row: r.row })),
              ' ',
              reasonLabel(r.reason, t),
              r.value !== '' ? ' ' : null,
              r.value !== '' ? h('q', {}, r.value) : null,
            ),
          ),
        ),
      ),
    );
  }
  if (outcome.predictionNote !== undefined && outcome.predictionNote !== '') {
    out.push(noticeBox({ kind: 'info', id: 'prediction', lines: [outcome.predictionNote] }));
  }
  // The one-line verdict on the prediction (issue 15): predicted vs actual over the last 90 days.
  if (outcome.accuracyLine !== undefined && outcome.accuracyLine !== '') {
    out.push(noticeBox({ kind: 'info', id: 'accuracy', lines: [outcome.accuracyLine] }));
  }
  return out;
}
