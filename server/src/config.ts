import { isIP } from 'node:net';
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

/** A secret of at least `minLength` characters, or null when unset. */
function secret(name: string, minLength: number): string | null {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return null;
  if (raw.length < minLength) throw new Error(`${name} must be at least ${minLength} characters (e.g. openssl rand -hex 32)`);
  return raw;
}

/** proxy-addr's names for address ranges (express's `trust proxy` understands them). */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.includes(entry)) return true;
  const [address, bits, ...rest] = entry.split('/');
  const version = isIP(address);
  if (!version || rest.length) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128);
}

/**
 * Which proxies in front may say who the client is (`X-Forwarded-For`), as express's `trust proxy`
 * takes it: a number of hops (the client is the address that many hops from the right), or the
 * proxies' addresses and subnets. `true` is refused: it trusts every hop, so the left-most
 * address, which the client writes itself, would be taken as the client's.
 */
export type TrustProxy = false | number | string[];

function trustProxy(name: string): TrustProxy {
  const raw = (process.env[name] ?? '').trim();
  if (raw === '' || ['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  if (/^\d+$/.test(raw)) return int(name, 0, 1, 10);
  if (['true', 'yes'].includes(raw.toLowerCase())) {
    throw new Error(`${name}=${raw} would trust every X-Forwarded-For hop, so a client could name its own address: give the number of proxies in front of the portal (e.g. ${name}=1) or their addresses (e.g. ${name}=10.0.0.5,10.0.1.0/24)`);
  }
  const entries = raw.split(',').map((entry) => entry.trim()).filter(Boolean);
  const bad = entries.filter((entry) => !isProxyAddress(entry));
  if (bad.length) {
    throw new Error(`${name} must be a number of proxy hops or a comma-separated list of proxy addresses or subnets (or loopback, linklocal, uniquelocal); not understood: ${bad.join(', ')}`);
  }
  return entries;
}

const repoRoot = path.resolve(__dirname, '..', '..');
const nodeEnv = process.env.NODE_ENV ?? 'development';

export interface Config {
  nodeEnv: string;
  production: boolean;
  port: number;
  host: string;
  /** On SIGTERM/SIGINT, how long requests in flight may take to finish before their connections are cut. */
  shutdownGraceMs: number;
  /** null: start the embedded PostgreSQL and keep its data in dataDir. */
  databaseUrl: string | null;
  dataDir: string;
  /** Where the person ran the command (npm runs workspace scripts in the workspace's folder): relative paths given to db:backup and db:restore mean this folder. */
  invocationDir: string;
  embeddedPostgresPort: number;
  dbPoolSize: number;
  /** Parameterised statements are prepared once per connection (db/prepared-statements.ts); off behind a pooler in transaction mode. */
  dbPreparedStatements: boolean;
  dbStatementTimeoutMs: number;
  dbConnectTimeoutMs: number;
  logLevel: string;
  /** Who may set the client's address through X-Forwarded-For (see TrustProxy). */
  trustProxy: TrustProxy;
  demoPassword: string;
  /** The built client, served from / when present. */
  clientDist: string;
  /** Adds extensions.sqlStatements to each GraphQL response: for tests and profiling only. */
  exposeSqlCount: boolean;
  /**
   * The bearer token /metrics asks for. Unset: /metrics is open outside production and not served
   * in production.
   */
  metricsToken: string | null;
  maxPageSize: number;
  /** Where links in emails point: the address people reach the portal at. */
  publicUrl: string;
  /** smtp://user:pass@host:port; null: emails are written to the log (not in production). */
  smtpUrl: string | null;
  mailFrom: string;
  /**
   * How long a session lasts in all (from signing in) and idle (from its last use), by role: the
   * privileged roles (administrators, steering group, L&D leads, provider coordinators) have the
   * shorter limits; see modules/auth/session-limits.ts.
   */
  sessionTtlHours: number;
  sessionIdleMinutes: number;
  privilegedSessionTtlHours: number;
  privilegedSessionIdleMinutes: number;
  passwordResetTtlMinutes: number;
  /** How long the link of an invitation (to someone an administrator added) to set their password works. */
  invitationTtlHours: number;
  signInLimitPerAccount: number;
  signInLimitPerAddress: number;
  signInLimitWindowSeconds: number;
  /** Registrations per client address per window: each costs a password hash and an account. */
  registrationLimitPerAddress: number;
  registrationLimitWindowSeconds: number;
  /** How long the link that confirms a volunteer's registration works. */
  registrationConfirmTtlHours: number;
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
    shutdownGraceMs: int('SHUTDOWN_GRACE_MS', 10000, 0, 600000),
    databaseUrl: process.env.DATABASE_URL || null,
    dataDir: path.resolve(process.env.DATA_DIR ?? path.join(repoRoot, '.data')),
    invocationDir: path.resolve(process.env.INIT_CWD ?? process.cwd()),
    embeddedPostgresPort: int('EMBEDDED_POSTGRES_PORT', 5433, 1024, 65535),
    dbPoolSize: int('DB_POOL_SIZE', 10, 1, 200),
    dbPreparedStatements: flag('DB_PREPARED_STATEMENTS', true),
    dbStatementTimeoutMs: int('DB_STATEMENT_TIMEOUT_MS', 15000, 100, 600000),
    dbConnectTimeoutMs: int('DB_CONNECT_TIMEOUT_MS', 5000, 100, 120000),
    logLevel: process.env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'warn' : 'info'),
    trustProxy: trustProxy('TRUST_PROXY'),
    demoPassword: process.env.DEMO_PASSWORD ?? 'partnership-demo',
    clientDist: path.resolve(process.env.CLIENT_DIST ?? path.join(repoRoot, 'client', 'dist')),
    exposeSqlCount: flag('EXPOSE_SQL_COUNT', false) && !production,
    metricsToken: secret('METRICS_TOKEN', 32),
    maxPageSize: 100,
    publicUrl: (process.env.PUBLIC_URL ?? `http://localhost:${int('PORT', 4000, 0, 65535)}`).replace(/\/$/, ''),
    smtpUrl: process.env.SMTP_URL || null,
    mailFrom: process.env.MAIL_FROM ?? 'Partnership Portal <no-reply@partnership-portal.example>',
    sessionTtlHours: int('SESSION_TTL_HOURS', 24 * 14, 1, 24 * 365),
    sessionIdleMinutes: int('SESSION_IDLE_MINUTES', 120, 5, 24 * 60 * 14),
    privilegedSessionTtlHours: int('PRIVILEGED_SESSION_TTL_HOURS', 12, 1, 24 * 365),
    privilegedSessionIdleMinutes: int('PRIVILEGED_SESSION_IDLE_MINUTES', 30, 5, 24 * 60 * 14),
    passwordResetTtlMinutes: int('PASSWORD_RESET_TTL_MINUTES', 60, 5, 24 * 60),
    invitationTtlHours: int('INVITATION_TTL_HOURS', 7 * 24, 1, 30 * 24),
    signInLimitPerAccount: int('SIGN_IN_LIMIT_PER_ACCOUNT', 10, 1, 10000),
    signInLimitPerAddress: int('SIGN_IN_LIMIT_PER_ADDRESS', 100, 1, 100000),
    signInLimitWindowSeconds: int('SIGN_IN_LIMIT_WINDOW_SECONDS', 15 * 60, 1, 86400),
    registrationLimitPerAddress: int('REGISTRATION_LIMIT_PER_ADDRESS', 20, 1, 100000),
    registrationLimitWindowSeconds: int('REGISTRATION_LIMIT_WINDOW_SECONDS', 60 * 60, 1, 86400),
    registrationConfirmTtlHours: int('REGISTRATION_CONFIRM_TTL_HOURS', 24, 1, 24 * 30),
    maxConcurrentPasswordHashes: int('MAX_CONCURRENT_PASSWORD_HASHES', 4, 1, 64),
    jobsEnabled: flag('JOBS_ENABLED', true),
    requestHoldHours: int('REQUEST_HOLD_HOURS', 48, 0, 24 * 60),
    jobsConcurrency: int('JOBS_CONCURRENCY', 2, 1, 32),
  };
}


