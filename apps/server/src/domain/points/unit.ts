import type { Account } from '../../accounts.js';
import type { Scope } from '../../scope.js';
import type { CustomerRow } from '../../store/schema.js';
import type { HoldRow } from './holds.js';
import type { LedgerRow, NewEntry } from './ledger.js';
import type { LedgerUnit } from './lots.js';

/** What a points-moving operation works with; everything it writes commits or rolls back together. */
export interface Unit extends LedgerUnit {
  account: Account;
  customer: CustomerRow;
  /** Points the customer can spend or hold now. */
  available(): number;
  /** Appends a ledger entry for this customer that spends nothing (an entry that spends throws). */
  append(entry: NewEntry): Promise<LedgerRow>;
  /**
   * Appends an entry that spends points, refused with 422/9008 unless the available points
   * cover it; with the open hold it uses up, the hold's own points count too and the hold closes.
   */
  spend(entry: NewEntry, hold?: HoldRow): Promise<LedgerRow>;
  /**
   * Queues work on other customers (a referrer's reward) to run after this unit commits, each in
   * its own unit of work; it must be recorded durably inside this unit so a crash cannot lose it.
   * The task gets the scope the unit ran in (store, account, clock).
   */
  afterCommit(task: (scope: Scope) => Promise<void>): void;
}
