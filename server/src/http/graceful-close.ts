import type { Server, ServerResponse } from 'node:http';
import type { Logger } from '../observability/logger';

/**
 * Closing the HTTP server without cutting requests off: it stops accepting connections, closes
 * the idle keep-alive ones, answers the requests in flight with `Connection: close` (so their
 * connection ends with them instead of idling for the keep-alive timeout), and waits for them
 * for up to `graceMs`; whatever is still open then is cut.
 */
export function gracefulClose(server: Server, log: Logger): (graceMs: number) => Promise<void> {
  const open = new Set<ServerResponse>();
  let closing = false;
  const endsConnection = (res: ServerResponse) => {
    if (!res.headersSent) res.setHeader('connection', 'close');
  };
  server.on('request', (_req, res: ServerResponse) => {
    open.add(res);
    res.once('close', () => open.delete(res));
    if (closing) endsConnection(res);
  });

  return (graceMs) => {
    closing = true;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    open.forEach(endsConnection);
    const cut = setTimeout(() => {
      log.warn({ requests: open.size, graceMs }, 'requests still open after the shutdown grace period: closing them');
      server.closeAllConnections();
    }, graceMs);
    return closed.finally(() => clearTimeout(cut));
  };
}
