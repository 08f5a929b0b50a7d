import type { QueryParams, ResponseBody } from '@gameball-open/server-types';
import { latestBatches } from '../../domain/batches/batch-list.js';
import type { Scope } from '../../scope.js';
import { requireTools, type ReferenceTools } from './reference-tools.js';

/** GET /_reference/batches: the account's batch jobs, newest first. */
export async function listReferenceBatches(
  context: Scope & ReferenceTools,
  query: QueryParams<'listReferenceBatches'>,
): Promise<ResponseBody<'listReferenceBatches'>> {
  const { store, account } = requireTools(context);
  return { batches: await latestBatches(store, account.id, query.limit ?? 50) };
}
