// npm run schema:print — writes schema/schema.graphql, the committed SDL that integrators read.
import { writeFileSync } from 'node:fs';
import { printSchemaSDL, schemaFile } from '../src/sdl.ts';

writeFileSync(schemaFile, printSchemaSDL());
console.log(`wrote ${schemaFile}`);
