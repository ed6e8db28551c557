// Every GraphQL operation in the app, checked against the API's printed schema (schema/schema.graphql):
// valid, named after the component that uses it, and selecting `id` wherever Graphcache normalises.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInterfaceType,
  isObjectType,
  type OperationDefinitionNode,
  parse,
  TypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  COMMUNITY_KINDS,
  DEADLINE_KINDS,
  DISPATCH_PART_KINDS,
  PART_STATUSES,
  ROLES,
  SATISFACTIONS,
  STREET_KINDS,
  TICKET_ACTIONS,
  TICKET_CHANNELS,
  TICKET_STATUSES,
} from '../src/graphql/schemaTypes.ts';
import { sectionsFor } from '../src/features/shell/navigation.ts';

const src = fileURLToPath(new URL('../src', import.meta.url));
const schema = buildSchema(readFileSync(fileURLToPath(new URL('../../schema/schema.graphql', import.meta.url)), 'utf8'));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

interface Operation {
  /** file and operation name, to label the cases */
  label: string;
  file: string;
  component: string;
  source: string;
}

// gql`…` and gql<Data, Variables>`…`; the app's documents have no interpolations
const operations: Operation[] = sourceFiles(src).flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(/\bgql(?:<[\s\S]*?>)?`([^`]*)`/g)].map((match) => ({
    label: `${relative(src, file)} ${/(?:query|mutation|subscription)\s+(\w+)/.exec(match[1]!)?.[1] ?? '(anonymous)'}`,
    file: relative(src, file),
    component: basename(file).replace(/\.tsx?$/, ''),
    source: match[1]!,
  })),
);

describe('GraphQL operations', () => {
  it('finds the operations', () => {
    expect(operations.map((operation) => operation.file)).toContain('features/org/DistrictList.tsx');
    expect(operations.map((operation) => operation.file)).toContain('features/tickets/TicketInbox.tsx');
    expect(operations.length).toBeGreaterThanOrEqual(20);
  });

  it.each(operations.map((operation) => [operation.label, operation] as const))('%s is valid against the schema', (_file, operation) => {
    const document = parse(operation.source);
    expect(validate(schema, document).map((error) => error.message)).toEqual([]);
  });

  it.each(operations.map((operation) => [operation.label, operation] as const))('%s is named after its component', (_file, operation) => {
    const definitions = parse(operation.source).definitions as OperationDefinitionNode[];
    expect(definitions).toHaveLength(1);
    const [definition] = definitions;
    const suffix = { query: 'Query', mutation: 'Mutation', subscription: 'Subscription' }[definition!.operation];
    expect(definition!.name?.value).toMatch(new RegExp(`^${operation.component}\\w*${suffix}$`));
  });

  it('has unique operation names', () => {
    const names = operations.map((operation) => (parse(operation.source).definitions[0] as OperationDefinitionNode).name?.value);
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  });

  it.each(operations.map((operation) => [operation.label, operation] as const))('%s selects id on every node', (_file, operation) => {
    const typeInfo = new TypeInfo(schema);
    const missing: string[] = [];
    visit(
      parse(operation.source),
      visitWithTypeInfo(typeInfo, {
        SelectionSet(node) {
          const type = getNamedType(typeInfo.getParentType());
          if (!(isObjectType(type) || isInterfaceType(type)) || !type.getFields().id) return;
          const selectsId = node.selections.some((selection) => selection.kind === 'Field' && selection.name.value === 'id');
          if (!selectsId) missing.push(type.name);
        },
      }),
    );
    expect(missing).toEqual([]);
  });
});

describe('schema mirrors', () => {
  const values = (name: string) => {
    const type = schema.getType(name);
    if (!isEnumType(type)) throw new Error(`${name} is not an enum`);
    return type.getValues().map((value) => value.name).sort();
  };

  it('knows every enum value', () => {
    expect([...ROLES].sort()).toEqual(values('Role'));
    expect([...STREET_KINDS].sort()).toEqual(values('StreetKind'));
    expect([...COMMUNITY_KINDS].sort()).toEqual(values('CommunityKind'));
    expect([...TICKET_STATUSES].sort()).toEqual(values('TicketStatus'));
    expect([...TICKET_CHANNELS].sort()).toEqual(values('TicketChannel'));
    expect([...TICKET_ACTIONS].sort()).toEqual(values('TicketAction'));
    expect([...DISPATCH_PART_KINDS].sort()).toEqual(values('DispatchPartKind'));
    expect([...PART_STATUSES].sort()).toEqual(values('PartStatus'));
    expect([...SATISFACTIONS].sort()).toEqual(values('Satisfaction'));
    expect([...DEADLINE_KINDS].sort()).toEqual(values('DeadlineKind'));
  });
});

describe('navigation', () => {
  const keys = (roles: Parameters<typeof sectionsFor>[0]) => sectionsFor(roles).map((section) => section.key);

  it('shows anonymous visitors the organisation only', () => {
    expect(sectionsFor([], false).map((section) => section.key)).toEqual(['org']);
  });

  it('shows residents (signed in, no role) the tickets they file', () => {
    expect(sectionsFor([], true).map((section) => section.key)).toEqual(['org', 'tickets']);
  });

  it('shows an admin every section', () => {
    expect(keys(['ADMIN'])).toEqual(['org', 'tickets', 'whistles', 'councils', 'volunteers']);
  });

  it('shows each role the sections it works in', () => {
    expect(keys(['STREET_OFFICER'])).toEqual(['org', 'tickets', 'whistles', 'councils', 'volunteers']);
    expect(keys(['DEPARTMENT_OFFICER'])).toEqual(['org', 'tickets', 'whistles']);
    expect(keys(['COUNCIL_MEMBER'])).toEqual(['org', 'tickets', 'councils', 'volunteers']);
    expect(keys(['GRID_WORKER'])).toEqual(['org', 'tickets', 'volunteers']);
    // the 12345 hotline feeds tickets in and records the call-backs
    expect(keys(['INTEGRATOR'])).toEqual(['org', 'tickets']);
  });
});
