import { defineConfig } from 'vitest/config';
import { singleGraphql } from '../vitest.shared.ts';

// Unit tests (test/) run in Node on plain modules; browser tests (e2e/) drive Debian's Chromium
// against the real api serving web/dist, so `npm run build` must run first (turbo's test task
// depends on build).
export default defineConfig({
  resolve: { alias: singleGraphql },
  test: {
    include: ['test/**/*.test.ts', 'e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
