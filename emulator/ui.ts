/**
 * SpreadsheetApp.getUi(): menus, sidebars, dialogs and alerts, recorded for tests. Alerts and
 * prompts answer from a queue the test fills (`ui.answer('NO')`), else with the first button.
 */
import { Ctx, Fake, defineEnums, enumName, finishFake, makeEnum, real, signatureError } from './core';
import { FakeHtmlOutput } from './html';

type Ui = GoogleAppsScript.Base.Ui;
type Menu = GoogleAppsScript.Base.Menu;

export const Button = makeEnum('Button', ['CLOSE', 'OK', 'CANCEL', 'YES', 'NO']);
export const ButtonSet = makeEnum('ButtonSet', ['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL']);
export type ButtonName = keyof typeof Button;

export type MenuEntry =
  | { kind: 'item'; caption: string; functionName: string }
  | { kind: 'separator' }
  | { kind: 'submenu'; menu: RecordedMenu };

export interface RecordedMenu {
  /** null for the add-on menu (Extensions → the add-on's name). */
  caption: string | null;
  addon: boolean;
  entries: MenuEntry[];
}

export interface RecordedPage {
  title: string;
  content: string;
  width: number | null;
  height: number | null;
}

export interface RecordedAlert {
  kind: 'alert' | 'prompt';
  title: string | null;
  prompt: string;
  buttons: string;
  answer: string;
}

export class UiRecorder {
  menus: RecordedMenu[] = [];
  sidebars: RecordedPage[] = [];
  dialogs: Array<RecordedPage & { modal: boolean; dialogTitle: string }> = [];
  alerts: RecordedAlert[] = [];
  toasts: Array<{ message: string; title: string | null; timeoutSeconds: number }> = [];
  private answers: Array<{ button: ButtonName; text: string }> = [];

  /** Queues what the person clicks (and types) in the next alert or prompt. */
  answer(button: ButtonName, text = ''): void {
    this.answers.push({ button, text });
  }
  /** @internal */
  nextAnswer(buttons: string): { button: ButtonName; text: string } {
    const queued = this.answers.shift();
    if (queued) return queued;
    return { button: buttons.startsWith('YES') ? 'YES' : 'OK', text: '' };
  }
  /** Every item of the menus added so far, as [caption path, function name]. */
  items(): Array<[string, string]> {
    const out: Array<[string, string]> = [];
    const walk = (m: RecordedMenu, path: string[]) => {
      for (const e of m.entries) {
        if (e.kind === 'item') out.push([[...path, e.caption].join(' > '), e.functionName]);
        else if (e.kind === 'submenu') walk(e.menu, [...path, e.menu.caption ?? '']);
      }
    };
    for (const m of this.menus) walk(m, m.caption === null ? [] : [m.caption]);
    return out;
  }
  reset(): void {
    this.menus = [];
    this.sidebars = [];
    this.dialogs = [];
    this.alerts = [];
    this.toasts = [];
    this.answers = [];
  }
}

function page(ctx: Ctx, out: unknown, method: string): RecordedPage {
  if (!(out instanceof FakeHtmlOutput)) return signatureError(ctx, [out], `Ui.${method}`);
  return out._snapshot();
}

type UiImpl = 'alert' | 'prompt' | 'createAddonMenu' | 'createMenu' | 'showSidebar' | 'showModalDialog' | 'showModelessDialog';

export class FakeUi extends Fake<Ui> implements Pick<Ui, UiImpl> {
  constructor(
    ctx: Ctx,
    private _rec: UiRecorder,
  ) {
    super(ctx);
  }
  private _dialog(kind: 'alert' | 'prompt', args: unknown[]): { button: ButtonName; text: string } {
    let title: string | null = null;
    let prompt: unknown;
    let buttons: unknown = kind === 'alert' ? ButtonSet.OK : ButtonSet.OK;
    if (args.length === 1) [prompt] = args;
    else if (args.length === 2) [prompt, buttons] = args;
    else if (args.length === 3) [title, prompt, buttons] = args as [string, unknown, unknown];
    const set = enumName(buttons);
    if (typeof prompt !== 'string' || set === undefined || !(set in ButtonSet)) signatureError(this._ctx, args, `Ui.${kind}`);
    const answer = this._rec.nextAnswer(set!);
    this._rec.alerts.push({ kind, title, prompt: prompt as string, buttons: set!, answer: answer.button });
    return answer;
  }
  alert(...args: unknown[]): GoogleAppsScript.Base.Button {
    return Button[this._dialog('alert', args).button] as never;
  }
  prompt(...args: unknown[]): GoogleAppsScript.Base.PromptResponse {
    const a = this._dialog('prompt', args);
    return real(new FakePromptResponse(this._ctx, a.button, a.text));
  }
  createAddonMenu(): Menu {
    return real(new FakeMenu(this._ctx, this._rec, { caption: null, addon: true, entries: [] }));
  }
  createMenu(caption: string): Menu {
    if (typeof caption !== 'string') signatureError(this._ctx, [caption], 'Ui.createMenu');
    return real(new FakeMenu(this._ctx, this._rec, { caption, addon: false, entries: [] }));
  }
  showSidebar(userInterface: GoogleAppsScript.HTML.HtmlOutput): void {
    this._rec.sidebars.push(page(this._ctx, userInterface, 'showSidebar'));
  }
  showModalDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this._rec.dialogs.push({ ...page(this._ctx, userInterface, 'showModalDialog'), modal: true, dialogTitle: String(title) });
  }
  showModelessDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this._rec.dialogs.push({ ...page(this._ctx, userInterface, 'showModelessDialog'), modal: false, dialogTitle: String(title) });
  }
}
defineEnums(FakeUi, { Button, ButtonSet });
finishFake(FakeUi, 'Base.Ui');

function copyMenu(m: RecordedMenu): RecordedMenu {
  return { ...m, entries: m.entries.map((e) => (e.kind === 'submenu' ? { kind: 'submenu', menu: copyMenu(e.menu) } : { ...e })) };
}

export class FakeMenu extends Fake<Menu> implements Pick<Menu, 'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi'> {
  constructor(
    ctx: Ctx,
    private _rec: UiRecorder,
    readonly _menu: RecordedMenu,
  ) {
    super(ctx);
  }
  addItem(caption: string, functionName: string): Menu {
    if (typeof caption !== 'string' || typeof functionName !== 'string') signatureError(this._ctx, [caption, functionName], 'Menu.addItem');
    this._menu.entries.push({ kind: 'item', caption, functionName });
    return real(this);
  }
  addSeparator(): Menu {
    this._menu.entries.push({ kind: 'separator' });
    return real(this);
  }
  addSubMenu(menu: Menu): Menu {
    if (!(menu instanceof FakeMenu)) return signatureError(this._ctx, [menu], 'Menu.addSubMenu');
    this._menu.entries.push({ kind: 'submenu', menu: copyMenu(menu._menu) });
    return real(this);
  }
  addToUi(): void {
    this._rec.menus.push(copyMenu(this._menu));
  }
}
finishFake(FakeMenu, 'Base.Menu');

export class FakePromptResponse
  extends Fake<GoogleAppsScript.Base.PromptResponse>
  implements Pick<GoogleAppsScript.Base.PromptResponse, 'getResponseText' | 'getSelectedButton'>
{
  constructor(
    ctx: Ctx,
    private _button: ButtonName,
    private _text: string,
  ) {
    super(ctx);
  }
  getResponseText(): string {
    return this._text;
  }
  getSelectedButton(): GoogleAppsScript.Base.Button {
    return Button[this._button] as never;
  }
}
finishFake(FakePromptResponse, 'Base.PromptResponse');
