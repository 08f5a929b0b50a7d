/** The error categories of the Gameball error model, by the thousands digit of a code. */
const CATEGORIES: Record<number, string> = {
  1: 'AUTHENTICATION_ERROR',
  2: 'REQUEST_ERROR',
  3: 'PAYLOAD_ERROR',
  4: 'GENERAL_ERROR',
  5: 'SERVER_ERROR',
  6: 'CONFIGURATIONS_ERROR',
  7: 'CUSTOMER_ERROR',
  8: 'SUBSCRIPTION_ERROR',
  9: 'TRANSACTIONS_ERROR',
};

export type ErrorType =
  | 'AUTHENTICATION_ERROR'
  | 'REQUEST_ERROR'
  | 'PAYLOAD_ERROR'
  | 'GENERAL_ERROR'
  | 'SERVER_ERROR'
  | 'CONFIGURATIONS_ERROR'
  | 'CUSTOMER_ERROR'
  | 'SUBSCRIPTION_ERROR'
  | 'TRANSACTIONS_ERROR';

export function errorType(code: number): ErrorType {
  return (CATEGORIES[Math.floor(code / 1000)] ?? 'GENERAL_ERROR') as ErrorType;
}

/**
 * Every (code, HTTP status) pair the server answers with. The spec's error table (in the root
 * description of spec/gameball-v4.yaml) lists exactly these; test/http/error-codes.test.ts checks it.
 */
export const ERROR_CODES = [
  [1000, 401], [1001, 401],
  [3000, 400], [3003, 422], [3009, 422], [3011, 413], [3011, 422], [3013, 415], [3014, 423], [3016, 400],
  [4000, 400], [4000, 405], [4000, 408], [4000, 429], [4000, 431], [4004, 404],
  [5000, 500], [5000, 502], [5000, 503], [5000, 504],
  [6001, 422],
  [7000, 404], [7002, 422], [7006, 422],
  [8000, 403],
  [9000, 422], [9001, 422], [9002, 404], [9004, 422], [9005, 404], [9006, 404], [9007, 422], [9008, 422],
] as const;

const KNOWN = new Set<string>(ERROR_CODES.map(([code, status]) => `${code}/${status}`));

/** The one error class of the server: a Gameball code and the HTTP status it answers with. */
export class GameballError extends Error {
  readonly status: number;
  readonly code: number;
  readonly headers: Record<string, string>;

  constructor(status: number, code: number, message: string, headers: Record<string, string> = {}) {
    super(message);
    if (!KNOWN.has(`${code}/${status}`)) throw new Error(`${code}/${status} is not in the error table (errors.ts and the spec)`);
    if (status === 405 && !headers.allow) throw new Error('A 405 answer must carry an Allow header');
    this.name = 'GameballError';
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

/** The errors the server raises, named for what went wrong. */
export const errors = {
  badApiKey: () => new GameballError(401, 1000, 'The apikey header is missing or unknown.'),
  metricsTokenRequired: () =>
    new GameballError(401, 1000, 'GET /metrics needs the header Authorization: Bearer <METRICS_TOKEN>.'),
  secretRequired: () =>
    new GameballError(401, 1001, 'This operation needs a valid secretkey header.'),
  missingArgument: (message: string) => new GameballError(400, 3000, message),
  invalidValue: (message: string) => new GameballError(422, 3003, message),
  unsupportedMediaType: (message: string) => new GameballError(415, 3013, message),
  malformedPayload: (message: string) => new GameballError(400, 3016, message),
  /** A body whose fields cannot go together (Gameball's manual transaction answers these with 400). */
  conflictingFields: (message: string) => new GameballError(400, 3016, message),
  payloadTooLarge: () => new GameballError(413, 3011, 'The request body is too large.'),
  routeNotFound: (method: string, path: string) =>
    new GameballError(404, 4004, `No operation answers ${method} ${path}.`),
  internal: () =>
    new GameballError(500, 5000, 'Something went wrong on the server; nothing was written.'),
  limitExceeded: (message: string) => new GameballError(422, 3011, message),
  cashbackDisabled: () => new GameballError(422, 6001, 'Cashback is turned off for this account.'),
  featureNotEnabled: (message: string) => new GameballError(403, 8000, message),
  notReversible: (transactionId: string, type: string) =>
    new GameballError(422, 9000, `Transaction '${transactionId}' is a ${type} and cannot be refunded.`),
  alreadyReversed: (transactionId: string) =>
    new GameballError(422, 9001, `Transaction '${transactionId}' was already fully refunded.`),
  transactionNotFound: (transactionId: string) =>
    new GameballError(404, 9002, `Transaction '${transactionId}' was not found.`),
  reversedNotFound: (transactionId: string) =>
    new GameballError(404, 9005, `No reward or redemption '${transactionId}' was found for this customer.`),
  holdNotFound: (reference: string) =>
    new GameballError(404, 9006, `Hold '${reference}' was not found, or was used, released or has expired.`),
  otpNotFound: (customerId: string) =>
    new GameballError(404, 4004, `No one-time password was sent to customer '${customerId}'.`),
  referenceToolsOff: () =>
    new GameballError(404, 4004, 'The reference tools are off; turn them on with "referenceTools": true in the accounts file.'),
  customerInactive: (customerId: string) =>
    new GameballError(422, 3009, `Customer '${customerId}' opted out of the program; nothing can be earned, redeemed or held.`),
  alreadyReferred: (customerId: string) =>
    new GameballError(422, 7002, `Customer '${customerId}' was already referred by another customer.`),
  selfReferral: () => new GameballError(422, 7006, 'A customer cannot be referred with their own referral code.'),
  noReferralProgram: () => new GameballError(404, 4004, 'This account runs no referral program.'),
  campaignNotFound: (id: number) => new GameballError(404, 4004, `No reward campaign of this kind has the id ${id}.`),
  challengeReportedTwice: (seconds: number) =>
    new GameballError(400, 4000, `This challenge was reported for this customer less than ${seconds} seconds ago.`),
  socialCustomerNotFound: (customerId: string) => new GameballError(404, 4004, `Customer '${customerId}' was not found.`),
  redemptionRuleNotFound: (ruleId: number) => new GameballError(404, 4004, `No redemption rule has the id ${ruleId}.`),
  webhookDeliveryNotFound: (id: number) => new GameballError(404, 4004, `This account has no webhook delivery ${id}.`),
  couponNotFound: (code: string) => new GameballError(404, 4004, `The customer holds no coupon '${code}'.`),
  couponLockNotFound: (reference: string) =>
    new GameballError(404, 4004, `Coupon lock '${reference}' was not found for this customer, or was burned, released or has lapsed.`),
  /** A coupon or redemption rule that is switched off, not started or expired. */
  notActiveNow: (message: string) => new GameballError(422, 3009, message),
  couponLocked: (code: string) => new GameballError(423, 3014, `Coupon '${code}' is locked by another checkout session.`),
  batchNotFound: (batchId: string) => new GameballError(404, 4004, `No batch '${batchId}' was found for this account.`),
  customerNotFound: (customerId: string) =>
    new GameballError(404, 7000, `Customer '${customerId}' was not found.`),
  transactionIdUsed: (transactionId: string) =>
    new GameballError(422, 9004, `Transaction ID '${transactionId}' was already used.`),
  futureTransactionTime: (time: string) =>
    new GameballError(422, 9007, `The transaction time ${time} is in the future.`),
  insufficientPoints: (available: number, requested: number) =>
    new GameballError(
      422,
      9008,
      `The customer has ${available} available points; ${requested} were requested.`,
    ),
  headersTooLarge: () =>
    new GameballError(431, 4000, 'The request line (URL) or the headers are larger than 16 KB.'),
  /** Over a rate limit (behaviour.md §1.4): Gameball gives no code; 4000 as suggested, with Retry-After. */
  rateLimited: (retryAfterSeconds: number, message: string) =>
    new GameballError(429, 4000, message, { 'retry-after': String(retryAfterSeconds) }),
  /** A failure the account's fault injection asked for (setFaultInjection); nothing was written. */
  injectedFault: (status: 500 | 502 | 503 | 504, retryAfterSeconds?: number) =>
    new GameballError(
      status,
      5000,
      `A fault injected for this account (setFaultInjection) answered ${status}; nothing was written.`,
      retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) },
    ),
  requestTimeout: () => new GameballError(408, 4000, 'The request did not arrive in time.'),
  unparsableRequest: (reason: string) =>
    new GameballError(400, 4000, `The request is not valid HTTP/1.1 (${reason}).`),
  wrongMethod: (method: string, path: string, allowed: string[]) =>
    new GameballError(405, 4000, `${path} does not accept ${method}; it accepts ${allowed.join(', ')}.`, {
      allow: allowed.join(', '),
    }),
  /**
   * A 4xx raised by Express or a library with an HTTP status but no Gameball code: 408/431 keep
   * theirs, the rest are 400 (a 405 is only ever wrongMethod, which can name the allowed methods).
   */
  httpError: (status: number, message: string) => new GameballError(status === 408 || status === 431 ? status : 400, 4000, message),
};
