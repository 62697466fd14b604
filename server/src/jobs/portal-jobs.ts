import type { DataSource } from 'typeorm';
import type { Config } from '../config';
import type { Logger } from '../observability/logger';
import type { Mailer } from '../modules/notifications/mailer';
import { connectionStringOf, createJobRunner, type JobRunner } from './job-runner';
import { createTaskList, cronItems } from './task-list';
import { noticeSettingsOf } from '../modules/notifications/booking-notices';

/**
 * 'run': this process works the queue (the default, JOBS_ENABLED); 'off': it only adds jobs,
 * for web-only replicas, and for tests that run due jobs themselves with runDueJobs().
 */
export type JobsMode = 'run' | 'off';

/** The portal's job runner over the app's own database: its tasks, its schedules, its settings. */
export function createPortalJobs(options: { config: Config; dataSource: DataSource; mailer: Mailer; log: Logger }): JobRunner {
  const { config, dataSource, mailer, log } = options;
  return createJobRunner({
    connectionString: connectionStringOf(dataSource.options),
    taskList: createTaskList({ dataSource, mailer, log, requestHoldHours: config.requestHoldHours,
      passwordResetTtlMinutes: config.passwordResetTtlMinutes, invitationTtlHours: config.invitationTtlHours, keepSentText: !config.smtpUrl && !config.production,
      notices: noticeSettingsOf(config), publicUrl: config.publicUrl }),
    cronItems,
    concurrency: config.jobsConcurrency,
    log,
    connectTimeoutMs: config.dbConnectTimeoutMs,
    statementTimeoutMs: config.dbStatementTimeoutMs,
  });
}
