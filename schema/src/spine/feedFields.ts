// What every live feed subscription field shares: the `afterSeq` argument, and the org unit its code
// names — looked up once per operation, for its authorization (authScopes) and its stream (subscribe).
import { z } from 'zod';
import type { Context } from '../context.ts';

/** The description of every feed's `afterSeq` argument. */
export const AFTER_SEQ = 'The `logSeq` of the last event you applied: what you missed is replayed first. Omit to start live from now.';

/** The options of every feed's `afterSeq` argument: `afterSeq: t.arg.int(AFTER_SEQ_ARG)`. */
export const AFTER_SEQ_ARG = { required: false, description: AFTER_SEQ, validate: z.number().int().min(0) } as const;

type UnitKind = 'street' | 'district' | 'department';
const units = new WeakMap<Context, Map<string, Promise<{ id: string; districtId: string | null } | null>>>();

/** The street, district or department with this code (null when there is none), loaded once per operation's context. */
export function orgUnitByCode(ctx: Context, kind: UnitKind, code: string): Promise<{ id: string; districtId: string | null } | null> {
  let byKey = units.get(ctx);
  if (!byKey) units.set(ctx, (byKey = new Map()));
  const key = `${kind}:${code}`;
  let unit = byKey.get(key);
  if (!unit) {
    const where = { where: { code } };
    unit =
      kind === 'street' ? ctx.prisma.street.findUnique({ ...where, select: { id: true, districtId: true } })
      : kind === 'department' ? ctx.prisma.department.findUnique({ ...where, select: { id: true, districtId: true } })
      : ctx.prisma.district.findUnique({ ...where, select: { id: true } }).then((d) => d && { id: d.id, districtId: d.id });
    byKey.set(key, unit);
  }
  return unit;
}

/** The unit, for `subscribe` (its authScopes already refused a code that names none). */
export async function orgUnitOrThrow(ctx: Context, kind: UnitKind, code: string) {
  const unit = await orgUnitByCode(ctx, kind, code);
  if (!unit) throw new Error(`no ${kind} ${code}`);
  return unit;
}
