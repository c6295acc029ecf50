/**
 * Fit times of the next-purchase models (issue 5), in this Node process — the pure core, not the
 * bundle: BG/NBD and Gamma-Gamma on CDNOW's 1/10 sample (2,357 customers; aim: under a second),
 * on the CDNOW master file (23,570 customers; read from ../shared/data/cdnow/, skipped with a note
 * when it is missing), and on 200,000 simulated customers (continuous times, so no two customers
 * share a likelihood term: the worst case), plus the product path on a 200,000-customer shop in
 * days (orders → summaries → fits → every customer's predictions and lists).
 * Run by `npm run bench` (from bench.ts) or alone: node scripts/run-ts.mjs bench/predict.ts [--quick].
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fitBgNbd, type BgNbdFit } from '../src/core/predict/bgnbd';
import { fitGammaGamma, type GammaGammaFit } from '../src/core/predict/gammaGamma';
import { backtest } from '../src/core/predict/backtest';
import { fitMbgNbd } from '../src/core/predict/mbgnbd';
import { fitParetoNbd, type ParetoNbdFit } from '../src/core/predict/paretoNbd';
import { predictCustomers } from '../src/core/predict/predict';
import { customerDays, summarize } from '../src/core/predict/rfm';
import { MODEL_IDS } from '../src/core/predict/models';
import { CALIBRATION } from '../emulator/cost';
import { CUSTOM_FUNCTION_LIMIT_MS, EXECUTION_LIMIT_MS } from '../emulator/limits';
import { simulate, simulateShop } from '../test/support/btyd';
import { CALIBRATION_END, cdnowSampleTransactions, cdnowSummary, parseCdnow } from '../test/support/cdnow';
import { projectRoot } from '../emulator/project';

const MASTER = join(projectRoot(), '..', 'shared', 'data', 'cdnow', 'CDNOW_master.txt');
const CDNOW = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Median time of `runs` calls after one warm-up call, and the last result. */
function timed<T>(runs: number, fn: () => T): { ms: number; value: T } {
  let value = fn();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    value = fn();
    t.push(performance.now() - t0);
  }
  return { ms: median(t), value };
}

const f3 = (v: number): string => v.toPrecision(4);
const bgLine = (f: BgNbdFit): string =>
  `r=${f3(f.params.r)} α=${f3(f.params.alpha)} a=${f3(f.params.a)} b=${f3(f.params.b)} LL=${f.logLikelihood.toFixed(1)}` +
  ` (${f.iterations} iterations, ${f.evaluations} evaluations over ${f.starts} starts, ${f.converged ? 'converged' : `NOT converged: ${f.problem}`})`;
const pnbdLine = (f: ParetoNbdFit): string =>
  `r=${f3(f.params.r)} α=${f3(f.params.alpha)} s=${f3(f.params.s)} β=${f3(f.params.beta)} LL=${f.logLikelihood.toFixed(1)}` +
  ` (${f.iterations} iterations, ${f.evaluations} evaluations, ${f.converged ? 'converged' : `NOT converged: ${f.problem}`})`;
const ggLine = (g: GammaGammaFit): string =>
  `p=${f3(g.params.p)} q=${f3(g.params.q)} γ=${f3(g.params.gamma)} LL=${g.logLikelihood.toFixed(1)} on ${g.customers.toLocaleString('en-US')} repeat buyers`;
const n = (v: number): string => v.toLocaleString('en-US');

export function runPredictBench(quick = false): void {
  const runs = quick ? 3 : 7;
  console.log('Next-purchase models (BG/NBD + Gamma-Gamma), pure core in Node — median of runs after a warm-up');

  const sample = cdnowSummary();
  const bg = timed(runs, () => fitBgNbd(sample));
  const gg = timed(runs, () => fitGammaGamma(sample));
  console.log(`  CDNOW sample, ${n(sample.length)} customers (weeks, published summary):`);
  console.log(`    BG/NBD fit      ${bg.ms.toFixed(1)} ms   ${bgLine(bg.value)}`);
  console.log(`    Gamma-Gamma fit ${gg.ms.toFixed(1)} ms   ${ggLine(gg.value)}`);
  const pn = timed(runs, () => fitParetoNbd(sample));
  const mb = timed(runs, () => fitMbgNbd(sample));
  console.log(`    Pareto/NBD fit  ${pn.ms.toFixed(1)} ms   ${pnbdLine(pn.value)}   (published: r=0.553 α=10.58 s=0.606 β=11.67 LL=−9595.0)`);
  console.log(`    MBG/NBD fit     ${mb.ms.toFixed(1)} ms   ${bgLine(mb.value)}   (published: r=0.525 α=6.183 a=0.891 b=1.614)`);
  const raw = cdnowSampleTransactions();
  const whole = timed(runs, () => {
    const s = summarize(raw, { asOf: CALIBRATION_END, unit: 7 });
    return [fitBgNbd(s), fitGammaGamma(s)] as const;
  });
  console.log(`    raw rows → summary → both fits: ${whole.ms.toFixed(1)} ms (aim: under 1,000 ms)`);

  if (existsSync(MASTER)) {
    const master = summarize(parseCdnow(readFileSync(MASTER, 'utf8'), 0, 1), { asOf: CALIBRATION_END, unit: 7 });
    const m = timed(quick ? 1 : 3, () => fitBgNbd(master));
    const mg = timed(quick ? 1 : 3, () => fitGammaGamma(master));
    console.log(`  CDNOW master file, ${n(master.length)} customers (weeks, calibration to 1997-09-30):`);
    console.log(`    BG/NBD fit      ${m.ms.toFixed(1)} ms   ${bgLine(m.value)}`);
    console.log(`    Gamma-Gamma fit ${mg.ms.toFixed(1)} ms   ${ggLine(mg.value)}`);
  } else {
    console.log(`  CDNOW master file: not found at ${MASTER} — skipped (copy shared/ beside the repo to run it).`);
  }

  const big = simulate(CDNOW, { customers: 200_000, T: (rnd) => 30 + rnd() * 9, seed: 1, spend: { p: 6.25, q: 3.74, gamma: 15.44 } });
  const sb = timed(quick ? 1 : 3, () => fitBgNbd(big));
  const sg = timed(quick ? 1 : 3, () => fitGammaGamma(big));
  console.log(`  200,000 simulated customers (continuous weeks, CDNOW's parameters: r=0.243 α=4.414 a=0.793 b=2.426; p=6.25 q=3.74 γ=15.44):`);
  console.log(`    BG/NBD fit      ${sb.ms.toFixed(1)} ms   ${bgLine(sb.value)}`);
  console.log(`    Gamma-Gamma fit ${sg.ms.toFixed(1)} ms   ${ggLine(sg.value)}`);

  const asOf = 20_000;
  const shop = simulateShop({ r: 0.8, alpha: 40, a: 0.6, b: 3 }, { customers: 200_000, firstDay: asOf - 1095, asOf, seed: 2, spend: { p: 4, q: 5, gamma: 20_000 } });
  const p = timed(1, () => predictCustomers({ orders: shop.orders, asOf }));
  const projected = (ms: number, limitMs: number): string =>
    `projected Apps Script time ${(ms * CALIBRATION.scriptFactor / 1000).toFixed(1)} s of the ${limitMs >= 60_000 ? `${limitMs / 60_000} min` : `${limitMs / 1000} s`} limit (emulator/cost.ts: script time × ${CALIBRATION.scriptFactor})`;
  console.log(`  Product path, a 200,000-customer shop in days (${n(shop.orders.length)} orders over 3 years): ${p.ms.toFixed(1)} ms — ${projected(p.ms, EXECUTION_LIMIT_MS)}`);
  const chosen = p.value.model;
  console.log(
    `    orders → summaries → backtest (3 models fitted on the orders before the last 90 days) → the chosen model's fit → predictions for every customer, the 14-day list and win-back; ` +
      `${chosen === undefined ? 'no fit' : `${chosen.id}, ${chosen.fit.iterations} iterations, ${chosen.fit.evaluations} evaluations`}`,
  );
  const days = customerDays(shop.orders, asOf);
  const bt = timed(1, () => backtest(days, asOf, { holdoutDays: 90, minRepeatBuyers: 50 }));
  const b = bt.value;
  console.log(`    of which the backtest alone: ${bt.ms.toFixed(1)} ms` + (b.ok ? ` — chose ${b.chosen} (${b.verdict}); holdout purchases predicted ${n(Math.round(b.scores.find((x) => x.id === b.chosen)!.predicted))}, actual ${n(b.actual)}` : ` — ${b.reason}`));
  if (b.ok) {
    for (const sc of b.scores) console.log(`      ${sc.id} fitted on the calibration sample: ${sc.model.fit.iterations} iterations, ${sc.model.fit.evaluations} evaluations, ${sc.model.fit.converged ? 'converged' : 'NOT converged'}`);
  }
  for (const id of MODEL_IDS) {
    const t0 = performance.now();
    const value = predictCustomers({ orders: shop.orders, asOf, options: { holdoutDays: 0, model: id } });
    const off = { ms: performance.now() - t0, value };
    const fit = off.value.model?.fit;
    console.log(
      `    NEXTPURCHASE's work (no backtest; the refresh's model, here ${id}, fitted on every customer${fit ? `: ${fit.evaluations} evaluations` : ''}): ` +
        `${off.ms.toFixed(1)} ms — ${projected(off.ms, CUSTOM_FUNCTION_LIMIT_MS)}`,
    );
  }
}

// Run directly (not imported by bench.ts).
if (process.argv[1]?.endsWith('predict.ts')) runPredictBench(process.argv.includes('--quick'));
