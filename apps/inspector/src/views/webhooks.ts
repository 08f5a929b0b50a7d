import { dataOf, type Api } from '../api.js';
import { h, json, table, time } from '../dom.js';
import type { View, ViewContext } from '../view.js';

/** The account's webhook deliveries (payload, attempts, the receiver's answers) and where they go. */
export const webhooksView: View<Awaited<ReturnType<typeof load>>> = {
  title: 'Webhooks',
  controls: (context) => subscriptionForm(context),
  load: ({ api }) => load(api),
  render: (deliveries) =>
    table(
      'deliveries',
      ['#', 'Topic', 'Customer', 'Status', 'Attempts', 'Created', 'Last attempt', 'Next attempt', 'Last answer', 'Payload'],
      deliveries.map((d) => [
        d.id,
        d.topic,
        d.customerId,
        d.status,
        d.attempts,
        time(d.createdAt),
        time(d.lastAttemptAt),
        time(d.nextAttemptAt),
        d.lastAnswer ? `${d.lastAnswer.status ?? d.lastAnswer.error ?? ''} ${d.lastAnswer.body ?? ''} (${d.lastAnswer.durationMs ?? '?'} ms)` : '—',
        h('details', {}, h('summary', {}, 'show'), json(d.payload)),
      ]),
      'No deliveries.',
    ),
};

async function load(api: Api) {
  return dataOf(await api.GET('/_reference/webhooks/deliveries', { params: { query: { limit: 200 } } })).deliveries;
}

function subscriptionForm({ api, refresh }: ViewContext): Node {
  const input = h('input', { type: 'url', placeholder: 'http://127.0.0.1:8080/webhooks (empty: none)', 'aria-label': 'Webhook URL', 'data-testid': 'webhook-url' });
  const note = h('span', { class: 'muted' });
  void api.GET('/_reference/webhooks/subscription', {}).then((answer) => {
    if (answer.data) input.value = answer.data.url ?? '';
  });
  return h(
    'form',
    {
      class: 'search',
      onsubmit: async (event: Event) => {
        event.preventDefault();
        const url = input.value.trim() || null;
        const answer = await api.PUT('/_reference/webhooks/subscription', { body: { url } });
        note.textContent = answer.error ? `Refused: ${(answer.error as { message?: string }).message ?? answer.response.status}` : `Webhooks now go to ${url ?? 'nowhere'}.`;
        refresh();
      },
    },
    input,
    h('button', { type: 'submit' }, 'Set webhook URL'),
    note,
  );
}
