import type { Handlers } from '@gameball-open/server-types';
import type { RequestContext } from '../context.js';
import * as campaigns from './campaigns.js';
import * as configurations from './configurations.js';
import * as customers from './customers.js';
import * as events from './events.js';
import * as orders from './orders.js';
import * as payments from './payments.js';
import * as referenceServer from './reference-server.js';
import * as referrals from './referrals.js';
import * as transactions from './transactions.js';
import * as tiers from './tiers.js';
import * as notifications from './notifications.js';
import * as activities from './activities.js';
import * as leaderboard from './leaderboard.js';
import * as coupons from './coupons.js';
import * as batches from './batches.js';

/** Every operation of the spec, by operationId; one module per spec tag. */
export const handlers: Handlers<RequestContext> = {
  ...customers,
  ...transactions,
  ...configurations,
  ...referenceServer,
  ...tiers,
  ...notifications,
  ...activities,
  ...leaderboard,
  ...referrals,
  ...orders,
  ...payments,
  ...events,
  ...campaigns,
  ...coupons,
  ...batches,
};
