/** The use cases of the spec tag "Leaderboard", one file per operation, named after its operationId. */
export { getLeaderboard } from './get-leaderboard.js';
