import type { EntityManager } from 'typeorm';

/** Where a request came from, as the audit log records it. */
export interface RequestOrigin {
  ipAddress: string | null;
  requestId: string;
  userAgent?: string | null;
}

export interface AuditEntry {
  partnershipId: string | null;
  actorPersonId: string | null;
  /** module.verb, e.g. auth.signed_in, roles.granted, people.imported */
  action: string;
  subjectType?: string;
  subjectId?: string;
  details?: Record<string, unknown>;
}

/** Written with the caller's manager, so the entry commits or rolls back with the change it records. */
export async function recordAudit(manager: EntityManager, origin: RequestOrigin, entry: AuditEntry): Promise<void> {
  await manager.query(
    `INSERT INTO audit_log (partnership_id, actor_person_id, action, subject_type, subject_id, details, ip_address, request_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [entry.partnershipId, entry.actorPersonId, entry.action, entry.subjectType ?? null, entry.subjectId ?? null,
      JSON.stringify(entry.details ?? {}), origin.ipAddress, origin.requestId]);
}
