import type { OperationHandler as H, RequestContext } from '../context.js';
import { latestOtp } from '../domain/redemption/otp.js';
import { LATEST_TIME } from '../clock.js';
import { errors } from '../errors.js';

function tools(context: RequestContext): RequestContext {
  if (!context.referenceTools) throw errors.referenceToolsOff();
  return context;
}

function clockState({ clock }: RequestContext) {
  return { now: clock.now().toISOString(), offsetSeconds: clock.offsetMs / 1000 };
}

export const getReferenceClock: H<'getReferenceClock'> = async ({ context }) => clockState(tools(context));

/** Moves the clock forward by seconds, or to an instant; never back. */
export const advanceReferenceClock: H<'advanceReferenceClock'> = async ({ body, context }) => {
  const c = tools(context);
  const hasSeconds = body.advanceSeconds !== undefined;
  if (hasSeconds === (body.to !== undefined)) throw errors.invalidValue('Send exactly one of advanceSeconds and to.');
  const ms = hasSeconds ? body.advanceSeconds! * 1000 : new Date(body.to!).getTime() - c.clock.now().getTime();
  if (ms < 0) throw errors.invalidValue(`The clock is already past ${body.to}; it only moves forward.`);
  if (c.clock.now().getTime() + ms > Date.parse(LATEST_TIME)) throw errors.invalidValue(`The test clock stops at ${LATEST_TIME}.`);
  c.clock.advance(ms);
  await c.jobs.runOnce(); // what the move made due is written before the answer
  return clockState(c);
};

export const getLatestOtp: H<'getLatestOtp'> = ({ params, context }) => {
  const c = tools(context);
  return latestOtp(c, params.customerId);
};
