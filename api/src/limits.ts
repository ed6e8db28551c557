// Query limits, checked before any resolver runs and the same on HTTP, SSE and graphql-ws: graphql-ws
// goes through yoga's envelop (server.ts), so its parse, validate, execute and subscribe carry these
// hooks too. Tokens, depth, aliases and directives depend on the document alone, so they run at parse
// and validation (GraphQL Armor), whose results yoga caches by document text. The cost depends on the
// variables (`first: $n`) and on the operation chosen, so it is measured per request at execute and
// subscribe, where both are known; a cached validation cannot let an expensive `$n` through.
// The numbers and codes are documented in the README ("Query limits").
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { createComplexityRule } from '@pothos/plugin-complexity';
import { type ExecutionArgs, GraphQLError, validate, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * The limits, per operation (the batch limit per HTTP request). Chosen against the real clients: the
 * web app's largest operations reach depth 7, 0 aliases, 0 directives, 297 tokens and a cost of 5,201
 * (the inbox, 50 tickets a page); the 12345 hotline's intake (createTicket with its whole result)
 * depth 6, 136 tokens, cost 175.
 */
export const QUERY_LIMITS = {
  /** deepest field nesting; fragments are flattened, so spreading one adds no level */
  depth: 12,
  /** aliased fields (`__typename` is free) */
  aliases: 15,
  directives: 10,
  /** lexical tokens of the document */
  tokens: 1000,
  /** the cost estimate of schema/src/limits.ts (fieldCost); a full page of 200 tickets with their parts and call-backs costs 23,201 */
  cost: 25_000,
  /** operations in one batched HTTP request */
  batch: 10,
} as const;

/** `extensions.code` of each rejection; PAGE_SIZE_EXCEEDED comes from the schema (PageSizeLimitError). */
export const LIMIT_CODES = {
  depth: 'QUERY_TOO_DEEP',
  aliases: 'TOO_MANY_ALIASES',
  directives: 'TOO_MANY_DIRECTIVES',
  tokens: 'TOO_MANY_TOKENS',
  cost: 'QUERY_TOO_COMPLEX',
  pageSize: 'PAGE_SIZE_EXCEEDED',
  batch: 'BATCH_TOO_LARGE',
} as const;

type Limit = keyof typeof QUERY_LIMITS;

// 400 whatever the Accept header: the server will never run this request as sent. Without `spec`,
// yoga keeps the status for application/json clients too (useBadRequestStatus in yoga.ts says why).
const rejection = (limit: Limit, message: string, extensions: Record<string, unknown> = {}) =>
  new GraphQLError(message, {
    extensions: { code: LIMIT_CODES[limit], limit: QUERY_LIMITS[limit], ...extensions, http: { status: limit === 'batch' ? 413 : 400 } },
  });

// Armor words every rejection as a "Syntax Error", which these are not.
const armorMessage = (error: GraphQLError) => error.message.replace(/^Syntax Error: /, '');

// Armor throws by default, which would escape validate() on the WebSocket path; reporting the error
// instead makes it an ordinary validation error on both transports.
// https://escape.tech/graphql-armor/docs/configuration/examples
const reported = (limit: 'depth' | 'aliases' | 'directives') => ({
  n: QUERY_LIMITS[limit],
  propagateOnRejection: false,
  onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(rejection(limit, armorMessage(error)))],
});

/**
 * The cost of the operation a request runs, with its variables and context; a GraphQLError when the
 * estimate cannot be made (a page above the maximum, an argument that does not coerce), null when the
 * variables or the operation name are wrong, which execution reports in its usual words.
 */
function costOf(args: ExecutionArgs): number | GraphQLError | null {
  let cost: number | null = null;
  const rule = createComplexityRule({
    context: (args.contextValue ?? {}) as object,
    variableValues: (args.variableValues ?? {}) as Record<string, unknown>,
    operationName: args.operationName,
    // without an operation name every operation is measured; execution refuses a document with several
    onResult: (result) => {
      cost = Math.max(cost ?? 0, result.complexity);
    },
  });
  try {
    // only the cost rule: the spec rules already ran, cached, before execution
    validate(args.schema, args.document, [rule]);
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
  return cost;
}

// The cost depends on the document, the operation and the variables only (fieldCost ignores the
// context), and yoga hands the same parsed document to every request with the same text: the cost
// is measured once per document, operation and variables, and remembered with the document (a few
// dozen variable sets each; a document that is no longer cached takes its costs with it).
const COSTS_PER_DOCUMENT = 64;
const costs = new WeakMap<ExecutionArgs['document'], Map<string, number | GraphQLError | null>>();

function cachedCostOf(args: ExecutionArgs): number | GraphQLError | null {
  let known = costs.get(args.document);
  if (!known) costs.set(args.document, (known = new Map()));
  const key = `${args.operationName ?? ''}\u0000${JSON.stringify(args.variableValues ?? {})}`;
  if (known.has(key)) return known.get(key)!;
  const cost = costOf(args);
  if (known.size >= COSTS_PER_DOCUMENT) known.clear();
  known.set(key, cost);
  return cost;
}

function useCostBudget(): Plugin {
  const check = ({ args, setResultAndStopExecution }: { args: ExecutionArgs; setResultAndStopExecution: (result: { errors: GraphQLError[] }) => void }) => {
    const cost = cachedCostOf(args);
    if (cost instanceof GraphQLError) {
      setResultAndStopExecution({
        errors: [new GraphQLError(cost.message, { nodes: cost.nodes, extensions: { ...cost.extensions, http: { status: 400 } } })],
      });
    } else if (cost !== null && cost > QUERY_LIMITS.cost) {
      setResultAndStopExecution({ errors: [rejection('cost', `Query cost ${cost} exceeds the budget of ${QUERY_LIMITS.cost}.`, { cost })] });
    }
  };
  return { onExecute: check, onSubscribe: check };
}

// Yoga's own check (`batching.limit`) answers with the generic BAD_REQUEST; this one runs first, with
// the same number, so that a client can tell the batch limit from a malformed request.
function useBatchCode(): Plugin {
  return {
    onRequestParse: () => ({
      onRequestParseDone({ requestParserResult }) {
        if (Array.isArray(requestParserResult) && requestParserResult.length > QUERY_LIMITS.batch) {
          throw rejection('batch', `A batch may hold at most ${QUERY_LIMITS.batch} operations, got ${requestParserResult.length}.`, { operations: requestParserResult.length });
        }
      },
    }),
  };
}

/** Every query limit as one envelop plugin; give yoga `batching: { limit: QUERY_LIMITS.batch }` with it. */
export function useQueryLimits(): Plugin {
  return {
    onPluginInit({ addPlugin }) {
      addPlugin(
        maxTokensPlugin({
          n: QUERY_LIMITS.tokens,
          propagateOnRejection: false,
          // the parser has no validation context to report to: the error ends the parse
          onReject: [
            (_context, error) => {
              throw rejection('tokens', armorMessage(error));
            },
          ],
        }),
      );
      addPlugin(maxDepthPlugin({ ...reported('depth'), flattenFragments: true }));
      addPlugin(maxAliasesPlugin(reported('aliases')));
      addPlugin(maxDirectivesPlugin(reported('directives')));
      addPlugin(useCostBudget());
      addPlugin(useBatchCode());
    },
  };
}
