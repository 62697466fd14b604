import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Shared commissioning, the strategy's loop: needs are raised (by a lead for their organisation, by
 * a line manager for their team, or for one person from their 1:1), grouped across organisations,
 * a lead proposes a joint course against them with delivery options compared, partners pledge seats
 * and money, and an approval schedules the sessions.
 *
 * Money never lives here: a money pledge is a COMMITMENT ledger entry against its stream carrying
 * the proposal and the pledge (ledger_entry.proposal_id, pledge_id); withdrawing it is a RELEASE
 * entry with the same two ids. A pledge row says who pledged what; the ledger says where the money is.
 * A proposal's new course is a draft (draft_course, the createCourse input's fields) until approval
 * publishes it; the catalogue never sees a draft.
 */
export class Commissioning1764800000000 implements MigrationInterface {
  name = 'Commissioning1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE training_need (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partnership_id uuid NOT NULL REFERENCES partnership(id),
        organisation_id uuid NOT NULL,
        raised_by_person_id uuid NOT NULL,
        scope text NOT NULL CHECK (scope IN ('organisation', 'team', 'person')),
        team_manager_person_id uuid,
        for_person_id uuid,
        topic text NOT NULL CHECK (length(topic) BETWEEN 1 AND 200),
        detail text NOT NULL DEFAULT '' CHECK (length(detail) <= 2000),
        mandatory_subject text REFERENCES mandatory_subject(code),
        ksf_dimension text CHECK (length(ksf_dimension) BETWEEN 1 AND 100),
        people_count integer NOT NULL CHECK (people_count BETWEEN 1 AND 100000),
        audience text NOT NULL CHECK (audience IN ('staff', 'volunteers', 'both')),
        priority text NOT NULL CHECK (priority IN ('high', 'medium', 'low')),
        wanted_by date NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'grouped', 'in_proposal', 'met', 'withdrawn')),
        met_by_course_id uuid,
        withdrawn_reason text CHECK (length(withdrawn_reason) BETWEEN 1 AND 1000),
        withdrawn_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        search_vector tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('english'::regconfig, topic), 'A') ||
          setweight(to_tsvector('english'::regconfig, detail), 'B')) STORED,
        UNIQUE (partnership_id, id),
        CHECK ((scope = 'team') = (team_manager_person_id IS NOT NULL)),
        CHECK ((scope = 'person') = (for_person_id IS NOT NULL)),
        CHECK ((status = 'withdrawn') = (withdrawn_at IS NOT NULL)),
        FOREIGN KEY (partnership_id, organisation_id) REFERENCES organisation (partnership_id, id),
        FOREIGN KEY (partnership_id, raised_by_person_id) REFERENCES person (partnership_id, id),
        FOREIGN KEY (partnership_id, team_manager_person_id) REFERENCES person (partnership_id, id),
        FOREIGN KEY (partnership_id, for_person_id) REFERENCES person (partnership_id, id),
        FOREIGN KEY (partnership_id, met_by_course_id) REFERENCES course (partnership_id, id)
      );
      CREATE INDEX training_need_partnership_status_idx ON training_need (partnership_id, status, wanted_by);
      CREATE INDEX training_need_organisation_idx ON training_need (organisation_id, created_at DESC);
      CREATE INDEX training_need_search_idx ON training_need USING gin (search_vector);

      CREATE TABLE commissioning_proposal (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partnership_id uuid NOT NULL REFERENCES partnership(id),
        proposed_by_person_id uuid NOT NULL,
        proposing_organisation_id uuid NOT NULL,
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        summary text NOT NULL DEFAULT '' CHECK (length(summary) <= 4000),
        course_id uuid,
        draft_course jsonb,
        financial_year text NOT NULL CHECK (financial_year ~ '^[0-9]{4}/[0-9]{2}$'),
        sessions_planned integer NOT NULL CHECK (sessions_planned BETWEEN 1 AND 200),
        seats_per_session integer NOT NULL CHECK (seats_per_session BETWEEN 1 AND 10000),
        seats_planned integer GENERATED ALWAYS AS (sessions_planned * seats_per_session) STORED,
        estimated_cost_pence bigint NOT NULL CHECK (estimated_cost_pence >= 0),
        pledge_deadline timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'approved', 'declined', 'lapsed')),
        decided_by_person_id uuid,
        decided_at timestamptz,
        decision_reason text CHECK (length(decision_reason) BETWEEN 1 AND 2000),
        shortfall_accepted_pence bigint CHECK (shortfall_accepted_pence > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (partnership_id, id),
        CHECK ((course_id IS NULL) <> (draft_course IS NULL)),
        CHECK ((status = 'open') = (decided_at IS NULL)),
        CHECK ((status IN ('approved', 'declined')) = (decided_by_person_id IS NOT NULL)),
        CHECK (shortfall_accepted_pence IS NULL OR status = 'approved'),
        FOREIGN KEY (partnership_id, proposed_by_person_id) REFERENCES person (partnership_id, id),
        FOREIGN KEY (partnership_id, proposing_organisation_id) REFERENCES organisation (partnership_id, id),
        FOREIGN KEY (partnership_id, course_id) REFERENCES course (partnership_id, id),
        FOREIGN KEY (partnership_id, decided_by_person_id) REFERENCES person (partnership_id, id)
      );
      CREATE INDEX commissioning_proposal_partnership_idx ON commissioning_proposal (partnership_id, created_at DESC);
      CREATE INDEX commissioning_proposal_deadline_idx ON commissioning_proposal (pledge_deadline) WHERE status = 'open';

      CREATE TABLE commissioning_proposal_need (
        partnership_id uuid NOT NULL,
        proposal_id uuid NOT NULL,
        need_id uuid NOT NULL,
        PRIMARY KEY (proposal_id, need_id),
        FOREIGN KEY (partnership_id, proposal_id) REFERENCES commissioning_proposal (partnership_id, id),
        FOREIGN KEY (partnership_id, need_id) REFERENCES training_need (partnership_id, id)
      );
      CREATE INDEX commissioning_proposal_need_need_idx ON commissioning_proposal_need (need_id);

      -- Delivery options compared: an internal provider (a partner organisation) or an external one
      -- (a name), each with its quote; approval names the chosen one.
      CREATE TABLE commissioning_delivery_option (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partnership_id uuid NOT NULL,
        proposal_id uuid NOT NULL,
        position smallint NOT NULL CHECK (position BETWEEN 1 AND 10),
        kind text NOT NULL CHECK (kind IN ('internal', 'external')),
        provider_organisation_id uuid,
        provider_name text CHECK (length(provider_name) BETWEEN 1 AND 200),
        quoted_cost_pence bigint NOT NULL CHECK (quoted_cost_pence >= 0),
        notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
        chosen boolean NOT NULL DEFAULT false,
        UNIQUE (partnership_id, id),
        UNIQUE (proposal_id, position),
        CHECK ((kind = 'internal') = (provider_organisation_id IS NOT NULL)),
        CHECK ((kind = 'external') = (provider_name IS NOT NULL)),
        FOREIGN KEY (partnership_id, proposal_id) REFERENCES commissioning_proposal (partnership_id, id),
        FOREIGN KEY (partnership_id, provider_organisation_id) REFERENCES organisation (partnership_id, id)
      );
      CREATE UNIQUE INDEX commissioning_delivery_option_chosen_idx ON commissioning_delivery_option (proposal_id) WHERE chosen;

      CREATE TABLE commissioning_pledge (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partnership_id uuid NOT NULL,
        proposal_id uuid NOT NULL,
        organisation_id uuid NOT NULL,
        pledged_by_person_id uuid NOT NULL,
        seats integer NOT NULL CHECK (seats >= 0),
        amount_pence bigint NOT NULL CHECK (amount_pence >= 0),
        stream_id uuid,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'withdrawn', 'released', 'converted')),
        created_at timestamptz NOT NULL DEFAULT now(),
        ended_at timestamptz,
        ended_by_person_id uuid,
        UNIQUE (partnership_id, id),
        CHECK (seats > 0 OR amount_pence > 0),
        CHECK ((amount_pence > 0) = (stream_id IS NOT NULL)),
        CHECK ((status = 'active') = (ended_at IS NULL)),
        FOREIGN KEY (partnership_id, proposal_id) REFERENCES commissioning_proposal (partnership_id, id),
        FOREIGN KEY (partnership_id, organisation_id) REFERENCES organisation (partnership_id, id),
        FOREIGN KEY (partnership_id, pledged_by_person_id) REFERENCES person (partnership_id, id),
        FOREIGN KEY (partnership_id, ended_by_person_id) REFERENCES person (partnership_id, id),
        FOREIGN KEY (partnership_id, stream_id) REFERENCES funding_stream (partnership_id, id)
      );
      CREATE INDEX commissioning_pledge_proposal_idx ON commissioning_pledge (proposal_id) WHERE status = 'active';

      ALTER TABLE ledger_entry ADD COLUMN proposal_id uuid, ADD COLUMN pledge_id uuid,
        ADD FOREIGN KEY (partnership_id, proposal_id) REFERENCES commissioning_proposal (partnership_id, id),
        ADD FOREIGN KEY (partnership_id, pledge_id) REFERENCES commissioning_pledge (partnership_id, id),
        ADD CHECK (pledge_id IS NULL OR proposal_id IS NOT NULL);
      CREATE INDEX ledger_entry_pledge_idx ON ledger_entry (pledge_id) WHERE pledge_id IS NOT NULL;

      ALTER TABLE training_session ADD COLUMN proposal_id uuid,
        ADD FOREIGN KEY (partnership_id, proposal_id) REFERENCES commissioning_proposal (partnership_id, id);
      CREATE INDEX training_session_proposal_idx ON training_session (proposal_id) WHERE proposal_id IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE training_session DROP COLUMN proposal_id;
      ALTER TABLE ledger_entry DROP COLUMN pledge_id, DROP COLUMN proposal_id;
      DROP TABLE commissioning_pledge, commissioning_delivery_option, commissioning_proposal_need,
        commissioning_proposal, training_need;
    `);
  }
}
