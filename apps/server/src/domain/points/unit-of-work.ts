import { errors } from '../../errors.js';
import type { Scope } from '../../scope.js';
import type { CustomerRow } from '../../store/schema.js';
import { isUniqueViolation, type Queryable } from '../../store/sql.js';
import { createOrJoin } from '../customers/channel-merging.js';
import { lockCustomer, lockCustomerById } from '../customers/customer-store.js';
import type { OperationKind } from './entry-types.js';
import { evaluateTier } from '../tiers/evaluate-tier.js';
import { awardHighScore, welcomeCustomer } from '../campaigns/built-in-campaigns.js';
import { claimTransactionId } from './claims.js';
import { settleDueWork } from './settle.js';
import { appendUnspending, spend } from './spending.js';
import type { Unit } from './unit.js';
import { available, loadWallet, saveWallet } from './wallet.js';

export type { Unit };

/**
 * Whose points: a live customer by customerId (created when unknown, if asked; with channel
 * merging an unknown ID whose email or mobile is known joins that profile), or any customer by gameballId.
 */
export type CustomerTarget =
  | { customerId: string; create?: boolean; email?: string | null | undefined; mobile?: string | null | undefined }
  | { customerPk: number };

/** A client's transactionId, usable once per kind of operation. */
export interface Idempotency {
  kind: OperationKind;
  transactionId: string;
}


async function lockTarget(q: Queryable, scope: Scope, target: CustomerTarget): Promise<{ customer: CustomerRow; created: boolean }> {
  const { account } = scope;
  if ('customerPk' in target) return { customer: await lockCustomerById(q, target.customerPk), created: false };
  const found = await lockCustomer(q, account.id, target.customerId);
  if (found) return { customer: found, created: false };
  if (!target.create) throw errors.customerNotFound(target.customerId);
  const values = { customerId: target.customerId, email: target.email, mobile: target.mobile };
  const { row, created } = await createOrJoin(q, account, values, scope.clock.now().toISOString());
  return { customer: row, created };
}

/**
 * Runs one points-moving operation: opens the transaction, locks the customer, claims the
 * transactionId (422/9004 when used, also when two requests race), fixes `now`, writes what time
 * has made due, then hands the operation a unit through which it appends ledger entries. The
 * customer's tier is re-evaluated and the wallet saved before commit; any error rolls everything
 * back. Tasks queued with `afterCommit` (work on other customers) run once the commit is done.
 */
export async function withCustomer<T>(
  scope: Scope,
  target: CustomerTarget,
  idempotency: Idempotency | null,
  work: (unit: Unit) => Promise<T>,
): Promise<T> {
  const afterCommit: AfterCommit[] = [];
  let result: T;
  try {
    result = await scope.store.transaction(async (q) => {
      const { customer, created } = await lockTarget(q, scope, target);
      return runUnit(q, scope, customer, created, idempotency, afterCommit, work);
    });
  } catch (error) {
    if (idempotency && isUniqueViolation(error)) throw errors.transactionIdUsed(idempotency.transactionId);
    throw error;
  }
  for (const task of afterCommit) await task(scope);
  return result;
}

type AfterCommit = (scope: Scope) => Promise<void>;

/** A unit of work on a customer already locked (or just created) in the transaction `q`. */
async function runUnit<T>(
  q: Queryable,
  scope: Scope,
  customer: CustomerRow,
  created: boolean,
  idempotency: Idempotency | null,
  afterCommit: AfterCommit[],
  work: (unit: Unit) => Promise<T>,
): Promise<T> {
  const now = scope.clock.now().toISOString();
  if (idempotency && !(await claimTransactionId(q, scope.account.id, idempotency.kind, idempotency.transactionId, now))) {
    throw errors.transactionIdUsed(idempotency.transactionId);
  }
  const wallet = await loadWallet(q, customer.id, customer.account_id);
  const scoreAtStart = wallet.score;
  const unit: Unit = {
    q,
    wallet,
    now,
    account: scope.account,
    customer,
    available: () => available(wallet),
    append: (entry) => appendUnspending(unit, customer, entry),
    spend: (entry, hold) => spend(unit, customer, entry, hold),
    afterCommit: (task) => void afterCommit.push(task),
  };
  await settleDueWork(unit, customer, scope.account.program);
  if (created) await welcomeCustomer(unit);
  const outcome = await work(unit);
  await evaluateTier(unit);
  // A HighScore reward's points may move a tier again.
  if ((await awardHighScore(unit, scoreAtStart)).length > 0) await evaluateTier(unit);
  await saveWallet(q, wallet);
  return outcome;
}

/**
 * The unit of work of a customer just created in the caller's transaction `q`: POST /customers
 * gives a new customer the SignUp campaigns in the transaction that creates the profile, so no
 * crash can leave one without the other. Answers the work queued for after the commit, which the
 * caller runs once its transaction has committed.
 */
export async function welcomeInTransaction(q: Queryable, scope: Scope, customer: CustomerRow): Promise<AfterCommit[]> {
  const afterCommit: AfterCommit[] = [];
  await runUnit(q, scope, customer, true, null, afterCommit, async () => undefined);
  return afterCommit;
}
