import { expect } from 'vitest';
import type { GameballClient } from '@gameball-open/client';
import type { components } from '@gameball-open/server-types';

type Schemas = components['schemas'];
export type BatchStatus = Schemas['BatchStatus'];

/** A bound against a batch that never ends, not a speed check: a loaded machine is slow. */
const FINISH_LIMIT_MS = 120_000;

const ENDED = new Set(['completed', 'failed', 'stopped']);

/** Helpers over the generated client for the batch tests. */
export function batchesApi(gb: GameballClient) {
  const api = {
    async status(jobId: number | string): Promise<BatchStatus> {
      const { data, error } = await gb.GET('/batches/{batchId}/status', { params: { path: { batchId: String(jobId) } } });
      expect(error, JSON.stringify(error)).toBeUndefined();
      return data!;
    },
    /** Polls the status until the batch has ended (completed, failed or stopped). */
    async finished(jobId: number): Promise<BatchStatus> {
      const until = Date.now() + FINISH_LIMIT_MS;
      for (;;) {
        const status = await api.status(jobId);
        if (ENDED.has(status.status)) return status;
        if (Date.now() > until) throw new Error(`batch ${jobId} did not end in ${FINISH_LIMIT_MS / 1000} s: ${JSON.stringify({ ...status, response: undefined })}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    stop(jobId: number | string) {
      return gb.POST('/batches/{batchId}/stop', { params: { path: { batchId: String(jobId) } } });
    },
  };
  return api;
}

/** The job's id from a creation answer, which must have succeeded. */
export function jobIdOf(answer: { data?: { jobId: number }; error?: unknown }): number {
  expect(answer.error, JSON.stringify(answer.error)).toBeUndefined();
  expect(answer.data!.jobId).toBeGreaterThan(0);
  return answer.data!.jobId;
}

/** The counts and lists of a batch that ended with every item done. */
export function expectAllDone(status: BatchStatus, succeeded: number, failed: number): void {
  expect(status).toMatchObject({ itemCount: succeeded + failed, totalCount: succeeded + failed, finishedCount: succeeded, errorCount: failed });
  expect(status.response!.successful).toHaveLength(succeeded);
  expect(status.response!.failed).toHaveLength(failed);
  const indexes = [...status.response!.successful, ...status.response!.failed].map((item) => item.index).sort((a, b) => a - b);
  expect(indexes).toEqual(Array.from({ length: succeeded + failed }, (_, i) => i));
}
