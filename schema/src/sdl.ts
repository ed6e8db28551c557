import { fileURLToPath } from 'node:url';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { schema } from './index.ts';

/** Where the committed SDL lives. */
export const schemaFile = fileURLToPath(new URL('../schema.graphql', import.meta.url));

/** The schema as SDL, sorted so that the committed file diffs cleanly. */
export const printSchemaSDL = () => `${printSchema(lexicographicSortSchema(schema))}\n`;
