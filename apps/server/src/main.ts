import type { Server } from 'node:http';
import { accountDirectory, loadAccountsFile } from './accounts.js';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { createHttpServer } from './http/listen.js';
import { createLogger } from './logger.js';
import { openStore } from './store/store.js';

const config = loadConfig();
const logger = createLogger(config.logLevel);

async function start(): Promise<void> {
  const file = loadAccountsFile(config.accountsFile);
  const accounts = accountDirectory(file.accounts);
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const app = createApp({
    store,
    accounts,
    logger,
    validateResponses: config.validateResponses,
    referenceTools: file.referenceTools,
  });
  const server: Server = createHttpServer(app, logger).listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    logger.info(
      {
        url: `http://${config.host}:${port}/api/v4/integrations`,
        docs: `http://${config.host}:${port}/docs`,
        storage: store.dialect,
        dataDir: store.dialect === 'sqlite' ? config.dataDir : undefined,
        accounts: accounts.all().map((account) => account.id),
        referenceTools: file.referenceTools,
      },
      'Gameball reference server listening',
    );
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing open requests');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.close(async () => {
      await store.close();
      logger.info('stopped');
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

start().catch((error: unknown) => {
  logger.fatal({ err: error }, 'the server could not start');
  process.exit(1);
});
