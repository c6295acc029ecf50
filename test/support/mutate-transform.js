// Jest transform of `npm run mutate` (jest.mutate.config.js): esbuild-transform.js, after one fix to
// the header Stryker puts on each mutated file. That header finds the global object at once, with
// `globalThis.Math === Math` — and in a module that binds its own `Math` (the prediction models do:
// `const { Math } = globalThis`, see special.ts) that `Math` is the module's, not yet initialised
// when the header runs: "Cannot access 'Math' before initialization", and no test runs at all.
// In Node `globalThis` is the global object, so the check is dropped.
const esbuild = require('./esbuild-transform.js');

const STRYKER_GLOBAL_CHECK = 'globalThis.Math === Math';

module.exports = {
  process(source, filename, options) {
    const fixed = source.includes('stryNS_9fa48') ? source.replace(STRYKER_GLOBAL_CHECK, 'true') : source;
    return esbuild.process(fixed, filename, options);
  },
};
