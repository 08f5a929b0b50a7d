import type { components } from '@gameball-open/server-types';

type Schemas = components['schemas'];

/**
 * What a batch runs, one kind per single operation; the two older paths (balance inquiry and
 * adjustment) store their items in the shape of the kind they alias, so the worker knows eight.
 */
export type BatchKind = 'customers' | 'orders' | 'orderTransactions' | 'balanceInquiry' | 'balanceAdjustment' | 'cashback' | 'redeem' | 'events';

/** The item each kind stores and runs, as its single operation takes it. */
export interface BatchPayloads {
  customers: Schemas['CustomerUpsert'];
  orders: Schemas['OrderRequest'];
  orderTransactions: string;
  balanceInquiry: string;
  balanceAdjustment: Schemas['BalanceAdjustmentItem'];
  cashback: Schemas['CashbackRequest'];
  redeem: Schemas['RedeemRequest'];
  events: Schemas['EventsRequest'];
}

/** Whose an item is, as the status shows it on either list. */
export interface ItemSubject {
  customerId: string;
  orderId?: string;
}

interface KindFacts<K extends BatchKind> {
  /** The `operation` of the batch's status. */
  operation: Schemas['BatchStatus']['operation'];
  subject(item: BatchPayloads[K]): ItemSubject;
}

const ofCustomer = (item: { customerId: string }): ItemSubject => ({ customerId: item.customerId });

/** The facts of every kind; a kind without its row does not compile. */
export const BATCH_KINDS: { [K in BatchKind]: KindFacts<K> } = {
  customers: { operation: 'Customer Creation Batch Job', subject: ofCustomer },
  orders: { operation: 'Track Orders Batch Job', subject: (item) => ({ customerId: item.customerId, orderId: item.orderId }) },
  // Gameball names an order-transactions item by its order in both places.
  orderTransactions: { operation: 'Order Transactions Batch Job', subject: (orderId) => ({ customerId: orderId, orderId }) },
  balanceInquiry: { operation: 'Balance Inquiry Batch Job', subject: (customerId) => ({ customerId }) },
  balanceAdjustment: { operation: 'Balance Adjustment Batch Job', subject: ofCustomer },
  cashback: { operation: 'Reward Cashback Batch Job', subject: ofCustomer },
  redeem: { operation: 'Redeem Batch Job', subject: ofCustomer },
  events: { operation: 'Send Events Batch Job', subject: ofCustomer },
};

export function isBatchKind(kind: string): kind is BatchKind {
  return Object.hasOwn(BATCH_KINDS, kind);
}

/** Who an item is about, from its stored payload. */
export function subjectOf<K extends BatchKind>(kind: K, item: BatchPayloads[K]): ItemSubject {
  return BATCH_KINDS[kind].subject(item);
}
