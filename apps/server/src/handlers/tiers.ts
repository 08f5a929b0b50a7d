import type { OperationHandler as H } from '../context.js';
import * as tiers from '../use-cases/tiers/index.js';

export const getTierProgress: H<'getTierProgress'> = ({ params, context }) => tiers.getTierProgress(context, params.customerId);

export const getTierConfiguration: H<'getTierConfiguration'> = ({ query, context }) => tiers.getTierConfiguration(context, query.lang);
