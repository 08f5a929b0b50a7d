import { GameballNetworkError, networkErrorOf } from './errors.js';

export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** Milliseconds each attempt may take, answer body included; `Infinity` for no limit. */
  timeout: number;
}

export type FetchLike = (input: Request, init?: RequestInit) => Promise<Response>;

/** Methods that change nothing, so sending them twice is harmless. */
const SAFE_METHODS = new Set(['GET', 'HEAD']);
/** A longer `Retry-After` is not waited for: the answer is returned. */
export const MAX_RETRY_AFTER_MS = 60_000;
const BACKOFF_BASE_MS = 250;
const BACKOFF_CAP_MS = 8_000;

/**
 * Whether to send again after an answer. A 429 was not processed, so any method may; a 5xx
 * (but 501) only for safe methods, since a write may have been applied before the failure.
 */
export function retryableStatus(method: string, status: number): boolean {
  if (status === 429) return true;
  return SAFE_METHODS.has(method) && status >= 500 && status !== 501;
}

/** Whether to send again after a network error: always when nothing was sent, else for safe methods. */
export function retryableNetworkError(method: string, error: GameballNetworkError): boolean {
  return !error.requestMayHaveBeenSent || SAFE_METHODS.has(method);
}

/**
 * Milliseconds to wait before retry number `attempt + 1`: `Retry-After` (seconds or an HTTP date)
 * when given, else exponential backoff with jitter (half fixed, half random). Undefined when
 * `Retry-After` asks for longer than a minute.
 */
export function retryDelayMs(retryAfter: string | null, attempt: number, random: () => number = Math.random): number | undefined {
  if (retryAfter !== null && retryAfter.trim() !== '') {
    const seconds = Number(retryAfter);
    const date = Date.parse(retryAfter);
    const wait = Number.isFinite(seconds) ? seconds * 1000 : Number.isNaN(date) ? undefined : date - Date.now();
    if (wait !== undefined) return wait > MAX_RETRY_AFTER_MS ? undefined : Math.max(wait, 0);
  }
  const ceiling = Math.min(BACKOFF_BASE_MS * 2 ** attempt, BACKOFF_CAP_MS);
  return ceiling / 2 + random() * (ceiling / 2);
}

/** A signal that aborts when the caller's does or when `ms` pass. */
function attemptSignal(caller: AbortSignal, ms: number) {
  const controller = new AbortController();
  const timer = Number.isFinite(ms) ? AbortSignal.timeout(ms) : undefined;
  const fromCaller = () => controller.abort(caller.reason);
  const fromTimer = () => controller.abort(timer?.reason);
  if (caller.aborted) fromCaller();
  caller.addEventListener('abort', fromCaller, { once: true });
  timer?.addEventListener('abort', fromTimer, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => timer?.aborted === true && !caller.aborted,
    /** Stops following the caller's signal, once this attempt is given up. */
    release: () => caller.removeEventListener('abort', fromCaller),
  };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * A fetch that gives each attempt `timeout` ms, turns network failures into
 * GameballNetworkError and retries what is safe to retry. The caller's own abort is rethrown.
 */
export function retryingFetch(fetchImpl: FetchLike, policy: RetryPolicy): FetchLike {
  return async (request, init) => {
    const caller = request.signal;
    for (let attempt = 0; ; attempt++) {
      const { signal, timedOut, release } = attemptSignal(caller, policy.timeout);
      let outcome: Response | GameballNetworkError;
      try {
        outcome = await fetchImpl(new Request(request.clone(), { signal }), init);
      } catch (error) {
        release();
        if (caller.aborted) throw caller.reason;
        const networkError = networkErrorOf(error, timedOut(), policy.timeout);
        if (!networkError) throw error;
        outcome = networkError;
      }
      const last = attempt >= policy.maxRetries;
      if (outcome instanceof GameballNetworkError) {
        if (last || !retryableNetworkError(request.method, outcome)) throw outcome;
        await sleep(retryDelayMs(null, attempt) ?? 0, caller);
        continue;
      }
      // The answer returned keeps following the caller's signal and the timer while its body is read.
      if (last || !retryableStatus(request.method, outcome.status)) return outcome;
      const delay = retryDelayMs(outcome.headers.get('retry-after'), attempt);
      if (delay === undefined) return outcome;
      release();
      await outcome.body?.cancel();
      await sleep(delay, caller);
    }
  };
}
