import type { ResponseBody } from '@gameball-open/server-types';
import { requireTools } from './reference-tools.js';
import type { FaultTools } from './fault-tools.js';

/** GET /_reference/faults: the account's faults, with the requests each will still hit. */
export async function getFaultInjection(context: FaultTools): Promise<ResponseBody<'getFaultInjection'>> {
  const { faults, account } = requireTools(context);
  return { faults: faults.get(account.id) as ResponseBody<'getFaultInjection'>['faults'] };
}
