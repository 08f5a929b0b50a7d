import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What the scripted server does with the n-th request (0-based). */
export type Step = (req: IncomingMessage, res: ServerResponse, socket: Socket) => void;

export interface ScriptedServer {
  baseUrl: string;
  /** Method and path of every request that arrived, in order. */
  seen: Array<{ method: string; url: string; at: number }>;
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 that answers request n with steps[n] (the last step repeats),
 * to put the client in front of failures a Gameball server or a proxy can produce.
 */
export async function scriptedServer(steps: Step[]): Promise<ScriptedServer> {
  const seen: ScriptedServer['seen'] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const step = steps[Math.min(seen.length, steps.length - 1)]!;
    seen.push({ method: req.method ?? '', url: req.url ?? '', at: Date.now() });
    req.resume();
    req.on('end', () => step(req, res, req.socket));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/api/v4/integrations`,
    seen,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A Gameball error body. */
export function gameballError(code: number, type: string, message = 'failed') {
  return { code, type, message, documentationUrl: `/docs#error-${code}`, requestId: `req-${code}` };
}

/** Answers with a JSON body. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Step {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
}

/** Answers with a body that is not JSON (a proxy's page). */
export function text(status: number, body: string, contentType = 'text/html'): Step {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': contentType });
    res.end(body);
  };
}

/** Never answers. */
export const hang: Step = () => {};

/** Sends the status line and headers, then never the body. */
export const hangAfterHeaders: Step = (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
  res.write('{"customerId":');
};

/** Drops the connection without answering. */
export const reset: Step = (_req, _res, socket) => {
  socket.destroy();
};
