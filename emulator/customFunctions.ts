/**
 * The add-on's custom functions, where they are written and where Sheets finds them.
 *
 * Declared in src/index.ts — the one list of them: a `global.NAME = (params) => …` under a JSDoc
 * with `@customfunction`. Built into dist/Code.js by gas-webpack-plugin as a top-level
 * `function NAME(params)` under the same JSDoc, from which Sheets takes the function's
 * autocomplete and help (`@customfunction`, `@param`, `@return`). Bundlers can strip comments, so
 * `npm run check:dist` and the bundle test compare the two with `customFunctionProblems`; the
 * emulator runs the built ones as Sheets runs a cell's formula (bundle.ts).
 */

export interface CustomFunction {
  readonly name: string;
  readonly params: readonly Param[];
  /** The JSDoc block's text, between its delimiters. */
  readonly doc: string;
}

export interface Param {
  readonly name: string;
  /** Declared `name?: T`, with a default, or as a rest parameter `...name` (in the bundle, only the rest shows). */
  readonly optional: boolean;
}

const JSDOC = String.raw`\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*`;

/** The functions of a script with `@customfunction` in the JSDoc right above `function NAME(…)`. */
export function customFunctionsIn(script: string): CustomFunction[] {
  return found(script, new RegExp(`${JSDOC}function (\\w+)\\(([^)]*)\\)`, 'g'));
}

/** The custom functions src/index.ts declares: `global.NAME = (…) =>` under a JSDoc with `@customfunction`. */
export function declaredCustomFunctions(indexSource: string): CustomFunction[] {
  return found(indexSource, new RegExp(`${JSDOC}global\\.(\\w+)\\s*=\\s*\\(([^)]*)\\)\\s*=>`, 'g'));
}

function found(source: string, pattern: RegExp): CustomFunction[] {
  const out: CustomFunction[] = [];
  for (const m of source.matchAll(pattern)) {
    if (!m[1]!.includes('@customfunction')) continue;
    const params = m[3]!
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => ({ name: /^(?:\.\.\.)?(\w+)/.exec(p)![1]!, optional: /^\.\.\.|^\w+\s*\?|=/.test(p) }));
    out.push({ name: m[2]!, params, doc: m[1]! });
  }
  return out;
}

/**
 * What Sheets would miss in the bundle: each declared custom function must be a top-level function
 * of it, with the declared parameters, under a JSDoc with `@customfunction`, an `@param {…} name`
 * for each parameter (described as `[optional]` when it is) and an `@return`. Empty when all is well.
 */
export function customFunctionProblems(declared: readonly CustomFunction[], bundle: string): string[] {
  if (declared.length === 0) return ['src/index.ts declares no custom function (a JSDoc with @customfunction above global.NAME = (…) =>)'];
  const built = new Map(customFunctionsIn(bundle).map((f) => [f.name, f]));
  const problems: string[] = [];
  for (const want of declared) {
    const got = built.get(want.name);
    if (got === undefined) {
      problems.push(`Code.js: no top-level "function ${want.name}(" under a JSDoc with @customfunction`);
      continue;
    }
    const names = (f: CustomFunction): string => f.params.map((p) => p.name).join(', ');
    if (names(got) !== names(want)) problems.push(`Code.js: ${want.name}(${names(got)}) where src/index.ts has ${want.name}(${names(want)})`);
    for (const p of want.params) {
      const tag = new RegExp(String.raw`@param \{[^}]+\} ${p.name} (\[optional\])?`).exec(got.doc);
      if (tag === null) problems.push(`Code.js: ${want.name}'s JSDoc has no @param for ${p.name}`);
      else if (p.optional && tag[1] === undefined) problems.push(`Code.js: ${want.name}'s @param ${p.name} does not say [optional]`);
    }
    if (!/@return /.test(got.doc)) problems.push(`Code.js: ${want.name}'s JSDoc has no @return`);
  }
  return problems;
}
