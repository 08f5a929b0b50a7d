import { fileURLToPath } from 'node:url';

/** Folder of the built inspector page (index.html and its bundled script and styles). */
export const inspectorDir = fileURLToPath(new URL('./dist/', import.meta.url));
