// Shared by every package's vitest.config.ts.
import { createRequire } from 'node:module';

// One copy of graphql: vitest would otherwise load graphql's ESM build for some importers and its CJS
// build for others, and graphql refuses types "from another module or realm".
// https://github.com/graphql/graphql-js/issues/2801
export const singleGraphql = { graphql: createRequire(import.meta.url).resolve('graphql/index.js') };
