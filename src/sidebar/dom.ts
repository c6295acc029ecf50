/**
 * DOM building without HTML strings: every text goes in as a text node and every attribute value
 * through `setAttribute`, so customer keys, sheet names, headers and error messages are shown as
 * text whatever they contain (`<img src=x onerror=…>` stays text). Nothing here uses innerHTML.
 */
export type Child = Node | string | number | null | undefined | false;

type Listener = (event: Event) => void;
export type Props = Readonly<Record<string, string | number | boolean | Listener | null | undefined>>;

const SVG_NS = 'http://www.w3.org/2000/svg';

function apply(el: Element, props: Props, children: readonly Child[]): void {
  let value: string | undefined;
  for (const [key, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (typeof v === 'function') {
      if (!key.startsWith('on')) throw new Error(`listener prop must start with "on": ${key}`);
      el.addEventListener(key.slice(2).toLowerCase(), v);
    } else if (key.startsWith('on')) {
      throw new Error(`inline handler attributes are not allowed: ${key}`);
    } else if (key === 'value') {
      value = String(v);
    } else {
      el.setAttribute(key === 'className' ? 'class' : key, v === true ? '' : String(v));
    }
  }
  append(el, children);
  // After the options exist, so a <select> can take its value.
  if (value !== undefined) (el as HTMLInputElement).value = value;
}

export function append(el: Node, children: readonly Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
  }
}

/** An HTML element; `class` sets the class, `onclick` etc. add listeners, strings become text. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  apply(el, props, children);
  return el;
}

/** An SVG element (inline charts). */
export function s<K extends keyof SVGElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  apply(el, props, children);
  return el;
}

/** Replaces an element's children. */
export function replaceChildren(el: Element, ...children: Child[]): void {
  while (el.firstChild) el.removeChild(el.firstChild);
  append(el, children);
}

