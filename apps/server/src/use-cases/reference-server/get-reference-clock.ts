import type { ResponseBody } from '@gameball-open/server-types';
import { clockState, requireTools, type ReferenceTools } from './reference-tools.js';

/** GET /_reference/clock: the test clock's time and how far it was moved. */
export async function getReferenceClock(context: ReferenceTools): Promise<ResponseBody<'getReferenceClock'>> {
  return clockState(requireTools(context));
}
