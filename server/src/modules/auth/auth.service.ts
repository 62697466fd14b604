import type { DataSource, EntityManager } from 'typeorm';
import { normaliseEmail } from '@portal/domain';
import type { Config } from '../../config';
import type { Logger } from '../../observability/logger';
import type { Metrics } from '../../observability/metrics';
import type { UserError } from '../../graphql/user-error';
import { userError } from './auth.errors';
import { refusedField, withInputErrors } from '../../graphql/input-errors';
import { isUuid } from '../../graphql/uuid';
import { recordAudit, type RequestOrigin } from '../audit/audit.service';
import type { Mailer } from '../notifications/mailer';
import { queueEmail } from '../notifications/outbox-writer';
import {
  PASSWORD_RESET_KIND, passwordResetEmail, REGISTRATION_ATTEMPTED_KIND, REGISTRATION_CONFIRM_KIND, registrationAttemptedEmail,
  registrationConfirmEmail,
} from './account-emails';
import type { RoleGrant, Viewer } from './viewer';
import { PasswordHasher } from './password-hasher';
import { passwordProblem } from './password-policy';
import { SignInLimiter } from './sign-in-limiter';
import { newToken, TOKEN_PATTERN, tokenHash } from './session-token';
import { LAST_SEEN_PRECISION_SECONDS, PRIVILEGED_ROLES, sessionLimits } from './session-limits';

export interface Session {
  token: string;
  expiresAt: Date;
  viewer: Viewer;
}

export type AuthResult = { session: Session; userErrors: [] } | { session: null; userErrors: UserError[] };
/** Registration signs no one in: the address is confirmed first (by its emailed link). */
export type RegistrationResult = { session: null; userErrors: UserError[] };

/** A person with their role grants, as the viewer of a request; callers add joins, WHERE and GROUP BY p.id. */
const SELECT_VIEWER = `SELECT p.id, p.partnership_id, p.organisation_id,
    coalesce(json_agg(json_build_object('role', g.role, 'organisationId', g.organisation_id))
      FILTER (WHERE g.id IS NOT NULL), '[]') AS roles
  FROM person p LEFT JOIN role_grant g ON g.person_id = p.id`;

function viewerOf(row: { id: string; partnership_id: string; organisation_id: string | null; roles: RoleGrant[] }): Viewer {
  return { personId: row.id, partnershipId: row.partnership_id, organisationId: row.organisation_id, roles: row.roles };
}

const WRONG_CREDENTIALS = 'The email address or password is not right.';

/**
 * Accounts and sessions: one instance per server process (it holds the hasher's queue and the
 * limiter), each method one transaction.
 */
export class AuthService {
  private readonly hasher: PasswordHasher;
  private readonly limiter: SignInLimiter;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: Config,
    private readonly mailer: Mailer,
    private readonly log: Logger,
    metrics?: Pick<Metrics, 'passwordHashes'>,
  ) {
    this.hasher = new PasswordHasher(config.maxConcurrentPasswordHashes, (operation) => metrics?.passwordHashes.inc({ operation }));
    this.limiter = new SignInLimiter(dataSource, config);
  }

  /**
   * The viewer behind a session token: one statement, null when unknown, expired, revoked, idle
   * too long, past its lifetime or disabled. The limits follow the person's roles now
   * (session-limits.ts); the same statement records the use, at most once a minute, so a session
   * may end up to a minute before its idle time from its very last request, never after.
   */
  async viewerForToken(token: string, now: Date): Promise<Viewer | null> {
    if (!TOKEN_PATTERN.test(token)) return null;
    const { privilegedSessionIdleMinutes, sessionIdleMinutes, privilegedSessionTtlHours, sessionTtlHours } = this.config;
    const [row] = await this.dataSource.query(
      `WITH viewer AS (
         ${SELECT_VIEWER}
         JOIN auth_session s ON s.person_id = p.id AND s.partnership_id = p.partnership_id
         WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND p.disabled_at IS NULL
         GROUP BY p.id, s.id
         HAVING s.last_seen_at > $2::timestamptz - make_interval(mins => CASE WHEN coalesce(bool_or(g.role = ANY($3::text[])), false) THEN $4::int ELSE $5::int END)
           AND s.created_at > $2::timestamptz - make_interval(hours => CASE WHEN coalesce(bool_or(g.role = ANY($3::text[])), false) THEN $6::int ELSE $7::int END)
       ), seen AS (
         UPDATE auth_session SET last_seen_at = $2 WHERE token_hash = $1 AND EXISTS (SELECT 1 FROM viewer)
           AND last_seen_at <= $2::timestamptz - make_interval(secs => $8::int)
       )
       SELECT * FROM viewer`,
      [tokenHash(token), now, PRIVILEGED_ROLES, privilegedSessionIdleMinutes, sessionIdleMinutes, privilegedSessionTtlHours, sessionTtlHours,
        LAST_SEEN_PRECISION_SECONDS]);
    return row ? viewerOf(row) : null;
  }

  async signIn(email: string, password: string, origin: RequestOrigin, now: Date): Promise<AuthResult> {
    const account = normaliseEmail(email);
    const waitSeconds = await this.limiter.consume(account, origin.ipAddress);
    if (waitSeconds !== null) {
      await recordAudit(this.dataSource.manager, origin, { partnershipId: null, actorPersonId: null, action: 'auth.sign_in_limited',
        details: { email: account } });
      return { session: null, userErrors: [userError(['input', 'email'],
        `Too many attempts. Wait ${Math.ceil(waitSeconds / 60)} minutes, then try again.`, 'RATE_LIMITED')] };
    }
    const [person] = await this.dataSource.query(
      `SELECT id, partnership_id, password_hash FROM person WHERE email = $1 AND disabled_at IS NULL`, [account]);
    // Unknown emails are checked against a dummy hash, so the answer and its timing are the same.
    const ok = await this.hasher.verify(person?.password_hash ?? null, password);
    if (!ok) {
      await recordAudit(this.dataSource.manager, origin, { partnershipId: person?.partnership_id ?? null,
        actorPersonId: person?.id ?? null, action: 'auth.sign_in_failed', details: { email: account } });
      return { session: null, userErrors: [userError(['input', 'password'], WRONG_CREDENTIALS, 'INVALID_CREDENTIALS')] };
    }
    await this.limiter.forgiveAccount(account);
    const session = await this.dataSource.transaction(async (manager) => {
      const created = await this.createSession(manager, person.id, origin, now);
      await recordAudit(manager, origin, { partnershipId: person.partnership_id, actorPersonId: person.id, action: 'auth.signed_in' });
      return created;
    });
    return { session, userErrors: [] };
  }

  async registerVolunteer(input: { partnershipSlug: string; name: string; email: string; password: string; organisationId?: string },
    origin: RequestOrigin, now: Date, inputProblems: readonly UserError[] = []): Promise<RegistrationResult> {
    const email = normaliseEmail(input.email);
    const name = input.name.trim();
    // A refused input costs no hash, so it uses none of the address's allowance.
    const waitSeconds = inputProblems.length ? null : await this.limiter.consumeRegistration(origin.ipAddress);
    if (waitSeconds !== null) {
      await recordAudit(this.dataSource.manager, origin, { partnershipId: null, actorPersonId: null, action: 'auth.register_limited',
        details: { email } });
      return { session: null, userErrors: [userError(['input', 'email'],
        `Too many accounts have been registered from your network. Wait ${Math.ceil(waitSeconds / 60)} minutes, then try again.`, 'RATE_LIMITED')] };
    }
    const errors: UserError[] = [];
    const [partnership] = await this.dataSource.query('SELECT id FROM partnership WHERE slug = $1', [input.partnershipSlug]);
    if (!partnership) errors.push(userError(['input', 'partnershipSlug'], `There is no partnership "${input.partnershipSlug}".`, 'NOT_FOUND'));
    if (!name) errors.push(userError(['input', 'name'], 'Enter your full name', 'REQUIRED'));
    const problem = passwordProblem(input.password, [name, email]);
    if (problem) errors.push(userError(['input', 'password'], problem, 'WEAK_PASSWORD'));
    if (partnership && input.organisationId && isUuid(input.organisationId)) {
      const [organisation] = await this.dataSource.query(
        `SELECT sector FROM organisation WHERE id = $1 AND partnership_id = $2`, [input.organisationId, partnership.id]);
      if (!organisation || organisation.sector !== 'voluntary') {
        errors.push(userError(['input', 'organisationId'], 'Choose a voluntary organisation of this partnership, or none.', 'NOT_FOUND'));
      }
    }
    const userErrors = withInputErrors(inputProblems, errors);
    if (userErrors.length) return { session: null, userErrors };

    // Hashed either way, and either way one email is queued: a taken address answers as a new one, in about the same time.
    const passwordHash = await this.hasher.hash(input.password);
    await this.dataSource.transaction(async (manager) => {
      const [owner] = await manager.query(`SELECT id, partnership_id, name, email, disabled_at FROM person WHERE email = $1`, [email]);
      if (owner) {
        // The owner hears of it (and how to sign in or reset), whichever partnership they belong to.
        if (!owner.disabled_at) {
          await queueEmail(manager, { partnershipId: owner.partnership_id, personId: owner.id, kind: REGISTRATION_ATTEMPTED_KIND,
            to: owner.email, ...registrationAttemptedEmail({ name: owner.name, publicUrl: this.config.publicUrl }) });
        }
      } else {
        const [registration] = await manager.query(
          `INSERT INTO volunteer_registration (partnership_id, organisation_id, name, email, password_hash, expires_at)
           VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
          [partnership.id, input.organisationId ?? null, name, email, passwordHash,
            new Date(now.getTime() + this.config.registrationConfirmTtlHours * 3_600_000)]);
        await queueEmail(manager, { partnershipId: partnership.id, personId: null, registrationId: registration.id,
          kind: REGISTRATION_CONFIRM_KIND, to: email, ...registrationConfirmEmail({ name, publicUrl: this.config.publicUrl,
            partnershipSlug: input.partnershipSlug, ttlHours: this.config.registrationConfirmTtlHours }) });
      }
      await recordAudit(manager, origin, { partnershipId: partnership.id, actorPersonId: null, action: 'auth.registration_requested',
        details: { email } });
    });
    return { session: null, userErrors: [] };
  }

  /**
   * Opens the link a registration's email carried: the registration becomes a volunteer with the
   * password chosen at registration, signed in. The link works once; if the address has gained an
   * account meanwhile, the holder of the link (who reads that address's mail) is told so.
   */
  async confirmRegistration(token: string, origin: RequestOrigin, now: Date): Promise<AuthResult> {
    const invalid = { session: null, userErrors: [userError(['input', 'token'],
      'This link has expired or been used. Register again, or sign in if you have finished registering.', 'INVALID_TOKEN')] };
    if (!TOKEN_PATTERN.test(token)) return invalid;
    return this.dataSource.transaction(async (manager) => {
      // Marking it confirmed first, conditionally, makes a replayed or concurrent confirmation a no-op.
      const [[registration]] = await manager.query(
        `UPDATE volunteer_registration SET confirmed_at = $2 WHERE token_hash = $1 AND confirmed_at IS NULL AND expires_at > $2
         RETURNING id, partnership_id, organisation_id, name, email, password_hash`, [tokenHash(token), now]);
      if (!registration) return invalid;
      const [person] = await manager.query(
        `INSERT INTO person (partnership_id, organisation_id, kind, name, email, password_hash, password_changed_at)
         VALUES ($1, $2, 'volunteer', $3, $4, $5, $6) ON CONFLICT (email) DO NOTHING RETURNING id`,
        [registration.partnership_id, registration.organisation_id, registration.name, registration.email, registration.password_hash, now]);
      if (!person) {
        return { session: null, userErrors: [userError(['input', 'token'],
          'This email address already has an account. Sign in, or reset your password if you have forgotten it.', 'TAKEN')] };
      }
      await manager.query(`INSERT INTO role_grant (partnership_id, person_id, role, organisation_id) VALUES ($1, $2, 'volunteer', $3)`,
        [registration.partnership_id, person.id, registration.organisation_id]);
      await recordAudit(manager, origin, { partnershipId: registration.partnership_id, actorPersonId: person.id, action: 'auth.registered',
        subjectType: 'person', subjectId: person.id });
      return { session: await this.createSession(manager, person.id, origin, now), userErrors: [] as [] };
    });
  }

  async signOut(token: string | null, viewer: Viewer | null, origin: RequestOrigin, now: Date): Promise<void> {
    if (!token || !TOKEN_PATTERN.test(token)) return;
    await this.dataSource.transaction(async (manager) => {
      const revoked = await manager.query(
        `UPDATE auth_session SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL RETURNING id`, [tokenHash(token), now]);
      if (revoked[0]?.length && viewer) {
        await recordAudit(manager, origin, { partnershipId: viewer.partnershipId, actorPersonId: viewer.personId, action: 'auth.signed_out' });
      }
    });
  }

  /**
   * Same answer whether or not the email has an account. The email is written to the outbox in
   * this transaction and delivered by the send_email job, which makes the single-use link.
   */
  async requestPasswordReset(email: string, origin: RequestOrigin): Promise<void> {
    const account = normaliseEmail(email);
    if ((await this.limiter.consume(`reset:${account}`, origin.ipAddress)) !== null) return;
    await this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query(`SELECT id, partnership_id, name, email FROM person WHERE email = $1 AND disabled_at IS NULL`, [account]);
      if (!row) return;
      await queueEmail(manager, { partnershipId: row.partnership_id, personId: row.id, kind: PASSWORD_RESET_KIND, to: row.email,
        ...passwordResetEmail({ name: row.name, publicUrl: this.config.publicUrl, ttlMinutes: this.config.passwordResetTtlMinutes }) });
      await recordAudit(manager, origin, { partnershipId: row.partnership_id, actorPersonId: null, action: 'auth.reset_requested',
        subjectType: 'person', subjectId: row.id });
    });
  }

  /**
   * A link that does not work and a password the policy refuses are answered together (with the
   * input rules' errors), so the person does not mend one only to hear of the other.
   */
  async resetPassword(token: string, password: string, origin: RequestOrigin, now: Date,
    inputProblems: readonly UserError[] = []): Promise<AuthResult> {
    const invalid = { session: null, userErrors: [userError(['input', 'token'],
      'This reset link has expired or been used. Ask for a new one.', 'INVALID_TOKEN')] };
    const [reset] = TOKEN_PATTERN.test(token) && !refusedField(inputProblems, 'token') ? await this.dataSource.query(
      `SELECT r.id, r.person_id, r.partnership_id, p.name, p.email FROM password_reset r JOIN person p ON p.id = r.person_id
       WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > $2 AND p.disabled_at IS NULL`, [tokenHash(token), now]) : [];
    const problems: UserError[] = reset ? [] : [...invalid.userErrors];
    const problem = passwordProblem(password, reset ? [reset.name, reset.email] : []);
    if (problem) problems.push(userError(['input', 'password'], problem, 'WEAK_PASSWORD'));
    const userErrors = withInputErrors(inputProblems, problems);
    if (userErrors.length) return { session: null, userErrors };
    const passwordHash = await this.hasher.hash(password);
    return this.dataSource.transaction(async (manager) => {
      // Marking it used first, conditionally, makes a replayed or concurrent reset a no-op.
      const used = await manager.query(`UPDATE password_reset SET used_at = $2 WHERE id = $1 AND used_at IS NULL RETURNING id`, [reset.id, now]);
      if (!used[0]?.length) return invalid;
      await manager.query(`UPDATE person SET password_hash = $2, password_changed_at = $3 WHERE id = $1`, [reset.person_id, passwordHash, now]);
      await manager.query(`UPDATE auth_session SET revoked_at = $2 WHERE person_id = $1 AND revoked_at IS NULL`, [reset.person_id, now]);
      await recordAudit(manager, origin, { partnershipId: reset.partnership_id, actorPersonId: reset.person_id, action: 'auth.password_reset' });
      return { session: await this.createSession(manager, reset.person_id, origin, now), userErrors: [] as [] };
    });
  }

  /** A new session, lasting as long as the person's roles allow (session-limits.ts); the cookie ends with it. */
  private async createSession(manager: EntityManager, personId: string, origin: RequestOrigin, now: Date): Promise<Session> {
    const token = newToken();
    const [row] = await manager.query(`${SELECT_VIEWER} WHERE p.id = $1 GROUP BY p.id`, [personId]);
    const viewer = viewerOf(row);
    const expiresAt = new Date(now.getTime() + sessionLimits(viewer.roles, this.config).lifetimeHours * 3_600_000);
    await manager.query(
      `INSERT INTO auth_session (partnership_id, person_id, token_hash, created_at, last_seen_at, expires_at, ip_address, user_agent)
       VALUES ($1, $2, $3, $4, $4, $5, $6, $7)`,
      [viewer.partnershipId, personId, tokenHash(token), now, expiresAt, origin.ipAddress, origin.userAgent?.slice(0, 500) ?? null]);
    return { token, expiresAt, viewer };
  }
}
