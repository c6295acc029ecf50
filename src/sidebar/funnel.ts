/**
 * The stage counts as a funnel chart in inline SVG: the five funnel stages as stacked, narrowing
 * bands (label and count in each), then the stages outside the funnel as small bars.
 */
import type { StageId } from '../core/labels';
import { ALL_STAGES, FUNNEL } from '../core/shared';
import { h, s } from './dom';

/** The funnel from its mouth down, then the stages outside it, in the summary's order. */
const FUNNEL_STAGES = FUNNEL;
const OUTSIDE_STAGES = ALL_STAGES.filter((stage) => !FUNNEL.includes(stage));

const COLORS: Readonly<Record<StageId, { fill: string; text: string }>> = {
  visitor: { fill: '#d2e3fc', text: '#174ea6' },
  follower: { fill: '#a8c7fa', text: '#0b3d91' },
  supporter: { fill: '#669df6', text: '#ffffff' },
  partner: { fill: '#1a73e8', text: '#ffffff' },
  dormant: { fill: '#fde293', text: '#5f4100' },
  lapsed: { fill: '#9aa0a6', text: '#202124' },
  noPurchase: { fill: '#bdc1c6', text: '#202124' },
  unregistered: { fill: '#bdc1c6', text: '#202124' },
  unclassified: { fill: '#f6aea9', text: '#202124' },
};

export interface FunnelWords {
  readonly title: string;
  readonly outside: string;
  readonly total: string;
  readonly unit: string;
  readonly labels: Readonly<Record<StageId, string>>;
}

const WIDTH = 280;
const BAND = 34;
const GAP = 3;
/** The narrow end, as a share of the mouth. */
const NECK = 0.5;

const num = (n: number): string => n.toLocaleString();

export function funnelChart(counts: Readonly<Record<StageId, number>>, words: FunnelWords): HTMLElement {
  const n = FUNNEL_STAGES.length;
  const height = n * BAND + (n - 1) * GAP;
  const widthAt = (y: number): number => WIDTH * (1 - (1 - NECK) * (y / height));
  const bands = FUNNEL_STAGES.map((stage, i) => {
    const top = i * (BAND + GAP);
    const bottom = top + BAND;
    const wt = widthAt(top);
    const wb = widthAt(bottom);
    const c = WIDTH / 2;
    const points = [
      [c - wt / 2, top],
      [c + wt / 2, top],
      [c + wb / 2, bottom],
      [c - wb / 2, bottom],
    ]
      .map(([x, y]) => `${x!.toFixed(1)},${y!.toFixed(1)}`)
      .join(' ');
    const count = counts[stage] ?? 0;
    const colour = COLORS[stage];
    return s(
      'g',
      { class: 'band', 'data-stage': stage, 'data-count': count },
      s('polygon', { points, fill: colour.fill }),
      s(
        'text',
        { x: c, y: top + BAND / 2, 'text-anchor': 'middle', 'dominant-baseline': 'central', fill: colour.text },
        s('tspan', { class: 'band-label' }, words.labels[stage]),
        s('tspan', { class: 'band-count', dx: 8 }, num(count) + words.unit),
      ),
    );
  });
  const svg = s(
    'svg',
    {
      class: 'funnel',
      viewBox: `0 0 ${WIDTH} ${height}`,
      role: 'img',
      'aria-label': words.title,
      preserveAspectRatio: 'xMidYMin meet',
    },
    s('title', {}, words.title),
    ...bands,
  );

  const all = [...FUNNEL_STAGES, ...OUTSIDE_STAGES].map((st) => counts[st] ?? 0);
  const max = Math.max(1, ...all);
  const total = all.reduce((a, b) => a + b, 0);
  const outside = h(
    'ul',
    { class: 'outside' },
    ...OUTSIDE_STAGES.map((stage) => {
      const count = counts[stage] ?? 0;
      const bar = h('span', { class: 'outside-bar' });
      bar.style.width = `${Math.max(count > 0 ? 2 : 0, (count / max) * 100)}%`;
      bar.style.background = COLORS[stage].fill;
      return h(
        'li',
        { 'data-stage': stage, 'data-count': count },
        h('span', { class: 'outside-label' }, words.labels[stage]),
        h('span', { class: 'outside-track' }, bar),
        h('span', { class: 'outside-count' }, num(count)),
      );
    }),
  );
  return h(
    'section',
    { class: 'chart', 'aria-label': words.title },
    h('h2', {}, words.title),
    svg,
    h('h3', {}, words.outside),
    outside,
    h('p', { class: 'total' }, `${words.total}: `, h('strong', { 'data-total': total }, num(total) + words.unit)),
  );
}
