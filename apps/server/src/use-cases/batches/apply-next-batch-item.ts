import type { AccountDirectory } from '../../accounts.js';
import type { Clock } from '../../clock.js';
import { isBatchKind, type BatchKind, type BatchPayloads } from '../../domain/batches/batch-kinds.js';
import { claimNextItem, recordOutcome } from '../../domain/batches/batch-store.js';
import { failedItem, SERVER_FAILURE, type ItemOutcome } from '../../domain/batches/item-outcome.js';
import { GameballError } from '../../errors.js';
import type { Scope } from '../../scope.js';
import { joinedStore } from '../../store/joined-store.js';
import type { BatchItemRow } from '../../store/schema.js';
import type { Store } from '../../store/sql.js';
import { ITEM_OPERATIONS } from './item-operations.js';

/** What the worker runs in: the storage, every account this process serves, the clock, and its own name (host:pid). */
export interface BatchWorkScope {
  store: Store;
  accounts: AccountDirectory;
  clock: Clock;
  worker: string;
}

/** An item applied (or refused); `unexpected` is the error of a server failure, for the log. */
export interface AppliedItem {
  item: BatchItemRow;
  outcome: ItemOutcome;
  unexpected?: unknown;
}

/**
 * Applies the oldest pending batch item of the served accounts, in ONE transaction: the item is
 * taken (locked, so no other process takes it: SKIP LOCKED), its single operation's use case
 * runs inside that transaction (its own transactions become savepoints of it, joinedStore), and
 * its outcome is written before the commit. A crash keeps the effect and the "done" together or
 * neither, and the item stays pending until it is done: each item is applied exactly once. A
 * refused item is rolled back to before it and recorded as failed in the same commit. Answers
 * undefined when nothing is pending.
 */
export function applyNextBatchItem(scope: BatchWorkScope): Promise<AppliedItem | undefined> {
  const { store, accounts, clock } = scope;
  const ids = accounts.all().map((account) => account.id);
  return store.transaction(async (tx) => {
    const item = await claimNextItem(tx, ids);
    if (!item) return undefined;
    const startedAt = clock.now().toISOString();
    const kind = item.job_kind;
    if (!isBatchKind(kind)) throw new Error(`batch ${item.job_id} has an unknown kind '${kind}'`);
    const itemScope: Scope = { store: joinedStore(tx), account: accounts.byId(item.account_id)!, clock };
    const applied = await applyItem(itemScope, kind, item);
    await recordOutcome(tx, item, applied.outcome, { startedAt, doneAt: clock.now().toISOString(), worker: scope.worker });
    return { item, ...applied };
  });
}

async function applyItem<K extends BatchKind>(scope: Scope, kind: K, item: BatchItemRow): Promise<Omit<AppliedItem, 'item'>> {
  const payload = JSON.parse(item.payload) as BatchPayloads[K];
  const place = { jobId: Number(item.job_id), index: Number(item.item_index) };
  try {
    // A savepoint around the whole item: whatever it wrote goes when it fails.
    return { outcome: await scope.store.transaction(() => ITEM_OPERATIONS[kind](scope, payload, place)) };
  } catch (error) {
    if (error instanceof GameballError) return { outcome: failedItem(kind, payload, error.code, error.message) };
    // A deadlock or serialization failure (PostgreSQL class 40) passes: the item stays pending and is tried again.
    if (/^40/.test(String((error as { code?: unknown }).code ?? ''))) throw error;
    return { outcome: failedItem(kind, payload, SERVER_FAILURE.code, SERVER_FAILURE.message), unexpected: error };
  }
}
