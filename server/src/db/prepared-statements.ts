import { createHash } from 'node:crypto';
import { Client, type QueryResult } from 'pg';

/**
 * A pg client that sends each parameterised statement as a named prepared statement, so
 * PostgreSQL parses and plans a statement once per connection instead of on every request (after
 * five executions it keeps a generic plan when that is no dearer than planning afresh). On the
 * catalogue page, planning was most of the database's time: 2.3–2.6 ms of PostgreSQL CPU a page
 * unnamed, 0.6–0.7 ms prepared.
 *
 * Only statements with parameters are named: they already go by the extended protocol, so they
 * are single statements, and naming them changes nothing but the caching. Migrations and other
 * parameterless scripts (which may hold several statements) are sent as they are. A statement's
 * name is a hash of its text, so one text has one name on every connection. The number of
 * distinct statements named is bounded per data source (`limit`; the server has one): past it,
 * new texts are sent unnamed, so a connection never holds more than that many prepared
 * statements, whatever the filters a search combines.
 *
 * A prepared statement whose tables another process has since altered can fail with "cached plan
 * must not change result type" (0A000): that statement is sent again unnamed, and from then on is
 * never named. Inside a transaction the failure has already aborted it, so the retry cannot
 * succeed there: the transaction fails with the 0A000 error, as it would have unprepared. Off (DB_PREPARED_STATEMENTS=false) for a pooler in transaction mode, which cannot
 * keep a connection's prepared statements.
 */
export class StatementNames {
  private readonly names = new Map<string, string | null>();

  constructor(private readonly limit: number) {}

  /** The name to prepare this text under, or null to send it unnamed. */
  nameFor(text: string): string | null {
    const known = this.names.get(text);
    if (known !== undefined) return known;
    if (this.names.size >= this.limit) return null;
    const name = `p_${createHash('sha1').update(text).digest('base64url')}`;
    this.names.set(text, name);
    return name;
  }

  /** Never name this text again (its prepared form failed). */
  forget(text: string): void {
    this.names.set(text, null);
  }

  get size(): number {
    return this.names.size;
  }
}

const PLAN_CHANGED = '0A000';
/** The retry ran inside a transaction the failure had already aborted: the first error is the one that explains. */
const TRANSACTION_ABORTED = '25P02';

/** A pg Client class (for pg-pool's `Client` option) that names parameterised statements as above. */
export function preparingClient(names: StatementNames): typeof Client {
  class PreparingClient extends Client {}
  const send = Client.prototype.query as (this: Client, ...args: unknown[]) => unknown;
  // Assigned rather than declared: pg's query() has a dozen overloads, and this keeps every one of them.
  PreparingClient.prototype.query = function query(this: Client, ...args: unknown[]) {
    const [text, values, callback] = args;
    if (typeof text !== 'string' || !Array.isArray(values) || values.length === 0 || callback !== undefined) {
      return send.apply(this, args);
    }
    const name = names.nameFor(text);
    if (!name) return send.call(this, text, values);
    return (send.call(this, { name, text, values }) as Promise<QueryResult>).catch((error: unknown) => {
      if ((error as { code?: unknown } | null)?.code !== PLAN_CHANGED) throw error;
      names.forget(text);
      return (send.call(this, text, values) as Promise<QueryResult>).catch((retryError: unknown) => {
        throw (retryError as { code?: unknown } | null)?.code === TRANSACTION_ABORTED ? error : retryError;
      });
    });
  } as typeof Client.prototype.query;
  return PreparingClient;
}
