import type { OperationHandler as H } from '../context.js';
import * as referenceServer from '../use-cases/reference-server/index.js';

export const getReferenceClock: H<'getReferenceClock'> = ({ context }) => referenceServer.getReferenceClock(context);

export const advanceReferenceClock: H<'advanceReferenceClock'> = ({ body, context }) => referenceServer.advanceReferenceClock(context, body);

export const getLatestOtp: H<'getLatestOtp'> = ({ params, context }) => referenceServer.getLatestOtp(context, params.customerId);

// TODO(issue 13): replace with the use case.
export const getWebhookSubscription: H<'getWebhookSubscription'> = () => Promise.reject(new Error('not implemented yet (issue 13 base branch)'));

// TODO(issue 13): replace with the use case.
export const setWebhookSubscription: H<'setWebhookSubscription'> = () => Promise.reject(new Error('not implemented yet (issue 13 base branch)'));

// TODO(issue 13): replace with the use case.
export const listWebhookDeliveries: H<'listWebhookDeliveries'> = () => Promise.reject(new Error('not implemented yet (issue 13 base branch)'));
