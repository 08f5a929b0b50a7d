import type { Migration } from '../migrator.js';
import { serialKey } from './types.js';

/**
 * Batches: a job per request (`kind` names the single operation its items run as, `request_id`
 * the request that submitted it) and one row per item, with its payload as sent. An item is
 * `pending` until a worker applies it (`worker` names the process, host:pid); its outcome (`succeeded` with `result`, or `failed` with
 * `code`) is written in the same transaction as its effect, so a crash keeps both or neither.
 * A stop turns what is still pending into `skipped`. The partial indexes are the queue: workers
 * take the lowest pending id (on PostgreSQL with FOR UPDATE SKIP LOCKED) whose `subject` (the
 * item's customer, or order) has no earlier item of the job still pending, so the items of one
 * customer are applied in the order they were sent.
 */
export const batches: Migration = {
  name: '0013_batches',
  async up(q) {
    const id = serialKey(q.dialect);
    await q.exec(`
      CREATE TABLE batch_jobs (
        id ${id},
        account_id text NOT NULL,
        kind text NOT NULL,
        item_count integer NOT NULL,
        request_id text NOT NULL,
        created_at text NOT NULL,
        started_at text,
        stopped_at text
      );
      CREATE TABLE batch_items (
        id ${id},
        job_id integer NOT NULL REFERENCES batch_jobs (id),
        account_id text NOT NULL,
        item_index integer NOT NULL,
        subject text NOT NULL,
        payload text NOT NULL,
        state text NOT NULL,
        customer_id text,
        order_id text,
        message text,
        code integer,
        result text,
        done_at text,
        worker text
      );
      CREATE UNIQUE INDEX batch_items_job ON batch_items (job_id, item_index);
      CREATE INDEX batch_items_pending ON batch_items (id) WHERE state = 'pending';
      CREATE INDEX batch_items_pending_subject ON batch_items (job_id, subject, item_index) WHERE state = 'pending';
    `);
  },
};
