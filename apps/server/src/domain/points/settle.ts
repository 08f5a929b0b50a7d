import { expiryFrom, type LedgerProgram } from './expiry.js';
import { expireDueHolds } from './holds.js';
import { activateEntry, append, type Customer } from './ledger.js';
import { dueActivations, dueExpiries, type LedgerUnit } from './lots.js';
import { isDue, recomputeNextDue } from './wallet.js';

/**
 * Writes what time has made due for one customer, in order: pending points whose return window
 * ended turn active (their expiry counted from that instant), unspent points past their expiry
 * get an Expiry entry dated at that instant, and holds past their time expire. Runs under the
 * customer's lock, from every unit of work and from the settle-wallets job; whichever comes first
 * writes each item, the other then finds nothing due.
 */
export async function settleDueWork(u: LedgerUnit, customer: Customer, program: LedgerProgram): Promise<void> {
  if (!isDue(u.wallet, u.now)) return;
  for (const lot of await dueActivations(u.q, customer.id, u.now)) {
    const at = lot.activates_at!;
    await activateEntry(u, lot, at, expiryFrom(program, at));
  }
  for (const lot of await dueExpiries(u.q, customer.id, u.now)) {
    await append(u, customer, {
      kind: 'expiry',
      transactionId: `expiry-${lot.entry_id}`,
      type: 'Expiry',
      points: Number(lot.remaining),
      amount: null,
      status: 'Expired',
      reason: 'Points expired',
      transactionTime: lot.expires_at,
      createdAt: lot.expires_at,
      sourceEntryId: lot.entry_id,
    });
  }
  await expireDueHolds(u);
  await recomputeNextDue(u.q, u.wallet);
}
