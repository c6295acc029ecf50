/**
 * HtmlService: pages from the project's HTML files, outputs with title and size, and templates
 * with <? ?>, <?= ?> (escaped) and <?!= ?> (raw) scriptlets evaluated in the script's realm.
 */
import { Ctx, Fake, defineEnums, finishFake, makeEnum, real, signatureError } from './core';
import type { RecordedPage } from './ui';

type HtmlOutput = GoogleAppsScript.HTML.HtmlOutput;
type HtmlTemplate = GoogleAppsScript.HTML.HtmlTemplate;

export const SandboxMode = makeEnum('SandboxMode', ['EMULATED', 'IFRAME', 'NATIVE']);
export const XFrameOptionsMode = makeEnum('XFrameOptionsMode', ['ALLOWALL', 'DEFAULT']);

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export class HtmlFiles {
  constructor(private files: Record<string, string>) {}
  get(ctx: Ctx, name: unknown): string {
    if (typeof name !== 'string') return signatureError(ctx, [name], 'HtmlService.createHtmlOutputFromFile');
    const bare = name.replace(/\.html$/, '');
    const content = this.files[bare] ?? this.files[`${bare}.html`];
    if (content === undefined) return ctx.fail(`No HTML file named ${bare} was found.`);
    return content;
  }
}

type ServiceImpl = 'createHtmlOutput' | 'createHtmlOutputFromFile' | 'createTemplate' | 'createTemplateFromFile';

export class FakeHtmlService extends Fake<GoogleAppsScript.HTML.HtmlService> implements Pick<GoogleAppsScript.HTML.HtmlService, ServiceImpl> {
  constructor(
    ctx: Ctx,
    private _files: HtmlFiles,
  ) {
    super(ctx);
  }
  createHtmlOutput(html?: unknown): HtmlOutput {
    if (html !== undefined && typeof html !== 'string') this._ctx.notImplemented('HtmlService.createHtmlOutput(blob)');
    return real(new FakeHtmlOutput(this._ctx, (html as string | undefined) ?? ''));
  }
  createHtmlOutputFromFile(filename: string): HtmlOutput {
    return real(new FakeHtmlOutput(this._ctx, this._files.get(this._ctx, filename)));
  }
  createTemplate(html: unknown): HtmlTemplate {
    if (typeof html !== 'string') return this._ctx.notImplemented('HtmlService.createTemplate(blob)');
    return real(new FakeHtmlTemplate(this._ctx, html));
  }
  createTemplateFromFile(filename: string): HtmlTemplate {
    return real(new FakeHtmlTemplate(this._ctx, this._files.get(this._ctx, filename)));
  }
}
defineEnums(FakeHtmlService, { SandboxMode, XFrameOptionsMode });
finishFake(FakeHtmlService, 'HTML.HtmlService');

type OutputImpl =
  | 'setTitle'
  | 'getTitle'
  | 'getContent'
  | 'setContent'
  | 'append'
  | 'appendUntrusted'
  | 'clear'
  | 'setWidth'
  | 'getWidth'
  | 'setHeight'
  | 'getHeight'
  | 'setSandboxMode'
  | 'setXFrameOptionsMode'
  | 'addMetaTag'
  | 'setFaviconUrl'
  | 'getFaviconUrl'
  | 'asTemplate';

export class FakeHtmlOutput extends Fake<HtmlOutput> implements Pick<HtmlOutput, OutputImpl> {
  private _title = '';
  private _width: number | null = null;
  private _height: number | null = null;
  private _favicon: string | null = null;
  readonly _meta: Array<{ name: string; content: string }> = [];
  constructor(
    ctx: Ctx,
    private _content: string,
  ) {
    super(ctx);
  }
  _snapshot(): RecordedPage {
    return { title: this._title, content: this._content, width: this._width, height: this._height };
  }
  private _self(): HtmlOutput {
    return real(this);
  }
  setTitle(title: string): HtmlOutput {
    this._title = String(title);
    return this._self();
  }
  getTitle(): string {
    return this._title;
  }
  getContent(): string {
    return this._content;
  }
  setContent(content: string): HtmlOutput {
    this._content = String(content);
    return this._self();
  }
  append(addedContent: string): HtmlOutput {
    this._content += String(addedContent);
    return this._self();
  }
  appendUntrusted(addedContent: string): HtmlOutput {
    this._content += escapeHtml(String(addedContent));
    return this._self();
  }
  clear(): HtmlOutput {
    this._content = '';
    return this._self();
  }
  setWidth(width: number): HtmlOutput {
    this._width = width;
    return this._self();
  }
  getWidth(): number {
    return this._width as number;
  }
  setHeight(height: number): HtmlOutput {
    this._height = height;
    return this._self();
  }
  getHeight(): number {
    return this._height as number;
  }
  setSandboxMode(_mode: GoogleAppsScript.HTML.SandboxMode): HtmlOutput {
    return this._self();
  }
  setXFrameOptionsMode(_mode: GoogleAppsScript.HTML.XFrameOptionsMode): HtmlOutput {
    return this._self();
  }
  addMetaTag(name: string, content: string): HtmlOutput {
    this._meta.push({ name: String(name), content: String(content) });
    return this._self();
  }
  setFaviconUrl(iconUrl: string): HtmlOutput {
    this._favicon = String(iconUrl);
    return this._self();
  }
  getFaviconUrl(): string {
    return this._favicon as string;
  }
  asTemplate(): HtmlTemplate {
    return real(new FakeHtmlTemplate(this._ctx, this._content));
  }
}
finishFake(FakeHtmlOutput, 'HTML.HtmlOutput');

/** Compiles template text to the body of a function of (vars, print). */
export function compileTemplate(source: string): string {
  const out: string[] = [];
  const re = /<\?(!?=)?([\s\S]*?)\?>/g;
  let last = 0;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    if (m.index > last) out.push(`__print(${JSON.stringify(source.slice(last, m.index))}, false);`);
    const code = m[2]!;
    if (m[1] === '=') out.push(`__print((${code}), true);`);
    else if (m[1] === '!=') out.push(`__print((${code}), false);`);
    else out.push(code);
    last = re.lastIndex;
  }
  if (last < source.length) out.push(`__print(${JSON.stringify(source.slice(last))}, false);`);
  return out.join('\n');
}

export class FakeHtmlTemplate extends Fake<HtmlTemplate> implements Pick<HtmlTemplate, 'evaluate' | 'getRawContent'> {
  constructor(
    ctx: Ctx,
    private _source: string,
  ) {
    super(ctx);
  }
  evaluate(): HtmlOutput {
    const vars: Record<string, unknown> = {};
    for (const k of Object.keys(this)) if (!k.startsWith('_')) vars[k] = (this as unknown as Record<string, unknown>)[k];
    let html = '';
    const fn = this._ctx.realm.compile(compileTemplate(this._source));
    fn(vars, (s, escape) => {
      const text = s === null || s === undefined ? '' : String(s);
      html += escape ? escapeHtml(text) : text;
    });
    return real(new FakeHtmlOutput(this._ctx, html));
  }
  getRawContent(): string {
    return this._source;
  }
}
finishFake(FakeHtmlTemplate, 'HTML.HtmlTemplate');
