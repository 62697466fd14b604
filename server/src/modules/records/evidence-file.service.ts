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
