import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/support/cleanup.ts'],
    testTimeout: 60_000,
    // Set-up hooks run the CLI too (a run to make shards from, …): vitest's 10 s default failed them
    // on a loaded machine.
    hookTimeout: 60_000,
    pool: 'forks',
    // Two files at a time on CI's two cores: most tests spawn the command and wait on it, so a second
    // file overlaps them (measured: 100 s to 77 s for the four largest CLI files).
    maxWorkers: 2,
  },
});
