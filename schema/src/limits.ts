// Query limits, in one place: the api enforces them before execution on HTTP and WebSocket alike
// (api/src/limits.ts); the schema only says what each field costs. Documented in the README.

/** Largest page a connection serves (`first` / `last`). */
export const MAX_PAGE_SIZE = 200;
/** Page size when a connection is asked without `first` or `last`. */
export const DEFAULT_PAGE_SIZE = 20;
/** What a plain list field (not a connection) is assumed to hold, for the cost estimate. */
export const LIST_COST_MULTIPLIER = 10;

/** Thrown while estimating cost when a connection is asked for more than MAX_PAGE_SIZE items. */
export class PageSizeLimitError extends Error {
  override name = 'PageSizeLimitError';
  constructor(readonly field: string, readonly requested: number) {
    super(`${field}: first/last may be at most ${MAX_PAGE_SIZE}, got ${requested}`);
  }
}

interface FieldLike {
  name: string;
  args: readonly { name: string }[];
  type: unknown;
}

const isList = (type: unknown): boolean => {
  const t = type as { ofType?: unknown; constructor?: { name?: string } };
  if (t?.constructor?.name === 'GraphQLList') return true;
  return t?.constructor?.name === 'GraphQLNonNull' ? isList(t.ofType) : false;
};

/**
 * The cost of one field for @pothos/plugin-complexity: 1, and its sub-selection multiplied by the page
 * size for a connection (its `first` / `last`, or the default page), by 1 for the `edges` of a
 * connection (already counted by the page size), and by LIST_COST_MULTIPLIER for other lists.
 * https://pothos-graphql.dev/docs/plugins/complexity
 */
export function fieldCost(args: Record<string, unknown>, _ctx: unknown, field: FieldLike): { field: number; multiplier: number } {
  const paged = field.args.some((a) => a.name === 'first') && field.args.some((a) => a.name === 'last');
  if (paged) {
    const requested = (args.first ?? args.last ?? DEFAULT_PAGE_SIZE) as number;
    if (requested > MAX_PAGE_SIZE) throw new PageSizeLimitError(field.name, requested);
    return { field: 1, multiplier: Math.max(requested, 0) };
  }
  if (field.name === 'edges') return { field: 1, multiplier: 1 };
  return { field: 1, multiplier: isList(field.type) ? LIST_COST_MULTIPLIER : 1 };
}
