// The floor: the catalogue page a signed-out volunteer sees (the same JSON the portal answers),
// made by one hand-written SQL statement through pg and served by bare node:http. Nothing a
// real server needs (validation, access rules, limits, logging) is here: it is what the page
// costs when only the database and the wire are paid for.
//   DATABASE_URL=postgres://… PORT=… NOW=<ISO instant> node server.mjs
import http from 'node:http';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { Pool } = require('pg');
const { formatPence } = require('@portal/domain');

const PAGE_SQL = `
SELECT (SELECT count(*)::int FROM training_session s JOIN course c ON c.id = s.course_id AND c.partnership_id = s.partnership_id
         WHERE s.partnership_id = p.id AND s.status = 'scheduled' AND s.starts_at >= $2 AND c.visibility = 'public') AS total,
  coalesce((SELECT json_agg(x ORDER BY x.starts_at, x.id) FROM (
    SELECT s.id, s.starts_at, s.delivery_mode, v.name AS venue_name, v.town AS venue_town, c.title, c.cost_per_place_pence, o.name AS provider,
      CASE WHEN s.release_at <= $2 THEN greatest(0, s.capacity - s.seats_taken)
        ELSE greatest(0, s.capacity - s.allocated_seats - s.pool_seats_taken) END AS seats_left
    FROM training_session s JOIN course c ON c.id = s.course_id AND c.partnership_id = s.partnership_id
      JOIN organisation o ON o.id = c.provider_organisation_id
      LEFT JOIN venue v ON v.id = s.venue_id
    WHERE s.partnership_id = p.id AND s.status = 'scheduled' AND s.starts_at >= $2 AND c.visibility = 'public'
    ORDER BY s.starts_at, s.id LIMIT $3 + 1) x), '[]') AS rows
FROM partnership p WHERE p.slug = $1`;

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const now = new Date(process.env.NOW ?? Date.now());

const cursorOf = (row) => Buffer.from(JSON.stringify([new Date(row.starts_at).toISOString(), row.id])).toString('base64url');

async function page(slug, first) {
  const { rows: [found] } = await pool.query(PAGE_SQL, [slug, now, first]);
  if (!found) return { data: null, errors: [{ message: 'no such partnership' }] };
  const rows = found.rows.slice(0, first);
  return {
    data: {
      sessions: {
        totalCount: found.total,
        pageInfo: { hasNextPage: found.rows.length > first, endCursor: rows.length ? cursorOf(rows.at(-1)) : null },
        edges: rows.map((r) => ({
          node: {
            id: r.id, startsAt: new Date(r.starts_at).toISOString(), seatsLeft: r.seats_left, deliveryMode: r.delivery_mode.toUpperCase(),
            venue: r.venue_name === null ? null : { name: r.venue_name, town: r.venue_town },
            course: { title: r.title, isFree: r.cost_per_place_pence === '0' || r.cost_per_place_pence === 0,
              costPerPlace: { formatted: formatPence(Number(r.cost_per_place_pence)) }, provider: { name: r.provider } },
          },
        })),
      },
    },
  };
}

const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => { body += chunk; });
  req.on('end', () => {
    let variables;
    try {
      ({ variables } = JSON.parse(body));
    } catch {
      res.writeHead(400).end();
      return;
    }
    page(variables.slug, variables.first ?? 20).then((answer) => {
      const text = JSON.stringify(answer);
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }).end(text);
    }, (error) => {
      res.writeHead(500).end(String(error));
    });
  });
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
process.on('SIGTERM', () => { server.close(); void pool.end(); setTimeout(() => process.exit(0), 200).unref(); });
