import type { DepartmentLevel } from '@whistlehub/prisma';
import { builder } from '../../builder.ts';
import { DepartmentLevelEnum } from './enums.ts';

export const DepartmentNode = builder.prismaNode('Department', {
  id: { field: 'id' },
  description: 'A functional department (职能部门: 城管执法, 公安, 消防 …) that answers whistles and tickets.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Department code, e.g. 110101-CGZF or BJ-CGZF.' }),
    name: t.exposeString('name', { description: 'Chinese name.' }),
    nameEn: t.exposeString('nameEn', { description: 'English name.' }),
    level: t.expose('level', { type: DepartmentLevelEnum, description: 'City or district department, or a street office summoned as a department (STREET).' }),
    street: t.relation('street', { nullable: true, description: 'For a STREET-level department: the street office it is (its officers act on its summonses).' }),
    district: t.relation('district', { nullable: true, description: 'The district, for district-level departments.' }),
  }),
});

const departmentFilter = (args: { level?: DepartmentLevel | null; districtCode?: string | null }) => ({
  ...(args.level ? { level: args.level } : {}),
  ...(args.districtCode ? { district: { code: args.districtCode } } : {}),
});

builder.queryFields((t) => ({
  departments: t.prismaConnection({
    type: 'Department',
    cursor: 'code',
    description: 'Departments by code, optionally only one level or one district. Public.',
    args: {
      level: t.arg({ type: DepartmentLevelEnum, required: false, description: 'Only city or only district departments.' }),
      districtCode: t.arg.string({ required: false, description: 'Only the departments of this district.' }),
    },
    totalCount: (_root, args, ctx) => ctx.prisma.department.count({ where: departmentFilter(args) }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.department.findMany({ ...query, where: departmentFilter(args), orderBy: { code: 'asc' } }),
  }),
}));
