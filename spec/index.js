import { fileURLToPath } from 'node:url';

/** Absolute path of the bundled OpenAPI document (one file, only local refs); `bundle` writes it. */
export const specPath = fileURLToPath(new URL('./dist/gameball-v4.yaml', import.meta.url));
/** Absolute path of the hand-written root document, whose refs point into paths/ and components/. */
export const specSourcePath = fileURLToPath(new URL('./gameball-v4.yaml', import.meta.url));
