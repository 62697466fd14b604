import type { CronItem, TaskList } from 'graphile-worker';
import type { DataSource } from 'typeorm';
import type { Logger } from '../observability/logger';
import type { Mailer } from '../modules/notifications/mailer';
import { SEND_EMAIL_TASK, sendEmailTask } from '../modules/notifications/send-email.task';
import { provideDataSourceForSeatRelease, releaseDueSessionsTask } from '../modules/bookings/release-seats.task';

export const RELEASE_DUE_SESSIONS_TASK = 'release_due_sessions';

/** Every task the worker knows, by the name jobs are queued under. */
export function createTaskList(deps: { dataSource: DataSource; mailer: Mailer; log: Logger }): TaskList {
  provideDataSourceForSeatRelease(deps.dataSource);
  return {
    [SEND_EMAIL_TASK]: sendEmailTask(deps),
    [RELEASE_DUE_SESSIONS_TASK]: releaseDueSessionsTask,
  };
}

/**
 * Schedules, as graphile-worker cron items: each is queued once per matching minute across all
 * replicas (graphile_worker.known_crontabs), not once per process.
 */
export const cronItems: CronItem[] = [
  // Unused allocated seats go back to the pool at each session's release time.
  { task: RELEASE_DUE_SESSIONS_TASK, match: '* * * * *', identifier: RELEASE_DUE_SESSIONS_TASK },
];
