import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20000,
    setupFiles: ['test/fuzz-seed.ts'],
    globalSetup: ['test/temp-root.ts'],
  },
});
