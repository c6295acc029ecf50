/**
 * Which model the predictions use (backtest.ts, chooseModel): the rule the owner's 予測 rests on —
 * BG/NBD stays unless another model predicted the holdout significantly better. The backtests on
 * simulated shops that reach each verdict are in backtest.test.ts; here the rule itself, at its
 * boundaries. (A file of its own, in backtest.ts's group of stryker.groups.cjs, so that adding it
 * left backtest.test.ts and its results as they were.)
 */
import fc from 'fast-check';
import { SIGNIFICANT_Z, chooseModel } from '../../../src/core/predict/backtest';
import { MODEL_IDS, type ModelId } from '../../../src/core/predict/models';

const zOf = (entries: Array<[ModelId, number]>) => new Map(entries);

describe('another model is used only when it predicted significantly better than the baseline', () => {
  test('a model that scores higher than BG/NBD but within chance does not replace it', () => {
    expect(chooseModel(['paretoNbd', 'bgnbd', 'mbgnbd'], 'bgnbd', zOf([['paretoNbd', 1.5], ['mbgnbd', -0.4]]))).toEqual({ chosen: 'bgnbd', verdict: 'indistinguishable' });
  });

  test('z exactly at the line is not significant; just above it is', () => {
    expect(chooseModel(['paretoNbd', 'bgnbd'], 'bgnbd', zOf([['paretoNbd', SIGNIFICANT_Z]]))).toEqual({ chosen: 'bgnbd', verdict: 'indistinguishable' });
    expect(chooseModel(['paretoNbd', 'bgnbd'], 'bgnbd', zOf([['paretoNbd', 1.97]]))).toEqual({ chosen: 'paretoNbd', verdict: 'better' });
  });

  test('of two models significantly better, the better-scoring one is used, not the one with the larger z', () => {
    const z = zOf([['paretoNbd', 2.5], ['mbgnbd', 4]]);
    expect(chooseModel(['paretoNbd', 'mbgnbd', 'bgnbd'], 'bgnbd', z)).toEqual({ chosen: 'paretoNbd', verdict: 'better' });
    expect(chooseModel(['mbgnbd', 'paretoNbd', 'bgnbd'], 'bgnbd', z)).toEqual({ chosen: 'mbgnbd', verdict: 'better' });
  });

  test('a significantly better model is used even when a higher-scoring one is within chance', () => {
    expect(chooseModel(['paretoNbd', 'mbgnbd', 'bgnbd'], 'bgnbd', zOf([['paretoNbd', 1.9], ['mbgnbd', 2.2]]))).toEqual({ chosen: 'mbgnbd', verdict: 'better' });
  });
});

describe('the baseline is called best only when every other model predicted significantly worse', () => {
  test('all others significantly worse: baselineBest', () => {
    expect(chooseModel(['bgnbd', 'mbgnbd', 'paretoNbd'], 'bgnbd', zOf([['paretoNbd', -3], ['mbgnbd', -2.5]]))).toEqual({ chosen: 'bgnbd', verdict: 'baselineBest' });
  });

  test('one other worse and one within chance: the data cannot tell', () => {
    expect(chooseModel(['bgnbd', 'mbgnbd', 'paretoNbd'], 'bgnbd', zOf([['paretoNbd', -3], ['mbgnbd', -1]]))).toEqual({ chosen: 'bgnbd', verdict: 'indistinguishable' });
  });

  test('z exactly at minus the line is not significantly worse', () => {
    expect(chooseModel(['bgnbd', 'mbgnbd'], 'bgnbd', zOf([['mbgnbd', -SIGNIFICANT_Z]]))).toEqual({ chosen: 'bgnbd', verdict: 'indistinguishable' });
  });

  test('no other model to compare with: the baseline, and the data cannot tell', () => {
    expect(chooseModel(['paretoNbd'], 'paretoNbd', zOf([]))).toEqual({ chosen: 'paretoNbd', verdict: 'indistinguishable' });
  });
});

test('property: the chosen model is the best-scoring significantly better one, else the baseline', () => {
  const zValue = fc.oneof(fc.double({ min: -6, max: 6, noNaN: true }), fc.constantFrom(SIGNIFICANT_Z, -SIGNIFICANT_Z, Infinity, -Infinity, 0));
  const ranking = fc.shuffledSubarray([...MODEL_IDS], { minLength: 1 });
  fc.assert(
    fc.property(ranking, fc.nat(), fc.array(zValue, { minLength: 3, maxLength: 3 }), (ranked, pick, zs) => {
      const baseline = ranked[pick % ranked.length]!;
      const others = ranked.filter((id) => id !== baseline);
      const z = new Map(others.map((id, i) => [id, zs[i]!] as [ModelId, number]));
      const { chosen, verdict } = chooseModel(ranked, baseline, z);
      const significant = others.filter((id) => z.get(id)! > SIGNIFICANT_Z);
      if (significant.length === 0) {
        expect(chosen).toBe(baseline);
        expect(verdict).toBe(others.length > 0 && others.every((id) => z.get(id)! < -SIGNIFICANT_Z) ? 'baselineBest' : 'indistinguishable');
      } else {
        expect(verdict).toBe('better');
        expect(chosen).toBe(significant[0]);
        // Nothing ranked above the chosen model is significantly better than the baseline.
        expect(ranked.slice(0, ranked.indexOf(chosen)).every((id) => id === baseline || z.get(id)! <= SIGNIFICANT_Z)).toBe(true);
      }
    }),
  );
});
