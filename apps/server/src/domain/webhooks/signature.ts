import { createHash } from 'node:crypto';

/**
 * `X-GB-Signature`: the lowercase hex SHA-1 of the exact body bytes, then `:`, then the account's
 * secret key (UTF-8). A receiver recomputes it over the raw body it got; the body is compact
 * JSON as `JSON.stringify` writes it, so re-serialising the parsed body gives the same bytes.
 */
export function webhookSignature(body: string, secretKey: string): string {
  return createHash('sha1').update(Buffer.from(body, 'utf8')).update(Buffer.from(`:${secretKey}`, 'utf8')).digest('hex');
}
