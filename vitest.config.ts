import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30000,
    pool: 'forks',
    // CI sets CI, which makes picocolors colour in-process output; the tests compare plain text (colour tests spawn the CLI with their own environment)
    env: { NO_COLOR: '1' },
  },
});
