import { isOrgId } from '@portal/domain';
import type { PartnershipSpec } from './partnership-spec';
import type { Rng } from './prng';
import type { OrganisationRow, PartnershipRow, SectorGroupRow } from './rows';
import { DAY_MS, addMs } from './uk-time';

export interface Tenancy {
  partnership: PartnershipRow;
  sectorGroups: SectorGroupRow[];
  organisations: OrganisationRow[];
  organisationByCode: ReadonlyMap<string, OrganisationRow>;
}

/** The partnership row, its sector groups and organisations, all set up well before the demo's "now". */
export function buildTenancy(spec: PartnershipSpec, rng: Rng, now: Date): Tenancy {
  const createdAt = addMs(now, -1600 * DAY_MS);
  const partnership: PartnershipRow = {
    id: rng.uuid(),
    slug: spec.slug,
    name: spec.name,
    financial_year_start_month: 4,
    time_zone: 'Europe/London',
    created_at: createdAt,
  };
  const sectorGroups = spec.sectorGroups.map((name) => ({ id: rng.uuid(), partnership_id: partnership.id, name }));
  const groupId = new Map(sectorGroups.map((g) => [g.name, g.id]));
  const organisations = spec.organisations.map((o, index): OrganisationRow => {
    const sectorGroupId = o.sectorGroup === undefined ? null : groupId.get(o.sectorGroup);
    if (sectorGroupId === undefined) throw new Error(`unknown sector group ${o.sectorGroup} for ${o.code}`);
    if (!isOrgId(o.orgId)) throw new Error(`${o.code}'s registered identifier ${o.orgId} is not an org-id.guide identifier`);
    return {
      id: rng.uuid(),
      partnership_id: partnership.id,
      name: o.name,
      short_code: o.code,
      sector: o.sector,
      role: o.role,
      delivers_training: o.deliversTraining,
      sector_group_id: sectorGroupId,
      staff_headcount: o.staff,
      volunteer_headcount: o.volunteers,
      org_id: o.orgId,
      description: o.about,
      website: `https://www.${o.domain}.example`,
      contact_email: `learning@${o.domain}.example`,
      // Ofcom keeps 01632 960000 to 960999 for drama: numbers that ring no one.
      contact_phone: `01632 960${String(index + (spec.slug === 'greater-peterborough' ? 100 : 700)).padStart(3, '0')}`,
      created_at: addMs(createdAt, rng.int(1, 60) * DAY_MS),
    };
  });
  return {
    partnership,
    sectorGroups,
    organisations,
    organisationByCode: new Map(organisations.map((o) => [o.short_code, o])),
  };
}

export function organisationOf(tenancy: Tenancy, code: string): OrganisationRow {
  const organisation = tenancy.organisationByCode.get(code);
  if (!organisation) throw new Error(`unknown organisation code ${code} in ${tenancy.partnership.slug}`);
  return organisation;
}
