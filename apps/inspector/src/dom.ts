/** A few DOM helpers: elements from a tag, attributes and children; text is always set as text, never as HTML. */
type Child = Node | string | number | null | undefined | false;
type Attributes = Record<string, string | number | boolean | ((event: Event) => void) | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.replace(/^on/, ''), value);
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

/** A table with a header row; each row's cells are nodes or text. `testid` names it for tests. */
export function table(testid: string, headings: string[], rows: Child[][], empty = 'Nothing yet.'): HTMLElement {
  if (rows.length === 0) return h('p', { class: 'empty', 'data-testid': `${testid}-empty` }, empty);
  return h(
    'table',
    { 'data-testid': testid },
    h('thead', {}, h('tr', {}, ...headings.map((text) => h('th', {}, text)))),
    h('tbody', {}, ...rows.map((cells) => h('tr', {}, ...cells.map((cell) => h('td', {}, cell))))),
  );
}

/** Label/value pairs. */
export function facts(testid: string, pairs: Array<[string, Child]>): HTMLElement {
  return h('dl', { class: 'facts', 'data-testid': testid }, ...pairs.flatMap(([label, value]) => [h('dt', {}, label), h('dd', {}, value ?? '—')]));
}

export function section(title: string, ...children: Child[]): HTMLElement {
  return h('section', { class: 'card' }, h('h2', {}, title), ...children);
}

export function json(value: unknown): HTMLElement {
  return h('pre', { class: 'json' }, JSON.stringify(value, null, 2));
}

/** An ISO time as `2026-12-05 12:10:10` (UTC), or a dash. */
export function time(value: string | null | undefined): string {
  return value ? value.replace('T', ' ').replace(/\.\d+Z$|Z$/, '') : '—';
}

export function link(href: string, text: string, testid?: string): HTMLAnchorElement {
  return h('a', { href, 'data-testid': testid }, text);
}

export function errorNote(error: Error): HTMLElement {
  return h('p', { class: 'error', role: 'alert' }, error.message);
}
