import type { EntryType } from './entry-types.js';

/** Told the ledger entries of each type a committed unit of work wrote. */
export type EntriesWrittenListener = (type: EntryType, count: number) => void;

/** Entries appended by a unit not yet committed, by the unit. */
const uncommitted = new WeakMap<object, Map<EntryType, number>>();
/** Who listens to the commits on a store (the metrics of the app serving it). */
const listeners = new WeakMap<object, Set<EntriesWrittenListener>>();

/** Notes one entry appended in the unit `unit`; counted once the unit commits. */
export function noteAppended(unit: object, type: EntryType): void {
  const counts = uncommitted.get(unit) ?? new Map<EntryType, number>();
  counts.set(type, (counts.get(type) ?? 0) + 1);
  uncommitted.set(unit, counts);
}

/** Tells the store's listeners what the unit wrote; called after its commit (a rollback tells nothing). */
export function reportCommitted(store: object, unit: object): void {
  const counts = uncommitted.get(unit);
  uncommitted.delete(unit);
  if (!counts) return;
  for (const listener of listeners.get(store) ?? []) for (const [type, count] of counts) listener(type, count);
}

/** Listens to the entries committed on `store`; answers a function that stops listening. */
export function onEntriesWritten(store: object, listener: EntriesWrittenListener): () => void {
  const set = listeners.get(store) ?? new Set<EntriesWrittenListener>();
  set.add(listener);
  listeners.set(store, set);
  return () => set.delete(listener);
}
