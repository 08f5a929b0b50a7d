import type { AdjustableClock } from '../../clock.js';
import { errors } from '../../errors.js';

/** The reference server's own tools as the request context carries them. */
export interface ReferenceTools {
  clock: AdjustableClock;
  /** Whether the accounts file turned the tools on. */
  referenceTools: boolean;
  /** The background jobs, so the clock can run what its move made due. */
  jobs: { runOnce(): Promise<unknown> };
}

/** The tools, or 404 (4004) on a server that has them off. */
export function requireTools<T extends ReferenceTools>(context: T): T {
  if (!context.referenceTools) throw errors.referenceToolsOff();
  return context;
}

export function clockState({ clock }: ReferenceTools) {
  return { now: clock.now().toISOString(), offsetSeconds: clock.offsetMs / 1000 };
}
