import { errors } from '../../errors.js';
import { ruleOf } from './entry-types.js';
import { closeHold, type HoldRow } from './holds.js';
import { append, type Customer, type LedgerRow, type NewEntry } from './ledger.js';
import type { LedgerUnit } from './lots.js';
import { available } from './wallet.js';

/**
 * The one way points are spent (Redemption, ManualDeduction, DiscountCode): refused with
 * 422/9008 unless the customer's available points cover the entry. An entry that uses up an
 * open hold may also take that hold's own points, which were reserved for it, and closes the
 * hold. Available is what is left after debt and every open hold, so a reward cancelled after
 * a hold was placed (its Cancel takes points whether they are held or not) leaves the hold
 * short, and spending it is refused rather than driving the balance below zero.
 */
export async function spend(u: LedgerUnit, customer: Customer, entry: NewEntry, hold?: HoldRow): Promise<LedgerRow> {
  if (ruleOf(entry.type).effect !== 'spend') throw new Error(`a ${entry.type} entry does not spend points`);
  const spendable = available(u.wallet) + (hold ? Number(hold.points) : 0);
  if (entry.points > spendable) throw errors.insufficientPoints(Math.max(spendable, 0), entry.points);
  const row = await append(u, customer, entry);
  if (hold && !(await closeHold(u, hold, 'used', u.now, row.id))) throw errors.holdNotFound(hold.reference);
  return row;
}

/** Every other entry goes through `append`; a spending entry must come through `spend`. */
export function appendUnspending(u: LedgerUnit, customer: Customer, entry: NewEntry): Promise<LedgerRow> {
  if (ruleOf(entry.type).effect === 'spend') throw new Error(`a ${entry.type} entry spends points: append it with unit.spend`);
  return append(u, customer, entry);
}
