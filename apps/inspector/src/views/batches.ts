import { dataOf, type Api } from '../api.js';
import { facts, h, json, link, section, table, time } from '../dom.js';
import type { View } from '../view.js';

/** The account's batches (`#/batches`), newest first. */
export const batchesView: View<Awaited<ReturnType<typeof loadList>>> = {
  title: 'Batches',
  load: ({ api }) => loadList(api),
  render: (batches) =>
    table(
      'batches',
      ['Batch', 'Kind', 'Items', 'Created', 'Started', 'Stopped'],
      batches.map((b) => [link(`#/batches/${b.batchId}`, b.batchId, 'batch-link'), b.kind, b.itemCount, time(b.createdAt), time(b.startedAt), time(b.stoppedAt)]),
      'No batches.',
    ),
};

/** One batch (`#/batches/{batchId}`) with each item's result, as getBatchStatus gives it. */
export const batchView: View<Awaited<ReturnType<typeof loadOne>>> = {
  title: 'Batch',
  load: ({ api, route }) => loadOne(api, route.path[1] ?? ''),
  render(status) {
    const items = [
      ...(status.response?.successful ?? []).map((item) => ({ index: item.index, outcome: 'succeeded', customerId: item.customerId ?? item.orderId ?? '', detail: item.result === undefined ? item.message : json(item.result) })),
      ...(status.response?.failed ?? []).map((item) => ({ index: item.index, outcome: 'failed', customerId: item.customerId, detail: `${item.code}: ${item.message}` })),
    ].sort((a, b) => a.index - b.index);
    return h(
      'div',
      {},
      section(
        `Batch ${status.jobId}`,
        facts('batch', [['Operation', status.operation], ['Status', status.status], ['Items', status.itemCount], ['Done', status.finishedCount], ['Failed', status.errorCount], ['Created', time(status.createdAt)], ['Finished', time(status.finishedAt)]]),
      ),
      section('Items', table('batch-items', ['#', 'Outcome', 'Subject', 'Result or error'], items.map((i) => [i.index, i.outcome, i.customerId, i.detail]), 'No item is done yet.')),
    );
  },
};

async function loadList(api: Api) {
  return dataOf(await api.GET('/_reference/batches', { params: { query: { limit: 200 } } })).batches;
}

async function loadOne(api: Api, batchId: string) {
  return dataOf(await api.GET('/batches/{batchId}/status', { params: { path: { batchId } } }));
}
