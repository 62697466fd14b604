/**
 * What a backup archive says about itself (manifest.json inside the archive). The archive is a
 * gzipped tar holding this manifest and the data files it lists, each with its SHA-256, so a
 * damaged or edited archive is refused before anything is written.
 */
export const MANIFEST_FILE = 'manifest.json';
export const ARCHIVE_FORMAT = 'partnership-portal-backup/1';

/** 'copy': one COPY file per table, restored onto a freshly migrated schema. 'pg_dump': one pg_dump custom-format file. */
export type BackupMethod = 'copy' | 'pg_dump';

export interface TableCopy {
  schema: string;
  table: string;
  /** The columns written, in order (generated columns are left out: the database computes them again). */
  columns: string[];
  rows: number;
  file: string;
  sha256: string;
}

export interface SequenceValue {
  schema: string;
  sequence: string;
  lastValue: string;
  isCalled: boolean;
}

export interface BackupManifest {
  format: typeof ARCHIVE_FORMAT;
  method: BackupMethod;
  createdAt: string;
  serverVersion: string;
  /** The portal's migrations the database had run (schema_migration), oldest first. */
  migrations: string[];
  /** graphile-worker's own migration ids (graphile_worker.migrations). */
  jobQueueMigrations: number[];
  /** Row count of every table, `schema.table`, counted in the backup's snapshot. */
  rowCounts: Record<string, number>;
  /** method 'copy': the tables in restore order (a table after those it refers to). */
  tables: TableCopy[];
  sequences: SequenceValue[];
  /** method 'pg_dump': the dump file and its checksum. */
  dump?: { file: string; sha256: string; pgDumpVersion: string };
}
