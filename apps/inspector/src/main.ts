import './style.css';
import { apiFor, ApiError, dataOf, type Api } from './api.js';
import { errorNote, h } from './dom.js';
import { forgetKeys, saveKeys, savedKeys, type Keys } from './keys.js';
import { routeOf, type View, type ViewContext } from './view.js';
import { accountView } from './views/account.js';
import { batchesView, batchView } from './views/batches.js';
import { customerView } from './views/customer.js';
import { customersView } from './views/customers.js';
import { faultsView } from './views/faults.js';
import { holdsView } from './views/holds.js';
import { toolsView } from './views/tools.js';
import { webhooksView } from './views/webhooks.js';

/** How often the shown view is read again, so new entries and deliveries appear without a reload. */
const POLL_MS = 2_000;

const NAV: Array<[string, string]> = [
  ['#/account', 'Account'],
  ['#/customers', 'Customers'],
  ['#/holds', 'Holds'],
  ['#/batches', 'Batches'],
  ['#/webhooks', 'Webhooks'],
  ['#/faults', 'Faults'],
  ['#/tools', 'Tools'],
];

const app = document.getElementById('app')!;
const status = document.getElementById('status')!;
const nav = document.getElementById('nav')!;

function viewFor(path: string[]): View<any> {
  const [first, second] = path;
  if (first === 'customers') return second ? customerView : customersView;
  if (first === 'batches') return second ? batchView : batchesView;
  if (first === 'holds') return holdsView;
  if (first === 'webhooks') return webhooksView;
  if (first === 'faults') return faultsView;
  if (first === 'tools') return toolsView;
  return accountView;
}

/** Asks for the keys, checks them with a reference-tools operation (both keys needed), keeps them for this tab. */
function askForKeys(message?: string): void {
  nav.replaceChildren();
  status.textContent = '';
  const apiKey = h('input', { name: 'apiKey', autocomplete: 'off', required: true, 'data-testid': 'api-key' });
  const secretKey = h('input', { name: 'secretKey', type: 'password', autocomplete: 'off', required: true, 'data-testid': 'secret-key' });
  const form = h(
    'form',
    {
      class: 'card keys',
      onsubmit: async (event: Event) => {
        event.preventDefault();
        const keys = { apiKey: apiKey.value.trim(), secretKey: secretKey.value.trim() };
        const problem = await checkKeys(keys);
        if (problem) return askForKeys(problem);
        saveKeys(keys);
        start(keys);
      },
    },
    h('h2', {}, 'Open an account'),
    h('p', { class: 'muted' }, "Enter the account's API key and secret key. They are sent as the API's headers and kept in this tab only."),
    h('label', {}, 'API key', apiKey),
    h('label', {}, 'Secret key', secretKey),
    h('button', { type: 'submit', 'data-testid': 'open-account' }, 'Open'),
    message ? errorNote(new Error(message)) : null,
  );
  app.replaceChildren(form);
}

async function checkKeys(keys: Keys): Promise<string | undefined> {
  try {
    dataOf(await apiFor(keys).GET('/_reference/clock', {}));
    return undefined;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return 'These keys were refused.';
    if (error instanceof ApiError && error.status === 404) return "This server's reference tools are off, so there is nothing to inspect.";
    return error instanceof Error ? error.message : String(error);
  }
}

let generation = 0;

function start(keys: Keys): void {
  const api = apiFor(keys);
  nav.replaceChildren(
    ...NAV.map(([href, text]) => h('a', { href }, text)),
    h('button', { type: 'button', class: 'link', 'data-testid': 'forget-keys', onclick: () => { forgetKeys(); generation++; askForKeys(); } }, 'Forget keys'),
  );
  const show = () => showRoute(api);
  window.onhashchange = show;
  show();
}

/** Draws the route's view and reads its data again every POLL_MS until the route changes. */
function showRoute(api: Api): void {
  const mine = ++generation;
  const route = routeOf(location.hash || '#/account');
  const view = viewFor(route.path);
  for (const a of nav.querySelectorAll('a')) a.classList.toggle('current', location.hash.startsWith(a.getAttribute('href')!));
  const body = h('div', { 'data-testid': 'view-body' });
  let last = '';
  let timer: number | undefined;
  const context: ViewContext = { api, route, go: (hash) => { location.hash = hash; }, refresh: () => void tick() };
  const tick = async () => {
    window.clearTimeout(timer);
    try {
      const data = await view.load(context);
      if (mine !== generation) return;
      const text = JSON.stringify(data);
      if (text !== last) body.replaceChildren(view.render(data, context));
      last = text;
      status.textContent = `updated ${new Date().toLocaleTimeString()}`;
    } catch (error) {
      if (mine !== generation) return;
      if (error instanceof ApiError && error.status === 401) return askForKeys('These keys were refused.');
      body.replaceChildren(errorNote(error instanceof Error ? error : new Error(String(error))));
      last = '';
    }
    if (mine === generation) timer = window.setTimeout(() => void tick(), POLL_MS);
  };
  app.replaceChildren(h('h1', { class: 'view-title' }, view.title), view.controls?.(context) ?? '', body);
  void tick();
}

const keys = savedKeys();
if (keys) start(keys);
else askForKeys();
