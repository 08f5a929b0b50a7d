import type { OperationHandler as H } from '../context.js';
import { getTierProgress as progress, tierConfiguration } from '../domain/tiers/tier-views.js';

export const getTierProgress: H<'getTierProgress'> = ({ params, context }) => progress(context, params.customerId);

export const getTierConfiguration: H<'getTierConfiguration'> = async ({ query, context }) => tierConfiguration(context.account, query.lang);
