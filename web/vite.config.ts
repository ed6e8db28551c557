// Dev server and production build of the web app. In development Vite serves the app and proxies
// the API paths (GraphQL over HTTP and WebSocket, health probes) to the api, so the session cookie
// stays same-origin exactly as in production, where the api serves web/dist itself.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, introspectionFromSchema } from 'graphql';
import { defineConfig, type Plugin } from 'vite';
import solid from 'vite-plugin-solid';

const apiUrl = process.env.API_URL ?? 'http://127.0.0.1:4000';
const schemaFile = fileURLToPath(new URL('../schema/schema.graphql', import.meta.url));
const SCHEMA_MODULE = 'virtual:whistlehub-schema';

/**
 * Serves the printed schema (schema/schema.graphql) as a compact introspection result, computed at
 * build time, so Graphcache is schema-aware (unions, interfaces, partial results) without shipping
 * graphql-js to the browser. https://nearform.com/open-source/urql/docs/graphcache/schema-awareness/
 */
function graphqlSchema(): Plugin {
  const resolvedId = `\0${SCHEMA_MODULE}`;
  return {
    name: 'whistlehub-graphql-schema',
    resolveId: (id) => (id === SCHEMA_MODULE ? resolvedId : undefined),
    load(id) {
      if (id !== resolvedId) return undefined;
      this.addWatchFile(schemaFile);
      const introspection = introspectionFromSchema(buildSchema(readFileSync(schemaFile, 'utf8')), { descriptions: false });
      // introspection types (__Type …) and directives are of no use to Graphcache
      const types = introspection.__schema.types.filter((type) => !type.name.startsWith('__'));
      const slim = { __schema: { ...introspection.__schema, types, directives: [] } };
      return `export default ${JSON.stringify(slim)};`;
    },
  };
}

export default defineConfig({
  plugins: [solid(), graphqlSchema()],
  server: {
    proxy: {
      '/graphql': { target: apiUrl, changeOrigin: true, ws: true },
      '/healthz': { target: apiUrl, changeOrigin: true },
      '/readyz': { target: apiUrl, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    target: 'es2022',
  },
});
