import { describe, expect, it } from 'vitest';
import { Checkpoints } from '../../src/store/sqlite-checkpoints.js';
import type { CheckpointResult } from '../../src/store/sqlite-reader.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The checkpoint rounds (src/store/sqlite-checkpoints.ts) with a stand-in for the reader thread:
 * a round checkpoints beside the writers, and once the log has passed `restartAfterPages` it
 * checkpoints again with the writers held; rounds never overlap, a failed one does not end them,
 * and stop() waits for the round under way.
 */
describe('checkpoint rounds', () => {
  it('hold the writers for a second checkpoint only once the log has passed the limit', async () => {
    const logs = [10, 63, 64, 500, 5];
    const seen: Array<{ log: number; held: boolean }> = [];
    let held = false;
    const checkpoint = async (): Promise<CheckpointResult> => {
      const log = logs.shift() ?? 0;
      seen.push({ log, held });
      return { busy: 0, log, checkpointed: log };
    };
    const rounds = new Checkpoints(
      { checkpoint, idle: () => true },
      async (work) => {
        held = true;
        try {
          return await work();
        } finally {
          held = false;
        }
      },
      { everyMs: 5, restartAfterPages: 64 },
    );
    await expect.poll(() => logs.length, { timeout: 2_000 }).toBe(0);
    await rounds.stop();
    // Each held checkpoint follows the round's own, which saw 64 or more pages.
    expect(seen.slice(0, 5)).toEqual([
      { log: 10, held: false },
      { log: 63, held: false },
      { log: 64, held: false },
      { log: 500, held: true },
      { log: 5, held: false },
    ]);
    expect(seen.filter((s) => s.held)).toEqual([{ log: 500, held: true }]);
  });

  it('run one at a time, go on after a failed one, and stop after the one under way', async () => {
    let running = 0;
    let most = 0;
    let calls = 0;
    let finished = 0;
    const rounds = new Checkpoints(
      {
        idle: () => true,
        checkpoint: async () => {
        calls += 1;
        running += 1;
        most = Math.max(most, running);
        await sleep(30);
        running -= 1;
        finished += 1;
        if (calls === 1) throw new Error('the thread stopped');
        return { busy: 0, log: 0, checkpointed: 0 };
        },
      },
      (work) => work(),
      { everyMs: 5, restartAfterPages: 64 },
    );
    await expect.poll(() => calls, { timeout: 2_000 }).toBeGreaterThanOrEqual(3);
    await rounds.stop();
    // No round is under way once stop() is done, and none begins after it.
    expect(running).toBe(0);
    const after = calls;
    await sleep(50);
    expect(most).toBe(1);
    expect(calls).toBe(after);
    expect(finished).toBe(calls);
  });

  it('hold nobody while reads wait for the thread, and hold once it is idle', async () => {
    let idle = false;
    let holds = 0;
    const rounds = new Checkpoints(
      { checkpoint: async () => ({ busy: 0, log: 5_000, checkpointed: 5_000 }), idle: () => idle },
      async (work) => {
        holds += 1;
        return work();
      },
      { everyMs: 5, restartAfterPages: 64 },
    );
    await sleep(60);
    expect(holds).toBe(0);
    idle = true;
    await expect.poll(() => holds, { timeout: 2_000 }).toBeGreaterThan(0);
    await rounds.stop();
  });
});
