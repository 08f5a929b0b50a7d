/**
 * The baseline of `pnpm bench`: Express 5 and express-openapi-validator with its default
 * options on the same spec as the server, and a handler that answers every operation 200 with
 * a small fixed JSON object. What is left of the server's time above this is its own work.
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import * as OpenApiValidator from 'express-openapi-validator';
import { specPath } from '@gameball-open/spec';

const port = Number(process.env.PORT ?? 4020);
const host = process.env.HOST ?? '127.0.0.1';

const app = express();
app.get('/health', (_req, res) => {
  res.json({ status: 'ok' });
});
app.use(express.json());
app.use(OpenApiValidator.middleware({ apiSpec: specPath }));
app.all('/{*any}', (_req, res) => {
  res.json({ ok: true, id: 1 });
});
app.use((error: { status?: number; message?: string }, _req: Request, res: Response, _next: NextFunction) => {
  res.status(error.status ?? 500).json({ message: error.message ?? 'error' });
});

const server = app.listen(port, host);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
