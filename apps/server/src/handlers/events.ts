import type { OperationHandler as H } from '../context.js';
import { previewEventRewards as preview, trackEvents as track } from '../domain/events/track-events.js';

export const trackEvents: H<'trackEvents'> = ({ body, context }) => track(context, body);

export const previewEventRewards: H<'previewEventRewards'> = ({ body, context }) => preview(context, body, context.lang);
