/** What an injected fault answers instead of the operation: a 429 or a 5xx. */
export type FaultStatus = 429 | 500 | 502 | 503 | 504;

/** One rule of an account's fault injection, as setFaultInjection takes it. */
export interface FaultRule {
  /** The operations it hits; absent: every operation of the API (never the reference tools). */
  operationIds?: string[];
  /** Answer this status instead of running the operation. */
  status?: FaultStatus;
  /** The Retry-After of the answer, in seconds (a 429 says 1 unless told). */
  retryAfterSeconds?: number;
  /** Wait this long before going on (with `status`: before answering it). */
  latencyMs?: number;
  /** Hit this many requests, then stop; absent: until cleared. */
  count?: number;
  /** The share of matching requests hit, drawn per request (1: every one). */
  ratio?: number;
}

/** A rule as it stands: with `remaining` requests to hit when it was given a count. */
export type FaultRuleState = FaultRule & { remaining?: number };

/** What the faults hitting one request ask for. */
export interface FaultHit {
  latencyMs: number;
  status?: FaultStatus;
  retryAfterSeconds?: number;
}

/**
 * Every account's fault injection, held in this process's memory: it is test tooling, set and
 * read through the process the test talks to; it does not outlive a restart, and other server
 * processes sharing the database do not see it.
 */
export interface FaultBoard {
  set(accountId: string, rules: readonly FaultRule[]): FaultRuleState[];
  get(accountId: string): FaultRuleState[];
  clear(accountId: string): void;
  /** The faults hitting a request to `operationId` (counting it against their counts); undefined when none. */
  hit(accountId: string, operationId: string): FaultHit | undefined;
}

export function faultBoard(random: () => number = Math.random): FaultBoard {
  const byAccount = new Map<string, FaultRuleState[]>();
  const copy = (rules: readonly FaultRuleState[]) => rules.map((rule) => ({ ...rule, ...(rule.operationIds ? { operationIds: [...rule.operationIds] } : {}) }));
  return {
    set(accountId, rules) {
      const states = rules.map((rule) => (rule.count === undefined ? { ...rule } : { ...rule, remaining: rule.count }));
      if (states.length === 0) byAccount.delete(accountId);
      else byAccount.set(accountId, states);
      return copy(states);
    },
    get: (accountId) => copy(byAccount.get(accountId) ?? []),
    clear: (accountId) => void byAccount.delete(accountId),
    hit(accountId, operationId) {
      const rules = byAccount.get(accountId);
      if (!rules) return undefined;
      let found: FaultHit | undefined;
      for (const rule of rules) {
        if (rule.remaining === 0) continue;
        if (rule.operationIds && !rule.operationIds.includes(operationId)) continue;
        if (rule.ratio !== undefined && rule.ratio < 1 && random() >= rule.ratio) continue;
        if (rule.remaining !== undefined) rule.remaining--;
        found ??= { latencyMs: 0 };
        found.latencyMs += rule.latencyMs ?? 0;
        if (rule.status !== undefined && found.status === undefined) {
          found.status = rule.status;
          const retryAfter = rule.retryAfterSeconds ?? (rule.status === 429 ? 1 : undefined);
          if (retryAfter !== undefined) found.retryAfterSeconds = retryAfter;
        }
      }
      return found;
    },
  };
}
