/** The use cases of the spec tag "Events", one file per operation, named after its operationId. */
export { previewEventRewards } from './preview-event-rewards.js';
export { trackEvents } from './track-events.js';
