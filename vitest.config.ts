import { defineConfig } from 'vitest/config';

export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    // The engine's Readability fallback, as the command-line tools provide it.
    setupFiles: ['tests/setup-engine.ts'],
    testTimeout: 30000,
  },
});
