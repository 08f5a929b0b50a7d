import type { OperationHandler as H } from '../context.js';
import { getLeaderboard as leaderboard } from '../domain/leaderboard/leaderboard.js';

export const getLeaderboard: H<'getLeaderboard'> = ({ query, context }) => leaderboard(context, query);
