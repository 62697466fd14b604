import type { DataSource } from 'typeorm';
import type { UserError } from '../../graphql/user-error';
import { unlessRefused } from '../../graphql/refusal';
import { recordAudit, type RequestOrigin } from '../audit/audit.service';
import type { Viewer } from '../auth/viewer';
import { PersonEntity } from './person.entity';
import { cursorArgument, keysetPage } from '../../graphql/keyset-cursor';
import { PERSON_CURSOR_CHECKS } from './person-cursor';
import { peopleError, refuse } from './people.errors';
import { requireNamedOrganisationFound, type PeopleScope } from './people.policy';
import { isUuid } from '../../graphql/uuid';


export interface PersonPage {
  edges: Array<{ cursor: string; node: PersonEntity }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

/** ILIKE treats %, _ and the escape character as patterns: a search for "50%" means those characters. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Reads of people within a scope the policy decided, and disabling people. */
export class PeopleService {
  constructor(private readonly dataSource: DataSource) {}

  /** `args.organisationId` is the client's argument: whatever the scope makes of it, it must be of the viewer's partnership. */
  async listPeople(scope: PeopleScope, args: { organisationId?: string | null; search?: string | null; first: number; after?: string | null }):
    Promise<PersonPage> {
    const cursor = cursorArgument(args.after, PERSON_CURSOR_CHECKS);
    const named = args.organisationId ?? null;
    if (named !== null && scope.kind !== 'organisation') requireNamedOrganisationFound(await this.organisationExists(scope.partnershipId, named));
    const query = this.dataSource.getRepository(PersonEntity).createQueryBuilder('p')
      .where('p.partnership_id = :partnershipId', { partnershipId: scope.partnershipId });
    if (scope.kind === 'reports') query.andWhere('p.line_manager_id = :managerId', { managerId: scope.managerId });
    if (scope.organisationId !== null) query.andWhere('p.organisation_id = :organisationId', { organisationId: scope.organisationId });
    const search = args.search?.trim();
    if (search) query.andWhere('(p.name ILIKE :pattern OR p.email ILIKE :pattern)', { pattern: containsPattern(search) });

    const totalCount = await query.clone().getCount();
    if (cursor) query.andWhere('(p.name, p.id) > (:cursorName, :cursorId)', { cursorName: cursor[0], cursorId: cursor[1] });
    const rows = await query.orderBy('p.name', 'ASC').addOrderBy('p.id', 'ASC').limit(args.first + 1).getMany();
    return { ...keysetPage(rows, args.first, (node) => [node.name, node.id]), totalCount };
  }

  /** Disabling ends every session of theirs in the same transaction; enabling lets them sign in again. */
  async setPersonDisabled(viewer: Viewer, input: { personId: string; disabled: boolean }, origin: RequestOrigin, now: Date):
    Promise<{ person: PersonEntity | null; userErrors: UserError[] }> {
    const field = ['input', 'personId'];
    if (!isUuid(input.personId)) {
      return { person: null, userErrors: [peopleError(field, 'There is no such person in your partnership.', 'NOT_FOUND')] };
    }
    if (input.disabled && input.personId === viewer.personId) {
      return { person: null, userErrors: [peopleError(field, 'You cannot disable yourself. Ask another administrator.', 'SELF')] };
    }
    const outcome = await unlessRefused(() => this.dataSource.transaction(async (manager) => {
      const [current] = await manager.query(
        `SELECT disabled_at FROM person WHERE id = $1 AND partnership_id = $2 FOR UPDATE`, [input.personId, viewer.partnershipId]);
      if (!current) refuse(field, 'There is no such person in your partnership.', 'NOT_FOUND');
      // Asking for what is already so changes nothing and is not audited.
      if ((current.disabled_at !== null) !== input.disabled) {
        await manager.query(`UPDATE person SET disabled_at = $2 WHERE id = $1`, [input.personId, input.disabled ? now : null]);
        let sessionsEnded = 0;
        if (input.disabled) {
          const [, count] = await manager.query(
            `UPDATE auth_session SET revoked_at = $2 WHERE person_id = $1 AND revoked_at IS NULL`, [input.personId, now]);
          sessionsEnded = Number(count) || 0;
        }
        await recordAudit(manager, origin, { partnershipId: viewer.partnershipId, actorPersonId: viewer.personId,
          action: input.disabled ? 'people.disabled' : 'people.enabled', subjectType: 'person', subjectId: input.personId,
          details: input.disabled ? { sessionsEnded } : {} });
      }
      return manager.getRepository(PersonEntity).findOneByOrFail({ id: input.personId });
    }));
    return { person: outcome.result, userErrors: outcome.userErrors };
  }

  private async organisationExists(partnershipId: string, organisationId: string): Promise<boolean> {
    if (!isUuid(organisationId)) return false;
    const rows = await this.dataSource.query(`SELECT 1 FROM organisation WHERE id = $1 AND partnership_id = $2`,
      [organisationId, partnershipId]);
    return rows.length > 0;
  }
}
