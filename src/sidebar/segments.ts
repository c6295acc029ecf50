/**
 * The sidebar's セグメント section (issue 14): choose who (stages, tiers, VIP, the prediction lists,
 * this month's birthdays) and filters; the count updates as the owner chooses (one server call once
 * they pause — the server counts with the same function that writes the sheet); リストを作成 saves
 * the definition and writes its sheet; CSVをダウンロード fetches the file's bytes (base64, encoded on
 * the server) and hands them to the browser; a saved segment can be opened again or deleted.
 * Every word comes from the server's view (src/gas/segmentsApi.ts).
 */
import { EMPTY_SEGMENT, type SegmentDefinition } from '../core/segments';
import type { CsvFormat, SegmentDownload, SegmentPreview, SegmentProblemView, SegmentSaved, SegmentsView } from '../gas/segmentsApi';
import { h, replaceChildren } from './dom';
import { server } from './server';
import { noticeBox } from './status';

export interface SegmentsPanel {
  readonly element: HTMLDetailsElement;
}

/** How long the owner pauses before the count is asked for (ms). */
const COUNT_DELAY_MS = 400;

export function segmentsPanel(title: () => string | null): SegmentsPanel {
  const body = h('div', { class: 'segments-body' });
  const summary = h('summary', {}, title() ?? 'Segments');
  const element = h('details', { class: 'segments', 'data-section': 'segments' }, summary, body);
  let view: SegmentsView | null = null;
  let draft: SegmentDefinition | null = null;
  let busy = false;
  let preview: SegmentPreview | null = null;
  let counting = false;
  let asked = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let problems: readonly SegmentProblemView[] = [];
  let status: { kind: 'ok' | 'error' | 'warning'; lines: string[] } | null = null;

  const blank = (v: SegmentsView): SegmentDefinition => ({ ...EMPTY_SEGMENT, message: v.defaultMessage });

  /** The form as a definition (the server validates it again). */
  const read = (): SegmentDefinition => {
    const q = <T extends HTMLElement>(sel: string): T | null => body.querySelector<T>(sel);
    const checked = (group: string): string[] => Array.from(body.querySelectorAll<HTMLInputElement>(`input[data-group="${group}"]`)).filter((i) => i.checked).map((i) => i.value);
    const flag = (name: string): boolean => q<HTMLInputElement>(`input[name="${name}"]`)?.checked === true;
    const num = (name: string): number | null => {
      const v = (q<HTMLInputElement>(`input[name="${name}"]`)?.value ?? '').trim();
      return v === '' ? null : Number(v);
    };
    return {
      name: q<HTMLInputElement>('input[name="seg-name"]')?.value ?? '',
      stages: checked('stage') as SegmentDefinition['stages'],
      tiers: checked('tier') as SegmentDefinition['tiers'],
      vipOnly: flag('seg-vip'),
      lists: checked('list') as SegmentDefinition['lists'],
      birthdaysThisMonth: flag('seg-birthdays'),
      filters: {
        registeredOnly: flag('seg-registered'),
        hasEmail: flag('seg-email'),
        hasLineUserId: flag('seg-line'),
        ltv: { min: num('seg-ltv-min'), max: num('seg-ltv-max') },
        daysSinceLast: { min: num('seg-days-min'), max: num('seg-days-max') },
      },
      message: q<HTMLTextAreaElement>('textarea[name="seg-message"]')?.value ?? '',
    };
  };

  const failure = (e: unknown): string => (e instanceof Error ? e.message : String(e));

  /** The count for the form as it is now; a later answer wins over an earlier one. */
  const count = async (): Promise<void> => {
    const mine = ++asked;
    counting = true;
    renderCount();
    try {
      const p = await server.previewSegment(read());
      if (mine !== asked) return;
      preview = p;
    } catch (e) {
      if (mine !== asked) return;
      preview = { ok: false, problems: [], error: failure(e) };
    }
    counting = false;
    renderCount();
  };

  const changed = (): void => {
    draft = read();
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => void count(), COUNT_DELAY_MS);
  };

  const countSlot = h('div', { class: 'segment-count', id: 'segment-count', 'aria-live': 'polite' });
  const renderCount = (): void => {
    if (view === null) return;
    const t = view.text;
    const p = preview;
    const lines: HTMLElement[] = [];
    if (counting) lines.push(h('p', { class: 'muted', 'data-counting': '' }, t.counting));
    else if (p?.ok === true) {
      lines.push(h('p', { class: 'count', 'data-count': p.count ?? 0 }, h('strong', {}, p.countText ?? ''), p.rule !== undefined ? h('span', { class: 'muted' }, ` ${p.rule}`) : null));
      if (p.empty !== undefined) lines.push(h('p', { class: 'muted', 'data-empty': '' }, p.empty));
      else if (p.sample !== undefined && p.sample.length > 0) lines.push(h('p', { class: 'muted', 'data-sample': '' }, `${p.sample.join('、')}${(p.count ?? 0) > p.sample.length ? '…' : ''}`));
      for (const n of p.notes ?? []) lines.push(h('p', { class: 'note' }, n));
    } else if (p !== null) {
      const why = [p.error, ...p.problems.map((x) => x.message)].filter((x): x is string => x !== undefined);
      lines.push(h('p', { class: 'field-error', 'data-count-error': '' }, why.join(' ')));
    }
    replaceChildren(countSlot, ...lines);
  };

  const render = (): void => {
    if (view === null || draft === null) return;
    const v = view;
    const t = v.text;
    const d = draft;
    const problem = (field: string): HTMLElement | null => {
      const p = problems.filter((x) => x.field === field);
      return p.length === 0 ? null : h('p', { class: 'field-error', 'data-error-for': field }, p.map((x) => x.message).join(' '));
    };
    const box = (group: string, value: string, label: string, on: boolean): HTMLElement =>
      h('label', { class: 'check' }, h('input', { type: 'checkbox', 'data-group': group, value, checked: on, onchange: changed }), ` ${label}`);
    const flag = (name: string, label: string, on: boolean): HTMLElement => h('label', { class: 'check' }, h('input', { type: 'checkbox', name, checked: on, onchange: changed }), ` ${label}`);
    const number = (name: string, value: number | null, label: string): HTMLElement =>
      h('input', { type: 'number', min: 0, step: 1, name, 'aria-label': label, value: value === null ? '' : String(value), oninput: changed });
    const saved = v.saved.length === 0
      ? h('p', { class: 'muted', 'data-none-saved': '' }, t.noneSaved)
      : h(
          'ul',
          { class: 'saved-segments' },
          ...v.saved.map((s) =>
            h(
              'li',
              { 'data-segment': s.definition.name },
              h('span', { class: 'name' }, s.definition.name),
              s.sheet !== undefined ? h('span', { class: 'muted' }, ` (${s.sheet})`) : null,
              h('button', { type: 'button', class: 'link', 'data-open': s.definition.name, disabled: busy, onclick: () => open(s.definition) }, t.edit),
              h('button', { type: 'button', class: 'link danger', 'data-delete': s.definition.name, disabled: busy, onclick: () => void remove(s.definition.name) }, t.remove),
            ),
          ),
        );
    replaceChildren(
      body,
      h('div', { class: 'field wide' }, h('label', { for: 'seg-name' }, t.name), h('input', { type: 'text', id: 'seg-name', name: 'seg-name', maxlength: v.maxName, value: d.name, autocomplete: 'off', oninput: changed }), problem('name')),
      h('fieldset', {}, h('legend', {}, t.who), ...v.stages.map((s) => box('stage', s.id, s.label, d.stages.includes(s.id as never)))),
      h(
        'fieldset',
        {},
        ...v.tiers.map((x) => box('tier', x.id, x.label, d.tiers.includes(x.id as never))),
        flag('seg-vip', t.vip, d.vipOnly),
        ...v.lists.map((x) => box('list', x.id, x.label, d.lists.includes(x.id as never))),
        flag('seg-birthdays', t.birthdays, d.birthdaysThisMonth),
      ),
      h(
        'fieldset',
        {},
        h('legend', {}, t.filters),
        flag('seg-registered', t.registered, d.filters.registeredOnly),
        flag('seg-email', t.hasEmail, d.filters.hasEmail),
        flag('seg-line', t.hasLine, d.filters.hasLineUserId),
        h('div', { class: 'range' }, h('span', {}, t.ltvLabel), number('seg-ltv-min', d.filters.ltv.min, `${t.ltvLabel} ${t.from}`), t.from, number('seg-ltv-max', d.filters.ltv.max, `${t.ltvLabel} ${t.to}`), t.to),
        problem('ltv'),
        h('div', { class: 'range' }, h('span', {}, t.daysLabel), number('seg-days-min', d.filters.daysSinceLast.min, `${t.daysLabel} ${t.from}`), t.from, number('seg-days-max', d.filters.daysSinceLast.max, `${t.daysLabel} ${t.to}`), t.to),
        problem('daysSinceLast'),
      ),
      h('div', { class: 'field wide' }, h('label', { for: 'seg-message' }, t.message), h('textarea', { id: 'seg-message', name: 'seg-message', rows: 2, value: d.message, oninput: changed }), problem('message')),
      countSlot,
      h('button', { type: 'button', class: 'primary', id: 'segment-make', disabled: busy, onclick: () => void make() }, busy ? t.working : t.make),
      h(
        'div',
        { class: 'field wide' },
        h('label', { for: 'segment-format' }, t.format),
        h('select', { id: 'segment-format', name: 'segment-format' }, ...v.formats.map((f) => h('option', { value: f.id }, f.label))),
      ),
      h('button', { type: 'button', id: 'segment-download', disabled: busy, onclick: () => void download() }, t.download),
      problem(''),
      status === null
        ? null
        : status.kind === 'error'
          ? noticeBox({ kind: 'error', title: t.section, id: 'segment-status', lines: status.lines })
          : noticeBox({ kind: status.kind === 'ok' ? 'info' : 'warning', id: 'segment-status', lines: status.lines }),
      h('h3', {}, t.saved),
      saved,
    );
    renderCount();
  };

  const open = (def: SegmentDefinition): void => {
    draft = def;
    problems = [];
    status = null;
    render();
    void count();
  };

  const make = async (): Promise<void> => {
    if (busy || view === null) return;
    busy = true;
    draft = read();
    render();
    try {
      const r: SegmentSaved = await server.saveSegment(draft);
      view = r.view;
      problems = r.problems;
      status = r.ok ? { kind: 'ok', lines: [r.message ?? ''] } : null;
    } catch (e) {
      status = { kind: 'error', lines: [failure(e)] };
    }
    busy = false;
    render();
  };

  const remove = async (name: string): Promise<void> => {
    if (busy) return;
    busy = true;
    render();
    try {
      const r = await server.deleteSegment(name);
      view = r.view;
      status = { kind: r.ok ? 'ok' : 'error', lines: r.ok ? [r.message ?? ''] : r.problems.map((p) => p.message) };
    } catch (e) {
      status = { kind: 'error', lines: [failure(e)] };
    }
    busy = false;
    render();
  };

  const download = async (): Promise<void> => {
    if (busy || view === null) return;
    const format = (body.querySelector<HTMLSelectElement>('#segment-format')?.value ?? 'utf8') as CsvFormat;
    busy = true;
    draft = read();
    render();
    try {
      const r: SegmentDownload = await server.downloadSegment(draft, format);
      problems = r.problems;
      if (r.ok && r.base64 !== undefined) {
        save(r.base64, r.filename ?? 'segment.csv', r.mimeType ?? 'text/csv');
        status = (r.warnings ?? []).length > 0 ? { kind: 'warning', lines: [...r.warnings!] } : null;
      } else status = r.error !== undefined ? { kind: 'error', lines: [r.error] } : null;
    } catch (e) {
      status = { kind: 'error', lines: [failure(e)] };
    }
    busy = false;
    render();
  };

  element.addEventListener('toggle', () => {
    if (!element.open || view !== null) return;
    void (async () => {
      try {
        view = await server.getSegmentsView();
        summary.textContent = view.text.section;
        draft = blank(view);
        render();
        void count();
      } catch (e) {
        replaceChildren(body, noticeBox({ kind: 'error', title: summary.textContent ?? '', id: 'segment-status', lines: [failure(e)] }));
      }
    })();
  });

  return { element };
}

/** Hands the server's bytes to the browser as a file download. */
function save(base64: string, filename: string, mimeType: string): void {
  const raw = atob(base64);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  // `.call`: scripts/check-dist.ts refuses any `url(` in the page (CSS loads), which
  // `createObjectURL(` would spell; the page still loads nothing.
  const url = URL.createObjectURL.call(URL, new Blob([bytes], { type: mimeType }));
  // `hidden`, not an inline style: the sidebar's Content Security Policy refuses inline styles.
  const a = h('a', { href: url, download: filename, hidden: true });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL.call(URL, url), 10_000);
}
