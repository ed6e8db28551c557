import { readFileSync } from 'node:fs';
import { isIntrospectionType, isObjectType, isInterfaceType, isInputObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/index.ts';
import { printSchemaSDL, schemaFile } from '../src/sdl.ts';

describe('schema.graphql', () => {
  it('is up to date (run `npm run schema:print` after changing the schema)', () => {
    expect(readFileSync(schemaFile, 'utf8')).toBe(printSchemaSDL());
  });

  it('describes every type and every public field', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (isIntrospectionType(type) || type.name.startsWith('__')) continue;
      if (!type.description && !['Boolean', 'String', 'Int', 'Float', 'ID'].includes(type.name)) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) if (!field.description) missing.push(`${type.name}.${field.name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
