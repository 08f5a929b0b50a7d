import { defineConfig } from 'vite';

// Relative asset URLs, so the page works wherever the server mounts it (/inspector/); every
// script and style is bundled into dist/, nothing is loaded from elsewhere.
export default defineConfig({
  base: './',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', modulePreload: { polyfill: false } },
});
