import { createGameballClient, type GameballClient } from '@gameball-open/client';
import type { Keys } from './keys.js';

export type Api = GameballClient;

/** The generated client, pointed at the server that served this page, with the account's keys as the API's headers. */
export function apiFor(keys: Keys): Api {
  return createGameballClient({
    baseUrl: `${location.origin}/api/v4/integrations`,
    apiKey: keys.apiKey,
    secretKey: keys.secretKey,
    maxRetries: 0,
  });
}

/** An answer's data, or an Error carrying the Gameball error's code and message. */
export function dataOf<T>(answer: { data?: T; error?: unknown; response: Response }): T {
  if (answer.data !== undefined) return answer.data;
  const error = answer.error as { code?: number; message?: string } | undefined;
  throw new ApiError(answer.response.status, error?.code, error?.message ?? answer.response.statusText);
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number | undefined,
    message: string,
  ) {
    super(`${status}${code ? ` (${code})` : ''}: ${message}`);
  }
}

/** The data, or the error shown in its place: one failing section does not hide the others. */
export async function settle<T>(work: Promise<T>): Promise<T | ApiError> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof ApiError) return error;
    return new ApiError(0, undefined, error instanceof Error ? error.message : String(error));
  }
}
