// npm run check:dist — checks that dist/ is exactly what `clasp push` must upload, and that what
// Sheets needs survives the bundler. Run after `npm run build`; CI and `npm run deploy` run it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { customFunctionProblems, declaredCustomFunctions } from '../emulator/customFunctions';
import { DIST as dist, projectRoot } from '../emulator/project';

const problems: string[] = [];
const check = (ok: boolean, message: string): unknown => ok || problems.push(message);

const files = readdirSync(dist).sort();
check(
  JSON.stringify(files) === JSON.stringify(['Code.js', 'Sidebar.html', 'appsscript.json']),
  `dist/ must hold exactly Code.js, Sidebar.html, appsscript.json; it holds ${files.join(', ')}`,
);

const manifest = JSON.parse(readFileSync(join(dist, 'appsscript.json'), 'utf8'));
check(manifest.runtimeVersion === 'V8', 'appsscript.json: runtimeVersion must be V8');
check(manifest.timeZone === 'Asia/Tokyo', 'appsscript.json: timeZone must be Asia/Tokyo');
// The default build never asks owners for BigQuery: the scope comes only with the BigQuery build
// (`npm run build -- --bigquery`, checked with `npm run check:dist -- --bigquery`).
const bigQueryBuild = process.argv.includes('--bigquery');
const granted: string[] = manifest.oauthScopes ?? [];
const bigQueryScopes = granted.filter((s) => /bigquery/i.test(s));
if (!bigQueryBuild) check(bigQueryScopes.length === 0, `appsscript.json: the default build must have no BigQuery scope; it has ${bigQueryScopes.join(', ')} (build the BigQuery one with npm run build -- --bigquery)`);
const scopes = [
  ...(bigQueryBuild ? ['https://www.googleapis.com/auth/bigquery.readonly'] : []),
  'https://www.googleapis.com/auth/script.container.ui',
  'https://www.googleapis.com/auth/script.scriptapp',
  'https://www.googleapis.com/auth/spreadsheets.currentonly',
];
check(
  JSON.stringify([...granted].sort()) === JSON.stringify(scopes),
  `appsscript.json: oauthScopes must be exactly ${scopes.join(', ')}`,
);

const code = readFileSync(join(dist, 'Code.js'), 'utf8');
// Every custom function src/index.ts declares keeps its JSDoc, so Sheets lists it with its help.
problems.push(...customFunctionProblems(declaredCustomFunctions(readFileSync(join(projectRoot(), 'src', 'index.ts'), 'utf8')), code));
for (const name of ['onOpen', 'onInstall', 'showSidebar']) {
  check(new RegExp(`^function ${name}\\(`, 'm').test(code), `Code.js: no top-level function ${name}`);
}
check(!/hyperformula/i.test(code), 'Code.js must not contain HyperFormula (GPL-3.0, development only)');
check(!/\beval\(/.test(code), 'Code.js must not use eval (webpack development mode?)');

const html = readFileSync(join(dist, 'Sidebar.html'), 'utf8');
check(!/<(script|link)[^>]+(src|href)\s*=\s*["']?https?:/i.test(html), 'Sidebar.html must be self-contained (no CDN)');
// No external URL at all (the SVG namespace is a name, not a request), no external script, style
// or image, and the client inlined: the page works offline in Apps Script's sandbox.
const urls = html.replace(/http:\/\/www\.w3\.org\/2000\/svg/g, '').match(/(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}[^\s"'<>)]*/gi) ?? [];
check(urls.length === 0, `Sidebar.html must have no external URLs; it has ${urls.slice(0, 5).join(', ')}`);
check(!/<(script|img|iframe|link)\b[^>]*\s(src|href)\s*=/i.test(html), 'Sidebar.html must not load any script, image or stylesheet by URL');
check(!/@import|url\(\s*["']?(?!data:)/i.test(html), 'Sidebar.html must not import CSS or load url() resources');
const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
check(
  inline.length === 1 && inline[0]!.length > 2000 && inline[0]!.includes('google.script.run') && !inline[0]!.includes('@inline'),
  'Sidebar.html must contain the inlined client script (src/sidebar/client.ts bundled by scripts/build.mjs)',
);
check(/<style>[\s\S]*\.refresh[\s\S]*<\/style>/.test(html) && !html.includes('/*@inline'), 'Sidebar.html must contain the inlined sidebar.css');
check(!/SpreadsheetApp|PropertiesService|LockService/.test(html), 'Sidebar.html must not contain server code (import type only)');

if (problems.length > 0) {
  console.error(`dist/ check failed:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(`dist/ OK: ${files.join(', ')} (${Math.round(code.length / 1024)} KB bundle)`);
