import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Generous: CI machines are shared, and the first test also pays for loading the modules.
  test: { include: ['test/**/*.test.ts'], testTimeout: 30_000 },
});
