import { testProviders } from '@whistlehub/prisma/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type SchemaHarness } from './helpers.ts';

const CELL = `query ($code: String!) { gridCell(code: $code) { gridWorker { name phone } } }`;
const MASKED = /^\d{3}\*{4}\d{4}$/;
const FULL = /^1\d{10}$/;

describe.each(await testProviders())('grid worker contact data on %s', (provider) => {
  let h: SchemaHarness;
  let caochangCell: string;
  beforeAll(async () => {
    h = await createHarness(provider);
    const cell = await h.db.prisma.gridCell.findFirstOrThrow({ where: { community: { name: '草厂社区' } }, orderBy: { code: 'asc' } });
    caochangCell = cell.code;
  });
  afterAll(() => h?.close());

  const phoneAs = async (as?: string) => (await h.runOk(CELL, { code: caochangCell }, { as })).gridCell.gridWorker.phone as string;

  it.each([
    ['anonymous', undefined],
    ['a resident', 'resident.demo'],
    ['the street officer of another street (鲁谷)', 'street.lugu'],
    ['a department officer', 'dept.dongcheng.cgzf'],
    ['a council member', 'council.caochang'],
  ])('is masked for %s', async (_who, as) => {
    expect(await phoneAs(as)).toMatch(MASKED);
  });

  it.each([
    ['the admin', 'admin'],
    ['the street officer of 前门街道', 'street.qianmen'],
    ['the dispatcher of 东城区', 'dispatcher.dongcheng'],
    ['the grid worker of the cell', 'grid.caochang'],
  ])('is shown in full to %s', async (_who, as) => {
    expect(await phoneAs(as)).toMatch(FULL);
  });
});
