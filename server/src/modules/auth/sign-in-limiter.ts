import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import type { Config } from '../../config';

/**
 * Sign-in attempts counted per account and per client address, and registrations per client
 * address, in PostgreSQL, so every replica sees the same counts. Each attempt costs a point
 * before any password is hashed; 100 aliased signIn fields in one request are 100 attempts.
 */
export class SignInLimiter {
  private readonly perAccount: RateLimiterPostgres;
  private readonly perAddress: RateLimiterPostgres;
  private readonly registrationsPerAddress: RateLimiterPostgres;

  constructor(dataSource: DataSource, config: Pick<Config, 'signInLimitPerAccount' | 'signInLimitPerAddress' | 'signInLimitWindowSeconds'
    | 'registrationLimitPerAddress' | 'registrationLimitWindowSeconds'>) {
    const common = { storeClient: dataSource, storeType: 'typeorm', tableName: 'rate_limit', tableCreated: true,
      duration: config.signInLimitWindowSeconds, clearExpiredByTimeout: false };
    this.perAccount = new RateLimiterPostgres({ ...common, keyPrefix: 'sign_in_account', points: config.signInLimitPerAccount });
    this.perAddress = new RateLimiterPostgres({ ...common, keyPrefix: 'sign_in_address', points: config.signInLimitPerAddress });
    this.registrationsPerAddress = new RateLimiterPostgres({ ...common, keyPrefix: 'register_address',
      points: config.registrationLimitPerAddress, duration: config.registrationLimitWindowSeconds });
  }

  /** Seconds to wait when either limit is spent; null when the attempt may go ahead. */
  async consume(account: string, address: string | null): Promise<number | null> {
    const attempts = [this.perAccount.consume(account)];
    if (address) attempts.push(this.perAddress.consume(address));
    return this.refusal(attempts);
  }

  /** The same for a registration, counted by client address only (a new account has no history). */
  async consumeRegistration(address: string | null): Promise<number | null> {
    return address ? this.refusal([this.registrationsPerAddress.consume(address)]) : null;
  }

  private async refusal(attempts: Array<Promise<RateLimiterRes>>): Promise<number | null> {
    const results = await Promise.allSettled(attempts);
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    for (const reason of refused) if (!(reason instanceof RateLimiterRes)) throw reason;
    if (!refused.length) return null;
    return Math.max(...refused.map((r: RateLimiterRes) => Math.ceil(r.msBeforeNext / 1000)));
  }

  /** After a successful sign-in the account starts afresh (the address count stands). */
  async forgiveAccount(account: string): Promise<void> {
    await this.perAccount.delete(account);
  }
}
