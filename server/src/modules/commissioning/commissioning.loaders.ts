import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { byIdLoader, groupedLoader } from '../../db/by-id-loader';
import type { Viewer } from '../auth/viewer';
import { FundingStreamEntity } from '../funding/funding-stream.entity';
import { TrainingSessionEntity } from '../catalogue/training-session.entity';
import { TrainingNeedEntity } from '../needs/training-need.entity';
import { CommissioningPledgeEntity } from './commissioning-pledge.entity';
import { DeliveryOptionEntity } from './delivery-option.entity';
import { ledOrganisations } from './commissioning.policy';

export interface PledgeableStreamRow {
  id: string; name: string; funder_name: string; financial_year: string; organisation_id: string; remaining_pence: string;
}

/**
 * The commissioning module's loaders, made by the request's loader factory (graphql/loaders.ts):
 * one statement each for every proposal of a page, so a list costs what one proposal costs.
 */
export function createCommissioningLoaders(dataSource: DataSource, viewer: Viewer | null) {
  return {
    proposalNeeds: new DataLoader<string, TrainingNeedEntity[]>(async (ids) => {
      const rows = await dataSource.getRepository(TrainingNeedEntity).createQueryBuilder('n')
        .innerJoin('commissioning_proposal_need', 'pn', 'pn.need_id = n.id')
        .addSelect('pn.proposal_id', 'proposal_id')
        .where('pn.proposal_id = ANY(:ids)', { ids: [...ids] })
        .orderBy('n.wanted_by').addOrderBy('n.id').getRawAndEntities();
      const groups = new Map<string, TrainingNeedEntity[]>(ids.map((id) => [id, []]));
      rows.entities.forEach((need, index) => groups.get(rows.raw[index].proposal_id)?.push(need));
      return ids.map((id) => groups.get(id) ?? []);
    }),
    proposalOptions: groupedLoader(dataSource, DeliveryOptionEntity, 'proposalId'),
    proposalPledges: groupedLoader(dataSource, CommissioningPledgeEntity, 'proposalId'),
    proposalSessions: groupedLoader(dataSource, TrainingSessionEntity, 'proposalId'),
    /** Pledged streams by id, for their names: whoever may read the proposal may read which stream a pledge names. */
    pledgedStreams: byIdLoader(dataSource, FundingStreamEntity),
    /** By financial year: the streams of the viewer's partnership that organisations they lead manage or fund, with what each has left. */
    pledgeableStreams: new DataLoader<string, PledgeableStreamRow[]>(async (years) => {
      const led = ledOrganisations(viewer);
      if (!viewer || !led.length) return years.map(() => []);
      const rows: PledgeableStreamRow[] = await dataSource.query(
        `SELECT fs.id, fs.name, fs.funder_name, fs.financial_year,
           CASE WHEN fs.managing_organisation_id = ANY($2::uuid[]) THEN fs.managing_organisation_id ELSE fs.funder_organisation_id END AS organisation_id,
           fs.budget_pence - fs.committed_pence - fs.spent_pence AS remaining_pence
         FROM funding_stream fs
         WHERE fs.partnership_id = $1 AND fs.financial_year = ANY($3::text[])
           AND (fs.managing_organisation_id = ANY($2::uuid[]) OR fs.funder_organisation_id = ANY($2::uuid[]))
         ORDER BY fs.name, fs.id`, [viewer.partnershipId, led, [...years]]);
      return years.map((year) => rows.filter((r) => r.financial_year === year));
    }),
  };
}
