import type { RequestBody, ResponseBody } from '@gameball-open/server-types';
import { LATEST_TIME } from '../../clock.js';
import { errors } from '../../errors.js';
import { clockState, requireTools, type ReferenceTools } from './reference-tools.js';

/**
 * POST /_reference/clock: moves the test clock forward by seconds, or to an instant; never back.
 * Every background job runs before the answer, so what the move made due is written by then.
 */
export async function advanceReferenceClock(context: ReferenceTools, body: RequestBody<'advanceReferenceClock'>): Promise<ResponseBody<'advanceReferenceClock'>> {
  const { clock, jobs } = requireTools(context);
  const hasSeconds = body.advanceSeconds !== undefined;
  if (hasSeconds === (body.to !== undefined)) throw errors.invalidValue('Send exactly one of advanceSeconds and to.');
  const ms = hasSeconds ? body.advanceSeconds! * 1000 : new Date(body.to!).getTime() - clock.now().getTime();
  if (ms < 0) throw errors.invalidValue(`The clock is already past ${body.to}; it only moves forward.`);
  if (clock.now().getTime() + ms > Date.parse(LATEST_TIME)) throw errors.invalidValue(`The test clock stops at ${LATEST_TIME}.`);
  clock.advance(ms);
  await jobs.runOnce();
  return clockState(context);
}
