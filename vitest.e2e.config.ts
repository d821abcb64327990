import { defineConfig } from 'vitest/config';

// End-to-end tests drive Debian's Chromium with the built extension; one browser at a time on 2 cores.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    // The engine's Readability fallback, as the command-line tools provide it.
    setupFiles: ['tests/setup-engine.ts'],
    fileParallelism: false,
    testTimeout: 60000,
    hookTimeout: 60000,
    // A condition waited on in a real browser (a note painted in a frame, a list refreshed) comes when the
    // browser gets to it: on a busy 2-core machine that may take seconds, not the default second.
    expect: { poll: { timeout: 15000 } },
  },
});
