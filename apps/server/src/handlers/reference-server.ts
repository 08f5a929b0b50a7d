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
