// Every GraphQL document in the app, checked against the API's printed schema (schema/schema.graphql):
// each `graphql()` call is found in the source (TypeScript's parser, not a pattern), built exactly as
// gql.tada builds it at run time (its fragments appended), and then validated, checked for its name
// (house rule 8: named after the component that uses it) and for `id` wherever Graphcache normalises.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { initGraphQLTada } from 'gql.tada';
import {
  buildSchema,
  type DocumentNode,
  type FragmentDefinitionNode,
  getNamedType,
  isAbstractType,
  isEnumType,
  isInterfaceType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  parse,
  print,
  type SelectionSetNode,
  TypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { sectionsFor } from '../src/features/shell/navigation.ts';
import { SATISFACTION_LEVELS, TICKET_ACTIONS, TICKET_CHANNELS, TICKET_STATUSES } from '../src/graphql/enums.ts';

const src = fileURLToPath(new URL('../src', import.meta.url));
const schema = buildSchema(readFileSync(fileURLToPath(new URL('../../schema/schema.graphql', import.meta.url)), 'utf8'));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** One `graphql(…)` call as written. */
interface Written {
  file: string;
  /** PascalCase name of the file: the component (TicketInbox.tsx) or module (orgUnit.ts → OrgUnit) */
  owner: string;
  /** the constant it is assigned to */
  constant: string | undefined;
  source: string;
  /** the identifiers of the fragments passed as the second argument */
  fragments: string[];
  /** what is wrong with how the call is written, if anything */
  problem?: string;
}

const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

const files = sourceFiles(src).map((file) => ({ file: relative(src, file), text: readFileSync(file, 'utf8') }));

/** Every import of the app's source: which names, from where. */
const imports: { file: string; from: string; names: string[]; typeOnly: boolean }[] = [];

const written: Written[] = files.flatMap(({ file, text }) => {
  const found: Written[] = [];
  const owner = pascal(basename(file).replace(/\.tsx?$/, ''));
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const visitNode = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const bindings = node.importClause?.namedBindings;
      const names = bindings && ts.isNamedImports(bindings) ? bindings.elements.map((element) => (element.propertyName ?? element.name).text) : [];
      imports.push({ file, from: node.moduleSpecifier.text, names, typeOnly: node.importClause?.isTypeOnly ?? false });
    }
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'graphql') {
      const [template, list] = node.arguments;
      const constant = ts.isVariableDeclaration(node.parent) && ts.isIdentifier(node.parent.name) ? node.parent.name.text : undefined;
      const fragments = list && ts.isArrayLiteralExpression(list) ? list.elements.map((element) => element.getText(sourceFile)) : [];
      if (!template || !ts.isNoSubstitutionTemplateLiteral(template)) {
        found.push({ file, owner, constant, source: '', fragments, problem: 'the document must be one template literal without ${…}' });
      } else if (list && !(ts.isArrayLiteralExpression(list) && list.elements.every(ts.isIdentifier))) {
        found.push({ file, owner, constant, source: template.text, fragments, problem: 'fragments must be passed as an array of constants' });
      } else {
        found.push({ file, owner, constant, source: template.text, fragments });
      }
    }
    ts.forEachChild(node, visitNode);
  };
  visitNode(sourceFile);
  return found;
});

const isFragmentSource = (source: string) => /^\s*fragment\b/.test(source);
const fragmentSources = new Map(written.filter((call) => isFragmentSource(call.source) && call.constant).map((call) => [call.constant!, call]));

// gql.tada's own run-time graphql(): the documents are built exactly as the browser builds them
const tada = initGraphQLTada<{ introspection: never }>() as unknown as (source: string, fragments?: readonly DocumentNode[]) => DocumentNode;
const built = new Map<string, DocumentNode>();

/** The document a call builds at run time, its fragments (and theirs) appended, once each as in the app. */
function build(call: Written, seen: string[] = []): DocumentNode {
  const fragments = call.fragments.map((constant) => {
    const fragment = fragmentSources.get(constant);
    if (!fragment) throw new Error(`${call.file}: ${constant} is not a fragment document`);
    if (seen.includes(constant)) throw new Error(`fragment cycle: ${[...seen, constant].join(' → ')}`);
    // one document per fragment constant: gql.tada appends a definition once per object, as modules share them
    if (!built.has(constant)) built.set(constant, build(fragment, [...seen, constant]));
    return built.get(constant)!;
  });
  return tada(call.source, fragments);
}

/** The same, as graphql-js nodes. */
const documentOf = (call: Written) => parse(print(build(call)));

const operations = written
  .filter((call) => !isFragmentSource(call.source) && !call.problem)
  .map((call) => {
    const document = documentOf(call);
    const definitions = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
    return { ...call, document, definitions, name: definitions[0]?.name?.value ?? '(anonymous)' };
  });
const byName = (name: string) => {
  const found = operations.find((operation) => operation.name === name);
  if (!found) throw new Error(`no operation ${name}`);
  return found;
};
const fragmentsOf = (document: DocumentNode) =>
  new Map(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((definition) => [definition.name.value, definition]),
  );

const cases = operations.map((operation) => [`${operation.file} ${operation.name}`, operation] as const);

describe('GraphQL documents', () => {
  it('finds the operations', () => {
    expect(operations.map((operation) => operation.file)).toContain('features/org/DistrictList.tsx');
    expect(operations.map((operation) => operation.file)).toContain('features/tickets/TicketInbox.tsx');
    expect(operations.length).toBeGreaterThanOrEqual(20);
  });

  it('are written so that they can be checked: one static template, fragments as constants', () => {
    expect(written.filter((call) => call.problem).map((call) => `${call.file} ${call.constant}: ${call.problem}`)).toEqual([]);
  });

  it('all come from the one graphql() of src/graphql/graphql.ts (no urql gql, no bare gql.tada)', () => {
    const offenders = imports
      .filter((entry) => entry.file !== join('graphql', 'graphql.ts'))
      .filter((entry) => (entry.from === 'gql.tada' && !entry.typeOnly) || (entry.from.startsWith('@urql/') && entry.names.includes('gql')))
      .map((entry) => `${entry.file} imports ${entry.names.join(', ')} from ${entry.from}`);
    expect(offenders).toEqual([]);
  });

  it.each(cases)('%s is valid against the schema', (_label, operation) => {
    expect(validate(schema, operation.document).map((error) => error.message)).toEqual([]);
  });

  it.each(cases)('%s is named after its component', (_label, operation) => {
    expect(operation.definitions).toHaveLength(1);
    const [definition] = operation.definitions;
    const suffix = { query: 'Query', mutation: 'Mutation', subscription: 'Subscription' }[definition!.operation];
    expect(operation.name).toMatch(new RegExp(`^${operation.owner}\\w*${suffix}$`));
    expect(operation.constant).toBe(operation.name);
  });

  it('has unique operation names', () => {
    const names = operations.map((operation) => operation.name);
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  });

  it.each(cases)('%s selects id on every node', (_label, operation) => {
    const spreads = fragmentsOf(operation.document);
    // a fragment whose condition the type satisfies (the type itself, or an interface it implements) counts
    const applies = (condition: string | undefined, type: string) => {
      if (condition === undefined || condition === type) return true;
      const conditionType = schema.getType(condition);
      const objectType = schema.getType(type);
      return isAbstractType(conditionType) && isObjectType(objectType) && schema.isSubType(conditionType, objectType);
    };
    const selectsId = (set: SelectionSetNode, type: string): boolean =>
      set.selections.some((selection) => {
        if (selection.kind === Kind.FIELD) return selection.name.value === 'id';
        const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? spreads.get(selection.name.value) : selection;
        return fragment !== undefined && applies(fragment.typeCondition?.name.value, type) && selectsId(fragment.selectionSet, type);
      });
    const typeInfo = new TypeInfo(schema);
    const missing: string[] = [];
    visit(
      operation.document,
      visitWithTypeInfo(typeInfo, {
        SelectionSet(node, _key, parent) {
          // a fragment's own selection is checked where it is spread
          if ((parent as { kind?: string } | undefined)?.kind === Kind.FRAGMENT_DEFINITION) return;
          if ((parent as { kind?: string } | undefined)?.kind === Kind.INLINE_FRAGMENT) return;
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
  const fragments = [...fragmentSources.values()];

  it('finds the fragments, one per component that takes GraphQL data', () => {
    expect(fragments.map((fragment) => fragment.file)).toContain(join('features', 'org', 'orgUnit.ts'));
    expect(fragments.map((fragment) => fragment.file)).toContain(join('features', 'tickets', 'TicketInboxRow.tsx'));
    expect(fragments.length).toBeGreaterThanOrEqual(15);
  });

  it.each(fragments.map((fragment) => [fragment.constant!, fragment] as const))('%s is named after its component and its constant', (_constant, fragment) => {
    const definitions = parse(fragment.source).definitions;
    expect(definitions.map((definition) => (definition.kind === Kind.FRAGMENT_DEFINITION ? definition.name.value : definition.kind))).toEqual([fragment.constant]);
    expect(fragment.constant).toMatch(new RegExp(`^${fragment.owner}\\w*Fields$`));
  });

  it('has unique fragment names', () => {
    const names = fragments.map((fragment) => fragment.constant);
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  });

  it('spreads every fragment somewhere', () => {
    const spread = new Set(operations.flatMap((operation) => [...fragmentsOf(operation.document).keys()]));
    expect(fragments.map((fragment) => fragment.constant).filter((constant) => !spread.has(constant!))).toEqual([]);
  });
});

/** Every field path a selection reaches, through its fragments, with arguments: `events(first:100).edges.node.seq`. */
function fieldPaths(set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, prefix = ''): string[] {
  return set.selections.flatMap((selection) => {
    if (selection.kind === Kind.FRAGMENT_SPREAD) return fieldPaths(fragments.get(selection.name.value)!.selectionSet, fragments, prefix);
    if (selection.kind === Kind.INLINE_FRAGMENT) return fieldPaths(selection.selectionSet, fragments, prefix);
    if (selection.name.value === '__typename') return [];
    const args = selection.arguments?.length ? `(${selection.arguments.map((arg) => `${arg.name.value}:${print(arg.value)}`).join(',')})` : '';
    const path = `${prefix}${selection.name.value}${args}`;
    return selection.selectionSet ? fieldPaths(selection.selectionSet, fragments, `${path}.`) : [path];
  });
}

describe('ticket actions', () => {
  // the facts a ticket is filed with; no action changes them, so a mutation need not return them (its
  // place does change: a dispatcher routes it with dispatchTicket's streetCode and communityCode)
  const FILED = ['channel', 'description', 'address', 'location', 'receivedAt', 'category', 'asset', 'complainant'];
  const ticketField = (document: DocumentNode, path: string[]) => {
    let set: SelectionSetNode | undefined = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION)?.selectionSet;
    for (const name of path) {
      const field = set?.selections.find((selection) => selection.kind === Kind.FIELD && selection.name.value === name);
      set = field?.kind === Kind.FIELD ? field.selectionSet : undefined;
    }
    return set;
  };
  const mutations = operations.filter((operation) => operation.definitions[0]?.operation === 'mutation' && /\bticket\s*\{\s*\.\.\.TicketActionResultFields/.test(operation.source));

  it('are the forms’ mutations', () => {
    expect(mutations.map((mutation) => mutation.name).sort()).toEqual([
      'TicketCallbackFormMutation',
      'TicketDispatchFormMutation',
      'TicketMergeFormMutation',
      'TicketPartActionsAcceptMutation',
      'TicketPartActionsProgressMutation',
      'TicketPartActionsResolveMutation',
      'TicketReopenFormMutation',
    ]);
  });

  it('return everything on the detail page an action can change, so the open page updates from the cache', () => {
    const detail = byName('TicketDetailQuery').document;
    const shown = fieldPaths(ticketField(detail, ['ticket'])!, fragmentsOf(detail)).filter((path) => !FILED.includes(path.split(/[.(]/)[0]!));
    for (const mutation of mutations) {
      const field = mutation.definitions[0]!.selectionSet.selections[0];
      const name = field?.kind === Kind.FIELD ? field.name.value : '';
      const result = mutation.document.definitions
        .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION && definition.name.value === 'TicketActionResultFields')
        .map((definition) => new Set(fieldPaths(definition.selectionSet, fragmentsOf(mutation.document))))[0]!;
      expect({ mutation: name, missing: shown.filter((path) => !result.has(path)) }).toEqual({ mutation: name, missing: [] });
    }
  });
});

describe('whistle steps', () => {
  const steps = operations.filter((operation) => operation.definitions[0]?.operation === 'mutation' && /\bwhistle\s*\{\s*\.\.\.WhistleDetailFields/.test(operation.source));

  it('are the detail page’s forms', () => {
    expect(steps.map((step) => step.name).sort()).toEqual([
      'WhistleCloseFormMutation',
      'WhistleRatingFormMutation',
      'WhistleReportFormMutation',
      'WhistleReturnDecisionMutation',
      'WhistleReturnFormMutation',
      'WhistleSuperviseFormMutation',
    ]);
  });

  it('return the whistle as its page shows it, so the open page updates from the cache', () => {
    const detail = byName('WhistleDetailQuery').document;
    const shown = new Set(fieldPaths(detail.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION)!.selectionSet, fragmentsOf(detail)).map((path) => path.replace(/^whistle\(number:\$number\)\./, '')));
    expect([...shown]).toContain('summonses.evaluation.attitude');
    expect([...shown]).toContain('events(first:100).edges.node.note');
    for (const step of steps) {
      const returned = new Set(
        fieldPaths(step.definitions[0]!.selectionSet, fragmentsOf(step.document))
          .filter((path) => path.includes('.result.whistle.'))
          .map((path) => path.slice(path.indexOf('.result.whistle.') + '.result.whistle.'.length)),
      );
      expect({ step: step.name, missing: [...shown].filter((path) => !returned.has(path)) }).toEqual({ step: step.name, missing: [] });
    }
  });
});

describe('schema enums the views list', () => {
  const values = (name: string) => {
    const type = schema.getType(name);
    if (!isEnumType(type)) throw new Error(`${name} is not an enum`);
    return type.getValues().map((value) => value.name).sort();
  };

  it('are exactly the schema’s values', () => {
    expect([...TICKET_STATUSES].sort()).toEqual(values('TicketStatus'));
    expect([...TICKET_CHANNELS].sort()).toEqual(values('TicketChannel'));
    expect([...TICKET_ACTIONS].sort()).toEqual(values('TicketAction'));
    expect([...SATISFACTION_LEVELS].sort()).toEqual(values('Satisfaction'));
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
    expect(keys(['ADMIN'])).toEqual(['org', 'tickets', 'whistles', 'councils', 'volunteers', 'board']);
  });

  it('shows each role the sections it works in', () => {
    expect(keys(['STREET_OFFICER'])).toEqual(['org', 'tickets', 'whistles', 'councils', 'volunteers', 'board']);
    expect(keys(['DEPARTMENT_OFFICER'])).toEqual(['org', 'tickets', 'whistles', 'board']);
    expect(keys(['COUNCIL_MEMBER'])).toEqual(['org', 'tickets', 'councils', 'volunteers', 'board']);
    expect(keys(['GRID_WORKER'])).toEqual(['org', 'tickets', 'volunteers']);
    // the 12345 hotline feeds tickets in and records the call-backs
    expect(keys(['INTEGRATOR'])).toEqual(['org', 'tickets']);
  });
});
