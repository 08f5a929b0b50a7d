import { errors } from '../../errors.js';
import type { Queryable } from '../../store/sql.js';
import { IDS_PER_UNIT, reserveLedgerIds } from '../points/ledger-ids.js';
import { FIRST_LOTS_ALONGSIDE, firstLotsWith } from '../points/lots.js';
import type { LockCustomer } from '../points/unit-of-work.js';
import type { UnitScope } from '../points/unit.js';
import type { Program } from '../program/program.js';
import { createOrJoin } from './channel-merging.js';
import { LIVE_OR_ALIASED_ID, liveWallet, lockCustomer, lockCustomerById } from './customer-store.js';

/**
 * Whose points: a live customer by customerId (created when unknown, if asked; with channel
 * merging an unknown ID whose email or mobile is known joins that profile), or any customer by gameballId.
 */
export type CustomerTarget =
  | {
      customerId: string;
      create?: boolean;
      email?: string | null | undefined;
      mobile?: string | null | undefined;
      /** Reads to send right behind the lock, by name, handed to the unit (Unit.alongside). */
      alongside?: Readonly<Record<string, ReadAlongside>>;
    }
  | { customerPk: number };

/** A read by the customer's ID (in the account), sent behind the lock so it runs under it. */
export type ReadAlongside = (q: Queryable, accountId: string, customerId: string) => Promise<unknown>;

const FIRST_LOTS = firstLotsWith(LIVE_OR_ALIASED_ID);

/** For a use case that spends: the first lots its spend takes from, read with the lock (on PostgreSQL in its round trip). */
export const firstLotsAlongside: Readonly<Record<string, ReadAlongside>> = {
  [FIRST_LOTS_ALONGSIDE]: (q, accountId, customerId) => q.all(FIRST_LOTS, [accountId, customerId, accountId, customerId]),
};

function sendAlongside(q: Queryable, accountId: string, customerId: string, reads: Readonly<Record<string, ReadAlongside>> = {}) {
  const sent = new Map<string, Promise<unknown>>();
  for (const [name, read] of Object.entries(reads)) {
    const reading = read(q, accountId, customerId);
    // A read nobody takes (the unit failed first) must not be an unhandled rejection.
    reading.catch(() => undefined);
    sent.set(name, reading);
  }
  return sent;
}

/** How a unit of work finds and locks its customer: 404/7000 for an unknown one it may not create. */
export function lockTarget(scope: UnitScope<{ id: string; program: Program }>, target: CustomerTarget): LockCustomer {
  return async (q) => {
    const { account } = scope;
    if ('customerPk' in target) return { customer: await lockCustomerById(q, target.customerPk), created: false, lockedAtOnce: true };
    // The wallet is read right behind the lock, without waiting for it (one round trip on PostgreSQL).
    const locking = lockCustomer(q, account.id, target.customerId);
    const wallet = liveWallet(q, account.id, target.customerId);
    const alongside = sendAlongside(q, account.id, target.customerId, target.alongside);
    const [found, live] = await Promise.all([locking, wallet]);
    // The first statement locked the customer with this ID, or the profile it was merged into;
    // the wallet read behind it found the same one's wallet, unless it changed in between.
    if (found) {
      const wallet = live?.ownerPk === found.id ? { row: live.row } : undefined;
      return { customer: found, created: false, wallet, lockedAtOnce: true, alongside };
    }
    if (!target.create) throw errors.customerNotFound(target.customerId);
    const values = { customerId: target.customerId, email: target.email, mobile: target.mobile };
    // Ledger ids are reserved right behind the insert, so they are taken under the new row's lock;
    // one more than usual, for the sign-up reward a new customer's unit also writes.
    let reserving: Promise<number[]> | undefined;
    const { row, created } = await createOrJoin(q, account, values, scope.clock.now().toISOString(), () => {
      reserving = reserveLedgerIds(q, IDS_PER_UNIT + 1);
      // Awaited below; if the creation throws first, the transaction's error is the one reported.
      reserving?.catch(() => undefined);
    });
    const reservedIds = await reserving;
    // A customer created here has no wallet yet.
    // The reads sent with the lock found nobody, or ran before this profile was locked (joined by
    // email): they are not handed on.
    return { customer: row, created, wallet: created ? { row: undefined } : undefined, reservedIds: created ? reservedIds : undefined };
  };
}
