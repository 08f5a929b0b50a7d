import type { OperationHandler as H } from '../context.js';
import * as events from '../use-cases/events/index.js';

export const trackEvents: H<'trackEvents'> = ({ body, context }) => events.trackEvents(context, body);

export const previewEventRewards: H<'previewEventRewards'> = ({ body, context }) => events.previewEventRewards(context, body, context.lang);
