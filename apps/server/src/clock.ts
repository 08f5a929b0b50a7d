/** The server reads the time only through a clock, so tests and tools can move it. */
export interface Clock {
  now(): Date;
}

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
    this.#offsetMs += ms;
  }
}

export const systemClock: Clock = { now: () => new Date() };
