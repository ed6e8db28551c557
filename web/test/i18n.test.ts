// The dictionaries: English has exactly the zh-CN keys, nothing is left empty, placeholders agree,
// and every role of the schema has a name.
import { describe, expect, it } from 'vitest';
import {
  DEADLINE_KINDS,
  DISPATCH_PART_KINDS,
  PART_STATUSES,
  ROLES,
  SATISFACTIONS,
  TICKET_ACTIONS,
  TICKET_CHANNELS,
  TICKET_STATUSES,
} from '../src/graphql/schemaTypes.ts';
import { en } from '../src/i18n/en.ts';
import { zhCN } from '../src/i18n/zh-CN.ts';

type Tree = { readonly [key: string]: unknown };

/** Every leaf of a dictionary as [dotted.path, value]. */
function leaves(tree: Tree, prefix = ''): [string, unknown][] {
  return Object.entries(tree).flatMap(([key, value]): [string, unknown][] =>
    value !== null && typeof value === 'object' ? leaves(value as Tree, `${prefix}${key}.`) : [[`${prefix}${key}`, value]],
  );
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();

const zh = new Map(leaves(zhCN));
const english = new Map(leaves(en));

describe('dictionaries', () => {
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

  it('names every role of the schema', () => {
    expect(Object.keys(zhCN.roles).sort()).toEqual([...ROLES].sort());
  });

  it('names every value of the ticket enums', () => {
    const names = (tree: object) => Object.keys(tree).sort();
    expect(names(zhCN.tickets.status)).toEqual([...TICKET_STATUSES].sort());
    expect(names(zhCN.tickets.channel)).toEqual([...TICKET_CHANNELS].sort());
    expect(names(zhCN.tickets.action)).toEqual([...TICKET_ACTIONS].sort());
    expect(names(zhCN.tickets.partKind)).toEqual([...DISPATCH_PART_KINDS].sort());
    expect(names(zhCN.tickets.partStatus)).toEqual([...PART_STATUSES].sort());
    expect(names(zhCN.tickets.satisfaction)).toEqual([...SATISFACTIONS].sort());
    expect(names(zhCN.tickets.deadline)).toEqual([...DEADLINE_KINDS].sort());
  });

  it('is really Chinese first and English second', () => {
    expect(zhCN.org.root).toBe('北京市');
    expect(en.org.root).toBe('Beijing');
  });
});
