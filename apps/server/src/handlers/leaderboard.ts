import type { OperationHandler as H } from '../context.js';
import * as leaderboard from '../use-cases/leaderboard/index.js';

export const getLeaderboard: H<'getLeaderboard'> = ({ query, context }) => leaderboard.getLeaderboard(context, query);
