import type { Task } from 'graphile-worker';
import type { DataSource } from 'typeorm';
import { releaseDueSessions } from './release-seats.service';
import type { NoticeSettings } from '../notifications/booking-notices';

/**
 * Run on a schedule (cron, every minute): releases every session whose release time has passed.
 * Safe on any number of replicas at once (see releaseDueSessions). graphile-worker hands a task
 * only its payload and helpers, so the task list gives it the app's data source and notice settings.
 */
export function releaseDueSessionsTask(deps: { dataSource: DataSource; notices: NoticeSettings }): Task {
  return async (_payload, helpers) => {
    const released = await releaseDueSessions(deps.dataSource, new Date(), deps.notices);
    if (released) helpers.logger.info(`released unused allocated seats on ${released} session(s)`);
  };
}
