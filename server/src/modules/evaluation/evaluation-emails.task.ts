import type { Task } from 'graphile-worker';
import type { DataSource } from 'typeorm';
import type { NoticeSettings } from '../notifications/booking-notice-data';
import { sendEvaluationEmails } from './evaluation-emails.service';

/**
 * Run on a schedule (cron, every five minutes): the morning-after feedback requests and the
 * impact review reminders that are due, each once (evaluation-emails.service.ts claims each row),
 * however many replicas run it at once.
 */
export function evaluationEmailsTask(deps: { dataSource: DataSource; notices: NoticeSettings }): Task {
  return async (_payload, helpers) => {
    const { feedbackRequests, reminders } = await sendEvaluationEmails(deps.dataSource, new Date(), deps.notices);
    if (feedbackRequests || reminders) helpers.logger.info(`queued ${feedbackRequests} feedback request(s) and ${reminders} impact review reminder(s)`);
  };
}
