import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The partnership, its organisations and people, and the catalogue: courses, venues, sessions,
 * seat allocations and bookings.
 *
 * Every tenant-owned table carries partnership_id and a UNIQUE (partnership_id, id), and refers
 * to other tenant-owned rows through (partnership_id, x_id): the database itself refuses a
 * session whose course belongs to another partnership. Enumerations are text with CHECKs so
 * that adding a value is a one-line migration.
 */
export class CatalogueFoundation1763900000000 implements MigrationInterface {
  name = 'CatalogueFoundation1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE partnership (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 60),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        financial_year_start_month smallint NOT NULL DEFAULT 4 CHECK (financial_year_start_month BETWEEN 1 AND 12),
        time_zone text NOT NULL DEFAULT 'Europe/London',
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE mandatory_subject (
        code text PRIMARY KEY CHECK (code ~ '^[a-z0-9-]+$'),
        name text NOT NULL,
        renewal_months smallint NOT NULL CHECK (renewal_months > 0)
      );

      CREATE TABLE sector_group (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partnership_id uuid NOT NULL REFERENCES partnership(id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        UNIQUE (partnership_id, id),
        UNIQUE (partnership_id, name)
      );

      CREATE TABLE organisation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partnership_id uuid NOT NULL REFERENCES partnership(id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        short_code text NOT NULL CHECK (short_code ~ '^[A-Z0-9-]{2,20}$'),
        sector text NOT NULL CHECK (sector IN ('acute_trust', 'primary_care', 'mental_health', 'ambulance',
          'local_authority', 'childrens_services', 'voluntary', 'general_practice', 'dentistry', 'pharmacy',
          'optometry', 'care_home', 'domiciliary_care', 'education_provider', 'fire_and_rescue')),
        role text NOT NULL CHECK (role IN ('core_stakeholder', 'affected', 'provider')),
        delivers_training boolean NOT NULL DEFAULT false,
        sector_group_id uuid,
        staff_headcount integer NOT NULL DEFAULT 0 CHECK (staff_headcount >= 0),
        volunteer_headcount integer NOT NULL DEFAULT 0 CHECK (volunteer_headcount >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        search_vector tsvector GENERATED ALWAYS AS (
          to_tsvector('english'::regconfig, name || ' ' || short_code)) STORED,
        UNIQUE (partnership_id, id),
        UNIQUE (partnership_id, short_code),
        FOREIGN KEY (partnership_id, sector_group_id) REFERENCES sector_group (partnership_id, id)
      );
      CREATE INDEX organisation_search_idx ON organisation USING gin (search_vector);

      CREATE TABLE person (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partnership_id uuid NOT NULL REFERENCES partnership(id),
        organisation_id uuid,
        kind text NOT NULL CHECK (kind IN ('staff', 'volunteer')),
        line_manager_id uuid,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254 AND email = lower(email)),
        job_title text CHECK (length(job_title) <= 200),
        team text CHECK (length(team) <= 200),
        created_at timestamptz NOT NULL DEFAULT now(),
        disabled_at timestamptz,
        UNIQUE (partnership_id, id),
        UNIQUE (email),
        CHECK (kind = 'volunteer' OR organisation_id IS NOT NULL),
        CHECK (line_manager_id IS DISTINCT FROM id),
        FOREIGN KEY (partnership_id, organisation_id) REFERENCES organisation (partnership_id, id),
        FOREIGN KEY (partnership_id, line_manager_id) REFERENCES person (partnership_id, id)
      );
      CREATE INDEX person_organisation_idx ON person (organisation_id);
      CREATE INDEX person_line_manager_idx ON person (line_manager_id);

      CREATE TABLE role_grant (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partnership_id uuid NOT NULL REFERENCES partnership(id),
        person_id uuid NOT NULL,
        role text NOT NULL CHECK (role IN ('volunteer', 'learner', 'line_manager', 'ld_lead',
          'provider_coordinator', 'steering_group', 'partnership_admin')),
        organisation_id uuid,
        granted_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE NULLS NOT DISTINCT (person_id, role, organisation_id),
        FOREIGN KEY (partnership_id, person_id) REFERENCES person (partnership_id, id),
        FOREIGN KEY (partnership_id, organisation_id) REFERENCES organisation (partnership_id, id)
      );

      CREATE TABLE course (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partnership_id uuid NOT NULL REFERENCES partnership(id),
        provider_organisation_id uuid NOT NULL,
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        summary text NOT NULL DEFAULT '' CHECK (length(summary) <= 4000),
        learning_outcomes text[] NOT NULL DEFAULT '{}',
        method text NOT NULL CHECK (method IN ('classroom', 'e_learning', 'blended', 'webinar', 'coaching',
          'mentoring', 'work_shadowing', 'secondment', 'work_placement', 'outdoor', 'distance')),
        learning_category text NOT NULL CHECK (learning_category IN ('experiential', 'social', 'formal')),
        learning_category_overridden boolean NOT NULL DEFAULT false,
        duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 1 AND 525600),
        accreditation text NOT NULL DEFAULT 'none' CHECK (accreditation IN ('none', 'btec', 'ilm', 'sfj',
          'ocr', 'cpd', 'university', 'other')),
        cpd_points smallint CHECK (cpd_points >= 0),
        ksf_dimensions text[] NOT NULL DEFAULT '{}',
        mandatory_subject text REFERENCES mandatory_subject(code),
        audience text NOT NULL CHECK (audience IN ('staff', 'volunteers', 'both')),
        eligible_sectors text[] NOT NULL DEFAULT '{}',
        visibility text NOT NULL CHECK (visibility IN ('public', 'partnership', 'organisation')),
        visibility_organisation_id uuid,
        cost_per_place_pence bigint NOT NULL DEFAULT 0 CHECK (cost_per_place_pence >= 0),
        funding_stream_id uuid,
        is_joint boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        search_vector tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('english'::regconfig, title), 'A') ||
          setweight(to_tsvector('english'::regconfig, summary), 'B')) STORED,
        UNIQUE (partnership_id, id),
        CHECK ((visibility = 'organisation') = (visibility_organisation_id IS NOT NULL)),
        FOREIGN KEY (partnership_id, provider_organisation_id) REFERENCES organisation (partnership_id, id),
        FOREIGN KEY (partnership_id, visibility_organisation_id) REFERENCES organisation (partnership_id, id)
      );
      CREATE INDEX course_search_idx ON course USING gin (search_vector);
      CREATE INDEX course_provider_idx ON course (provider_organisation_id);

      CREATE TABLE venue (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partnership_id uuid NOT NULL REFERENCES partnership(id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        address text NOT NULL DEFAULT '' CHECK (length(address) <= 500),
        town text NOT NULL CHECK (length(town) BETWEEN 1 AND 100),
        postcode text NOT NULL DEFAULT '' CHECK (length(postcode) <= 10),
        latitude double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
        longitude double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
        UNIQUE (partnership_id, id)
      );
      CREATE INDEX venue_town_idx ON venue (partnership_id, lower(town));
      CREATE INDEX venue_location_idx ON venue (latitude, longitude);

      CREATE TABLE training_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partnership_id uuid NOT NULL REFERENCES partnership(id),
        course_id uuid NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        delivery_mode text NOT NULL CHECK (delivery_mode IN ('in_person', 'online', 'blended')),
        venue_id uuid,
        capacity integer NOT NULL CHECK (capacity BETWEEN 1 AND 10000),
        allocated_seats integer NOT NULL DEFAULT 0,
        seats_taken integer NOT NULL DEFAULT 0,
        pool_seats_taken integer NOT NULL DEFAULT 0,
        booking_closes_at timestamptz NOT NULL,
        release_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled', 'completed')),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (partnership_id, id),
        CHECK (ends_at > starts_at),
        CHECK (booking_closes_at <= starts_at),
        CHECK (release_at <= starts_at),
        CHECK ((delivery_mode = 'online') = (venue_id IS NULL)),
        CHECK (allocated_seats BETWEEN 0 AND capacity),
        CHECK (seats_taken BETWEEN 0 AND capacity),
        CHECK (pool_seats_taken BETWEEN 0 AND seats_taken),
        FOREIGN KEY (partnership_id, course_id) REFERENCES course (partnership_id, id),
        FOREIGN KEY (partnership_id, venue_id) REFERENCES venue (partnership_id, id)
      );
      CREATE INDEX training_session_catalogue_idx ON training_session (partnership_id, starts_at, id)
        WHERE status = 'scheduled';
      CREATE INDEX training_session_course_idx ON training_session (course_id);
      CREATE INDEX training_session_venue_idx ON training_session (venue_id);

      CREATE TABLE seat_allocation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partnership_id uuid NOT NULL REFERENCES partnership(id),
        session_id uuid NOT NULL,
        organisation_id uuid NOT NULL,
        seats integer NOT NULL CHECK (seats > 0),
        seats_taken integer NOT NULL DEFAULT 0 CHECK (seats_taken >= 0 AND seats_taken <= seats),
        UNIQUE (session_id, organisation_id),
        FOREIGN KEY (partnership_id, session_id) REFERENCES training_session (partnership_id, id),
        FOREIGN KEY (partnership_id, organisation_id) REFERENCES organisation (partnership_id, id)
      );

      CREATE TABLE booking (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partnership_id uuid NOT NULL REFERENCES partnership(id),
        session_id uuid NOT NULL,
        person_id uuid NOT NULL,
        organisation_id uuid,
        status text NOT NULL CHECK (status IN ('requested', 'confirmed', 'waitlisted', 'declined',
          'cancelled', 'attended', 'no_show')),
        seat_organisation_id uuid,
        booked_by_person_id uuid,
        cost_pence bigint NOT NULL DEFAULT 0 CHECK (cost_pence >= 0),
        waitlisted_at timestamptz,
        cancelled_at timestamptz,
        cancelled_late boolean,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (partnership_id, id),
        CHECK ((status = 'waitlisted') = (waitlisted_at IS NOT NULL)),
        FOREIGN KEY (partnership_id, session_id) REFERENCES training_session (partnership_id, id),
        FOREIGN KEY (partnership_id, person_id) REFERENCES person (partnership_id, id),
        FOREIGN KEY (partnership_id, organisation_id) REFERENCES organisation (partnership_id, id),
        FOREIGN KEY (partnership_id, seat_organisation_id) REFERENCES organisation (partnership_id, id),
        FOREIGN KEY (partnership_id, booked_by_person_id) REFERENCES person (partnership_id, id)
      );
      CREATE UNIQUE INDEX booking_one_live_per_person_idx ON booking (session_id, person_id)
        WHERE status NOT IN ('cancelled', 'declined');
      CREATE INDEX booking_person_idx ON booking (person_id, created_at);
      CREATE INDEX booking_session_idx ON booking (session_id, status);

      -- Reference data, not demo data: the NHS Core Skills Training Framework subjects.
      INSERT INTO mandatory_subject (code, name, renewal_months) VALUES
        ('fire-safety', 'Fire safety', 12),
        ('infection-prevention', 'Infection prevention and control', 12),
        ('information-governance', 'Information governance and data security', 12),
        ('safeguarding-adults-1', 'Safeguarding adults level 1', 36),
        ('safeguarding-adults-2', 'Safeguarding adults level 2', 36),
        ('safeguarding-children-1', 'Safeguarding children level 1', 36),
        ('safeguarding-children-2', 'Safeguarding children level 2', 36),
        ('moving-and-handling', 'Moving and handling', 24),
        ('resuscitation', 'Resuscitation', 12),
        ('conflict-resolution', 'Conflict resolution', 36),
        ('equality-and-diversity', 'Equality, diversity and human rights', 36),
        ('health-safety-welfare', 'Health, safety and welfare', 36);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE booking, seat_allocation, training_session, venue, course, role_grant, person,
        organisation, sector_group, mandatory_subject, partnership;
    `);
  }
}
