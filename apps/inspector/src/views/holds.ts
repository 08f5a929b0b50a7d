import { dataOf } from '../api.js';
import { link, table, time } from '../dom.js';
import type { components } from '@gameball-open/client';
import type { View } from '../view.js';

/** The account's holds, newest first. */
export const holdsView: View<Array<components['schemas']['ReferenceHold']>> = {
  title: 'Holds',
  load: async ({ api }) => dataOf(await api.GET('/_reference/holds', { params: { query: { limit: 200 } } })).holds,
  render: (holds) =>
    table(
      'holds',
      ['Reference', 'Customer', 'Points', 'Amount', 'State', 'Created', 'Expires', 'Closed'],
      holds.map((x) => [x.holdReference, link(`#/customers/${encodeURIComponent(x.customerId)}`, x.customerId), x.points, x.amount, x.state, time(x.createdAt), time(x.expiresAt), time(x.closedAt)]),
      'No holds.',
    ),
};
