import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';

/** One request the receiver got: its headers, the raw body as sent, and the status it answered. */
export interface Received {
  headers: IncomingHttpHeaders;
  raw: Buffer;
  body: { event: string; client_id: string; customer_id: string; gb_customer_id: number; created_at: string; data: unknown };
  deliveryId: string;
  answered: number | null;
  at: number;
}

/** How the receiver answers a request: a status, or `'hang'` to keep it open and never answer. */
export type Answering = number | 'hang';

export interface WebhookReceiver {
  url: string;
  received: Received[];
  /** Sets how the next requests are answered. */
  answer(with_: Answering | ((request: Received) => Answering)): void;
  /** Resolves once `count` requests have arrived (rejects after `ms`). */
  waitFor(count: number, ms?: number): Promise<Received[]>;
  close(): Promise<void>;
}

/** What a receiver must compute to trust a request: hex SHA-1 of the raw body, ':' and the secret key. */
export function expectedSignature(raw: Buffer, secretKey: string): string {
  return createHash('sha1').update(Buffer.concat([raw, Buffer.from(`:${secretKey}`)])).digest('hex');
}

/** A webhook receiver on 127.0.0.1, an ephemeral port, recording every request. */
export async function startReceiver(): Promise<WebhookReceiver> {
  const received: Received[] = [];
  const hanging = new Set<ServerResponse>();
  let answering: Answering | ((request: Received) => Answering) = 200;
  let waiters: Array<() => void> = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const request: Received = {
        headers: req.headers,
        raw,
        body: JSON.parse(raw.toString('utf8')) as Received['body'],
        deliveryId: String(req.headers['x-gb-delivery-id']),
        answered: null,
        at: Date.now(),
      };
      received.push(request);
      const how = typeof answering === 'function' ? answering(request) : answering;
      if (how === 'hang') hanging.add(res);
      else {
        request.answered = how;
        res.writeHead(how, { 'content-type': 'text/plain' }).end(how >= 300 ? `refused with ${how}` : 'ok');
      }
      for (const wake of waiters) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/gameball/webhooks`,
    received,
    answer: (how) => {
      answering = how;
    },
    async waitFor(count, ms = 15_000) {
      const deadline = Date.now() + ms;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`the receiver got ${received.length} of ${count} webhooks in ${ms} ms`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
        waiters = [];
      }
      return received.slice(0, count);
    },
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
