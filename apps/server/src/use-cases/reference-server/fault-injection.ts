import type { RequestBody, ResponseBody } from '@gameball-open/server-types';
import type { FaultBoard } from '../../faults.js';
import type { Scope } from '../../scope.js';
import { requireTools, type ReferenceTools } from './reference-tools.js';

/** The reference tools and the process's fault board, as the request context carries them. */
type FaultTools = Scope & ReferenceTools & { faults: FaultBoard };

/**
 * PUT /_reference/faults: replaces the account's faults (an empty list clears them). They are
 * applied by http/fault-injection.ts to the account's next requests, in this process.
 */
export async function setFaultInjection(context: FaultTools, body: RequestBody<'setFaultInjection'>): Promise<ResponseBody<'setFaultInjection'>> {
  const { faults, account } = requireTools(context);
  // The spec's enum of operationIds went in; the board holds them as strings.
  return { faults: faults.set(account.id, body.faults) as ResponseBody<'setFaultInjection'>['faults'] };
}

/** GET /_reference/faults: the account's faults, with the requests each will still hit. */
export async function getFaultInjection(context: FaultTools): Promise<ResponseBody<'getFaultInjection'>> {
  const { faults, account } = requireTools(context);
  return { faults: faults.get(account.id) as ResponseBody<'getFaultInjection'>['faults'] };
}

/** DELETE /_reference/faults: the account's requests run normally again. */
export async function clearFaultInjection(context: FaultTools): Promise<void> {
  const { faults, account } = requireTools(context);
  faults.clear(account.id);
}
