/**
 * The preview page: the workbook's tabs as a grid, a formula bar that edits input cells (the
 * server recalculates the formulas), the real sidebar in an iframe, "Run trigger now", the
 * day/week advance, and a tab's chart drawn as SVG (chart.ts). Its words are the workbook's
 * language (text.ts; the page's <html lang> says which).
 * Text goes into the page only through textContent/attributes (never innerHTML).
 */
import type { DayResult, EditResult, Grid, TabInfo, TriggerResult } from '../workbook';
import { drawChart } from './chart';
import { KIND_LABEL, NOTES, STATUS } from './text';

const lang = document.documentElement.lang === 'en' ? 'en' : 'ja';

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const statusEl = $<HTMLSpanElement>('status');
const gridEl = $<HTMLDivElement>('grid');
const tabsEl = $<HTMLElement>('tabs');
const noteEl = $<HTMLDivElement>('note');
const formulaEl = $<HTMLInputElement>('formula');
const cellRefEl = $<HTMLSpanElement>('cell-ref');
const triggerEl = $<HTMLButtonElement>('run-trigger');
const todayEl = $<HTMLSpanElement>('today');
const chartEl = $<HTMLElement>('chart');
const advanceEls = [$<HTMLButtonElement>('advance-day'), $<HTMLButtonElement>('advance-week')];

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

/** `2026/11/30 12:00` on the spreadsheet's wall clock. */
function wallText(iso: string, timeZone: string): string {
  const p: Record<string, string> = {};
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  for (const x of parts.formatToParts(new Date(iso))) p[x.type] = x.value;
  return `${p.year}/${p.month}/${p.day} ${p.hour}:${p.minute}`;
}
let timeZone = 'Asia/Tokyo';

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
      k.textContent = KIND_LABEL[t.kind][lang];
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
  if (g.totalRows > g.cells.length) notes.push(NOTES.firstRows[lang](g.cells.length, g.totalRows));
  if (g.kind === 'formulas') notes.push(NOTES.formulas[lang]);
  if (g.kind === 'addon') notes.push(NOTES.addon[lang]);
  if (g.kind === 'input') notes.push(NOTES.input[lang]);
  for (const ch of g.charts) notes.push(NOTES.chart[lang](ch.title, ch.ranges.join(', ')));
  chartEl.hidden = g.charts.length === 0;
  chartEl.replaceChildren(...g.charts.map((ch) => drawChart(ch, NOTES.chartEmpty[lang])));
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
  formulaEl.title = grid.editable ? '' : NOTES.readOnly[lang];
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
  const t = await api<{ tabs: TabInfo[]; now: string; timeZone: string }>('/api/tabs');
  tabs = t.tabs;
  timeZone = t.timeZone;
  todayEl.textContent = `${NOTES.today[lang]}: ${wallText(t.now, timeZone)}`;
  todayEl.dataset.now = t.now;
  if (!tabs.some((x) => x.name === current)) current = tabs[0]?.name ?? '';
  await show(current, true);
}

async function commit(): Promise<void> {
  if (!grid || !selected || !grid.editable) return;
  const { r, c } = selected;
  status(STATUS.saving[lang](`${current}!${columnName(c + 1)}${r + 1}`));
  try {
    const res = await api<EditResult>('/api/cell', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sheet: current, row: r + 1, column: c + 1, value: formulaEl.value }),
    });
    status(STATUS.saved[lang](`${res.sheet}!${columnName(res.column)}${res.row}`, res.display, res.recalculated, res.ms));
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

/** The sidebar shows the last refresh: let it read the state again. */
function reloadSidebar(): void {
  $<HTMLIFrameElement>('sidebar').contentWindow?.location.reload();
}

function triggerText(r: TriggerResult): string {
  return r.ok ? STATUS.triggerDone[lang](r.installed) : STATUS.triggerFailed[lang](r.message || STATUS.notRun[lang]);
}

triggerEl.addEventListener('click', async () => {
  triggerEl.disabled = true;
  status(STATUS.triggerRunning[lang]);
  try {
    const r = await api<TriggerResult>('/api/trigger', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    await reload();
    reloadSidebar();
    status(triggerText(r), !r.ok);
  } catch (e) {
    status(String((e as Error).message), true);
  } finally {
    triggerEl.disabled = false;
  }
});

/** Lets days go by one at a time (each a request: the status says how far it is). */
async function advance(days: number): Promise<void> {
  for (const b of advanceEls) b.disabled = true;
  triggerEl.disabled = true;
  let orders = 0;
  let last: DayResult | undefined;
  let said: { text: string; error: boolean } | undefined;
  try {
    for (let d = 0; d < days; d++) {
      status(STATUS.advancing[lang](d, days));
      const r = await api<{ days: DayResult[] }>('/api/advance', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ days: 1 }) });
      for (const day of r.days) {
        orders += day.arrived.Orders ?? 0;
        last = day;
        if (!day.trigger.ok) throw new Error(triggerText(day.trigger));
      }
    }
    if (last !== undefined) said = { text: STATUS.advanced[lang](wallText(last.now, timeZone).slice(0, 10), orders, days), error: false };
  } catch (e) {
    said = { text: String((e as Error).message), error: true };
  } finally {
    // The tabs and the chart first, then the status line says what happened.
    await reload().catch(() => undefined);
    reloadSidebar();
    if (said !== undefined) status(said.text, said.error);
    for (const b of advanceEls) b.disabled = false;
    triggerEl.disabled = false;
  }
}
for (const b of advanceEls) b.addEventListener('click', () => void advance(Number(b.dataset.days)));

window.addEventListener('message', (e) => {
  if (e.origin !== window.location.origin) return;
  const data = e.data as { type?: string; name?: string } | null;
  // Calls that only read (the sidebar's state, the 施策 list) change nothing to say or reload.
  if (data?.type !== 'fanfunnel:server-call' || data.name === 'getSidebarState' || data.name === 'listCampaigns') return;
  status(STATUS.sidebarDid(String(data.name), lang));
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

status(STATUS.loading[lang]);
void reload().then(
  () => status(STATUS.ready[lang]),
  (e: unknown) => status(String((e as Error).message), true),
);
