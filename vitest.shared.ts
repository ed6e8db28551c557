// Shared by every package's vitest.config.ts.
import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// One copy of graphql: vitest would otherwise load graphql's ESM build for some importers and its CJS
// build for others, and graphql refuses types "from another module or realm".
// https://github.com/graphql/graphql-js/issues/2801
export const singleGraphql = { graphql: createRequire(import.meta.url).resolve('graphql/index.js') };

/** The test config of a workspace package: its test/ folder, generous timeouts for real databases. */
export const packageTestConfig = (include = ['test/**/*.test.ts'], testTimeout = 30_000) =>
  defineConfig({
    resolve: { alias: singleGraphql },
    test: { include, testTimeout, hookTimeout: 60_000 },
  });
