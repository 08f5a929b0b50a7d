import { requireTools } from './reference-tools.js';
import type { FaultTools } from './fault-tools.js';

/** DELETE /_reference/faults: the account's requests run normally again. */
export async function clearFaultInjection(context: FaultTools): Promise<void> {
  const { faults, account } = requireTools(context);
  faults.clear(account.id);
}
