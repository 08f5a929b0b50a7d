import type { Clock } from '../../clock.js';
import type { CustomerRow } from '../../store/schema.js';
import type { Store } from '../../store/sql.js';
import type { LedgerProgram } from './expiry.js';
import type { HoldRow } from './holds.js';
import type { LedgerRow, NewEntry } from './ledger.js';
import type { LedgerUnit } from './lots.js';

/**
 * The account a unit of work acts for, as far as points/ knows it: its id and program. Use
 * cases hand in the whole account; each capability names the part of the program it reads
 * (`ProgramUnit<TieredProgram>`), so none of them depends on the settings of another.
 */
export interface UnitAccount<P extends LedgerProgram = LedgerProgram> {
  id: string;
  program: P;
}

/** Where a unit of work runs: the storage, the account and the clock (the use cases' Scope is one). */
export interface UnitScope<A extends UnitAccount = UnitAccount> {
  store: Store;
  account: A;
  clock: Clock;
}

/** What a points-moving operation works with; everything it writes commits or rolls back together. */
export interface Unit<A extends UnitAccount = UnitAccount> extends LedgerUnit {
  account: A;
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
  afterCommit(task: (scope: UnitScope<A>) => Promise<void>): void;
}

/** A unit whose account's program has at least `P`: what a capability's rules take. */
export type ProgramUnit<P extends LedgerProgram> = Unit<UnitAccount<P>>;
