import type { RequestBody, ResponseBody } from '@gameball-open/server-types';
import { requireTools } from './reference-tools.js';
import type { FaultTools } from './fault-tools.js';

/**
 * PUT /_reference/faults: replaces the account's faults (an empty list clears them). They are
 * applied by http/fault-injection.ts to the account's next requests, in this process.
 */
export async function setFaultInjection(context: FaultTools, body: RequestBody<'setFaultInjection'>): Promise<ResponseBody<'setFaultInjection'>> {
  const { faults, account } = requireTools(context);
  // The spec's enum of operationIds went in; the board holds them as strings.
  return { faults: faults.set(account.id, body.faults) as ResponseBody<'setFaultInjection'>['faults'] };
}
