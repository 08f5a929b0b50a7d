import type { Account } from '../accounts.js';
import { lockTarget, type CustomerTarget } from '../domain/customers/lock-target.js';
import { runCreatedUnit, runUnitOfWork, type Idempotency, type Unit } from '../domain/points/unit-of-work.js';
import type { Scope } from '../scope.js';
import type { CustomerRow } from '../store/schema.js';
import type { Queryable } from '../store/sql.js';
import { REACTIONS } from './reactions.js';

/** The unit of work of a use case: over the whole account, so every capability's rules can take it. */
export type AccountUnit = Unit<Account>;

/**
 * Opens a customer's unit of work, as every points-moving use case does: the customer found and
 * locked (created when the target asks), the transactionId claimed, due work settled, then
 * `work`, then the reactions to a points change (reactions.ts); all of it commits or none.
 */
export function withCustomer<T>(
  scope: Scope,
  target: CustomerTarget,
  idempotency: Idempotency | null,
  work: (unit: AccountUnit) => Promise<T>,
): Promise<T> {
  return runUnitOfWork(scope, lockTarget(scope, target), idempotency, work, REACTIONS);
}

/**
 * The reactions to a customer just created in the transaction `q` (POST /customers), in that
 * transaction; answers the work to run once it has committed.
 */
export function welcomeInTransaction(q: Queryable, scope: Scope, customer: CustomerRow) {
  return runCreatedUnit(q, scope, customer, REACTIONS);
}
