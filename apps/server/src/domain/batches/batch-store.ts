import type { BatchItemRow, BatchJobRow } from '../../store/schema.js';
import { sql, type Param, type Queryable, type Statement } from '../../store/sql.js';
import { subjectOf, type BatchKind, type BatchPayloads } from './batch-kinds.js';
import type { ItemOutcome } from './item-outcome.js';

const INSERT_JOB = sql('INSERT INTO batch_jobs (account_id, kind, item_count, request_id, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id');
const JOB = sql('SELECT * FROM batch_jobs WHERE id = ? AND account_id = ?');
const MARK_STARTED = sql('UPDATE batch_jobs SET started_at = ? WHERE id = ? AND started_at IS NULL');
const MARK_STOPPED = sql('UPDATE batch_jobs SET stopped_at = ? WHERE id = ? AND stopped_at IS NULL');
const RECORD = sql(
  `UPDATE batch_items SET state = ?, customer_id = ?, order_id = ?, message = ?, code = ?, result = ?, done_at = ?, worker = ?
   WHERE id = ? AND state = 'pending'`,
);
const SKIP_PENDING = sql("UPDATE batch_items SET state = 'skipped', done_at = ? WHERE job_id = ? AND state = 'pending'");
const COUNTS = sql('SELECT state, COUNT(*) AS n, MAX(done_at) AS last FROM batch_items WHERE job_id = ? GROUP BY state');
const DONE_ITEMS = sql("SELECT * FROM batch_items WHERE job_id = ? AND state IN ('succeeded', 'failed') ORDER BY item_index");

/** Rows per INSERT of items: 1,000 items cost ten statements, not a thousand round trips. */
const ROWS_PER_INSERT = 100;

function insertItems(rows: number): Statement {
  const values = Array.from({ length: rows }, () => "(?, ?, ?, ?, ?, 'pending')").join(', ');
  return sql(`INSERT INTO batch_items (job_id, account_id, item_index, subject, payload, state) VALUES ${values}`);
}

/**
 * The oldest pending item of these accounts whose subject has no earlier item of its job still
 * pending, with its job's kind, locked for this transaction. An item another transaction took is skipped (SKIP
 * LOCKED) but still pending to the NOT EXISTS, so the next item of that customer waits for it.
 */
function nextPending(accountCount: number): Statement {
  const list = Array.from({ length: accountCount }, () => '?').join(', ');
  return sql(
    `SELECT i.*, (SELECT j.kind FROM batch_jobs j WHERE j.id = i.job_id) AS job_kind FROM batch_items i WHERE i.state = 'pending' AND i.account_id IN (${list})
     AND NOT EXISTS (SELECT 1 FROM batch_items e WHERE e.job_id = i.job_id AND e.subject = i.subject AND e.state = 'pending' AND e.item_index < i.item_index)
     ORDER BY i.id LIMIT 1 FOR UPDATE SKIP LOCKED`,
  );
}

export interface NewBatch<K extends BatchKind = BatchKind> {
  accountId: string;
  kind: K;
  requestId: string;
  items: ReadonlyArray<BatchPayloads[K]>;
  now: string;
}

/** Stores a job and its items, all pending; answers the job's id. */
export async function insertBatch<K extends BatchKind>(tx: Queryable, batch: NewBatch<K>): Promise<number> {
  const job = await tx.get<{ id: number }>(INSERT_JOB, [batch.accountId, batch.kind, batch.items.length, batch.requestId, batch.now]);
  const jobId = Number(job!.id);
  for (let start = 0; start < batch.items.length; start += ROWS_PER_INSERT) {
    const chunk = batch.items.slice(start, start + ROWS_PER_INSERT);
    const params: Param[] = chunk.flatMap((item, i) => [jobId, batch.accountId, start + i, subjectOf(batch.kind, item).customerId, JSON.stringify(item)]);
    await tx.run(insertItems(chunk.length), params);
  }
  return jobId;
}

export function findJob(q: Queryable, accountId: string, jobId: number): Promise<BatchJobRow | undefined> {
  return q.get<BatchJobRow>(JOB, [jobId, accountId]);
}

/** A pending item as the worker takes it: with the kind of its job. */
export type ClaimedItem = BatchItemRow & { job_kind: string };

/** Takes the next item to apply in the transaction `tx`: nobody else can take it until `tx` ends. */
export function claimNextItem(tx: Queryable, accountIds: readonly string[]): Promise<ClaimedItem | undefined> {
  if (accountIds.length === 0) return Promise.resolve(undefined);
  return tx.get<ClaimedItem>(nextPending(accountIds.length), accountIds);
}

/** When and by which process an item was applied. */
export interface ItemRun {
  startedAt: string;
  doneAt: string;
  worker: string;
}

/** Writes an item's outcome, in the transaction that applied it; and the job's start, with its first item. */
export async function recordOutcome(tx: Queryable, item: BatchItemRow, outcome: ItemOutcome, run: ItemRun): Promise<void> {
  const ok = outcome.state === 'succeeded';
  const changed = await tx.run(RECORD, [
    outcome.state,
    outcome.customerId ?? null,
    outcome.orderId ?? null,
    outcome.message,
    ok ? null : outcome.code,
    ok ? JSON.stringify(outcome.fields) : null,
    run.doneAt,
    run.worker,
    item.id,
  ]);
  // The item was claimed in this transaction; anything else is a bug, and rolls the item back.
  if (changed !== 1) throw new Error(`batch item ${item.id} was no longer pending when its outcome was written`);
  await tx.run(MARK_STARTED, [run.startedAt, item.job_id]);
}

/** Skips the job's pending items (items being applied finish first); answers how many. */
export function skipPending(tx: Queryable, jobId: number, now: string): Promise<number> {
  return tx.run(SKIP_PENDING, [now, jobId]);
}

export async function markStopped(tx: Queryable, jobId: number, now: string): Promise<void> {
  await tx.run(MARK_STOPPED, [now, jobId]);
}

/** How many items are in each state, and when the last of each was done. */
export type ItemCounts = Partial<Record<string, { n: number; last: string | null }>>;

export async function itemCounts(q: Queryable, jobId: number): Promise<ItemCounts> {
  const rows = await q.all<{ state: string; n: number; last: string | null }>(COUNTS, [jobId]);
  return Object.fromEntries(rows.map((row) => [row.state, { n: Number(row.n), last: row.last }]));
}

/** The items done (succeeded or failed), by index. */
export function doneItems(q: Queryable, jobId: number): Promise<BatchItemRow[]> {
  return q.all<BatchItemRow>(DONE_ITEMS, [jobId]);
}

/** A read of these accounts' pending items: `select` over batch_items, filtered (one statement per number of accounts). */
function pendingOf(q: Queryable, accountIds: readonly string[], select: string, tail = '') {
  const list = accountIds.map(() => '?').join(', ');
  return q.get<Record<string, unknown>>(sql(`SELECT ${select} FROM batch_items WHERE state = 'pending' AND account_id IN (${list})${tail}`), [...accountIds]);
}

/** How many batch items of these accounts wait to be applied (the batch worker's backlog). */
export async function countPendingItems(q: Queryable, accountIds: readonly string[]): Promise<number> {
  if (accountIds.length === 0) return 0;
  return Number((await pendingOf(q, accountIds, 'COUNT(*) AS n'))?.n ?? 0);
}

/** Whether any batch item of these accounts waits to be applied: one index read, for an idle worker's run. */
export async function hasPendingItems(q: Queryable, accountIds: readonly string[]): Promise<boolean> {
  if (accountIds.length === 0) return false;
  return (await pendingOf(q, accountIds, '1 AS pending', ' LIMIT 1')) !== undefined;
}
