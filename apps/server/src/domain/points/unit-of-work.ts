import type { Account } from '../../accounts.js';
import { errors } from '../../errors.js';
import type { Scope } from '../../scope.js';
import type { CustomerRow } from '../../store/schema.js';
import { isUniqueViolation, sql, type Queryable } from '../../store/sql.js';
import { insertCustomer, lockCustomer, lockCustomerById } from '../customers/customer-store.js';
import type { OperationKind } from './entry-types.js';
import { append, type LedgerRow, type NewEntry } from './ledger.js';
import type { LedgerUnit } from './lots.js';
import { settleDueWork } from './settle.js';
import { available, loadWallet, saveWallet } from './wallet.js';

/** Whose points: a live customer by customerId (created when unknown, if asked), or any customer by gameballId. */
export type CustomerTarget = { customerId: string; create?: boolean } | { customerPk: number };

/** A client's transactionId, usable once per kind of operation. */
export interface Idempotency {
  kind: OperationKind;
  transactionId: string;
}

/** What a points-moving operation works with; everything it writes commits or rolls back together. */
export interface Unit extends LedgerUnit {
  account: Account;
  customer: CustomerRow;
  /** Points the customer can spend or hold now. */
  available(): number;
  /** Appends a ledger entry for this customer. */
  append(entry: NewEntry): Promise<LedgerRow>;
}

const CLAIM = sql(
  'INSERT INTO used_transaction_ids (account_id, kind, transaction_id, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
);

async function lockTarget(q: Queryable, scope: Scope, target: CustomerTarget): Promise<CustomerRow> {
  const { account } = scope;
  if ('customerPk' in target) return lockCustomerById(q, target.customerPk);
  const found = await lockCustomer(q, account.id, target.customerId);
  if (found) return found;
  if (!target.create) throw errors.customerNotFound(target.customerId);
  await insertCustomer(q, account, { customerId: target.customerId }, scope.clock.now().toISOString());
  return (await lockCustomer(q, account.id, target.customerId))!;
}

/**
 * Runs one points-moving operation: opens the transaction, locks the customer, claims the
 * transactionId (422/9004 when used, also when two requests race), fixes `now`, writes what time
 * has made due, then hands the operation a unit through which it appends ledger entries. The
 * wallet is saved before commit; any error rolls everything back.
 */
export async function withCustomer<T>(
  scope: Scope,
  target: CustomerTarget,
  idempotency: Idempotency | null,
  work: (unit: Unit) => Promise<T>,
): Promise<T> {
  try {
    return await scope.store.transaction(async (q) => {
      const customer = await lockTarget(q, scope, target);
      const now = scope.clock.now().toISOString();
      if (idempotency && (await q.run(CLAIM, [scope.account.id, idempotency.kind, idempotency.transactionId, now])) === 0) {
        throw errors.transactionIdUsed(idempotency.transactionId);
      }
      const wallet = await loadWallet(q, customer.id, customer.account_id);
      const unit: Unit = {
        q,
        wallet,
        now,
        account: scope.account,
        customer,
        available: () => available(wallet),
        append: (entry) => append(unit, customer, entry),
      };
      await settleDueWork(unit, customer, scope.account.program);
      const result = await work(unit);
      await saveWallet(q, wallet);
      return result;
    });
  } catch (error) {
    if (idempotency && isUniqueViolation(error)) throw errors.transactionIdUsed(idempotency.transactionId);
    throw error;
  }
}
