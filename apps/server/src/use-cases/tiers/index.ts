/** The use cases of the spec tag "Tiers", one file per operation, named after its operationId. */
export { getTierConfiguration } from './get-tier-configuration.js';
export { getTierProgress } from './get-tier-progress.js';
