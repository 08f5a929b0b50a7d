import { performance } from 'node:perf_hooks';
import type { Answer } from './delivery-queue.js';
import { ANSWER_TIMEOUT_MS } from './retry-schedule.js';
import { webhookSignature } from './signature.js';
import { WEBHOOK_VERSION } from './subscription.js';

/** At most this many characters of a receiver's answer are kept. */
export const ANSWER_EXCERPT_CHARS = 1_000;
/** At most this many bytes of it are read; the rest is never downloaded. */
const ANSWER_READ_BYTES = 16 * 1024;

/** One webhook request: where to, the exact body, the key that signs it and the delivery's ID. */
export interface Outgoing {
  url: string;
  body: string;
  secretKey: string;
  deliveryId: number;
}

/**
 * POSTs one webhook and reports what came back: any status, or why none came (refused, reset,
 * timed out). Never throws. Redirects are not followed (a 3xx is a failed attempt), so nothing
 * but the subscribed URL is ever requested. `X-GB-Delivery-Id` is the same on every attempt of a
 * delivery, for receivers that drop repeats (delivery is at least once).
 */
export async function postWebhook({ url, body, secretKey, deliveryId }: Outgoing, timeoutMs = ANSWER_TIMEOUT_MS): Promise<Answer> {
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-GB-Signature': webhookSignature(body, secretKey),
        'X-GB-Webhook-Version': WEBHOOK_VERSION,
        'X-GB-Delivery-Id': String(deliveryId),
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const excerpt = await readExcerpt(response);
    return { status: response.status, body: excerpt, error: null, durationMs: elapsed() };
  } catch (error) {
    return { status: null, body: null, error: failureOf(error, timeoutMs), durationMs: elapsed() };
  }
}

/** The start of the answer's body, as text; what could be read when reading it fails or times out. */
async function readExcerpt(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  try {
    while (bytes < ANSWER_READ_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      bytes += value.byteLength;
    }
  } catch {
    // the answer's status is what counts; a body cut short is kept as far as it came
  } finally {
    await reader.cancel().catch(() => {});
  }
  return Buffer.concat(chunks).toString('utf8').slice(0, ANSWER_EXCERPT_CHARS);
}

/** Why no answer came, in a few words (`timeout after 10 s`, `connection refused`). */
function failureOf(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return `timeout after ${timeoutMs / 1000} s`;
  const code = e?.cause?.code;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'connection reset';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
  return (e?.cause?.message ?? e?.message ?? String(error)).slice(0, 200);
}
