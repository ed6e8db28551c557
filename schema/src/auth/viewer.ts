import type { DepartmentLevel, PrismaClient, Role } from '@whistlehub/prisma';
import { hashToken, tokenKind } from './tokens.ts';

/** A role grant of the signed-in user, with the org-unit ids it is scoped to. */
export interface Grant {
  role: Role;
  districtId: string | null;
  streetId: string | null;
  communityId: string | null;
  gridCellId: string | null;
  departmentId: string | null;
  /**
   * For a department grant, the department's own place and its duties (the power list, 权力清单),
   * loaded with the grant so that visibility can be decided on a loaded row without a query.
   */
  department?: { level: DepartmentLevel; districtId: string | null; categoryIds: string[] } | null;
}

/** The signed-in user as resolvers see it. */
export interface Viewer {
  userId: string;
  login: string;
  /** the person the user is, if any (a council member votes, a party member claims posts, as themselves) */
  personId?: string | null;
  grants: Grant[];
  /** how they signed in: a browser/client session, or an integrator's API token */
  via: { kind: 'session'; sessionId: string } | { kind: 'apiToken'; apiTokenId: string };
}

const grantSelect = {
  role: true, districtId: true, streetId: true, communityId: true, gridCellId: true, departmentId: true,
  department: { select: { level: true, districtId: true, duties: { select: { categoryId: true }, orderBy: { categoryId: 'asc' } } } },
} as const;

type GrantRow = { role: Role; districtId: string | null; streetId: string | null; communityId: string | null; gridCellId: string | null; departmentId: string | null;
  department: { level: DepartmentLevel; districtId: string | null; duties: { categoryId: string }[] } | null };

const toGrant = ({ department, ...g }: GrantRow): Grant => ({
  ...g,
  department: department ? { level: department.level, districtId: department.districtId, categoryIds: department.duties.map((d) => d.categoryId) } : null,
});

/** The viewer of a user id as it is now (tests and re-checks of open sockets); null for a disabled or unknown user. */
export async function loadViewer(prisma: PrismaClient, userId: string, via: Viewer['via']): Promise<Viewer | null> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { id: true, login: true, personId: true, disabledAt: true, roles: { select: grantSelect, orderBy: { createdAt: 'asc' } } } });
  if (!user || user.disabledAt) return null;
  return { userId: user.id, login: user.login, personId: user.personId, grants: user.roles.map(toGrant), via };
}

/** Resolves a bearer or cookie token to its viewer; null for unknown, expired, revoked or disabled. */
export async function resolveViewer(prisma: PrismaClient, token: string | null | undefined, now = new Date()): Promise<Viewer | null> {
  if (!token) return null;
  const kind = tokenKind(token);
  if (!kind) return null;
  const tokenHash = hashToken(token);
  const userSelect = { id: true, login: true, personId: true, disabledAt: true, roles: { select: grantSelect, orderBy: { createdAt: 'asc' } } } as const;
  if (kind === 'session') {
    const session = await prisma.session.findUnique({ where: { tokenHash }, select: { id: true, expiresAt: true, user: { select: userSelect } } });
    if (!session || session.expiresAt <= now || session.user.disabledAt) return null;
    return { userId: session.user.id, login: session.user.login, personId: session.user.personId, grants: session.user.roles.map(toGrant), via: { kind: 'session', sessionId: session.id } };
  }
  const apiToken = await prisma.apiToken.findUnique({ where: { tokenHash }, select: { id: true, revokedAt: true, lastUsedAt: true, user: { select: userSelect } } });
  if (!apiToken || apiToken.revokedAt || apiToken.user.disabledAt) return null;
  // "last used" at minute precision: one write a minute per token, not one per request, and off the
  // request's path (a failed write only makes the figure older)
  if (!apiToken.lastUsedAt || now.getTime() - apiToken.lastUsedAt.getTime() > 60_000) {
    void prisma.apiToken.update({ where: { id: apiToken.id }, data: { lastUsedAt: now } }).catch(() => {});
  }
  return { userId: apiToken.user.id, login: apiToken.user.login, personId: apiToken.user.personId, grants: apiToken.user.roles.map(toGrant), via: { kind: 'apiToken', apiTokenId: apiToken.id } };
}
