import type { DataSource } from 'typeorm';
import { calendarDateIn, evidenceFileProblem, evidenceMediaType, informalHoursProblem, learnedOnProblem } from '@portal/domain';
import { refusedField, withInputErrors } from '../../graphql/input-errors';
import { unlessRefused } from '../../graphql/refusal';
import type { UserError } from '../../graphql/user-error';
import { recordAudit, type RequestOrigin } from '../audit/audit.service';
import type { Viewer } from '../auth/viewer';
import { refuse, refuseAll, userError } from './records.errors';
import { requireConfirmingInformalLearning } from './records.policy';
import type { ConfirmInformalLearningInput, LogInformalLearningInput } from './learning-record.inputs';
import { INFORMAL_SELECT, readHolder, toInformalEntry, type InformalRow } from './learning-record.service';
import type { InformalLearningEntry } from './learning-record.types';

export interface EntryResult { entry: InformalLearningEntry | null; userErrors: UserError[] }

async function readEntry(manager: import('typeorm').EntityManager, id: string): Promise<InformalLearningEntry> {
  const [row]: InformalRow[] = await manager.query(`${INFORMAL_SELECT} WHERE i.id = $1`, [id]);
  return toInformalEntry(row);
}

/**
 * Informal learning on the viewer's own record, every problem in one answer and nothing written
 * while there is any: the date (not after today in the partnership's calendar), the hours (more
 * than 0, fewer than 1,000), and an evidence file, which must be one the viewer uploaded and no
 * other entry uses.
 */
export async function logInformalLearning(dataSource: DataSource, viewer: Viewer, input: LogInformalLearningInput, origin: RequestOrigin,
  now: Date, inputProblems: readonly UserError[] = []): Promise<EntryResult> {
  const { result, userErrors } = await unlessRefused(() => dataSource.transaction(async (manager) => {
    const holder = (await readHolder(manager, viewer, viewer.personId))!;
    const problems: UserError[] = [];
    const today = calendarDateIn(holder.timeZone, now);
    const dateProblem = refusedField(inputProblems, 'learnedOn') ? null : learnedOnProblem(input.learnedOn, today);
    if (dateProblem) problems.push(userError(['input', 'learnedOn'], dateProblem.message, dateProblem.code));
    const hoursProblem = informalHoursProblem(input.hours);
    if (hoursProblem) problems.push(userError(['input', 'hours'], hoursProblem.message, hoursProblem.code));
    if (input.evidenceFileId && !refusedField(inputProblems, 'evidenceFileId')) {
      // Locked, so two entries cannot take the same file at once.
      const [file] = await manager.query(
        `SELECT f.id, EXISTS (SELECT 1 FROM informal_learning i WHERE i.evidence_file_id = f.id) AS used
         FROM evidence_file f WHERE f.id = $1 AND f.person_id = $2 AND f.partnership_id = $3 FOR UPDATE`,
        [input.evidenceFileId, viewer.personId, viewer.partnershipId]);
      if (!file) problems.push(userError(['input', 'evidenceFileId'], 'Upload the evidence file again', 'NOT_FOUND'));
      else if (file.used) problems.push(userError(['input', 'evidenceFileId'], 'This file is already the evidence of another entry: upload it again', 'ALREADY_USED'));
    }
    refuseAll(withInputErrors(inputProblems, problems));
    const [row] = await manager.query(
      `INSERT INTO informal_learning (partnership_id, person_id, kind, learned_on, hours, description, evidence_url, evidence_file_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [viewer.partnershipId, viewer.personId, input.kind, input.learnedOn.trim(), input.hours, input.description.trim(),
        input.evidenceUrl?.trim() || null, input.evidenceFileId ?? null, now]);
    await recordAudit(manager, origin, { partnershipId: viewer.partnershipId, actorPersonId: viewer.personId, action: 'records.informal_logged',
      subjectType: 'informal_learning', subjectId: row.id, details: { kind: input.kind, hours: input.hours, evidenceFile: Boolean(input.evidenceFileId) } });
    return readEntry(manager, row.id);
  }));
  return { entry: result, userErrors };
}

/** The person's line manager confirms an entry of their informal learning, once. */
export async function confirmInformalLearning(dataSource: DataSource, viewer: Viewer, input: ConfirmInformalLearningInput, origin: RequestOrigin,
  now: Date, inputProblems: readonly UserError[] = []): Promise<EntryResult> {
  const { result, userErrors } = await unlessRefused(() => dataSource.transaction(async (manager) => {
    const [entry] = refusedField(inputProblems, 'entryId') ? [] : await manager.query(
      'SELECT id, person_id, confirmed_at FROM informal_learning WHERE id = $1 AND partnership_id = $2 FOR UPDATE', [input.entryId, viewer.partnershipId]);
    if (!entry) refuse(['input', 'entryId'], 'There is no such entry', 'NOT_FOUND', inputProblems);
    const holder = (await readHolder(manager, viewer, entry.person_id))!;
    requireConfirmingInformalLearning(viewer, holder);
    if (entry.confirmed_at) refuse(['input', 'entryId'], 'This entry is already confirmed', 'ALREADY_CONFIRMED');
    await manager.query('UPDATE informal_learning SET confirmed_by_person_id = $2, confirmed_at = $3 WHERE id = $1', [entry.id, viewer.personId, now]);
    await recordAudit(manager, origin, { partnershipId: viewer.partnershipId, actorPersonId: viewer.personId, action: 'records.informal_confirmed',
      subjectType: 'informal_learning', subjectId: entry.id, details: { personId: entry.person_id } });
    return readEntry(manager, entry.id);
  }));
  return { entry: result, userErrors };
}

/** A file's name as stored: its last path part, without control characters, at most 255 characters. */
export function evidenceFileName(raw: string | undefined): string {
  let decoded = raw ?? '';
  try {
    decoded = decodeURIComponent(decoded);
  } catch {
    // Kept as sent.
  }
  const name = (decoded.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(0, 255);
  return name || 'evidence';
}

export type StoredEvidence = { ok: true; file: { id: string; fileName: string; mediaType: string; sizeBytes: number } }
  | { ok: false; problem: UserError };

/**
 * An evidence file, kept in PostgreSQL (so a backup carries it) once its content shows it to be a
 * PDF, PNG or JPEG of at most 5 MB. Nothing is written otherwise. It belongs to its uploader until
 * an entry of theirs names it.
 */
export async function storeEvidenceFile(dataSource: DataSource, viewer: Viewer, content: Buffer, rawName: string | undefined,
  origin: RequestOrigin, now: Date): Promise<StoredEvidence> {
  const problem = evidenceFileProblem(content);
  if (problem) return { ok: false, problem: userError(['file'], problem.message, problem.code) };
  const mediaType = evidenceMediaType(content)!;
  const fileName = evidenceFileName(rawName);
  return dataSource.transaction(async (manager) => {
    const [row] = await manager.query(
      `INSERT INTO evidence_file (partnership_id, person_id, media_type, file_name, size_bytes, content, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, [viewer.partnershipId, viewer.personId, mediaType, fileName, content.length, content, now]);
    await recordAudit(manager, origin, { partnershipId: viewer.partnershipId, actorPersonId: viewer.personId, action: 'records.evidence_uploaded',
      subjectType: 'evidence_file', subjectId: row.id, details: { mediaType, sizeBytes: content.length } });
    return { ok: true as const, file: { id: row.id as string, fileName, mediaType, sizeBytes: content.length } };
  });
}
