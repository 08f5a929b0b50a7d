import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import type { Logger } from 'pino';
import { clientErrorHandler } from './error-handler.js';

/** The longest request line plus headers Node parses; longer ones answer 431/4000. */
export const MAX_HEADER_BYTES = 16 * 1024;

/** The HTTP server around the app, used by main.ts and the tests alike. */
export function createHttpServer(app: Express, logger: Logger): Server {
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, app);
  server.on('clientError', clientErrorHandler(logger));
  return server;
}

/** Starts listening; rejects with the listen error (EADDRINUSE, EACCES, ...) instead of ignoring it. */
export function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve(server.address() as AddressInfo);
    };
    server.once('error', onError).once('listening', onListening);
    server.listen(port, host);
  });
}
