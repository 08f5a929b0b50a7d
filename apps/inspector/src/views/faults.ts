import type { components } from '@gameball-open/client';
import { dataOf } from '../api.js';
import { h, table } from '../dom.js';
import type { View, ViewContext } from '../view.js';

type FaultOperationId = components['schemas']['FaultOperationId'];
type FaultStatus = NonNullable<components['schemas']['FaultRule']['status']>;
const STATUSES: FaultStatus[] = [429, 500, 502, 503, 504];

/** Fault injection (setFaultInjection, clearFaultInjection): make chosen operations fail or slow down, and see what is set. */
export const faultsView: View<Array<components['schemas']['FaultRuleState']>> = {
  title: 'Faults',
  controls: (context) => h('div', { class: 'tools' }, faultForm(context)),
  load: async ({ api }) => dataOf(await api.GET('/_reference/faults', {})).faults,
  render: (faults) =>
    table(
      'faults',
      ['Operations', 'Status', 'Retry-After s', 'Latency ms', 'Count', 'Ratio', 'Requests left'],
      faults.map((f) => [f.operationIds?.join(', ') ?? 'every operation', f.status ?? '', f.retryAfterSeconds ?? '', f.latencyMs ?? '', f.count ?? '', f.ratio ?? '', f.remaining ?? 'until cleared']),
      'No faults: every operation runs as it should.',
    ),
};

function faultForm({ api, refresh }: ViewContext): Node {
  const operations = h('input', { placeholder: 'operationIds, comma-separated (empty: all)', 'aria-label': 'Operations', 'data-testid': 'fault-operations' });
  const status = h('select', { 'aria-label': 'Status', 'data-testid': 'fault-status' }, ...STATUSES.map((code) => h('option', { value: code, selected: code === 503 }, String(code))));
  const count = h('input', { type: 'number', min: 1, step: 1, value: 1, 'aria-label': 'Count', 'data-testid': 'fault-count' });
  const note = h('span', { class: 'muted', 'data-testid': 'fault-note' });
  const said = (answer: { error?: unknown; response: Response }, done: string) =>
    (note.textContent = answer.error ? `Refused: ${(answer.error as { message?: string }).message ?? answer.response.status}` : done);
  const clear = h('button', {
    type: 'button',
    'data-testid': 'fault-clear',
    onclick: async () => {
      said(await api.DELETE('/_reference/faults', {}), 'Cleared.');
      refresh();
    },
  }, 'Clear all');
  return h(
    'form',
    {
      class: 'card',
      onsubmit: async (event: Event) => {
        event.preventDefault();
        const ids = operations.value.split(',').map((id) => id.trim()).filter(Boolean) as FaultOperationId[];
        const rule = { status: Number(status.value) as FaultStatus, count: Number(count.value), ...(ids.length > 0 ? { operationIds: ids } : {}) };
        said(await api.PUT('/_reference/faults', { body: { faults: [rule] } }), 'Set.');
        refresh();
      },
    },
    h('h2', {}, 'Inject a fault'),
    h('p', { class: 'muted' }, 'The chosen operations answer this status (429 with Retry-After, or a 5xx) for the next requests, writing nothing; the reference tools are never hit.'),
    operations,
    status,
    count,
    h('button', { type: 'submit', 'data-testid': 'fault-set' }, 'Set'),
    clear,
    note,
  );
}
