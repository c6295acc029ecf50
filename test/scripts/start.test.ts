/**
 * `npm start` speaks the chosen language (issue 17): Japanese by default — its --help, its
 * argument errors and every line of its report — English with --lang en; dates read 2026/10/31.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { loadBundle } from '../../emulator/bundle';
import { projectRoot } from '../../emulator/project';
import { langOf, parseArgs, usage, UsageError } from '../../scripts/start/args';
import { sampleInputs } from '../../scripts/start/inputs';
import { runOne } from '../../scripts/start/report';
import { SAMPLE_AS_OF } from '../../scripts/sampleShop/shop';
import { ownerTextProblems } from '../support/ownerText';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
/** A line that says something (not a table rule or a blank). */
const saysSomething = (line: string): boolean => /[A-Za-z\u3040-\u30ff\u4e00-\u9fff]/.test(line);

function start(...args: string[]): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, [join(projectRoot(), 'scripts/run-ts.mjs'), join(projectRoot(), 'scripts/start/main.ts'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, CI: '1' },
  });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

describe('npm start -- --help', () => {
  test('Japanese by default: every line that says something is in Japanese; the sample day reads 2026/10/31', () => {
    const help = start('--help');
    expect(help.status).toBe(0);
    expect(help.stdout.trimEnd()).toBe(usage('ja'));
    const lines = help.stdout.split('\n').filter(saysSomething);
    expect(lines.length).toBeGreaterThan(15);
    expect(lines.filter((l) => !JAPANESE.test(l))).toEqual([]);
    expect(help.stdout).toContain('2026/10/31');
    expect(ownerTextProblems(help.stdout)).toEqual([]);
  });

  test('--lang en gives the English help', () => {
    expect(parseArgs(['--help', '--lang', 'en'])).toMatchObject({ help: true, lang: 'en' });
    expect(usage('en')).toMatch(/^Fan Funnel — runs the built add-on/);
    expect(JAPANESE.test(usage('en').split('\n')[0]!)).toBe(false);
  });

  test('a mistake on the command line is said in the chosen language, then the help', () => {
    const ja = start('--as-of', '2026-02-30');
    expect(ja.status).toBe(2);
    expect(ja.stderr.split('\n')[0]).toBe('--as-of には 2026/10/31 のような日付を指定してください (「2026-02-30」は読めません)');
    expect(() => parseArgs(['--lang=en', '--top', '0'])).toThrow(new UsageError('--top には 1 以上の整数を指定してください', '--top needs a whole number ≥ 1'));
    expect(langOf(['--orders', 'x.csv', '--lang', 'en'])).toBe('en');
    expect(langOf(['--lang'])).toBe('ja');
  });

  test('--as-of takes 2026/10/31 as well as 2026-10-31', () => {
    expect(parseArgs(['--as-of', '2026/10/31']).asOf).toBe('2026-10-31');
    expect(parseArgs(['--as-of', '2026-10-31']).asOf).toBe('2026-10-31');
    expect(() => parseArgs(['--as-of', '2026/13/01'])).toThrow(UsageError);
  });
});

describe('the terminal report of the sample shop', () => {
  test('in Japanese, every line is Japanese, with 2026/10/31 dates and no internal id or TRUE/FALSE', async () => {
    const inputs = await sampleInputs(() => undefined);
    const lines: string[] = [];
    const b = loadBundle({ locale: 'ja_JP', timeZone: 'Asia/Tokyo' });
    const run = { title: { ja: 'サンプル', en: 'Sample' }, orders: inputs.ja, customers: inputs.customers, survey: inputs.survey, asOf: SAMPLE_AS_OF, asOfNote: { ja: 'テスト', en: 'test' } };
    runOne(b, run, 'ja', 10, (s = '') => lines.push(...s.split('\n')));
    const said = lines.filter(saysSomething);
    expect(said.length).toBeGreaterThan(30);
    expect(said.filter((l) => !JAPANESE.test(l))).toEqual([]);
    expect(said.flatMap((l) => ownerTextProblems(l).map((p) => `${l} — ${p}`))).toEqual([]);
    expect(said.some((l) => /基準日\s+2026\/10\/31/.test(l))).toBe(true);
    // The ranking's last-order column: 2026/10/22, not 2026-10-22; no English stage or tier names.
    expect(said.some((l) => /\d{4}\/\d{2}\/\d{2}\s+ダイヤモンド/.test(l))).toBe(true);
    expect(said.some((l) => /\b(?:Visitor|Follower|Diamond|Gold|Stage)\b/.test(l))).toBe(false);
  });
});
