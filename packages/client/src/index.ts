export { createGameballClient, DEFAULT_TIMEOUT_MS, GAMEBALL_BASE_URL, type GameballClientOptions } from './create-client.js';
export type {
  CallInit,
  CallOptions,
  GameballClient,
  ItemOf,
  OperationOf,
  PaginatedPath,
  PathsWith,
  ResponseData,
  ResponseError,
  Result,
  ThrowingGameballClient,
  ThrowingResult,
} from './client-types.js';
export { GameballApiError, GameballNetworkError, type GameballError, type NetworkErrorCode } from './errors.js';
export { DOCUMENTED_ERRORS, type GameballErrorCode } from './generated/error-codes.js';
export type { components, operations, paths } from './generated/schema.js';
export { PAGINATED_PATHS } from './paginate.js';
export { MAX_RETRY_AFTER_MS, retryDelayMs, type FetchLike } from './retrying-fetch.js';
