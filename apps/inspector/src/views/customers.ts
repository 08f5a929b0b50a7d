import { dataOf } from '../api.js';
import { h, link, table, time } from '../dom.js';
import type { View } from '../view.js';

/** Customers found by ID, email or mobile (`#/customers?q=`), or the newest ones. */
export const customersView: View<Awaited<ReturnType<typeof load>>> = {
  title: 'Customers',
  controls({ route, go }) {
    const input = h('input', { name: 'q', type: 'search', placeholder: 'customerId, email or mobile', value: route.query.get('q') ?? '', 'data-testid': 'customer-search', 'aria-label': 'Find a customer' });
    return h(
      'form',
      {
        class: 'search',
        onsubmit: (event: Event) => {
          event.preventDefault();
          const q = input.value.trim();
          go(q ? `#/customers?q=${encodeURIComponent(q)}` : '#/customers');
        },
      },
      input,
      h('button', { type: 'submit' }, 'Find'),
    );
  },
  load: ({ api, route }) => load(api, route.query.get('q') ?? undefined),
  render(customers) {
    return table(
      'customers',
      ['Customer', 'Name', 'Email', 'Mobile', 'Gameball ID', 'Created'],
      customers.map((c) => [link(`#/customers/${encodeURIComponent(c.customerId)}`, c.customerId, 'customer-link'), c.displayName ?? '—', c.email ?? '—', c.mobile ?? '—', c.gameballId, time(c.createdAt)]),
      'No customer found.',
    );
  },
};

async function load(api: Parameters<View<unknown>['load']>[0]['api'], q: string | undefined) {
  return dataOf(await api.GET('/_reference/customers', { params: { query: q ? { q } : {} } })).customers;
}
