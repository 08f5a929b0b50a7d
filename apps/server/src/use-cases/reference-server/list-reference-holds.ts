import type { QueryParams, ResponseBody } from '@gameball-open/server-types';
import { latestHolds } from '../../domain/points/hold-list.js';
import type { Scope } from '../../scope.js';
import { requireTools, type ReferenceTools } from './reference-tools.js';

/** GET /_reference/holds: the account's holds, newest first, each in its state as of now. */
export async function listReferenceHolds(
  context: Scope & ReferenceTools,
  query: QueryParams<'listReferenceHolds'>,
): Promise<ResponseBody<'listReferenceHolds'>> {
  const { store, account, clock } = requireTools(context);
  return { holds: await latestHolds(store, account.id, query.customerId, query.limit ?? 50, clock.now().toISOString()) };
}
