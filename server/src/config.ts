import path from 'node:path';

/**
 * Every environment variable the server reads, read here and nowhere else.
 * A bad value stops the process at start with a message that names the variable.
 */
function int(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function flag(name: string, fallback: boolean): boolean {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new Error(`${name} must be true or false, got "${raw}"`);
}

const repoRoot = path.resolve(__dirname, '..', '..');
const nodeEnv = process.env.NODE_ENV ?? 'development';

export interface Config {
  nodeEnv: string;
  production: boolean;
  port: number;
  host: string;
  /** null: start the embedded PostgreSQL and keep its data in dataDir. */
  databaseUrl: string | null;
  dataDir: string;
  /** Where the person ran the command (npm runs workspace scripts in the workspace's folder): relative paths given to db:backup and db:restore mean this folder. */
  invocationDir: string;
  embeddedPostgresPort: number;
  dbPoolSize: number;
  dbStatementTimeoutMs: number;
  dbConnectTimeoutMs: number;
  logLevel: string;
  trustProxy: boolean;
  demoPassword: string;
  /** The built client, served from / when present. */
  clientDist: string;
  /** Adds extensions.sqlStatements to each GraphQL response: for tests and profiling only. */
  exposeSqlCount: boolean;
  maxPageSize: number;
  /** Where links in emails point: the address people reach the portal at. */
  publicUrl: string;
  /** smtp://user:pass@host:port; null: emails are written to the log (not in production). */
  smtpUrl: string | null;
  mailFrom: string;
  sessionTtlHours: number;
  passwordResetTtlMinutes: number;
  signInLimitPerAccount: number;
  signInLimitPerAddress: number;
  signInLimitWindowSeconds: number;
  maxConcurrentPasswordHashes: number;
  /** Run background jobs (email delivery, seat release) in this process; off for web-only replicas. */
  jobsEnabled: boolean;
  /** A requested place holds its seat until this many hours before the session, then is declined. */
  requestHoldHours: number;
  /** Jobs run at once by this process's worker. */
  jobsConcurrency: number;
}

export function loadConfig(): Config {
  const production = nodeEnv === 'production';
  return {
    nodeEnv,
    production,
    port: int('PORT', 4000, 0, 65535),
    host: process.env.HOST ?? '0.0.0.0',
    databaseUrl: process.env.DATABASE_URL || null,
    dataDir: path.resolve(process.env.DATA_DIR ?? path.join(repoRoot, '.data')),
    invocationDir: path.resolve(process.env.INIT_CWD ?? process.cwd()),
    embeddedPostgresPort: int('EMBEDDED_POSTGRES_PORT', 5433, 1024, 65535),
    dbPoolSize: int('DB_POOL_SIZE', 10, 1, 200),
    dbStatementTimeoutMs: int('DB_STATEMENT_TIMEOUT_MS', 15000, 100, 600000),
    dbConnectTimeoutMs: int('DB_CONNECT_TIMEOUT_MS', 5000, 100, 120000),
    logLevel: process.env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'warn' : 'info'),
    trustProxy: flag('TRUST_PROXY', false),
    demoPassword: process.env.DEMO_PASSWORD ?? 'partnership-demo',
    clientDist: path.resolve(process.env.CLIENT_DIST ?? path.join(repoRoot, 'client', 'dist')),
    exposeSqlCount: flag('EXPOSE_SQL_COUNT', false) && !production,
    maxPageSize: 100,
    publicUrl: (process.env.PUBLIC_URL ?? `http://localhost:${int('PORT', 4000, 0, 65535)}`).replace(/\/$/, ''),
    smtpUrl: process.env.SMTP_URL || null,
    mailFrom: process.env.MAIL_FROM ?? 'Partnership Portal <no-reply@partnership-portal.example>',
    sessionTtlHours: int('SESSION_TTL_HOURS', 24 * 14, 1, 24 * 365),
    passwordResetTtlMinutes: int('PASSWORD_RESET_TTL_MINUTES', 60, 5, 24 * 60),
    signInLimitPerAccount: int('SIGN_IN_LIMIT_PER_ACCOUNT', 10, 1, 10000),
    signInLimitPerAddress: int('SIGN_IN_LIMIT_PER_ADDRESS', 100, 1, 100000),
    signInLimitWindowSeconds: int('SIGN_IN_LIMIT_WINDOW_SECONDS', 15 * 60, 1, 86400),
    maxConcurrentPasswordHashes: int('MAX_CONCURRENT_PASSWORD_HASHES', 4, 1, 64),
    jobsEnabled: flag('JOBS_ENABLED', true),
    requestHoldHours: int('REQUEST_HOLD_HOURS', 48, 0, 24 * 60),
    jobsConcurrency: int('JOBS_CONCURRENCY', 2, 1, 32),
  };
}


