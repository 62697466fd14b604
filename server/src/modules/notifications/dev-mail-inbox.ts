import { Router, type Request } from 'express';
import type { OutboxRecord, OutboxService } from './outbox.service';

/**
 * A plain web inbox for a portal with no mail server, outside production (app.ts mounts it
 * only then): the newest emails of the outbox with their invites, so a person trying the demo
 * can read the confirmation they were sent. Only from this machine: the outbox holds every
 * partnership's mail. Server-rendered, no script; every value is escaped.
 */
const NEWEST = 50;

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The socket's own address, not X-Forwarded-For: a proxy header must not open the inbox. */
function fromThisMachine(req: Request): boolean {
  const address = req.socket.remoteAddress ?? '';
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

const ukTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
});

function state(email: OutboxRecord): string {
  if (email.sentAt) return `sent ${ukTime.format(email.sentAt)}`;
  if (email.failedAt) return `given up ${ukTime.format(email.failedAt)}: ${email.lastError ?? ''}`;
  if (email.lastError) return `not delivered after ${email.attempts} attempt(s): ${email.lastError}`;
  return 'waiting to be sent';
}

function article(email: OutboxRecord): string {
  const invite = email.inviteMethod
    ? `<p><a href="/dev/mail/${escapeHtml(email.id)}/invite.ics">invite.ics</a> (METHOD:${escapeHtml(email.inviteMethod)})</p>` : '<p>No invite.</p>';
  return `<article>
<h2>${escapeHtml(email.subject)}</h2>
<p class="meta">To ${escapeHtml(email.to)} · ${escapeHtml(email.kind.replace(/_/g, ' '))} · written ${escapeHtml(ukTime.format(email.createdAt))} · ${escapeHtml(state(email))}</p>
<pre>${escapeHtml(email.text)}</pre>
${invite}
</article>`;
}

export function renderInbox(emails: OutboxRecord[]): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Outbox – Partnership Portal (development)</title>
<style>
body { font-family: arial, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem; color: #212b32; }
article { border-top: 1px solid #d8dde0; padding: 0.5rem 0 1rem; }
h2 { font-size: 1.2rem; margin: 0.5rem 0; }
.meta { color: #4c6272; }
pre { white-space: pre-wrap; background: #f0f4f5; padding: 0.75rem; }
</style>
</head>
<body>
<h1>Outbox</h1>
<p>No mail server is set (<code>SMTP_URL</code>), so the portal's emails are kept here. The newest ${NEWEST}, newest first.
This page exists outside production only.</p>
${emails.length ? emails.map(article).join('\n') : '<p>No emails yet. Book a session and its confirmation appears here.</p>'}
</body>
</html>`;
}

export function devMailInbox(outbox: OutboxService): Router {
  const router = Router();
  router.use((req, res, next) => {
    if (!fromThisMachine(req)) {
      res.status(403).type('text').send('The development inbox is open only from the machine the portal runs on.');
      return;
    }
    res.setHeader('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
    res.setHeader('cache-control', 'no-store');
    res.setHeader('x-content-type-options', 'nosniff');
    next();
  });
  router.get('/', async (_req, res, next) => {
    try {
      res.type('html').send(renderInbox(await outbox.newest(NEWEST)));
    } catch (error) {
      next(error);
    }
  });
  router.get('/:id/invite.ics', async (req, res, next) => {
    try {
      const invite = await outbox.invite(String(req.params.id));
      if (!invite) {
        res.status(404).type('text').send('No such invite.');
        return;
      }
      res.setHeader('content-type', `text/calendar; charset=utf-8; method=${invite.method}`);
      res.setHeader('content-disposition', 'attachment; filename="invite.ics"');
      res.send(invite.ics);
    } catch (error) {
      next(error);
    }
  });
  return router;
}
