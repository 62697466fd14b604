/**
 * One session's seats in a funding scope, as SQL: `packages/domain/src/seat-utilisation.ts`'s
 * seatsOfferedAndUsed over the session aliased `s` ($2: the scope's organisations, null for the
 * whole partnership). A LATERAL subquery giving `offered` and `used`; offered ≥ used by
 * construction. For the partnership: the capacity, and every confirmed or attended place. For an
 * organisation: the seats allocated to it plus the places its people took from the pool, and its
 * people's places.
 */
export const SESSION_SEATS = `(
  SELECT CASE WHEN $2::uuid[] IS NULL THEN greatest(s.capacity, places.used)
      ELSE greatest(coalesce(held.seats, 0), places.from_held) + (places.used - places.from_held) END AS offered,
    places.used
  FROM (SELECT count(*) AS used, count(*) FILTER (WHERE b.seat_organisation_id = ANY($2)) AS from_held
        FROM booking b WHERE b.session_id = s.id AND b.status IN ('confirmed', 'attended')
          AND ($2::uuid[] IS NULL OR b.organisation_id = ANY($2))) places,
    (SELECT sum(a.seats) AS seats FROM seat_allocation a WHERE a.session_id = s.id AND a.organisation_id = ANY($2)) held
)`;
