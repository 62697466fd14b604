import type { DataSource } from 'typeorm';
import { normaliseEmail, parseOrgId } from '@portal/domain';
import type { UserError } from '../../graphql/user-error';
import { userError } from './organisation.errors';
import { withInputErrors } from '../../graphql/input-errors';
import { Refusal, unlessRefused } from '../../graphql/refusal';
import { recordAudit, type RequestOrigin } from '../audit/audit.service';
import type { Viewer } from '../auth/viewer';
import { PersonEntity } from '../people/person.entity';
import { OrganisationEntity } from './organisation.entity';
import { isUuid } from '../../graphql/uuid';
import type { Invitations } from '../auth/invitations';


export interface NewOrganisation {
  name: string;
  shortCode: string;
  sector: string;
  role: string;
  deliversTraining?: boolean | null;
  staffHeadcount?: number | null;
  volunteerHeadcount?: number | null;
  sectorGroupId?: string | null;
  orgId?: string | null;
  lead?: { name: string; email: string; jobTitle?: string | null } | null;
}

export type CreateOrganisationResult =
  | { organisation: OrganisationEntity; lead: PersonEntity | null; userErrors: [] }
  | { organisation: null; lead: null; userErrors: UserError[] };

/**
 * An administrator adds an organisation to their own partnership, with its L&D lead if they
 * name one. Uniqueness (short code within the partnership, email across the deployment) is
 * decided by the inserts themselves, so two administrators cannot both take the same code.
 */
export class OrganisationAdminService {
  constructor(private readonly dataSource: DataSource, private readonly invitations: Invitations) {}

  async createOrganisation(viewer: Viewer, input: NewOrganisation, origin: RequestOrigin,
    inputProblems: readonly UserError[] = []): Promise<CreateOrganisationResult> {
    const { partnershipId } = viewer;
    const name = input.name.trim();
    const orgId = input.orgId ? parseOrgId(input.orgId) : null;
    const leadName = input.lead?.name.trim() ?? null;
    const leadEmail = input.lead ? normaliseEmail(input.lead.email) : null;
    const problems: UserError[] = [];
    if (!name) problems.push(userError(['input', 'name'], 'Enter the organisation\'s name', 'REQUIRED'));
    if (input.lead && !leadName) problems.push(userError(['input', 'lead', 'name'], 'Enter the lead\'s full name', 'REQUIRED'));

    const outcome = await unlessRefused(() => this.dataSource.transaction(async (manager) => {
      const refused = [...problems];
      const blocked = () => refused.length > 0 || inputProblems.length > 0;
      const sectorGroupFound = input.sectorGroupId == null || (isUuid(input.sectorGroupId) && (await manager.query(
        `SELECT 1 FROM sector_group WHERE id = $1 AND partnership_id = $2`, [input.sectorGroupId, partnershipId])).length > 0);
      if (!sectorGroupFound) {
        refused.push(userError(['input', 'sectorGroupId'], 'There is no such sector group in your partnership.', 'NOT_FOUND'));
      }
      const codeTaken = userError(['input', 'shortCode'], `Another organisation of your partnership has the short code ${input.shortCode}.`, 'TAKEN');
      // With other problems nothing is inserted; the lookups below only let the answer list every problem at once.
      const [organisation] = blocked() ? [] : await manager.query(
        `INSERT INTO organisation (partnership_id, name, short_code, sector, role, delivers_training, sector_group_id, staff_headcount, volunteer_headcount, org_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (partnership_id, short_code) DO NOTHING RETURNING id`,
        [partnershipId, name, input.shortCode, input.sector, input.role, input.deliversTraining ?? false, input.sectorGroupId ?? null,
          input.staffHeadcount ?? 0, input.volunteerHeadcount ?? 0, orgId?.ok ? orgId.orgId : null]);
      if (!organisation && (!blocked() || (await manager.query(
        `SELECT 1 FROM organisation WHERE partnership_id = $1 AND short_code = $2`, [partnershipId, input.shortCode])).length)) {
        refused.push(codeTaken);
      }
      let leadId: string | null = null;
      if (leadEmail !== null) {
        const taken = userError(['input', 'lead', 'email'], 'This email address already belongs to someone in the portal.', 'TAKEN');
        if (organisation) {
          const [person] = await manager.query(
            `INSERT INTO person (partnership_id, organisation_id, kind, name, email, job_title) VALUES ($1, $2, 'staff', $3, $4, $5)
             ON CONFLICT (email) DO NOTHING RETURNING id`,
            [partnershipId, organisation.id, leadName, leadEmail, input.lead?.jobTitle?.trim() || null]);
          if (person) leadId = person.id;
          else refused.push(taken);
        } else if ((await manager.query(`SELECT 1 FROM person WHERE email = $1`, [leadEmail])).length) {
          refused.push(taken);
        }
      }
      if (blocked()) throw new Refusal(withInputErrors(inputProblems, refused));

      await recordAudit(manager, origin, { partnershipId, actorPersonId: viewer.personId, action: 'organisations.created',
        subjectType: 'organisation', subjectId: organisation.id, details: { name, shortCode: input.shortCode, leadPersonId: leadId } });
      if (leadId) {
        await manager.query(`INSERT INTO role_grant (partnership_id, person_id, role, organisation_id) VALUES ($1, $2, 'ld_lead', $3)`,
          [partnershipId, leadId, organisation.id]);
        await recordAudit(manager, origin, { partnershipId, actorPersonId: viewer.personId, action: 'roles.granted',
          subjectType: 'person', subjectId: leadId, details: { role: 'ld_lead', organisationId: organisation.id } });
        // The lead has no password yet: the invitation's link lets them choose one.
        await this.invitations.queue(manager, viewer, [{ id: leadId, name: leadName!, email: leadEmail! }]);
      }
      return {
        organisation: await manager.getRepository(OrganisationEntity).findOneByOrFail({ id: organisation.id }),
        lead: leadId ? await manager.getRepository(PersonEntity).findOneByOrFail({ id: leadId }) : null,
      };
    }));
    if (!outcome.result) return { organisation: null, lead: null, userErrors: outcome.userErrors };
    return { ...outcome.result, userErrors: [] };
  }
}
