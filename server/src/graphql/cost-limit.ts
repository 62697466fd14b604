import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { createComplexityRule, type ComplexityEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE as LEDGER_DEFAULT_PAGE, MAX_PAGE as LEDGER_MAX_PAGE } from '../modules/funding/ledger-entries.args';

/**
 * The page sizes the resolvers allow, for every field that takes `first`: `default` when the
 * caller gives none, `max` the most the resolver answers (it refuses more with a field-level
 * error). limits.test.ts fails when a field that takes `first` is missing here or when a default
 * differs from the schema's.
 */
export const PAGE_SIZES: Readonly<Record<string, { default: number; max: number }>> = {
  'ComplianceMatrix.rowsPage': { default: 50, max: 200 },
  'Query.auditLog': { default: 50, max: 100 },
  'Query.ledgerEntries': { default: LEDGER_DEFAULT_PAGE, max: LEDGER_MAX_PAGE },
  'Query.myBookings': { default: 20, max: 100 },
  'Query.organisationBookings': { default: 20, max: 100 },
  'Query.outbox': { default: 20, max: 100 },
  'Query.people': { default: 20, max: 100 },
  'Query.sessions': { default: 20, max: 100 },
  'Query.trainingNeeds': { default: 20, max: 100 },
};

/** A field given `first` that this table does not know is priced as a page of this many. */
const UNKNOWN_PAGE = 100;

/** The rows a paged field can answer with these arguments (variables already substituted). */
function pageSize(key: string, first: unknown): number {
  const sizes = PAGE_SIZES[key] ?? { default: UNKNOWN_PAGE, max: UNKNOWN_PAGE };
  if (first === undefined || first === null) return sizes.default;
  // Out of range is refused by the resolver; priced at its largest so nothing comes cheap.
  return typeof first === 'number' && Number.isInteger(first) && first >= 1 ? Math.min(first, sizes.max) : sizes.max;
}

/**
 * One point per field in the answer: a field costs 1 plus what it selects, and a paged field
 * (one that takes `first`) costs that times the page it can answer. So the cost is about the
 * number of values the response can hold. Meta fields (__typename, which the client adds to every
 * selection, and introspection, off in production) are free.
 */
const answerSizeEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (field.name.startsWith('__')) return 0;
  const own = 1 + childComplexity;
  if (!field.args.some((arg) => arg.name === 'first')) return own;
  return own * pageSize(`${type.name}.${field.name}`, args.first);
};

/** Selections visited at most: a fragment spread many times over is refused rather than walked. */
const MAX_NODES = 10_000;

export interface DocumentCost {
  cost: number;
  /** Variables or arguments that do not coerce: execution refuses those fields before any resolver runs. */
  coercionErrors: GraphQLError[];
}

/**
 * The cost of one operation with the request's variables, by graphql-query-complexity's rule.
 * Its getComplexity throws away the figure when any variable or argument fails to coerce; here the
 * figure is kept (such fields count nothing: execution refuses them without resolving) and the
 * errors returned.
 */
export function documentCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined,
  operationName?: string | null): DocumentCost {
  let cost: number | null = null;
  const rule = createComplexityRule({
    maximumComplexity: Number.MAX_SAFE_INTEGER,
    estimators: [answerSizeEstimator],
    variables: variables ?? {},
    operationName: operationName ?? undefined,
    maxQueryNodes: MAX_NODES,
    onComplete: (complexity) => { cost = complexity; },
  });
  // Only this rule runs (graphql-js's own rules have already passed), so what it reports is coercion;
  // no cap on errors, as validation stops walking at its cap and the cost would be lost.
  const coercionErrors = [...validate(schema, document, [rule], { maxErrors: Number.MAX_SAFE_INTEGER })];
  if (cost === null) throw new GraphQLError('The operation to measure is not in the document.');
  return { cost, coercionErrors };
}

/** Variable sets whose cost is kept per document (the oldest goes first). */
const COSTS_KEPT = 64;
/** Large variables (an import's file) are measured each time rather than kept. */
const MAX_KEY_LENGTH = 2000;

/** The operation and its variables as text, or null when they are too large (or too deep) to keep. */
function cacheKey(operationName: string | null | undefined, variables: Record<string, unknown> | undefined): string | null {
  try {
    const key = `${operationName ?? ''}\u0000${JSON.stringify(variables ?? {})}`;
    return key.length <= MAX_KEY_LENGTH ? key : null;
  } catch {
    return null; // nested too deep to write out: the cost rule refuses it
  }
}

/** Refused before any resolver runs, in the shape of the other limits: HTTP 400, GRAPHQL_VALIDATION_FAILED. */
function refusal(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } });
}

/**
 * The cost limit, checked once the operation is known and with the request's variables, so that
 * `first: $n` costs what `first: 100` does. (armor's cost rule runs at validation, which has no
 * variables, and so priced every `first: $n` as a single row.)
 */
export function costLimitPlugin(maxCost: number): ApolloServerPlugin {
  // Apollo keeps one parsed document per query text, so a document's cost for the same variables
  // and operation is measured once (the costs of at most COSTS_KEPT small variable sets per document).
  const measured = new WeakMap<DocumentNode, Map<string, number>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request }) {
          let cost: number;
          const key = cacheKey(request.operationName, request.variables);
          const costs = measured.get(document) ?? new Map<string, number>();
          const known = key === null ? undefined : costs.get(key);
          try {
            if (known !== undefined) cost = known;
            else {
              ({ cost } = documentCost(schema, document, request.variables, request.operationName));
              if (key !== null) {
                if (costs.size >= COSTS_KEPT) costs.delete(costs.keys().next().value!);
                costs.set(key, cost);
                measured.set(document, costs);
              }
            }
          } catch (error) {
            // The visitor throws (rather than reports) when the document has too many selections to walk.
            if (error instanceof GraphQLError) throw refusal(`Query cost could not be measured: ${error.message}`);
            throw error;
          }
          if (cost > maxCost) throw refusal(`Query cost limit of ${maxCost} exceeded, found ${cost}.`);
        },
      };
    },
  };
}
