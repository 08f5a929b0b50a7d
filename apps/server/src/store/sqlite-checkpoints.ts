import type { SqliteReader } from './sqlite-reader.js';

/**
 * When the reader thread copies the write-ahead log into the database file, and when the log
 * starts over from its beginning.
 *
 * Every `everyMs` the thread checkpoints beside the writers (PASSIVE). That copies what was
 * committed when it began, but commits go on meanwhile, so the copy never quite catches up, and
 * SQLite restarts the log only at a commit that finds all of it copied. Without a restart the log
 * grows until the main connection's own backstop checkpoint, which copies and fsyncs on the event
 * loop (8-28 ms at a time under steady writes). So once the log passes `restartAfterPages`, the
 * next round holds the writers off (no new transaction begins; requests queue, the event loop goes
 * on) while the thread copies the rest, a few hundred pages at most; the first commit after it
 * writes the log from its start again. A held round is skipped while a read that may be long
 * waits for the thread (a slow leaderboard read would hold the writers off for its whole
 * length); brief reads (a page of a listing) do not count; the next round tries again.
 */
export interface CheckpointOptions {
  everyMs: number;
  restartAfterPages: number;
}

export const DEFAULT_CHECKPOINTS: CheckpointOptions = { everyMs: 200, restartAfterPages: 4_096 };

export class Checkpoints {
  readonly #timer: NodeJS.Timeout;
  /** The round under way, if any. */
  #round: Promise<void> | undefined;

  constructor(
    thread: Pick<SqliteReader, 'checkpoint' | 'idle'>,
    holdWriters: (work: () => Promise<unknown>) => Promise<unknown>,
    options: CheckpointOptions,
  ) {
    const round = async () => {
      const { log } = await thread.checkpoint();
      if (log < options.restartAfterPages || !thread.idle()) return;
      // Checked again once the writers are held: a read may have been sent while they finished.
      await holdWriters(async () => (thread.idle() ? thread.checkpoint() : undefined));
    };
    this.#timer = setInterval(() => {
      // One round at a time: a slow one skips the ticks it overlaps. A failed round (the thread
      // restarting) is tried again at the next tick.
      this.#round ??= round()
        .catch(() => undefined)
        .finally(() => {
          this.#round = undefined;
        });
    }, options.everyMs);
    this.#timer.unref();
  }

  /** No round begins after this; the one under way, if any, ends first. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await this.#round;
  }
}
