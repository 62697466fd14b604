import type { DataSource } from 'typeorm';
import type { Logger } from '../observability/logger';
import type { Viewer } from '../modules/auth/viewer';
import type { RequestOrigin } from '../modules/audit/audit.service';
import type { AuthService } from '../modules/auth/auth.service';
import type { OutboxService } from '../modules/notifications/outbox.service';
import type { Invitations } from '../modules/auth/invitations';
import type { NoticeSettings } from '../modules/notifications/booking-notices';
import { createLoaders, type Loaders } from './loaders';

/** What resolvers may do to the HTTP exchange: only the session cookie. */
export interface SessionTransport {
  /** The token the request came with (cookie or bearer), if any. */
  token: string | null;
  set: (token: string, expiresAt: Date) => void;
  clear: () => void;
}

/** Services that live as long as the server: they hold queues and limiters. */
export interface Services {
  auth: AuthService;
  outbox: OutboxService;
  invitations: Invitations;
  /** Links and sender for booking notices, from config.ts. */
  notices: NoticeSettings;
}

export interface Context {
  viewer: Viewer | null;
  loaders: Loaders;
  dataSource: DataSource;
  services: Services;
  /** The request's notion of now, from the app's clock, so time rules can be tested. */
  now: Date;
  /** REQUEST_HOLD_HOURS: a requested place lapses this long before its session starts. */
  requestHoldHours: number;
  log: Logger;
  requestId: string;
  origin: RequestOrigin;
  session: SessionTransport;
}

export function createContext(options: Omit<Context, 'loaders'>): Context {
  return { ...options, loaders: createLoaders(options.dataSource, options.now, options.viewer) };
}
