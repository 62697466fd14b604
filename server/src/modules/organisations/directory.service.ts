import type { DataSource, EntityManager } from 'typeorm';
import { parseEmailAddress, parseOrgId } from '@portal/domain';
import { Refusal, unlessRefused } from '../../graphql/refusal';
import { withInputErrors } from '../../graphql/input-errors';
import type { UserError } from '../../graphql/user-error';
import { userError } from './organisation.errors';
import { isUuid } from '../../graphql/uuid';
import { recordAudit, type RequestOrigin } from '../audit/audit.service';
import type { Viewer } from '../auth/viewer';
import { OrganisationEntity } from './organisation.entity';
import type { DirectoryEntry, DirectoryLead } from './directory-entry.type';
import { canEditEntry, canSetIdentifier } from './directory.policy';
import type { UpdateOrganisationEntryInput } from './update-organisation-entry.input';

export type DirectoryEntryData = Omit<DirectoryEntry, 'organisation'> & { organisation: OrganisationEntity };
export type UpdateEntryResult = { entry: DirectoryEntryData | null; userErrors: UserError[] };

/** The entry's text fields: input name → column. */
const TEXT_FIELDS = [
  ['description', 'description'], ['website', 'website'], ['contactEmail', 'contact_email'], ['contactPhone', 'contact_phone'],
] as const;

/** A field's text as stored: trimmed, blank as none; an email as the address rule writes it. */
function stored(field: (typeof TEXT_FIELDS)[number][0], text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  if (field === 'contactEmail') {
    const parsed = parseEmailAddress(trimmed);
    return parsed.ok ? parsed.address : trimmed;
  }
  return field === 'contactPhone' ? trimmed.replace(/\s+/g, ' ') : trimmed;
}

/** One message per field: the first the input's rules gave. */
function firstPerField(errors: readonly UserError[]): UserError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = e.field.join('.');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The partnership directory: its organisations, their L&D leads and the entries the leads keep.
 * Reading costs two statements for the whole partnership (organisations; leads), whatever its size.
 */
export class DirectoryService {
  constructor(private readonly dataSource: DataSource) {}

  async list(viewer: Viewer, partnershipId: string): Promise<DirectoryEntryData[]> {
    const organisations = (await this.dataSource.getRepository(OrganisationEntity).find({ where: { partnershipId } }))
      // As a reader expects ("Peterborough and Stamford…" before "Peterborough CVS"), whatever the database's collation.
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
    const leads = await this.leadsOf(this.dataSource.manager, partnershipId, null);
    return organisations.map((organisation) => this.entry(viewer, organisation, leads.get(organisation.id) ?? []));
  }

  async update(viewer: Viewer, input: UpdateOrganisationEntryInput, origin: RequestOrigin, now: Date,
    inputProblems: readonly UserError[] = []): Promise<UpdateEntryResult> {
    const problems = firstPerField(inputProblems);
    const { result, userErrors } = await unlessRefused(() => this.dataSource.transaction(async (manager) => {
      const refused: UserError[] = [];
      if (input.orgId !== undefined && !canSetIdentifier(viewer)) {
        refused.push(userError(['input', 'orgId'], 'Only administrators can change the registered identifier', 'NOT_ALLOWED'));
      }
      const [found] = isUuid(input.organisationId) ? await manager.query(
        `SELECT id FROM organisation WHERE id = $1 AND partnership_id = $2 FOR UPDATE`, [input.organisationId, viewer.partnershipId]) : [];
      if (!found) refused.push(userError(['input', 'organisationId'], 'There is no such organisation in your partnership', 'NOT_FOUND'));
      else if (!canEditEntry(viewer, { id: found.id, partnershipId: viewer.partnershipId })) {
        // The policy has refused everyone else before this; kept so the service never writes for an outsider.
        refused.push(userError(['input', 'organisationId'], 'You can change only your own organisation\'s entry', 'FORBIDDEN'));
      }
      if (problems.length || refused.length) throw new Refusal(withInputErrors(problems, refused));

      const sets: string[] = [];
      const params: unknown[] = [input.organisationId, viewer.partnershipId, now];
      const changed: string[] = [];
      const set = (column: string, value: unknown, field: string) => {
        params.push(value);
        sets.push(`${column} = $${params.length}`);
        changed.push(field);
      };
      for (const [field, column] of TEXT_FIELDS) {
        const value = input[field];
        if (value !== undefined) set(column, value === null ? null : stored(field, value), field);
      }
      if (input.deliversTraining != null) set('delivers_training', input.deliversTraining, 'deliversTraining');
      if (input.orgId !== undefined) {
        const parsed = input.orgId === null || !input.orgId.trim() ? null : parseOrgId(input.orgId);
        set('org_id', parsed && parsed.ok ? parsed.orgId : null, 'orgId');
      }
      await manager.query(`UPDATE organisation SET ${[...sets, 'entry_updated_at = $3'].join(', ')} WHERE id = $1 AND partnership_id = $2`, params);
      await recordAudit(manager, origin, { partnershipId: viewer.partnershipId, actorPersonId: viewer.personId,
        action: 'organisations.entry_updated', subjectType: 'organisation', subjectId: input.organisationId, details: { changed } });
      const organisation = await manager.getRepository(OrganisationEntity).findOneByOrFail({ id: input.organisationId });
      const leads = await this.leadsOf(manager, viewer.partnershipId, organisation.id);
      return this.entry(viewer, organisation, leads.get(organisation.id) ?? []);
    }));
    return { entry: result, userErrors };
  }

  private entry(viewer: Viewer, organisation: OrganisationEntity, leads: DirectoryLead[]): DirectoryEntryData {
    return {
      id: organisation.id,
      organisation,
      description: organisation.description,
      website: organisation.website,
      contactEmail: organisation.contactEmail,
      contactPhone: organisation.contactPhone,
      updatedAt: organisation.entryUpdatedAt,
      leads,
      viewerCanEdit: canEditEntry(viewer, organisation),
    };
  }

  /** The L&D leads of the partnership (or of one organisation), by organisation, each list by name. */
  private async leadsOf(manager: EntityManager, partnershipId: string, organisationId: string | null): Promise<Map<string, DirectoryLead[]>> {
    const rows: Array<{ organisation_id: string; id: string; name: string; job_title: string | null; email: string }> = await manager.query(
      `SELECT DISTINCT rg.organisation_id, p.id, p.name, p.job_title, p.email
       FROM role_grant rg JOIN person p ON p.id = rg.person_id AND p.partnership_id = rg.partnership_id
       WHERE rg.partnership_id = $1 AND rg.role = 'ld_lead' AND rg.organisation_id IS NOT NULL AND p.disabled_at IS NULL
         AND ($2::uuid IS NULL OR rg.organisation_id = $2)
       ORDER BY rg.organisation_id, p.name, p.id`, [partnershipId, organisationId]);
    const byOrganisation = new Map<string, DirectoryLead[]>();
    for (const row of rows) {
      const list = byOrganisation.get(row.organisation_id) ?? [];
      list.push({ id: row.id, name: row.name, jobTitle: row.job_title, email: row.email });
      byOrganisation.set(row.organisation_id, list);
    }
    return byOrganisation;
  }
}
