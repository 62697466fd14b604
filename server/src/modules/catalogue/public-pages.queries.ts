import { placePricePence } from '@portal/domain';
import type { DataSource } from 'typeorm';

/**
 * What the server needs to describe the public pages to a search engine before any script runs:
 * one statement for a session page, one for a partnership's pages, one for the sitemap. Only
 * public courses appear (the rule visitors see in `courseVisibilitySql`).
 */

export interface PublicSessionRow {
  id: string;
  status: string;
  startsAt: Date;
  endsAt: Date;
  deliveryMode: string;
  title: string;
  summary: string;
  costPerPlacePence: number;
  partnershipId: string;
  partnershipSlug: string;
  partnershipName: string;
  providerName: string;
  venueName: string | null;
  venueAddress: string | null;
  venueTown: string | null;
  venuePostcode: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function publicSession(dataSource: DataSource, slug: string, sessionId: string): Promise<PublicSessionRow | null> {
  if (!UUID.test(sessionId)) return null;
  const rows = await dataSource.query<Array<Record<string, unknown>>>(
    `SELECT s.id, s.status, s.starts_at, s.ends_at, s.delivery_mode, c.title, c.summary,
            c.cost_per_place_pence::text AS cost_per_place_pence, s.proposal_id IS NOT NULL AS commissioned, p.id AS partnership_id, p.slug AS partnership_slug,
            p.name AS partnership_name,
            o.name AS provider_name, v.name AS venue_name, v.address AS venue_address, v.town AS venue_town,
            v.postcode AS venue_postcode
       FROM training_session s
       JOIN partnership p ON p.id = s.partnership_id
       JOIN course c ON c.id = s.course_id AND c.partnership_id = s.partnership_id
       JOIN organisation o ON o.id = c.provider_organisation_id
       LEFT JOIN venue v ON v.id = s.venue_id AND v.partnership_id = s.partnership_id
      WHERE p.slug = $1 AND s.id = $2 AND c.visibility = 'public'`,
    [slug, sessionId],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id as string,
    status: row.status as string,
    startsAt: row.starts_at as Date,
    endsAt: row.ends_at as Date,
    deliveryMode: row.delivery_mode as string,
    title: row.title as string,
    summary: row.summary as string,
    costPerPlacePence: placePricePence(Number(row.cost_per_place_pence), row.commissioned === true),
    partnershipId: row.partnership_id as string,
    partnershipSlug: row.partnership_slug as string,
    partnershipName: row.partnership_name as string,
    providerName: row.provider_name as string,
    venueName: row.venue_name as string | null,
    venueAddress: row.venue_address as string | null,
    venueTown: row.venue_town as string | null,
    venuePostcode: row.venue_postcode as string | null,
  };
}

export async function publicPartnership(dataSource: DataSource, slug: string): Promise<{ id: string; name: string; slug: string } | null> {
  const rows = await dataSource.query<Array<{ id: string; name: string; slug: string }>>(
    'SELECT id, name, slug FROM partnership WHERE slug = $1', [slug]);
  return rows[0] ?? null;
}

export interface SitemapRow {
  slug: string;
  /** null for a partnership with no upcoming public session. */
  sessionId: string | null;
}

/** Every partnership, each with its upcoming public sessions in date order (at most 50,000 addresses a sitemap). */
export async function sitemapRows(dataSource: DataSource, now: Date): Promise<SitemapRow[]> {
  const rows = await dataSource.query<Array<{ slug: string; session_id: string | null }>>(
    `SELECT p.slug, s.id AS session_id
       FROM partnership p
       LEFT JOIN training_session s ON s.partnership_id = p.id AND s.status = 'scheduled' AND s.starts_at >= $1
            AND EXISTS (SELECT 1 FROM course c WHERE c.id = s.course_id AND c.partnership_id = s.partnership_id
                          AND c.visibility = 'public')
      ORDER BY p.slug, s.starts_at, s.id
      LIMIT 49000`,
    [now],
  );
  return rows.map((row) => ({ slug: row.slug, sessionId: row.session_id }));
}
