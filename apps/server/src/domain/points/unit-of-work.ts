import { errors } from '../../errors.js';
import type { CustomerRow, WalletRow } from '../../store/schema.js';
import { isUniqueViolation, type Queryable } from '../../store/sql.js';
import { claimTransactionId } from './claims.js';
import { reportCommitted } from './entries-written.js';
import { reserveLedgerIds } from './ledger-ids.js';
import type { OperationKind } from './entry-types.js';
import { settleDueWork } from './settle.js';
import { appendUnspending, spend } from './spending.js';
import type { Unit, UnitAccount, UnitEvent, UnitScope, UnitStart } from './unit.js';
import { available, loadWallet, saveWallet, walletOf } from './wallet.js';

export type { Unit, UnitEvent, UnitStart };

/** A client's transactionId, usable once per kind of operation. */
export interface Idempotency {
  kind: OperationKind;
  transactionId: string;
}

/**
 * Finds and locks the unit's customer in the transaction `q` (creating it when asked); answers
 * whether it was created. customers/ builds these (lockTarget); points/ knows no customer rules.
 */
export type LockCustomer = (q: Queryable) => Promise<LockedCustomer>;

export interface LockedCustomer {
  customer: CustomerRow;
  created: boolean;
  /** The customer's wallet row, when the lock read it already (undefined `row`: no wallet yet). */
  wallet?: { row: WalletRow | undefined } | undefined;
  /**
   * The first statement the lock sent (synchronously, when called) found and locked the customer,
   * so whatever was sent behind it ran under the lock: the ledger ids reserved there are usable.
   */
  lockedAtOnce?: boolean;
  /**
   * Ledger ids the lock reserved itself, sent right behind the statement that created the
   * customer (whose new row this transaction holds), when the first statement found nobody.
   */
  reservedIds?: number[] | undefined;
  /** Reads sent right behind the lock's statements at the use case's request, by name (Unit.alongside). */
  alongside?: ReadonlyMap<string, Promise<unknown>>;
}

const NOTHING_ALONGSIDE: ReadonlyMap<string, Promise<unknown>> = new Map();

/**
 * Work that follows every change of a customer's points, registered with the unit of work from
 * above (use-cases/reactions.ts): campaigns, tiers, and what comes next. Each runs inside the
 * unit, so it commits or rolls back with the operation.
 */
export interface Reaction<A extends UnitAccount = UnitAccount> {
  /** Once, in the unit that created the customer, before the operation's work. */
  onCreated?(unit: Unit<A>): Promise<void>;
  /** After the operation's work, before the wallet is saved; `start` is how the unit began. */
  afterWork?(unit: Unit<A>, start: UnitStart): Promise<void>;
  /** When a capability emits an event in the unit (`unit.emit`), at that moment. */
  onEvent?(unit: Unit<A>, event: UnitEvent): Promise<void>;
}

type AfterCommit<A extends UnitAccount> = (scope: UnitScope<A>) => Promise<void>;

/**
 * Runs one points-moving operation: opens the transaction, locks the customer, claims the
 * transactionId (422/9004 when used, also when two requests race), fixes `now`, writes what time
 * has made due, then hands the operation a unit through which it appends ledger entries. The
 * reactions run and the wallet is saved before commit; any error rolls everything back. Tasks
 * queued with `afterCommit` (work on other customers) run once the commit is done.
 */
export async function runUnitOfWork<T, A extends UnitAccount>(
  scope: UnitScope<A>,
  lock: LockCustomer,
  idempotency: Idempotency | null,
  work: (unit: Unit<A>) => Promise<T>,
  reactions: readonly Reaction<A>[],
): Promise<T> {
  const afterCommit: AfterCommit<A>[] = [];
  let result: T;
  try {
    result = await scope.store.transaction(async (q) => {
      // The transactionId is claimed right behind the lock, without waiting for it (one round
      // trip on PostgreSQL); a used one is refused once the customer is known.
      const locking = lock(q);
      const claiming = idempotency && claimTransactionId(q, scope.account.id, idempotency.kind, idempotency.transactionId, scope.clock.now().toISOString());
      const reserving = reserveLedgerIds(q);
      const [locked, claimed, reserved] = await Promise.all([locking, claiming, reserving]);
      if (claimed === false) throw errors.transactionIdUsed(idempotency!.transactionId);
      return runUnit(q, scope, locked, afterCommit, work, reactions, locked.lockedAtOnce ? reserved : locked.reservedIds);
    });
  } catch (error) {
    if (idempotency && isUniqueViolation(error)) throw errors.transactionIdUsed(idempotency.transactionId);
    throw error;
  }
  for (const task of afterCommit) await task(scope);
  return result;
}

/** A unit of work on a customer already locked (or just created) in the transaction `q`. */
async function runUnit<T, A extends UnitAccount>(
  q: Queryable,
  scope: UnitScope<A>,
  { customer, created, wallet: read, alongside }: LockedCustomer,
  afterCommit: AfterCommit<A>[],
  work: (unit: Unit<A>) => Promise<T>,
  reactions: readonly Reaction<A>[],
  reservedIds?: number[],
): Promise<T> {
  const now = scope.clock.now().toISOString();
  const wallet = read ? walletOf(read.row, customer.id, customer.account_id) : await loadWallet(q, customer.id, customer.account_id);
  const { balance, active, pending, debt, held, score, earned } = wallet;
  const start: UnitStart = { score, wallet: { balance, active, pending, debt, held, score, earned }, tierOrder: customer.tier_order, created };
  const unit: Unit<A> = {
    q,
    wallet,
    now,
    ...(reservedIds ? { reservedIds } : {}),
    account: scope.account,
    customer,
    created,
    alongside: alongside ?? NOTHING_ALONGSIDE,
    available: () => available(wallet),
    append: (entry) => appendUnspending(unit, customer, entry),
    spend: (entry, hold) => spend(unit, customer, entry, hold),
    afterCommit: (task) => void afterCommit.push(task),
    emit: async (event) => {
      for (const reaction of reactions) await reaction.onEvent?.(unit, event);
    },
  };
  // First of the tasks after the commit: counts what the unit wrote (the metrics), nothing on a rollback.
  afterCommit.push(async () => reportCommitted(scope.store, unit));
  await settleDueWork(unit, customer, scope.account.program);
  if (created) for (const reaction of reactions) await reaction.onCreated?.(unit);
  const outcome = await work(unit);
  for (const reaction of reactions) await reaction.afterWork?.(unit, start);
  await saveWallet(q, wallet);
  return outcome;
}

/**
 * The unit of work of a customer just created in the caller's transaction `q` (POST /customers
 * creates the profile and its SignUp rewards in one transaction, so no crash can leave one
 * without the other). Answers the work queued for after the commit, which the caller runs once
 * its transaction has committed.
 */
export async function runCreatedUnit<A extends UnitAccount>(
  q: Queryable,
  scope: UnitScope<A>,
  customer: CustomerRow,
  reactions: readonly Reaction<A>[],
): Promise<Array<AfterCommit<A>>> {
  const afterCommit: AfterCommit<A>[] = [];
  await runUnit(q, scope, { customer, created: true }, afterCommit, async () => undefined, reactions);
  return afterCommit;
}
