/**
 * The settings panel: source sheets and their column mapping, stage thresholds, VIP rules, tiers,
 * LTV window, automatic refresh and language. The form reads itself into a settings object for
 * `saveSettings`; problems (the client's own obvious ones, or the server's, by path such as
 * `stages.activeDays`) are shown in red next to their field.
 */
import type { Field, RangeKind } from '../core/headers';
import type { Settings } from '../core/settings';
import { RANGE_KINDS } from '../core/shared';
import type { SidebarState } from '../gas/sidebarApi';
import { h, replaceChildren, type Child } from './dom';


/** A problem to show next to a field: `path` as the server's `SettingProblem.path`. */
export interface FieldProblem {
  readonly path: string;
  readonly message: string;
}

type NumberField = SidebarState['numbers'][number];

/** Where the form shows a number: its settings group's fieldset, else the last one. */
type Section = 'stages' | 'vip' | 'tiers' | 'other';
const sectionOf = (path: string): Section => {
  const group = path.split('.')[0];
  return group === 'stages' || group === 'vip' || group === 'tiers' ? group : 'other';
};

/** A copy of `settings` with a number set at its path (`stages.activeDays`, `ltvWindowDays`). */
function withNumber(settings: Settings, path: string, value: number | null): Settings {
  const [group, key] = path.split('.') as [string, string | undefined];
  const s = settings as unknown as Record<string, unknown>;
  if (key === undefined) return { ...s, [group]: value } as unknown as Settings;
  return { ...s, [group]: { ...(s[group] as Record<string, unknown>), [key]: value } } as unknown as Settings;
}

/** Reads a typed number as `readSettings` would accept it; full-width digits and commas are fine. */
export function parseWhole(raw: string): number | null | undefined {
  const v = raw.normalize('NFKC').trim().replace(/,/g, '');
  if (v === '') return null;
  return /^[+-]?\d+$/.test(v) ? Number(v) : undefined;
}

export interface SettingsForm {
  readonly element: HTMLElement;
  /** The settings to send, and the obvious problems found without asking the server. */
  read(): { input: Settings; problems: FieldProblem[] };
  showProblems(problems: readonly FieldProblem[]): void;
  setStatus(kind: 'idle' | 'saving' | 'saved' | 'invalid'): void;
  setBusy(busy: boolean): void;
  /** Whether the owner changed anything since the form was built. */
  readonly dirty: boolean;
}

const idOf = (path: string): string => `f-${path.replace(/\./g, '-')}`;

export function settingsForm(state: SidebarState, open: boolean, onSave: () => void): SettingsForm {
  const t = state.text;
  const settings = state.settings;
  let dirty = false;
  /** Each field's row (for the red state) and its message element, by path. */
  const slots = new Map<string, { row: HTMLElement; message: HTMLElement; control?: HTMLElement }>();
  const numbers = new Map<string, { field: NumberField; input: HTMLInputElement }>();

  const slot = (path: string, row: HTMLElement, control?: HTMLElement): HTMLElement => {
    const message = h('p', { class: 'field-error', id: `${idOf(path)}-error`, 'data-error-for': path, hidden: true });
    row.appendChild(message);
    slots.set(path, { row, message, ...(control ? { control } : {}) });
    return row;
  };

  const numberRow = (field: NumberField): HTMLElement => {
    const input = h('input', {
      type: 'text',
      inputmode: 'numeric',
      autocomplete: 'off',
      id: idOf(field.path),
      name: field.path,
      'data-path': field.path,
      value: field.value === null ? '' : String(field.value),
      'aria-describedby': `${idOf(field.path)}-error`,
    });
    numbers.set(field.path, { field, input });
    return slot(field.path, h('div', { class: 'field' }, h('label', { for: idOf(field.path) }, field.label), input), input);
  };
  const numberRows = (section: Section): HTMLElement[] => state.numbers.filter((n) => sectionOf(n.path) === section).map(numberRow);

  const selectRow = (path: string, label: string, options: ReadonlyArray<readonly [string, string]>, value: string, extra: Child = null): HTMLElement => {
    const select = h(
      'select',
      { id: idOf(path), name: path, 'data-path': path, value, 'aria-describedby': `${idOf(path)}-error` },
      ...options.map(([v, text]) => h('option', { value: v }, text)),
    );
    return slot(path, h('div', { class: 'field wide' }, h('label', { for: idOf(path) }, label), select, extra), select);
  };

  // Source sheets: "detect" (null) or one of the owner's sheets.
  const sourceSelects = new Map<RangeKind, HTMLSelectElement>();
  const kindLabel = (k: RangeKind): string => state.rangeLabels[k];
  const sourceRows = RANGE_KINDS.map((kind) => {
    const chosen = settings.sources[kind];
    const names = [...state.sheets];
    if (chosen !== null && !names.includes(chosen)) names.push(chosen);
    const row = selectRow(`sources.${kind}`, kindLabel(kind), [['', t.detect], ...names.map((n): [string, string] => [n, n])], chosen ?? '');
    sourceSelects.set(kind, row.querySelector('select')!);
    return row;
  });

  // The detected column mapping, per source: field → one of that sheet's headers, or none.
  const mappingSelects: Array<{ kind: RangeKind; field: Field; select: HTMLSelectElement; initial: string }> = [];
  const mappingBlocks = RANGE_KINDS.map((kind) => {
    const d = state.detected[kind];
    if (d === undefined) {
      return h('div', { class: 'mapping', 'data-kind': kind }, h('h4', {}, `${kindLabel(kind)}:`), h('p', { class: 'muted' }, t.notFound));
    }
    const headers = [...new Set(d.headers.filter((x) => x.trim() !== ''))];
    const rows = d.fields.map((field) => {
      const initial = d.mapping[field] ?? '';
      const path = `columns.${kind}.${field}`;
      const select = h(
        'select',
        { id: idOf(path), name: path, 'data-path': path, value: initial },
        h('option', { value: '' }, t.notFound),
        ...headers.map((x) => h('option', { value: x }, x)),
      );
      mappingSelects.push({ kind, field, select, initial });
      return slot(path, h('div', { class: 'field map' }, h('label', { for: idOf(path) }, state.fieldLabels[field]), select), select);
    });
    return h(
      'details',
      { class: 'mapping', 'data-kind': kind },
      h(
        'summary',
        {},
        h('span', {}, `${kindLabel(kind)}: `),
        h('span', { class: 'sheet-name', 'data-sheet': d.sheet }, d.sheet),
        d.profile !== undefined ? h('span', { class: 'muted' }, ` (${d.profile})`) : null,
      ),
      ...rows,
    );
  });

  const mode = selectRow('vip.mode', t.vipMode, [['or', t.or], ['and', t.and]], settings.vip.mode);

  const ar = settings.autoRefresh;
  const every = !ar.enabled ? 'off' : ar.every;
  const hourSelect = h(
    'select',
    { id: idOf('autoRefresh.hour'), name: 'autoRefresh.hour', 'data-path': 'autoRefresh.hour', 'aria-label': t.hour, value: String(ar.enabled && ar.every === 'day' ? ar.hour : 6) },
    ...Array.from({ length: 24 }, (_, i) => h('option', { value: String(i) }, `${i}${t.atHour}`)),
  );
  const auto = selectRow('autoRefresh', t.autoRefresh, [['off', t.off], ['day', t.daily], ['hour', t.hourly]], every, hourSelect);
  const everySelect = auto.querySelector('select')!;
  slots.set('autoRefresh.hour', slots.get('autoRefresh')!);
  const syncHour = (): void => {
    hourSelect.disabled = everySelect.value !== 'day';
    hourSelect.hidden = everySelect.value !== 'day';
  };
  everySelect.addEventListener('change', syncHour);
  syncHour();

  const language = selectRow('language', t.language, [['auto', t.auto], ['ja', t.japanese], ['en', t.english]], settings.language);

  const tiers = h('fieldset', { 'data-path': 'tiers' }, h('legend', {}, t.tiers), ...numberRows('tiers'));
  slot('tiers', tiers);

  const status = h('p', { class: 'save-status', role: 'status', 'aria-live': 'polite' });
  const formError = h('p', { class: 'field-error', 'data-error-for': '', hidden: true });
  const saveButton = h('button', { type: 'submit', class: 'save' }, t.save);

  const form = h(
    'form',
    {
      novalidate: true,
      onsubmit: (e: Event) => {
        e.preventDefault();
        onSave();
      },
      oninput: () => {
        dirty = true;
      },
      onchange: () => {
        dirty = true;
      },
    },
    h('fieldset', { 'data-section': 'sources' }, h('legend', {}, t.sources), ...sourceRows),
    h('fieldset', { 'data-section': 'columns' }, h('legend', {}, t.detected), ...mappingBlocks),
    h('fieldset', { 'data-section': 'stages' }, h('legend', {}, t.thresholds), ...numberRows('stages')),
    h('fieldset', { 'data-section': 'vip' }, h('legend', {}, t.vip), ...numberRows('vip'), mode),
    tiers,
    h('fieldset', { 'data-section': 'other' }, ...numberRows('other'), auto, language),
    formError,
    h('div', { class: 'actions' }, saveButton, status),
  );

  const element = h('details', { class: 'settings', 'data-section': 'settings', open }, h('summary', {}, t.settings), form);

  const value = (path: string): string => (form.elements.namedItem(path) as HTMLSelectElement | HTMLInputElement).value;

  return {
    element,
    get dirty() {
      return dirty;
    },
    read() {
      const problems: FieldProblem[] = [];
      // A number that is not acceptable keeps its stored value (and is reported); the rest is sent.
      let typed = settings;
      for (const [path, { field, input }] of numbers) {
        const n = parseWhole(input.value);
        if ((n === null && !field.blankAllowed) || n === undefined || (n !== null && (n < field.min || (field.max !== null && n > field.max)))) {
          problems.push({ path, message: field.message });
        } else {
          typed = withNumber(typed, path, n);
        }
      }
      const columns: Record<string, Record<string, string>> = {};
      for (const [kind, fields] of Object.entries(settings.columns)) columns[kind] = { ...fields };
      for (const m of mappingSelects) {
        if (m.select.value === m.initial) continue;
        (columns[m.kind] ??= {})[m.field] = m.select.value;
      }
      const source = (k: RangeKind): string | null => (sourceSelects.get(k)!.value === '' ? null : sourceSelects.get(k)!.value);
      const every = value('autoRefresh');
      const input: Settings = {
        ...typed,
        language: value('language') as Settings['language'],
        vip: { ...typed.vip, mode: value('vip.mode') as 'and' | 'or' },
        columns,
        sources: { orders: source('orders'), customers: source('customers'), survey: source('survey') },
        autoRefresh:
          every === 'day'
            ? { enabled: true, every: 'day', hour: Number(hourSelect.value) }
            : every === 'hour'
              ? { enabled: true, every: 'hour' }
              : { enabled: false },
      };
      return { input, problems };
    },
    showProblems(problems) {
      for (const { row, message, control } of new Set(slots.values())) {
        row.classList.remove('invalid');
        control?.removeAttribute('aria-invalid');
        replaceChildren(message);
        message.hidden = true;
      }
      replaceChildren(formError);
      formError.hidden = true;
      for (const p of problems) {
        let path = p.path;
        while (path !== '' && !slots.has(path)) path = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : '';
        const target = slots.get(path);
        const message = target?.message ?? formError;
        if (target) {
          target.row.classList.add('invalid');
          target.control?.setAttribute('aria-invalid', 'true');
        }
        if (message.textContent !== '') message.appendChild(document.createTextNode(' '));
        message.appendChild(document.createTextNode(p.message));
        message.hidden = false;
      }
      const first = problems.length > 0 ? element.querySelector<HTMLElement>('.invalid input, .invalid select') : null;
      first?.focus();
    },
    setStatus(kind) {
      status.className = `save-status ${kind}`;
      replaceChildren(status, kind === 'saving' ? t.saving : kind === 'saved' ? t.saved : kind === 'invalid' ? t.fixErrors : '');
    },
    setBusy(busy) {
      saveButton.disabled = busy;
    },
  };
}
