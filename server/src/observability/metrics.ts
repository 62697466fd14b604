import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One registry per app instance, so tests that start several apps do not collide. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const httpRequests = new Counter({
    name: 'http_requests_total', help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'] as const, registers: [registry],
  });
  const httpDuration = new Histogram({
    name: 'http_request_duration_seconds', help: 'HTTP request latency',
    labelNames: ['method', 'route'] as const, registers: [registry],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  });
  const graphqlOperations = new Counter({
    name: 'graphql_operations_total', help: 'GraphQL operations by name and outcome',
    labelNames: ['operation', 'outcome'] as const, registers: [registry],
  });
  const sqlStatements = new Histogram({
    name: 'graphql_sql_statements', help: 'SQL statements sent per GraphQL operation',
    labelNames: ['operation'] as const, registers: [registry], buckets: [1, 2, 3, 5, 8, 13, 21, 34, 55],
  });
  // Each is one argon2 computation: a sign-in costs one verify whether or not the email is known.
  const passwordHashes = new Counter({
    name: 'password_hash_operations_total', help: 'argon2 hashes and verifications computed',
    labelNames: ['operation'] as const, registers: [registry],
  });
  return { registry, httpRequests, httpDuration, graphqlOperations, sqlStatements, passwordHashes };
}

export type Metrics = ReturnType<typeof createMetrics>;
