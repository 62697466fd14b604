import type { DataSource, EntityManager } from 'typeorm';
import type { UserError } from '../../graphql/user-error';
import { unlessRefused } from '../../graphql/refusal';
import { recordAudit, type RequestOrigin } from '../audit/audit.service';
import type { RoleName, Viewer } from '../auth/viewer';
import { PersonEntity } from './person.entity';
import { peopleError, refuse, refuseAll } from './people.errors';
import { roleScopeProblem } from './role-scope';
import { isUuid } from '../../graphql/uuid';

export interface RoleChange {
  personId: string;
  role: RoleName;
  organisationId?: string | null;
}

type RoleChangeResult = { person: PersonEntity | null; userErrors: UserError[] };

const NO_PERSON = 'There is no such person in your partnership.';
const NO_ORGANISATION = 'There is no such organisation in your partnership.';

/**
 * Granting and revoking roles, each one transaction with its audit entry. A grant that exists
 * already, or a revocation of one that does not, is found by the write itself (ON CONFLICT, or
 * DELETE … RETURNING), so two administrators doing the same at once cannot both succeed. The
 * person's new roles apply from their next request: the viewer is read per request.
 */
export class RolesService {
  constructor(private readonly dataSource: DataSource) {}

  async grantRole(viewer: Viewer, change: RoleChange, origin: RequestOrigin): Promise<RoleChangeResult> {
    return this.change(viewer, change, async (manager, organisationId) => {
      const inserted = await manager.query(
        `INSERT INTO role_grant (partnership_id, person_id, role, organisation_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT (person_id, role, organisation_id) DO NOTHING RETURNING id`,
        [viewer.partnershipId, change.personId, change.role, organisationId]);
      if (!inserted.length) {
        refuse(['input', 'role'], 'They already have this role.', 'ALREADY_GRANTED');
      }
      await recordAudit(manager, origin, { partnershipId: viewer.partnershipId, actorPersonId: viewer.personId,
        action: 'roles.granted', subjectType: 'person', subjectId: change.personId, details: { role: change.role, organisationId } });
    });
  }

  async revokeRole(viewer: Viewer, change: RoleChange, origin: RequestOrigin): Promise<RoleChangeResult> {
    return this.change(viewer, change, async (manager, organisationId) => {
      const administrators = change.role === 'partnership_admin';
      if (administrators) {
        // Two administrators revoking each other at once must not leave none: take the
        // partnership's administrator grants in id order, so the second waits and then counts.
        await manager.query(
          `SELECT id FROM role_grant WHERE partnership_id = $1 AND role = 'partnership_admin' ORDER BY id FOR UPDATE`,
          [viewer.partnershipId]);
      }
      const [deleted] = await manager.query(
        `DELETE FROM role_grant WHERE partnership_id = $1 AND person_id = $2 AND role = $3 AND organisation_id IS NOT DISTINCT FROM $4
         RETURNING id`,
        [viewer.partnershipId, change.personId, change.role, organisationId]);
      if (!deleted.length) {
        refuse(['input', 'role'], 'They do not have this role.', 'NOT_GRANTED');
      }
      if (administrators) {
        const [{ remaining }] = await manager.query(
          `SELECT count(*)::int AS remaining FROM role_grant g JOIN person p ON p.id = g.person_id
           WHERE g.partnership_id = $1 AND g.role = 'partnership_admin' AND g.organisation_id IS NULL AND p.disabled_at IS NULL`,
          [viewer.partnershipId]);
        if (remaining === 0) {
          refuse(['input', 'role'],
            'You are the last administrator of this partnership. Make someone else an administrator first.', 'LAST_ADMIN');
        }
      }
      await recordAudit(manager, origin, { partnershipId: viewer.partnershipId, actorPersonId: viewer.personId,
        action: 'roles.revoked', subjectType: 'person', subjectId: change.personId, details: { role: change.role, organisationId } });
    });
  }

  /** Checks that person and organisation are in the viewer's partnership and the role's scope fits, then writes. */
  private async change(viewer: Viewer, change: RoleChange,
    write: (manager: EntityManager, organisationId: string | null) => Promise<void>): Promise<RoleChangeResult> {
    const organisationId = change.organisationId ?? null;
    const errors: UserError[] = [];
    if (!isUuid(change.personId)) errors.push(peopleError(['input', 'personId'], NO_PERSON, 'NOT_FOUND'));
    const problem = roleScopeProblem(change.role, organisationId);
    if (problem === 'ORGANISATION_REQUIRED') {
      errors.push(peopleError(['input', 'organisationId'], 'Choose the organisation this role is for.', 'REQUIRED'));
    } else if (problem === 'ORGANISATION_NOT_ALLOWED') {
      errors.push(peopleError(['input', 'organisationId'],
        'This role is for the whole partnership: leave the organisation empty.', 'NOT_ALLOWED'));
    } else if (organisationId !== null && !isUuid(organisationId)) {
      errors.push(peopleError(['input', 'organisationId'], NO_ORGANISATION, 'NOT_FOUND'));
    }
    if (errors.length) return { person: null, userErrors: errors };

    const outcome = await unlessRefused(() => this.dataSource.transaction(async (manager) => {
      const [person] = await manager.query(
        `SELECT id FROM person WHERE id = $1 AND partnership_id = $2`, [change.personId, viewer.partnershipId]);
      const organisation = organisationId === null ? [{}] : await manager.query(
        `SELECT id FROM organisation WHERE id = $1 AND partnership_id = $2`, [organisationId, viewer.partnershipId]);
      const missing: UserError[] = [];
      if (!person) missing.push(peopleError(['input', 'personId'], NO_PERSON, 'NOT_FOUND'));
      if (!organisation.length) missing.push(peopleError(['input', 'organisationId'], NO_ORGANISATION, 'NOT_FOUND'));
      refuseAll(missing);
      await write(manager, organisationId);
      return manager.getRepository(PersonEntity).findOneByOrFail({ id: change.personId });
    }));
    return { person: outcome.result, userErrors: outcome.userErrors };
  }
}
