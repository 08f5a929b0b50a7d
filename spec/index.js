import { fileURLToPath } from 'node:url';

/** Absolute path of the OpenAPI document. */
export const specPath = fileURLToPath(new URL('./gameball-v4.yaml', import.meta.url));
