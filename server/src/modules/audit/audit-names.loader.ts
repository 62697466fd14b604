import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { NameKind } from './audit-sentence';

export interface NameKey { partnershipId: string; kind: NameKind; id: string }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UK_DATE = `to_char(s.starts_at AT TIME ZONE 'Europe/London', 'FMDD FMMonth YYYY')`;

/**
 * The names an audit page mentions (people, organisations, sessions, bookings, streams), in one
 * statement for the whole page, each only from the viewer's partnership: an id from elsewhere,
 * or of something since removed, has no name.
 */
export function createAuditNamesLoader(dataSource: DataSource): DataLoader<NameKey, string | null, string> {
  return new DataLoader<NameKey, string | null, string>(async (keys) => {
    const wanted = keys.filter((key) => UUID.test(key.id));
    const names = new Map<string, string>();
    if (wanted.length) {
      const rows: Array<{ kind: string; id: string; label: string | null }> = await dataSource.query(
        `SELECT w.kind, w.id::text AS id, CASE w.kind
           WHEN 'person' THEN (SELECT p.name FROM person p WHERE p.partnership_id = w.partnership_id AND p.id = w.id)
           WHEN 'organisation' THEN (SELECT o.name FROM organisation o WHERE o.partnership_id = w.partnership_id AND o.id = w.id)
           WHEN 'funding_stream' THEN (SELECT f.name FROM funding_stream f WHERE f.partnership_id = w.partnership_id AND f.id = w.id)
           WHEN 'session' THEN (SELECT c.title || ' on ' || ${UK_DATE} FROM training_session s JOIN course c ON c.id = s.course_id
             WHERE s.partnership_id = w.partnership_id AND s.id = w.id)
           WHEN 'booking' THEN (SELECT p.name || '’s place on ' || c.title || ' on ' || ${UK_DATE}
             FROM booking b JOIN person p ON p.id = b.person_id JOIN training_session s ON s.id = b.session_id JOIN course c ON c.id = s.course_id
             WHERE b.partnership_id = w.partnership_id AND b.id = w.id)
         END AS label
         FROM unnest($1::uuid[], $2::text[], $3::uuid[]) AS w(partnership_id, kind, id)`,
        [wanted.map((key) => key.partnershipId), wanted.map((key) => key.kind), wanted.map((key) => key.id)]);
      for (const row of rows) if (row.label) names.set(`${row.kind}:${row.id}`, row.label);
    }
    return keys.map((key) => names.get(`${key.kind}:${key.id.toLowerCase()}`) ?? null);
  }, { cacheKeyFn: (key) => `${key.partnershipId}:${key.kind}:${key.id}` });
}
