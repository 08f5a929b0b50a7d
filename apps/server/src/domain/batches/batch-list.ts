import type { components } from '@gameball-open/server-types';
import type { BatchJobRow } from '../../store/schema.js';
import { sql, type Queryable } from '../../store/sql.js';

type ReferenceBatch = components['schemas']['ReferenceBatch'];

const LATEST = sql('SELECT * FROM batch_jobs WHERE account_id = ? ORDER BY id DESC LIMIT ?');

/** The account's latest batch jobs, newest first; each one's items are read with getBatchStatus. */
export async function latestBatches(q: Queryable, accountId: string, limit: number): Promise<ReferenceBatch[]> {
  return (await q.all<BatchJobRow>(LATEST, [accountId, limit])).map((row) => ({
    batchId: String(row.id),
    kind: row.kind,
    itemCount: Number(row.item_count),
    createdAt: row.created_at,
    ...(row.started_at === null ? {} : { startedAt: row.started_at }),
    ...(row.stopped_at === null ? {} : { stoppedAt: row.stopped_at }),
  }));
}
