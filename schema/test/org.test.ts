import { testProviders } from '@whistlehub/prisma/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type SchemaHarness } from './helpers.ts';

describe.each(await testProviders())('org tree on %s', (provider) => {
  let h: SchemaHarness;
  beforeAll(async () => {
    h = await createHarness(provider);
  });
  afterAll(() => h?.close());

  it('lists districts anonymously, ordered by code, as a Relay connection', async () => {
    const data = await h.runOk(`{ districts(first: 3) { totalCount edges { cursor node { id code name nameEn } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`);
    const codes = data.districts.edges.map((e: any) => e.node.code);
    expect(codes).toEqual([...codes].sort());
    expect(codes[0]).toBe('110101');
    expect(data.districts.edges[0].node.name).toBe('东城区');
    expect(data.districts.pageInfo.hasNextPage).toBe(true);
    expect(data.districts.totalCount).toBe(10);
    expect(data.districts.pageInfo.startCursor).toBe(data.districts.edges[0].cursor);

    const next = await h.runOk(`query ($after: String) { districts(first: 50, after: $after) { edges { node { code } } pageInfo { hasNextPage hasPreviousPage } } }`, {
      after: data.districts.pageInfo.endCursor,
    });
    const rest = next.districts.edges.map((e: any) => e.node.code);
    expect(rest).not.toContain(codes[2]);
    expect(codes.length + rest.length).toBe(10);
    expect(next.districts.pageInfo.hasNextPage).toBe(false);
  });

  it('pages backwards with last/before', async () => {
    const all = await h.runOk(`{ districts(first: 10) { edges { node { code } } } }`);
    const codes = all.districts.edges.map((e: any) => e.node.code);
    const tail = await h.runOk(`{ districts(last: 2) { edges { node { code } } pageInfo { hasPreviousPage } } }`);
    expect(tail.districts.edges.map((e: any) => e.node.code)).toEqual(codes.slice(-2));
    expect(tail.districts.pageInfo.hasPreviousPage).toBe(true);
  });

  it('walks district → street → community → grid cell → assets, and refetches by global id', async () => {
    const data = await h.runOk(`{ district(code: "110101") { streets(first: 50) { totalCount edges { node { code name
      communities(first: 10) { edges { node { code name gridCells(first: 10) { totalCount edges { node { id code name polygon centroid { lng lat } assets(first: 5) { edges { node { code kindName } } } } } } } } } } } } } }`);
    const qianmen = data.district.streets.edges.map((e: any) => e.node).find((s: any) => s.name === '前门街道');
    expect(qianmen.code).toBe('110101011');
    const caochang = qianmen.communities.edges.map((e: any) => e.node).find((c: any) => c.name === '草厂社区');
    expect(caochang.gridCells.totalCount).toBe(4);
    const cell = caochang.gridCells.edges[0].node;
    expect(JSON.parse(cell.polygon).type).toBe('Polygon');
    expect(cell.assets.edges.length).toBeGreaterThan(0);

    const byId = await h.runOk(`query ($id: ID!) { node(id: $id) { __typename ... on GridCell { code community { name street { name district { code } } } } } }`, { id: cell.id });
    expect(byId.node).toEqual({ __typename: 'GridCell', code: cell.code, community: { name: '草厂社区', street: { name: '前门街道', district: { code: '110101' } } } });
  });

  it('resolves a nested tree in a constant number of SQL statements (no N+1)', async () => {
    const tree = (n: number) => `{ districts(first: ${n}) { edges { node { code streets(first: 20) { edges { node { code district { code }
      communities(first: 20) { edges { node { code gridCells(first: 10) { edges { node { code gridWorker { name } } } } } } } } } } } } } }`;
    h.resetQueries();
    await h.runOk(tree(1));
    const small = h.queries.length;
    h.resetQueries();
    const big = await h.runOk(tree(10));
    const large = h.queries.length;
    expect(big.districts.edges).toHaveLength(10);
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(6);
  });

  it('filters departments by level and district', async () => {
    const data = await h.runOk(`{ departments(first: 3, districtCode: "110101") { totalCount edges { node { code level district { code } } } } }`);
    const nodes = data.departments.edges.map((e: any) => e.node);
    expect(nodes).toHaveLength(3);
    expect(data.departments.totalCount).toBe(await h.db.prisma.department.count({ where: { district: { code: '110101' } } }));
    expect(data.departments.totalCount).toBeGreaterThan(3);
    expect(nodes.every((d: any) => d.level === 'DISTRICT' && d.district.code === '110101')).toBe(true);
    const city = await h.runOk(`{ departments(first: 100, level: CITY) { edges { node { district { code } } } } }`);
    expect(city.departments.edges).toHaveLength(await h.db.prisma.department.count({ where: { level: 'CITY' } }));
    expect(city.departments.edges.length).toBeGreaterThan(0);
    expect(city.departments.edges.every((e: any) => e.node.district === null)).toBe(true);
  });

  it('returns null for an unknown code and rejects a malformed global id', async () => {
    expect((await h.runOk(`{ street(code: "999") { name } }`)).street).toBeNull();
    const bad = await h.run(`{ node(id: "not-a-global-id") { id } }`);
    expect(bad.errors?.length).toBeGreaterThan(0);
  });
});
