import type { Clock } from '../../clock.js';
import type { CustomerRow, WalletFigures } from '../../store/schema.js';
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
  /** Whether this unit created the customer: nothing of theirs was stored before it. */
  readonly created: boolean;
  /**
   * Reads the use case had sent right behind the statements that locked the customer (so they
   * share that round trip on PostgreSQL), by name; the capability that named one takes it.
   */
  readonly alongside: ReadonlyMap<string, Promise<unknown>>;
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
  /**
   * Reports something a capability did in this unit (a notification created) to the reactions
   * registered from above, which may write what follows from it in the same transaction.
   * points/ passes the event on without reading it.
   */
  emit(event: UnitEvent): Promise<void>;
}

/** Something that happened inside a unit of work; the capability that emits it defines its `type` and fields. */
export interface UnitEvent {
  readonly type: string;
}

/** The unit as it began, for reactions that tell what the work changed. */
export interface UnitStart {
  /** The wallet's score before due work was settled and the work ran. */
  score: number;
  /** The wallet's figures at that moment. */
  wallet: Readonly<WalletFigures>;
  /** The customer's tier (its order) at that moment. */
  tierOrder: number | null;
  /** Whether this unit created the customer. */
  created: boolean;
}

/** A unit whose account's program has at least `P`: what a capability's rules take. */
export type ProgramUnit<P extends LedgerProgram> = Unit<UnitAccount<P>>;
