-- What PostGraphile is given to answer the catalogue page a signed-out volunteer sees: the
-- upcoming public sessions of a partnership, soonest first (a set-returning function, which
-- PostGraphile pages with totalCount), and seats left as a computed column (the pool's seats,
-- packages/domain/src/seats-left.ts for a caller with no organisation). Loaded into the bench's
-- own database only.
CREATE OR REPLACE FUNCTION upcoming_public_sessions(slug text, since timestamptz) RETURNS SETOF training_session
LANGUAGE sql STABLE AS $$
  SELECT s.* FROM training_session s
    JOIN partnership p ON p.id = s.partnership_id
    JOIN course c ON c.id = s.course_id AND c.partnership_id = s.partnership_id
  WHERE p.slug = upcoming_public_sessions.slug AND s.status = 'scheduled' AND s.starts_at >= since AND c.visibility = 'public'
  ORDER BY s.starts_at, s.id
$$;

CREATE OR REPLACE FUNCTION training_session_seats_left(s training_session, at timestamptz) RETURNS integer
LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN s.release_at <= at THEN greatest(0, s.capacity - s.seats_taken)
    ELSE greatest(0, s.capacity - s.allocated_seats - s.pool_seats_taken) END
$$;
