import type { CronItem, TaskList } from 'graphile-worker';
import type { DataSource } from 'typeorm';
import type { Logger } from '../observability/logger';
import type { Mailer } from '../modules/notifications/mailer';
import { SEND_EMAIL_TASK, sendEmailTask } from '../modules/notifications/send-email.task';
import { releaseDueSessionsTask } from '../modules/bookings/release-seats.task';
import { expireStaleRequests } from '../modules/bookings/expire-requests.service';
import type { NoticeSettings } from '../modules/notifications/booking-notices';
import { noticeSessionsBelowMinimum } from '../modules/catalogue/session-minimums.service';
import { lapseProposalsTask } from '../modules/commissioning/lapse-proposals.task';
import { projectXapiStatements } from '../modules/xapi/xapi-projection';
import { evaluationEmailsTask } from '../modules/evaluation/evaluation-emails.task';
import { sendComplianceReminders } from '../modules/compliance/compliance-reminders.service';
import { discardUnattachedEvidence } from '../modules/records/evidence-file.service';

export const RELEASE_DUE_SESSIONS_TASK = 'release_due_sessions';
export const EXPIRE_REQUESTS_TASK = 'expire_requests';
export const SESSION_MINIMUMS_TASK = 'session_minimums';
export const LAPSE_PROPOSALS_TASK = 'lapse_proposals';
export const PROJECT_XAPI_TASK = 'project_xapi';
export const EVALUATION_EMAILS_TASK = 'evaluation_emails';
export const COMPLIANCE_REMINDERS_TASK = 'compliance_reminders';
export const DISCARD_UNATTACHED_EVIDENCE_TASK = 'discard_unattached_evidence';

/** Every task the worker knows, by the name jobs are queued under. */
export function createTaskList(deps: { dataSource: DataSource; mailer: Mailer; log: Logger; requestHoldHours: number;
  passwordResetTtlMinutes: number; invitationTtlHours: number; keepSentText: boolean; notices: NoticeSettings; publicUrl: string }): TaskList {
  return {
    [SEND_EMAIL_TASK]: sendEmailTask(deps),
    [RELEASE_DUE_SESSIONS_TASK]: releaseDueSessionsTask(deps),
    [EXPIRE_REQUESTS_TASK]: async (_payload, helpers) => {
      const expired = await expireStaleRequests(deps.dataSource, new Date(), deps.requestHoldHours, deps.notices);
      if (expired) helpers.logger.info(`declined ${expired} request(s) nobody decided in time`);
    },
    [SESSION_MINIMUMS_TASK]: async (_payload, helpers) => {
      const { belowMinimum, emails } = await noticeSessionsBelowMinimum(deps.dataSource, new Date(), deps.notices);
      if (belowMinimum) helpers.logger.info(`told ${emails} people of ${belowMinimum} session(s) below their minimum numbers at booking close`);
    },
    [LAPSE_PROPOSALS_TASK]: lapseProposalsTask(deps),
    [PROJECT_XAPI_TASK]: async (_payload, helpers) => {
      const stored = await projectXapiStatements(deps.dataSource, { homePage: deps.publicUrl });
      if (stored) helpers.logger.info(`stored ${stored} xAPI statement(s)`);
    },
    [EVALUATION_EMAILS_TASK]: evaluationEmailsTask(deps),
    [COMPLIANCE_REMINDERS_TASK]: async (_payload, helpers) => {
      const { reminders, emails } = await sendComplianceReminders(deps.dataSource, new Date(), deps.notices);
      if (reminders) helpers.logger.info(`sent ${reminders} mandatory-training reminder(s) in ${emails} email(s)`);
    },
    [DISCARD_UNATTACHED_EVIDENCE_TASK]: async (_payload, helpers) => {
      const deleted = await discardUnattachedEvidence(deps.dataSource, new Date());
      if (deleted) helpers.logger.info(`deleted ${deleted} evidence file(s) no learning entry named within a day`);
    },
  };
}

/**
 * Schedules, as graphile-worker cron items: each is queued once per matching minute across all
 * replicas (graphile_worker.known_crontabs), not once per process.
 */
export const cronItems: CronItem[] = [
  // Unused allocated seats go back to the pool at each session's release time.
  { task: RELEASE_DUE_SESSIONS_TASK, match: '* * * * *', identifier: RELEASE_DUE_SESSIONS_TASK },
  // Requests nobody decided in time stop holding their seat.
  { task: EXPIRE_REQUESTS_TASK, match: '*/5 * * * *', identifier: EXPIRE_REQUESTS_TASK },
  // Sessions whose booking has closed short of their minimum numbers: their provider and allocation holders are told.
  { task: SESSION_MINIMUMS_TASK, match: '* * * * *', identifier: SESSION_MINIMUMS_TASK },
  // Proposals undecided at their pledge deadline lapse, and their pledges are released.
  { task: LAPSE_PROPOSALS_TASK, match: '* * * * *', identifier: LAPSE_PROPOSALS_TASK },
  // What changed in bookings is stored as xAPI statements (exports also catch up before they read).
  { task: PROJECT_XAPI_TASK, match: '* * * * *', identifier: PROJECT_XAPI_TASK },
  // Feedback requests the morning after attendance, and impact review reminders once due: each once.
  { task: EVALUATION_EMAILS_TASK, match: '*/5 * * * *', identifier: EVALUATION_EMAILS_TASK },
  // Mandatory subjects expiring within 60 or 30 days, or overdue: each person (and manager) is told once per threshold.
  { task: COMPLIANCE_REMINDERS_TASK, match: '0 * * * *', identifier: COMPLIANCE_REMINDERS_TASK },
  // Evidence files uploaded but never named by an informal learning entry, once a day old.
  { task: DISCARD_UNATTACHED_EVIDENCE_TASK, match: '30 * * * *', identifier: DISCARD_UNATTACHED_EVIDENCE_TASK },
];
