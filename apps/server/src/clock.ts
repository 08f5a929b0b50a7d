/** The server reads the time only through a clock, so tests and tools can move it. */
export interface Clock {
  now(): Date;
}

/**
 * The latest instant the test clock may reach. Every date the server derives from `now` (expiry
 * up to 100 years on, return windows up to 20 years) then keeps a four-digit year, so stored
 * times still sort as text.
 */
export const LATEST_TIME = '9000-01-01T00:00:00.000Z';
const LATEST_TIME_MS = Date.parse(LATEST_TIME);

/**
 * The machine's time plus an offset that only grows: the test clock of the reference tools
 * moves it forward, never back, so stored times stay in order.
 */
export class AdjustableClock implements Clock {
  #offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.#offsetMs);
  }

  get offsetMs(): number {
    return this.#offsetMs;
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('the clock only moves forward');
    if (Date.now() + this.#offsetMs + ms > LATEST_TIME_MS) throw new RangeError(`the clock stops at ${LATEST_TIME}`);
    this.#offsetMs += ms;
  }
}

