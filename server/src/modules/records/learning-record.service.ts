import type { EntityManager } from 'typeorm';
import { hoursOf, informalLearningCategory, learningBalance, type InformalLearningKind as Kind, type LearningCategory as Category } from '@portal/domain';
import type { Viewer } from '../auth/viewer';
import type { Accreditation, LearningCategory } from '../catalogue/catalogue.enums';
import { badArgument } from './records.errors';
import { canConfirmInformalLearning, requireSeeingLearningRecord, type RecordHolder } from './records.policy';
import type { InformalLearningKind } from './records.enums';
import type { Completion, InformalLearningEntry, LearningRecord } from './learning-record.types';

/** The paths a learning record links to; the routes are http/learning-record-routes.ts. */
export const certificatePath = (bookingId: string) => `/learning-files/certificates/${bookingId}.pdf`;
export const evidenceFilePath = (fileId: string) => `/learning-files/evidence/${fileId}`;

/** A mandatory subject's level, where its code carries one (safeguarding-adults-2): 2. */
export function mandatoryLevelOf(code: string | null): number | null {
  const match = code ? /-(\d+)$/.exec(code) : null;
  return match ? Number(match[1]) : null;
}

export interface HolderRow extends RecordHolder { name: string; organisationName: string | null; timeZone: string }

/** The person whose record it is, of the viewer's partnership only: another partnership's is unknown. */
export async function readHolder(manager: EntityManager, viewer: Viewer, personId: string): Promise<HolderRow | null> {
  const [row] = await manager.query(
    `SELECT p.id, p.partnership_id, p.organisation_id, p.line_manager_id, p.name, o.name AS organisation_name, pa.time_zone
     FROM person p JOIN partnership pa ON pa.id = p.partnership_id LEFT JOIN organisation o ON o.id = p.organisation_id
     WHERE p.id = $1 AND p.partnership_id = $2`, [personId, viewer.partnershipId]);
  return row ? { id: row.id, partnershipId: row.partnership_id, organisationId: row.organisation_id, lineManagerId: row.line_manager_id,
    name: row.name, organisationName: row.organisation_name, timeZone: row.time_zone } : null;
}

export interface InformalRow {
  id: string; kind: string; learned_on: string; hours: string; description: string; evidence_url: string | null; evidence_file_id: string | null;
  file_name: string | null; media_type: string | null; size_bytes: number | null; confirmed_at: Date | null; confirmed_by_name: string | null;
}

/** The informal learning columns with their evidence file's facts (never its content) and who confirmed them. */
export const INFORMAL_SELECT = `SELECT i.id, i.kind, i.learned_on::text AS learned_on, i.hours, i.description, i.evidence_url, i.evidence_file_id,
    f.file_name, f.media_type, f.size_bytes, i.confirmed_at, m.name AS confirmed_by_name
  FROM informal_learning i LEFT JOIN evidence_file f ON f.id = i.evidence_file_id LEFT JOIN person m ON m.id = i.confirmed_by_person_id`;

export function toInformalEntry(row: InformalRow): InformalLearningEntry {
  return {
    id: row.id, kind: row.kind as InformalLearningKind, learnedOn: row.learned_on, hours: Number(row.hours), description: row.description,
    learningCategory: informalLearningCategory(row.kind as Kind) as LearningCategory, evidenceUrl: row.evidence_url,
    evidenceFile: row.evidence_file_id ? { id: row.evidence_file_id, fileName: row.file_name!, mediaType: row.media_type!, sizeBytes: row.size_bytes!,
      downloadUrl: evidenceFilePath(row.evidence_file_id) } : null,
    confirmedAt: row.confirmed_at, confirmedByName: row.confirmed_by_name,
  };
}

/**
 * A learning record in three statements whatever its size: the person (whose access decides
 * whether anything more is read), every completion with its course, provider and subject, and
 * every entry of informal learning with its evidence's facts. The balance is worked out from those.
 */
export async function readLearningRecord(manager: EntityManager, viewer: Viewer, personId: string): Promise<LearningRecord> {
  const holder = await readHolder(manager, viewer, personId);
  if (!holder) throw badArgument(['personId'], 'There is no such person', 'NOT_FOUND');
  requireSeeingLearningRecord(viewer, holder);
  const completionRows: Array<{ booking_id: string; session_id: string; course_id: string; title: string; provider_name: string; ends_at: Date;
    duration_minutes: number; learning_category: string; ksf_dimensions: string[]; mandatory_subject: string | null; subject_name: string | null;
    accreditation: string }> = await manager.query(
    `SELECT b.id AS booking_id, s.id AS session_id, c.id AS course_id, c.title, prov.name AS provider_name, s.ends_at, c.duration_minutes,
       c.learning_category, c.ksf_dimensions, c.mandatory_subject, ms.name AS subject_name, c.accreditation
     FROM booking b JOIN training_session s ON s.id = b.session_id JOIN course c ON c.id = s.course_id
     JOIN organisation prov ON prov.id = c.provider_organisation_id LEFT JOIN mandatory_subject ms ON ms.code = c.mandatory_subject
     WHERE b.person_id = $1 AND b.partnership_id = $2 AND b.status = 'attended'
     ORDER BY s.ends_at DESC, b.id`, [holder.id, viewer.partnershipId]);
  const informalRows: InformalRow[] = await manager.query(
    `${INFORMAL_SELECT} WHERE i.person_id = $1 AND i.partnership_id = $2 ORDER BY i.learned_on DESC, i.created_at DESC, i.id`, [holder.id, viewer.partnershipId]);
  const completions: Completion[] = completionRows.map((row) => ({
    bookingId: row.booking_id, sessionId: row.session_id, courseId: row.course_id, courseTitle: row.title, providerName: row.provider_name,
    completedAt: row.ends_at, hours: hoursOf(row.duration_minutes), learningCategory: row.learning_category as LearningCategory,
    ksfDimensions: row.ksf_dimensions, mandatorySubjectCode: row.mandatory_subject, mandatorySubjectName: row.subject_name,
    mandatoryLevel: mandatoryLevelOf(row.mandatory_subject), accreditation: row.accreditation as Accreditation,
    certificateUrl: certificatePath(row.booking_id),
  }));
  const informalLearning = informalRows.map(toInformalEntry);
  const balance = learningBalance([
    ...completions.map((c) => ({ category: c.learningCategory as Category, hours: c.hours })),
    ...informalLearning.map((e) => ({ category: e.learningCategory as Category, hours: e.hours })),
  ]);
  return {
    person: { id: holder.id, name: holder.name, organisationName: holder.organisationName },
    completions, informalLearning, balance: { totalHours: balance.totalHours, categories: balance.categories.map((c) => ({ ...c, category: c.category as LearningCategory })) },
    viewerMayConfirm: canConfirmInformalLearning(viewer, holder),
  };
}

export interface CertificateFacts {
  personName: string; courseTitle: string; providerName: string; partnershipName: string; startsAt: Date; endsAt: Date; hours: number;
  accreditation: string; mandatorySubjectName: string | null; bookingId: string; timeZone: string;
}

/** What a certificate says, for an attended booking whose person's record the viewer may see; null when there is none for them. */
export async function readCertificateFacts(manager: EntityManager, viewer: Viewer, bookingId: string): Promise<CertificateFacts | 'forbidden' | null> {
  const [row] = await manager.query(
    `SELECT b.id, b.person_id, c.title, prov.name AS provider_name, pa.name AS partnership_name, pa.time_zone, s.starts_at, s.ends_at,
       c.duration_minutes, c.accreditation, ms.name AS subject_name
     FROM booking b JOIN training_session s ON s.id = b.session_id JOIN course c ON c.id = s.course_id
     JOIN organisation prov ON prov.id = c.provider_organisation_id JOIN partnership pa ON pa.id = b.partnership_id
     LEFT JOIN mandatory_subject ms ON ms.code = c.mandatory_subject
     WHERE b.id = $1 AND b.partnership_id = $2 AND b.status = 'attended'`, [bookingId, viewer.partnershipId]);
  if (!row) return null;
  const holder = await readHolder(manager, viewer, row.person_id);
  if (!holder) return null;
  try {
    requireSeeingLearningRecord(viewer, holder);
  } catch {
    return 'forbidden';
  }
  return { personName: holder.name, courseTitle: row.title, providerName: row.provider_name, partnershipName: row.partnership_name,
    startsAt: row.starts_at, endsAt: row.ends_at, hours: hoursOf(row.duration_minutes), accreditation: row.accreditation,
    mandatorySubjectName: row.subject_name, bookingId: row.id, timeZone: row.time_zone };
}
