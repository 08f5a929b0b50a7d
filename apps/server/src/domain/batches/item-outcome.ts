import { subjectOf, type BatchKind, type BatchPayloads } from './batch-kinds.js';

/**
 * A done item as the status lists it: `fields` are what follows the message, the single
 * operation's answer as `{ result }` (or an order's `{ transactions, count }`, as Gameball shows it).
 */
export interface SucceededItem {
  state: 'succeeded';
  customerId?: string | undefined;
  orderId?: string | undefined;
  message: string;
  fields: Record<string, unknown>;
}

/** A refused item: the Gameball error the single operation would have answered; nothing of it was written. */
export interface FailedItem {
  state: 'failed';
  customerId: string;
  orderId?: string | undefined;
  code: number;
  message: string;
}

export type ItemOutcome = SucceededItem | FailedItem;

/** The failure of an item, named after its customer (and order). */
export function failedItem<K extends BatchKind>(kind: K, item: BatchPayloads[K], code: number, message: string): FailedItem {
  const subject = subjectOf(kind, item);
  // Gameball's own words for an unknown order in an order-transactions batch.
  const text = kind === 'orderTransactions' && code === 9002 ? 'Order Not Found' : message;
  return { state: 'failed', ...subject, code, message: text };
}

/** What an item records when the server itself failed on it (its transaction rolled back to before it). */
export const SERVER_FAILURE = { code: 5000, message: 'The server failed to apply this item; nothing of it was written.' } as const;
