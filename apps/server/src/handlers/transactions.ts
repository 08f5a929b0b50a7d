import type { Handler } from '@gameball-open/server-types';
import type { RequestContext } from '../context.js';
import {
  countTransactions as count,
  createManualTransaction as manual,
  listTransactions as list,
} from '../domain/transactions.js';

export const listTransactions: Handler<'listTransactions', RequestContext> = ({ query, context }) =>
  list(context.store, context.account, query);

export const countTransactions: Handler<'countTransactions', RequestContext> = ({ query, context }) =>
  count(context.store, context.account, query);

export const createManualTransaction: Handler<'createManualTransaction', RequestContext> = ({
  body,
  context,
}) => manual(context.store, context.account, context.clock, body);
