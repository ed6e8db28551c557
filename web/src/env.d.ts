/// <reference types="vite/client" />

declare module 'virtual:whistlehub-schema' {
  import type { IntrospectionQuery } from 'graphql';
  /** The API schema (schema/schema.graphql) as an introspection result, made at build time by vite.config.ts. */
  const introspection: IntrospectionQuery;
  export default introspection;
}
