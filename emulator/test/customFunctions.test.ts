/**
 * The custom-function check that `npm run check:dist` and the bundle test run: it finds what
 * src/index.ts declares and reports each way a bundler can lose what Sheets reads.
 */
import { customFunctionProblems, customFunctionsIn, declaredCustomFunctions } from '../customFunctions';

const INDEX = `
/**
 * Sums a range.
 * @param {A1:A9} values The numbers.
 * @param {2} times [optional] How many times.
 * @return The sum.
 * @customfunction
 * @preserve
 */
global.TOTAL = (values: unknown, times?: unknown) => TOTAL(values, times);

/**
 * Adds the menu.
 * @preserve
 */
global.onOpen = onOpen;
`;

const BUNDLE = `
/**
 * Sums a range.
 * @param {A1:A9} values The numbers.
 * @param {2} times [optional] How many times.
 * @return The sum.
 * @customfunction
 * @preserve
 */
function TOTAL(values, times) {
}
/**
 * Adds the menu.
 * @preserve
 */
function onOpen() {
}
`;

const declared = declaredCustomFunctions(INDEX);

test('src/index.ts: the globals under @customfunction, with their parameters and which are optional', () => {
  expect(declared.map((f) => [f.name, f.params])).toEqual([
    [
      'TOTAL',
      [
        { name: 'values', optional: false },
        { name: 'times', optional: true },
      ],
    ],
  ]);
});

test('a bundle: the top-level functions under @customfunction', () => {
  expect(customFunctionsIn(BUNDLE).map((f) => f.name)).toEqual(['TOTAL']);
});

test('a bundle that kept everything has no problem', () => {
  expect(customFunctionProblems(declared, BUNDLE)).toEqual([]);
});

test('each loss is reported', () => {
  expect(customFunctionProblems(declared, BUNDLE.replace(/\/\*\*[\s\S]*?\*\/\s*(?=function TOTAL)/, ''))).toEqual([
    'Code.js: no top-level "function TOTAL(" under a JSDoc with @customfunction',
  ]);
  expect(customFunctionProblems(declared, BUNDLE.replace('function TOTAL(values, times)', 'function TOTAL(values)'))).toEqual([
    'Code.js: TOTAL(values) where src/index.ts has TOTAL(values, times)',
  ]);
  expect(customFunctionProblems(declared, BUNDLE.replace(' * @param {2} times [optional] How many times.\n', ''))).toEqual([
    "Code.js: TOTAL's JSDoc has no @param for times",
  ]);
  expect(customFunctionProblems(declared, BUNDLE.replace('times [optional] How', 'times How'))).toEqual([
    "Code.js: TOTAL's @param times does not say [optional]",
  ]);
  expect(customFunctionProblems(declared, BUNDLE.replace(' * @return The sum.\n', ''))).toEqual(["Code.js: TOTAL's JSDoc has no @return"]);
});

test('no declared custom function is a problem, not a pass', () => {
  expect(customFunctionProblems(declaredCustomFunctions('global.onOpen = onOpen;'), BUNDLE)).toHaveLength(1);
});

test('a rest parameter (…values) is one optional parameter, in src/index.ts and in the bundle', () => {
  const index = '/**\n * Echoes.\n * @param {A1} values [optional] Anything.\n * @return The rows.\n * @customfunction\n */\nglobal.ECHO = (...values: unknown[]) => ECHO(values);';
  const bundle = '/**\n * Echoes.\n * @param {A1} values [optional] Anything.\n * @return The rows.\n * @customfunction\n */\nfunction ECHO(...values) {\n}';
  const echo = declaredCustomFunctions(index);
  expect(echo.map((f) => f.params)).toEqual([[{ name: 'values', optional: true }]]);
  expect(customFunctionProblems(echo, bundle)).toEqual([]);
  expect(customFunctionProblems(echo, bundle.replace('[optional] ', ''))).toEqual(["Code.js: ECHO's @param values does not say [optional]"]);
});
