// Every GraphQL operation in the app, checked against the API's printed schema (schema/schema.graphql)
// together with the fragments it interpolates: valid, named after the component that uses it, and
// selecting `id` wherever Graphcache normalises.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildSchema,
  type DefinitionNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  getNamedType,
  isEnumType,
  isInterfaceType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  parse,
  type SelectionSetNode,
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
  /** the template as written, `${Fragment}` interpolations included */
  source: string;
}

interface Fragment {
  file: string;
  /** the constant the document is assigned to, which other documents interpolate */
  constant: string;
  source: string;
}

// `const Name = gql…`; gql`…` and gql<Data, Variables>`…`
const templates = sourceFiles(src).flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(/(?:\b(\w+)\s*=\s*)?\bgql(?:<[\s\S]*?>)?`([^`]*)`/g)].map((match) => ({
    file: relative(src, file),
    constant: match[1],
    source: match[2]!,
  })),
);

// the only interpolations in the app's documents are fragment documents, as urql's gql composes them
const interpolation = /\$\{\s*(\w+)\s*\}/g;
const isFragmentDocument = (source: string) => /^\s*fragment\b/.test(source);

const fragments = new Map<string, Fragment>(
  templates.filter((template) => isFragmentDocument(template.source)).map((template) => [template.constant!, { ...template, constant: template.constant! }]),
);

const operations: Operation[] = templates
  .filter((template) => !isFragmentDocument(template.source))
  .map((template) => ({
    label: `${template.file} ${/(?:query|mutation|subscription)\s+(\w+)/.exec(template.source)?.[1] ?? '(anonymous)'}`,
    file: template.file,
    component: basename(template.file).replace(/\.tsx?$/, ''),
    source: template.source,
  }));

/** The document urql's gql builds from a template: its own definitions, then each interpolated fragment's, once by name. */
function documentOf(source: string): DocumentNode {
  const definitions = new Map<string, DefinitionNode>();
  const add = (text: string) => {
    for (const definition of parse(text.replace(interpolation, '')).definitions) {
      const key = definition.kind === Kind.FRAGMENT_DEFINITION ? `fragment ${definition.name.value}` : `operation ${definitions.size}`;
      if (!definitions.has(key)) definitions.set(key, definition);
    }
    for (const [, constant] of text.matchAll(interpolation)) {
      const fragment = fragments.get(constant!);
      if (!fragment) throw new Error(`\${${constant}} is not a fragment document`);
      add(fragment.source);
    }
  };
  add(source);
  return { kind: Kind.DOCUMENT, definitions: [...definitions.values()] };
}

const operationsOf = (document: DocumentNode) =>
  document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
const fragmentsOf = (document: DocumentNode) =>
  new Map(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((definition) => [definition.name.value, definition]),
  );

describe('GraphQL operations', () => {
  it('finds the operations', () => {
    expect(operations.map((operation) => operation.file)).toContain('features/org/DistrictList.tsx');
    expect(operations.map((operation) => operation.file)).toContain('features/tickets/TicketInbox.tsx');
    expect(operations.length).toBeGreaterThanOrEqual(20);
  });

  it.each(operations.map((operation) => [operation.label, operation] as const))('%s is valid against the schema', (_file, operation) => {
    expect(validate(schema, documentOf(operation.source)).map((error) => error.message)).toEqual([]);
  });

  it.each(operations.map((operation) => [operation.label, operation] as const))('%s is named after its component', (_file, operation) => {
    const definitions = operationsOf(documentOf(operation.source));
    expect(definitions).toHaveLength(1);
    const [definition] = definitions;
    const suffix = { query: 'Query', mutation: 'Mutation', subscription: 'Subscription' }[definition!.operation];
    expect(definition!.name?.value).toMatch(new RegExp(`^${operation.component}\\w*${suffix}$`));
  });

  it('has unique operation names', () => {
    const names = operations.map((operation) => operationsOf(documentOf(operation.source))[0]?.name?.value);
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  });

  it.each(operations.map((operation) => [operation.label, operation] as const))('%s selects id on every node', (_file, operation) => {
    const document = documentOf(operation.source);
    const spreads = fragmentsOf(document);
    // a fragment on the same type that selects id selects it for the set that spreads it
    const selectsId = (set: SelectionSetNode, type: string): boolean =>
      set.selections.some((selection) => {
        if (selection.kind === Kind.FIELD) return selection.name.value === 'id';
        const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? spreads.get(selection.name.value) : selection;
        const condition = fragment?.typeCondition?.name.value;
        return fragment !== undefined && (condition === undefined || condition === type) && selectsId(fragment.selectionSet, type);
      });
    const typeInfo = new TypeInfo(schema);
    const missing: string[] = [];
    visit(
      document,
      visitWithTypeInfo(typeInfo, {
        SelectionSet(node) {
          const type = getNamedType(typeInfo.getParentType());
          if (!(isObjectType(type) || isInterfaceType(type)) || !type.getFields().id) return;
          if (!selectsId(node, type.name)) missing.push(type.name);
        },
      }),
    );
    expect(missing).toEqual([]);
  });
});

describe('GraphQL fragments', () => {
  it('finds the fragments', () => {
    expect([...fragments.values()].map((fragment) => fragment.file)).toContain('features/tickets/ticketFragments.ts');
  });

  it.each([...fragments.values()].map((fragment) => [fragment.constant, fragment] as const))('%s defines the one fragment of its name', (_constant, fragment) => {
    const definitions = parse(fragment.source.replace(interpolation, '')).definitions;
    expect(definitions.map((definition) => (definition.kind === Kind.FRAGMENT_DEFINITION ? definition.name.value : definition.kind))).toEqual([fragment.constant]);
    expect(fragment.constant).toMatch(/Fields$/);
  });

  it('spreads every fragment somewhere', () => {
    const spread = new Set(operations.flatMap((operation) => [...fragmentsOf(documentOf(operation.source)).keys()]));
    expect([...fragments.keys()].filter((constant) => !spread.has(constant))).toEqual([]);
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
