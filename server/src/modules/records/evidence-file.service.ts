import type { EntityManager } from 'typeorm';
import type { Viewer } from '../auth/viewer';
import { canSeeLearningRecord } from './records.policy';
import { readHolder } from './learning-record.service';

export interface EvidenceDownload { fileName: string; mediaType: string; content: Buffer }

/**
 * An evidence file for whoever may see its owner's record (an unattached upload: its owner alone).
 * null: no such file in the viewer's partnership; 'forbidden': one they may not see.
 */
export async function readEvidenceFile(manager: EntityManager, viewer: Viewer, fileId: string): Promise<EvidenceDownload | 'forbidden' | null> {
  const [row] = await manager.query(
    'SELECT person_id, file_name, media_type, content FROM evidence_file WHERE id = $1 AND partnership_id = $2', [fileId, viewer.partnershipId]);
  if (!row) return null;
  const holder = await readHolder(manager, viewer, row.person_id);
  if (!holder || !canSeeLearningRecord(viewer, holder)) return 'forbidden';
  return { fileName: row.file_name, mediaType: row.media_type, content: row.content };
}

/** How long an uploaded evidence file may wait to be named by an informal learning entry. */
export const UNATTACHED_EVIDENCE_HOURS = 24;

/**
 * Evidence files uploaded but never named by an entry (the person gave up on the form) are
 * deleted once a day old, so stored files are only those a learning record shows. One statement;
 * safe to run on every replica at once (a file is deleted once, whoever gets there first).
 */
export async function discardUnattachedEvidence(db: Pick<EntityManager, 'query'>, now: Date,
  olderThanHours = UNATTACHED_EVIDENCE_HOURS): Promise<number> {
  const [, deleted] = await db.query(
    `DELETE FROM evidence_file f
     WHERE f.created_at < $1::timestamptz - make_interval(hours => $2)
       AND NOT EXISTS (SELECT 1 FROM informal_learning i WHERE i.evidence_file_id = f.id)`,
    [now, olderThanHours]) as [unknown, number];
  return deleted;
}
