import type { Task } from 'graphile-worker';
import type { DataSource } from 'typeorm';
import { releaseDueSessions } from './release-seats.service';

/*
 * graphile-worker hands a task only its payload and helpers (a pg client, not TypeORM), so the
 * process that runs the worker gives the task the app's data source once, before it starts.
 */
let dataSourceForJobs: DataSource | null = null;

export function provideDataSourceForSeatRelease(dataSource: DataSource | null): void {
  dataSourceForJobs = dataSource;
}

/**
 * Run on a schedule (cron, e.g. every minute): releases every session whose release time has
 * passed. Safe to run on any number of replicas at once (see releaseDueSessions).
 */
export const releaseDueSessionsTask: Task = async (_payload, helpers) => {
  if (!dataSourceForJobs) throw new Error('release seats: no data source; call provideDataSourceForSeatRelease before starting the worker');
  const released = await releaseDueSessions(dataSourceForJobs, new Date());
  if (released) helpers.logger.info(`released unused allocated seats on ${released} session(s)`);
};
