import type { OperationHandler as H } from '../context.js';
import * as referenceServer from '../use-cases/reference-server/index.js';

export const getReferenceClock: H<'getReferenceClock'> = ({ context }) => referenceServer.getReferenceClock(context);

export const advanceReferenceClock: H<'advanceReferenceClock'> = ({ body, context }) => referenceServer.advanceReferenceClock(context, body);

export const getLatestOtp: H<'getLatestOtp'> = ({ params, context }) => referenceServer.getLatestOtp(context, params.customerId);

export const getWebhookSubscription: H<'getWebhookSubscription'> = ({ context }) => referenceServer.getWebhookSubscription(context);

export const setWebhookSubscription: H<'setWebhookSubscription'> = ({ body, context }) => referenceServer.setWebhookSubscription(context, body);

export const listWebhookDeliveries: H<'listWebhookDeliveries'> = ({ query, context }) => referenceServer.listWebhookDeliveries(context, query);

export const resetAccount: H<'resetAccount'> = ({ context }) => referenceServer.resetAccount(context);

export const getFaultInjection: H<'getFaultInjection'> = ({ context }) => referenceServer.getFaultInjection(context);

export const setFaultInjection: H<'setFaultInjection'> = ({ body, context }) => referenceServer.setFaultInjection(context, body);

export const clearFaultInjection: H<'clearFaultInjection'> = ({ context }) => referenceServer.clearFaultInjection(context);

export const searchReferenceCustomers: H<'searchReferenceCustomers'> = ({ query, context }) => referenceServer.searchReferenceCustomers(context, query);

export const listReferenceLedger: H<'listReferenceLedger'> = ({ params, query, context }) => referenceServer.listReferenceLedger(context, params.customerId, query);

export const listReferenceHolds: H<'listReferenceHolds'> = ({ query, context }) => referenceServer.listReferenceHolds(context, query);

export const listReferenceBatches: H<'listReferenceBatches'> = ({ query, context }) => referenceServer.listReferenceBatches(context, query);

export const resendWebhookDelivery: H<'resendWebhookDelivery'> = ({ params, context }) => referenceServer.resendWebhookDelivery(context, params.deliveryId);
