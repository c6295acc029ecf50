/**
 * The preview page: the workbook's tabs as a grid, a formula bar that edits input cells (the
 * server recalculates the formulas), the real sidebar in an iframe, "Run trigger now".
 * Text goes into the page only through textContent/attributes (never innerHTML).
 */
import type { EditResult, Grid, TabInfo } from '../workbook';

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const statusEl = $<HTMLSpanElement>('status');
const gridEl = $<HTMLDivElement>('grid');
const tabsEl = $<HTMLElement>('tabs');
const noteEl = $<HTMLDivElement>('note');
const formulaEl = $<HTMLInputElement>('formula');
const cellRefEl = $<HTMLSpanElement>('cell-ref');
const triggerEl = $<HTMLButtonElement>('run-trigger');

let tabs: TabInfo[] = [];
let current = '';
let grid: Grid | undefined;
let selected: { r: number; c: number } | undefined;
let busy = 0;

function status(text: string, error = false): void {
  statusEl.textContent = text;
  statusEl.classList.toggle('error', error);
}

async function api<T>(path: string, init?: RequestInit): Promise<T> {
  busy++;
  document.body.dataset.busy = 'true';
  try {
    const res = await fetch(path, init);
    const data = (await res.json()) as T & { error?: string };
    if (!res.ok) throw new Error(data.error ?? `${res.status}`);
    return data;
  } finally {
    if (--busy === 0) delete document.body.dataset.busy;
  }
}

function columnName(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

const KIND_LABEL: Record<TabInfo['kind'], string> = { input: 'input', formulas: 'formulas', addon: 'add-on' };

function renderTabs(): void {
  tabsEl.replaceChildren(
    ...tabs.map((t) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.dataset.name = t.name;
      b.setAttribute('role', 'tab');
      b.setAttribute('aria-selected', String(t.name === current));
      b.append(t.name);
      const k = document.createElement('span');
      k.className = 'kind';
      k.textContent = KIND_LABEL[t.kind];
      b.append(k);
      b.addEventListener('click', () => void show(t.name));
      return b;
    }),
  );
}

function renderGrid(g: Grid, previous?: Grid): void {
  const table = document.createElement('table');
  table.className = 'cells';
  table.id = 'grid-table';
  table.dataset.sheet = g.name;
  const cols = document.createElement('colgroup');
  const rowHead = document.createElement('col');
  rowHead.style.width = '46px';
  cols.append(rowHead);
  let tableWidth = 46;
  for (const w of g.widths) {
    const col = document.createElement('col');
    const px = Math.max(40, Math.min(w, 400));
    col.style.width = `${px}px`;
    tableWidth += px;
    cols.append(col);
  }
  // A fixed layout needs the table's own width: without it Chrome lays the table out by its
  // content, and one long line in column A widens the whole column (issue 17).
  table.style.width = `${tableWidth}px`;
  table.append(cols);
  const head = document.createElement('thead');
  const hr = document.createElement('tr');
  const corner = document.createElement('th');
  corner.className = 'corner';
  hr.append(corner);
  for (let c = 1; c <= g.columns; c++) {
    const th = document.createElement('th');
    th.textContent = columnName(c);
    hr.append(th);
  }
  head.append(hr);
  table.append(head);
  const body = document.createElement('tbody');
  g.cells.forEach((row, r) => {
    const tr = document.createElement('tr');
    if (r === g.frozenRows - 1) tr.className = 'frozen';
    const th = document.createElement('th');
    th.textContent = String(r + 1);
    tr.append(th);
    row.forEach((text, c) => {
      const td = document.createElement('td');
      td.textContent = text;
      td.dataset.r = String(r);
      td.dataset.c = String(c);
      const key = `${r},${c}`;
      if (g.formulas[key] !== undefined) td.classList.add('formula');
      if (g.errors[key] !== undefined) {
        td.classList.add('error');
        td.title = g.errors[key]!;
      } else if (text.length > 12) {
        td.title = text;
      }
      if (g.bold[r]?.[c]) td.style.fontWeight = 'bold';
      const bg = g.backgrounds[r]?.[c];
      if (bg && /^#[0-9a-fA-F]{3,8}$/.test(bg)) td.style.background = bg;
      const al = g.align[r]?.[c];
      if (al) td.style.textAlign = al;
      // As in Sheets, left-aligned text runs on over the empty cell to its right.
      if (text !== '' && (row[c + 1] ?? '') === '' && c + 1 < row.length && (al ?? 'left') === 'left') td.classList.add('spill');
      if (previous && previous.name === g.name && previous.cells[r]?.[c] !== undefined && previous.cells[r]![c] !== text) td.classList.add('changed');
      tr.append(td);
    });
    body.append(tr);
  });
  table.append(body);
  table.addEventListener('click', (e) => {
    const td = (e.target as HTMLElement).closest('td');
    if (td) select(Number(td.dataset.r), Number(td.dataset.c));
  });
  table.addEventListener('dblclick', (e) => {
    const td = (e.target as HTMLElement).closest('td');
    if (td && g.editable) {
      select(Number(td.dataset.r), Number(td.dataset.c));
      formulaEl.focus();
      formulaEl.select();
    }
  });
  const scroll = { top: gridEl.scrollTop, left: gridEl.scrollLeft };
  gridEl.replaceChildren(table);
  const same = previous?.name === g.name;
  gridEl.scrollTop = same ? scroll.top : 0;
  gridEl.scrollLeft = same ? scroll.left : 0;
  const notes: string[] = [];
  if (g.totalRows > g.cells.length) notes.push(`Showing the first ${g.cells.length} of ${g.totalRows} rows.`);
  if (g.kind === 'formulas') notes.push('Formulas computed by HyperFormula calling the built bundle’s custom functions; edit an order and they recalculate.');
  if (g.kind === 'addon') notes.push('Written by the add-on’s refresh (sidebar button, menu or trigger).');
  if (g.kind === 'input') notes.push('An input sheet: select a cell and type in the bar above (Enter saves).');
  for (const ch of g.charts) notes.push(`Chart (${ch.type ?? '?'}${ch.title ? `: ${ch.title}` : ''}) of ${ch.ranges.join(', ')}.`);
  noteEl.textContent = notes.join(' ');
}

function select(r: number, c: number): void {
  if (!grid || Number.isNaN(r) || Number.isNaN(c)) return;
  selected = { r, c };
  gridEl.querySelectorAll('td.selected').forEach((td) => td.classList.remove('selected'));
  gridEl.querySelector(`td[data-r="${r}"][data-c="${c}"]`)?.classList.add('selected');
  cellRefEl.textContent = `${columnName(c + 1)}${r + 1}`;
  formulaEl.value = grid.formulas[`${r},${c}`] ?? grid.cells[r]?.[c] ?? '';
  formulaEl.disabled = !grid.editable;
  formulaEl.title = grid.editable ? '' : 'The add-on rewrites this tab at each refresh: edit an input sheet.';
}

async function show(name: string, keepSelection = false): Promise<void> {
  const previous = grid;
  const g = await api<Grid>(`/api/sheet?name=${encodeURIComponent(name)}`);
  if (name !== current) {
    selected = undefined;
    cellRefEl.textContent = '';
    formulaEl.value = '';
    formulaEl.disabled = true;
  }
  current = name;
  grid = g;
  renderTabs();
  renderGrid(g, previous);
  if (keepSelection && selected) select(selected.r, selected.c);
}

async function reload(): Promise<void> {
  const t = await api<{ tabs: TabInfo[] }>('/api/tabs');
  tabs = t.tabs;
  if (!tabs.some((x) => x.name === current)) current = tabs[0]?.name ?? '';
  await show(current, true);
}

async function commit(): Promise<void> {
  if (!grid || !selected || !grid.editable) return;
  const { r, c } = selected;
  status(`Saving ${current}!${columnName(c + 1)}${r + 1}…`);
  try {
    const res = await api<EditResult>('/api/cell', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sheet: current, row: r + 1, column: c + 1, value: formulaEl.value }),
    });
    status(`${res.sheet}!${columnName(res.column)}${res.row} = ${res.display} — recalculated ${res.recalculated} formula cells in ${res.ms} ms`);
    await show(current, true);
  } catch (e) {
    status(String((e as Error).message), true);
  }
}

formulaEl.addEventListener('keydown', (e) => {
  if (e.key === 'Enter') {
    e.preventDefault();
    void commit();
  } else if (e.key === 'Escape' && selected) {
    select(selected.r, selected.c);
  }
});

triggerEl.addEventListener('click', async () => {
  triggerEl.disabled = true;
  status('Running the time trigger (onAutoRefresh)…');
  try {
    const r = await api<{ installed: boolean; ok: boolean; message: string }>('/api/trigger', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    const which = r.installed ? 'the installed trigger' : 'onAutoRefresh (no trigger installed: automatic refresh is off)';
    status(`Ran ${which}: ${r.message}`, !r.ok);
    await reload();
    // The sidebar shows the last refresh: let it read the state again.
    $<HTMLIFrameElement>('sidebar').contentWindow?.location.reload();
  } catch (e) {
    status(String((e as Error).message), true);
  } finally {
    triggerEl.disabled = false;
  }
});

window.addEventListener('message', (e) => {
  if (e.origin !== window.location.origin) return;
  const data = e.data as { type?: string; name?: string } | null;
  if (data?.type !== 'fanfunnel:server-call' || data.name === 'getSidebarState') return;
  status(`Sidebar ran ${String(data.name)}`);
  // A customer chosen in 今週やること: show the sheet and row the script selected, as Sheets does.
  if (data.name === 'selectCustomer') void followSelection();
  else void reload();
});

async function followSelection(): Promise<void> {
  const t = await api<{ tabs: TabInfo[]; selection: { sheet: string; row: number; column: number } | null }>('/api/tabs');
  tabs = t.tabs;
  const s = t.selection;
  if (s === null || !tabs.some((x) => x.name === s.sheet)) return reload();
  await show(s.sheet);
  select(s.row - 1, s.column - 1);
  gridEl.querySelector('td.selected')?.scrollIntoView({ block: 'center', inline: 'nearest' });
}

void reload().then(
  () => status('Ready'),
  (e: unknown) => status(String((e as Error).message), true),
);
