import type { Task } from 'graphile-worker';
import type { DataSource } from 'typeorm';
import type { NoticeSettings } from '../notifications/booking-notice-data';
import { ProposalDecisionService } from './proposal-decision.service';

/**
 * Run on a schedule (cron, every minute): lapses every open proposal past its pledge deadline and
 * releases its pledges. Safe on any number of replicas at once (each proposal is claimed by its
 * row lock and status: ProposalDecisionService.lapseDue).
 */
export function lapseProposalsTask(deps: { dataSource: DataSource; notices: NoticeSettings }): Task {
  return async (_payload, helpers) => {
    const lapsed = await new ProposalDecisionService(deps.dataSource, deps.notices)
      .lapseDue(new Date(), { ipAddress: null, requestId: `job:${helpers.job.id}` });
    if (lapsed) helpers.logger.info(`lapsed ${lapsed} proposal(s) past their pledge deadline and released their pledges`);
  };
}
