/** The server reads the time only through a clock, so tests and tools can move it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** ISO 8601 in UTC with milliseconds and `Z`: the one format the server writes. */
export function isoUtc(date: Date): string {
  return date.toISOString();
}
