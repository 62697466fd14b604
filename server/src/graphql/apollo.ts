import { randomUUID } from 'node:crypto';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { Config } from '../config';
import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';
import { operationLabel } from '../observability/known-operations';
import { currentSqlTally } from '../db/sql-statement-counter';
import type { Context } from './context';
import { formatError } from './format-error';
import { createGraphqlLimits, GRAPHQL_LIMITS } from './limits';

/**
 * Counts outcomes and SQL statements per operation, labelled by the operation's name only when it is
 * one of ours; tests read the count from the response.
 */
function observabilityPlugin(metrics: Metrics, exposeSqlCount: boolean): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, operationName, errors }) {
          const operation = operationLabel(operationName);
          metrics.graphqlOperations.inc({ operation, outcome: errors?.length ? 'error' : 'ok' });
          const tally = currentSqlTally();
          if (!tally) return;
          metrics.sqlStatements.observe({ operation }, tally.statements);
          if (exposeSqlCount && response.body.kind === 'single') {
            response.body.singleResult.extensions = { ...response.body.singleResult.extensions, sqlStatements: tally.statements };
          }
        },
      };
    },
  };
}

/**
 * A mutation's writes make what the request's loaders hold stale: once each root mutation field
 * has resolved, its payload (and the next mutation of the same request) loads afresh. Queries are
 * left alone: asking Apollo for field hooks on them would wrap every field's resolver.
 */
function clearLoadersAfterWritesPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async executionDidStart({ operation, contextValue }) {
          if (operation.operation !== 'mutation') return;
          return {
            willResolveField({ info }) {
              if (info.path.prev) return;
              return () => contextValue.loaders.clearAll();
            },
          };
        },
      };
    },
  };
}

export function createApolloServer(options: {
  schema: GraphQLSchema; config: Config; log: Logger; metrics: Metrics;
}): ApolloServer<Context> {
  const { schema, config, log, metrics } = options;
  // Depth, alias, cost and directive limits; in production, no "Did you mean" schema hints.
  const limits = createGraphqlLimits({ hideSuggestions: config.production });
  return new ApolloServer<Context>({
    schema,
    introspection: !config.production,
    hideSchemaDetailsFromClientErrors: config.production,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    // Its own SIGINT/SIGTERM handler stopped it while requests were still in flight: main.ts stops it, in order.
    stopOnTerminationSignals: false,
    parseOptions: { maxTokens: GRAPHQL_LIMITS.maxTokens },
    validationRules: limits.validationRules,
    formatError: (formatted, error) => formatError(formatted, error, (original) => {
      const reference = randomUUID();
      log.error({ err: original, reference }, 'unexpected error in a GraphQL request');
      return reference;
    }),
    plugins: [
      observabilityPlugin(metrics, config.exposeSqlCount),
      clearLoadersAfterWritesPlugin(),
      // No cache hints are used (nothing is cached by HTTP): its per-field hook wrapped every resolver.
      ApolloServerPluginCacheControlDisabled(),
      ...limits.plugins,
      ...(config.production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  });
}
