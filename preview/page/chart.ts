/**
 * A tab's chart as SVG, from the data in its ranges (workbook.ts chartData): a line per series
 * over the domain's labels, a dot per value, the y axis from 0, a legend — what the History chart
 * of the funnel tab shows in Sheets (stage counts per snapshot), drawn here without a chart
 * library or a CDN (the page's Content-Security-Policy allows its own files only).
 */
import type { ChartData } from '../workbook';

const SVG = 'http://www.w3.org/2000/svg';
/** Sheets' default series colours, in order. */
const COLOURS = ['#4285f4', '#db4437', '#f4b400', '#0f9d58', '#ab47bc', '#00acc1', '#ff7043', '#9e9d24', '#5c6bc0', '#f06292'];
const W = 760;
const H = 240;
const PAD = { left: 44, right: 150, top: 28, bottom: 34 };

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** A round step for about five grid lines up to `max`. */
function step(max: number): number {
  const raw = Math.max(1, max) / 5;
  const p = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw)!;
}

export function drawChart(chart: ChartData, emptyNote: string): SVGSVGElement {
  const svg = el('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': chart.title, class: 'chart-svg' });
  svg.append(el('text', { x: PAD.left, y: 18, class: 'chart-title' }, chart.title));
  const n = chart.labels.length;
  const max = Math.max(0, ...chart.series.flatMap((s) => s.values.filter((v): v is number => v !== null)));
  const unit = step(max);
  const top = Math.ceil(Math.max(max, 1) / unit) * unit;
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (i: number): number => PAD.left + (n <= 1 ? plotW / 2 : (i * plotW) / (n - 1));
  const y = (v: number): number => PAD.top + plotH - (v / top) * plotH;

  for (let v = 0; v <= top; v += unit) {
    svg.append(el('line', { x1: PAD.left, x2: PAD.left + plotW, y1: y(v), y2: y(v), class: 'grid-line' }));
    svg.append(el('text', { x: PAD.left - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'axis' }, String(v)));
  }
  // At most about eight domain labels, the last always.
  const every = Math.max(1, Math.ceil(n / 8));
  chart.labels.forEach((label, i) => {
    if (i % every === 0 || i === n - 1) svg.append(el('text', { x: x(i), y: H - PAD.bottom + 16, 'text-anchor': 'middle', class: 'axis' }, label));
  });

  chart.series.forEach((s, k) => {
    const colour = COLOURS[k % COLOURS.length]!;
    const points = s.values.map((v, i) => (v === null ? null : ([x(i), y(v)] as const))).filter((p) => p !== null);
    const g = el('g', { class: 'series', 'data-name': s.name });
    if (points.length > 1) g.append(el('polyline', { points: points.map(([px, py]) => `${px},${py}`).join(' '), fill: 'none', stroke: colour, 'stroke-width': 2 }));
    s.values.forEach((v, i) => {
      if (v === null) return;
      const dot = el('circle', { cx: x(i), cy: y(v), r: 3, fill: colour, 'data-value': v });
      dot.append(el('title', {}, `${s.name} ${chart.labels[i] ?? ''}: ${v}`));
      g.append(dot);
    });
    svg.append(g);
    const ly = PAD.top + 4 + k * 18;
    svg.append(el('rect', { x: W - PAD.right + 16, y: ly - 9, width: 10, height: 10, fill: colour }));
    svg.append(el('text', { x: W - PAD.right + 32, y: ly, class: 'legend' }, s.name));
  });
  if (n <= 1) svg.append(el('text', { x: PAD.left + plotW / 2, y: PAD.top + plotH / 2, 'text-anchor': 'middle', class: 'axis' }, emptyNote));
  return svg;
}
