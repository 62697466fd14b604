import type { DataSource } from 'typeorm';
import type { Logger } from '../observability/logger';
import type { Viewer } from '../modules/auth/viewer';
import { createLoaders, type Loaders } from './loaders';

export interface Context {
  viewer: Viewer | null;
  loaders: Loaders;
  dataSource: DataSource;
  /** The request's notion of now, from the app's clock, so time rules can be tested. */
  now: Date;
  log: Logger;
  requestId: string;
}

export function createContext(options: {
  dataSource: DataSource;
  log: Logger;
  requestId: string;
  now: Date;
  viewer: Viewer | null;
}): Context {
  return { ...options, loaders: createLoaders(options.dataSource) };
}
