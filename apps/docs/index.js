import { fileURLToPath } from 'node:url';

/** Folder of the built site (index.html and its local assets). */
export const docsDir = fileURLToPath(new URL('./dist/', import.meta.url));
