import type { GameballClient } from '@gameball-open/client';

/** The server's test clock, through the reference tools. */
export interface ServerClock {
  now(): Promise<Date>;
  /** Moves the clock forward; every background job runs before it answers. */
  advance(seconds: number): Promise<Date>;
  to(instant: string | Date): Promise<Date>;
}

/** The data of an answer, or an Error naming what failed and the server's error body. */
export function answer<T>(result: { data?: T; error?: unknown; response: Response }, what: string): T {
  if (result.data === undefined) throw new Error(`${what} answered ${result.response.status}: ${JSON.stringify(result.error)}`);
  return result.data;
}

/** The test clock over advanceReferenceClock and getReferenceClock. */
export function serverClock(client: GameballClient): ServerClock {
  const now = (state: { now: string }) => new Date(state.now);
  return {
    now: async () => now(answer(await client.GET('/_reference/clock', {}), 'the clock')),
    advance: async (seconds) => now(answer(await client.POST('/_reference/clock', { body: { advanceSeconds: seconds } }), 'moving the clock')),
    to: async (instant) => {
      const to = typeof instant === 'string' ? instant : instant.toISOString();
      return now(answer(await client.POST('/_reference/clock', { body: { to } }), 'moving the clock'));
    },
  };
}
