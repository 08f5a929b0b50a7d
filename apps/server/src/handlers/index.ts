import type { Handlers } from '@gameball-open/server-types';
import type { RequestContext } from '../context.js';
import * as campaigns from './campaigns.js';
import * as configurations from './configurations.js';
import * as customers from './customers.js';
import * as events from './events.js';
import * as referenceServer from './reference-server.js';
import * as transactions from './transactions.js';

/** Every operation of the spec, by operationId; one module per spec tag. */
export const handlers: Handlers<RequestContext> = {
  ...customers,
  ...transactions,
  ...configurations,
  ...referenceServer,
  ...events,
  ...campaigns,
};
