// The dictionaries: per feature, English has exactly the zh-CN keys, nothing is left empty and the
// placeholders agree; no two features claim the same top-level key (the merge would drop one); every
// value of the schema's enums that the views translate has a name.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, isEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { dictionaries, featureDictionaries } from '../src/i18n/index.ts';

type Tree = { readonly [key: string]: unknown };

/** Every leaf of a dictionary as [dotted.path, value]. */
function leaves(tree: Tree, prefix = ''): [string, unknown][] {
  return Object.entries(tree).flatMap(([key, value]): [string, unknown][] =>
    value !== null && typeof value === 'object' ? leaves(value as Tree, `${prefix}${key}.`) : [[`${prefix}${key}`, value]],
  );
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();

const schema = buildSchema(readFileSync(fileURLToPath(new URL('../../schema/schema.graphql', import.meta.url)), 'utf8'));

/** The values of a schema enum, sorted. */
function enumValues(name: string): string[] {
  const type = schema.getType(name);
  if (!isEnumType(type)) throw new Error(`${name} is not an enum of the schema`);
  return type.getValues().map((value) => value.name).sort();
}

const features = Object.entries(featureDictionaries).map(([feature, byLocale]) => ({
  feature,
  zh: new Map(leaves(byLocale['zh-CN'])),
  english: new Map(leaves(byLocale.en)),
}));

describe.each(features)('the $feature dictionary', ({ zh, english }) => {
  it('has every zh-CN key in English, and no English key that zh-CN lacks', () => {
    expect([...zh.keys()].filter((key) => !english.has(key))).toEqual([]);
    expect([...english.keys()].filter((key) => !zh.has(key))).toEqual([]);
  });

  it.each([
    ['zh-CN', zh],
    ['en', english],
  ])('has no empty or non-string value in %s', (_locale, dictionary) => {
    const bad = [...dictionary].filter(([, value]) => typeof value !== 'string' || value.trim() === '').map(([key]) => key);
    expect(bad).toEqual([]);
  });

  it('uses the same {{placeholders}} in both languages', () => {
    const mismatched = [...zh]
      .filter(([key, value]) => english.has(key) && placeholders(String(value)).join() !== placeholders(String(english.get(key))).join())
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });
});

describe('the merged dictionaries', () => {
  it('give every top-level key to one feature only', () => {
    const owners = new Map<string, string[]>();
    for (const [feature, byLocale] of Object.entries(featureDictionaries)) {
      for (const key of new Set([...Object.keys(byLocale['zh-CN']), ...Object.keys(byLocale.en)])) owners.set(key, [...(owners.get(key) ?? []), feature]);
    }
    expect([...owners].filter(([, claimedBy]) => claimedBy.length > 1)).toEqual([]);
  });

  it('hold every feature’s strings', () => {
    const merged = leaves(dictionaries['zh-CN']).length;
    expect(merged).toBe(features.reduce((sum, feature) => sum + feature.zh.size, 0));
    expect(leaves(dictionaries.en).length).toBe(merged);
  });

  it('name every role of the schema', () => {
    expect(Object.keys(dictionaries['zh-CN'].roles).sort()).toEqual(enumValues('Role'));
  });

  it('name every value of the ticket enums', () => {
    const tickets = dictionaries['zh-CN'].tickets;
    const names = (tree: object) => Object.keys(tree).sort();
    expect(names(tickets.status)).toEqual(enumValues('TicketStatus'));
    expect(names(tickets.channel)).toEqual(enumValues('TicketChannel'));
    expect(names(tickets.action)).toEqual(enumValues('TicketAction'));
    expect(names(tickets.partKind)).toEqual(enumValues('DispatchPartKind'));
    expect(names(tickets.partStatus)).toEqual(enumValues('PartStatus'));
    expect(names(tickets.satisfaction)).toEqual(enumValues('Satisfaction'));
    expect(names(tickets.deadline)).toEqual(enumValues('DeadlineKind'));
    expect(names(tickets.dispatchProblem)).toEqual(enumValues('DispatchProblem'));
    expect(names(dictionaries['zh-CN'].org.streetKind)).toEqual(enumValues('StreetKind'));
    expect(names(dictionaries['zh-CN'].org.communityKind)).toEqual(enumValues('CommunityKind'));
  });

  it('are really Chinese first and English second', () => {
    expect(dictionaries['zh-CN'].org.root).toBe('北京市');
    expect(dictionaries.en.org.root).toBe('Beijing');
  });
});
