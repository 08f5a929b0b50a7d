import { dataOf, type Api } from '../api.js';
import { h, json, table, time } from '../dom.js';
import type { View, ViewContext } from '../view.js';

/** The account's webhook deliveries (payload, signature, attempts, the receiver's answers), where they go, and sending one again. */
export const webhooksView: View<Awaited<ReturnType<typeof load>>> = {
  title: 'Webhooks',
  controls: (context) => subscriptionForm(context),
  load: ({ api }) => load(api),
  render: (deliveries, context) =>
    table(
      'deliveries',
      ['#', 'Topic', 'Customer', 'Status', 'Attempts', 'Created', 'Last attempt', 'Next attempt', 'Last answer', 'Payload and signature', ''],
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
        payloadDetails(d.id, h('p', {}, 'X-GB-Signature: ', h('code', {}, d.signature)), json(d.payload)),
        resendButton(context, d.id),
      ]),
      'No deliveries.',
    ),
};

async function load(api: Api) {
  return dataOf(await api.GET('/_reference/webhooks/deliveries', { params: { query: { limit: 200 } } })).deliveries;
}

/** Deliveries whose payload the reader opened: they stay open when a poll redraws the table. */
const opened = new Set<number>();

function payloadDetails(deliveryId: number, ...content: Node[]): Node {
  const details = h('details', { open: opened.has(deliveryId) }, h('summary', {}, 'show'), ...content);
  details.addEventListener('toggle', () => (details.open ? opened.add(deliveryId) : opened.delete(deliveryId)));
  return details;
}

/** Queues a copy of the delivery (resendWebhookDelivery); the webhook job sends it like any other. */
function resendButton({ api, refresh }: ViewContext, deliveryId: number): Node {
  const button = h('button', { type: 'button', 'data-testid': 'resend' }, 'Send again');
  button.addEventListener('click', async () => {
    const answer = await api.POST('/_reference/webhooks/deliveries/{deliveryId}/resend', { params: { path: { deliveryId } } });
    button.textContent = answer.data ? `Queued as #${answer.data.id}` : `Refused: ${(answer.error as { message?: string } | undefined)?.message ?? answer.response.status}`;
    button.disabled = true;
    refresh();
  });
  return button;
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
