import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Funding streams and their append-only ledger.
 *
 * A stream keeps running totals (budget, committed, spent) so that a commitment can be taken by
 * one conditional UPDATE that never lets committed + spent pass the budget; its CHECK is the last
 * line. Each ledger entry records its effect on the three figures and the balance after it, in
 * the stream's own sequence. Entries are never updated or deleted: a trigger refuses it, so a
 * mistake is corrected only by a reversing (adjustment) entry. Every figure the portal shows is a
 * sum over entries; the running totals exist for the guard and are checked against the sums in
 * tests.
 */
export class FundingLedger1763960000000 implements MigrationInterface {
  name = 'FundingLedger1763960000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE funding_stream (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partnership_id uuid NOT NULL REFERENCES partnership(id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        description text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
        funder_kind text NOT NULL CHECK (funder_kind IN ('partner', 'nhs_education', 'apprenticeship_levy',
          'council_grant', 'charity_grant', 'in_kind', 'other')),
        funder_name text NOT NULL CHECK (length(funder_name) BETWEEN 1 AND 200),
        funder_organisation_id uuid,
        financial_year text NOT NULL CHECK (financial_year ~ '^[0-9]{4}/[0-9]{2}$'),
        year_starts_at timestamptz NOT NULL,
        year_ends_at timestamptz NOT NULL CHECK (year_ends_at > year_starts_at),
        audience text NOT NULL DEFAULT 'both' CHECK (audience IN ('staff', 'volunteers', 'both')),
        eligible_sectors text[] NOT NULL DEFAULT '{}',
        purposes text[] NOT NULL DEFAULT '{}',
        pooled boolean NOT NULL DEFAULT false,
        managing_organisation_id uuid NOT NULL,
        budget_pence bigint NOT NULL DEFAULT 0,
        committed_pence bigint NOT NULL DEFAULT 0,
        spent_pence bigint NOT NULL DEFAULT 0,
        entry_count integer NOT NULL DEFAULT 0,
        created_by_person_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (partnership_id, id),
        UNIQUE (partnership_id, financial_year, name),
        CHECK ((funder_kind = 'partner') = (funder_organisation_id IS NOT NULL)),
        CONSTRAINT funding_stream_within_budget CHECK (budget_pence >= 0 AND committed_pence >= 0 AND spent_pence >= 0
          AND committed_pence + spent_pence <= budget_pence),
        FOREIGN KEY (partnership_id, funder_organisation_id) REFERENCES organisation (partnership_id, id),
        FOREIGN KEY (partnership_id, managing_organisation_id) REFERENCES organisation (partnership_id, id),
        FOREIGN KEY (partnership_id, created_by_person_id) REFERENCES person (partnership_id, id)
      );
      CREATE INDEX funding_stream_year_idx ON funding_stream (partnership_id, financial_year);

      ALTER TABLE course ADD FOREIGN KEY (partnership_id, funding_stream_id) REFERENCES funding_stream (partnership_id, id);
      -- A session may be paid from another stream than its course's: usually the next year's.
      ALTER TABLE training_session ADD COLUMN funding_stream_id uuid,
        ADD FOREIGN KEY (partnership_id, funding_stream_id) REFERENCES funding_stream (partnership_id, id);

      CREATE TABLE ledger_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partnership_id uuid NOT NULL REFERENCES partnership(id),
        stream_id uuid NOT NULL,
        sequence integer NOT NULL CHECK (sequence > 0),
        kind text NOT NULL CHECK (kind IN ('budget', 'contribution', 'allocation', 'commitment', 'release', 'spend', 'adjustment')),
        amount_pence bigint NOT NULL CHECK (amount_pence > 0),
        budget_effect_pence bigint NOT NULL,
        committed_effect_pence bigint NOT NULL,
        spent_effect_pence bigint NOT NULL,
        budget_after_pence bigint NOT NULL,
        committed_after_pence bigint NOT NULL,
        spent_after_pence bigint NOT NULL,
        organisation_id uuid,
        course_id uuid,
        session_id uuid,
        booking_id uuid,
        reverses_entry_id uuid,
        wasted boolean NOT NULL DEFAULT false,
        occurred_at timestamptz NOT NULL,
        quarter smallint NOT NULL CHECK (quarter BETWEEN 1 AND 4),
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
        idempotency_key text CHECK (length(idempotency_key) BETWEEN 1 AND 200),
        recorded_by_person_id uuid,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (partnership_id, id),
        UNIQUE (stream_id, sequence),
        CHECK ((kind = 'adjustment') = (reverses_entry_id IS NOT NULL)),
        CONSTRAINT ledger_entry_effects_match_kind CHECK (CASE kind
          WHEN 'budget' THEN budget_effect_pence = amount_pence AND committed_effect_pence = 0 AND spent_effect_pence = 0
          WHEN 'contribution' THEN budget_effect_pence = amount_pence AND committed_effect_pence = 0 AND spent_effect_pence = 0
          WHEN 'allocation' THEN budget_effect_pence = 0 AND committed_effect_pence = 0 AND spent_effect_pence = 0
          WHEN 'commitment' THEN budget_effect_pence = 0 AND committed_effect_pence = amount_pence AND spent_effect_pence = 0
          WHEN 'release' THEN budget_effect_pence = 0 AND committed_effect_pence = -amount_pence AND spent_effect_pence = 0
          WHEN 'spend' THEN budget_effect_pence = 0 AND committed_effect_pence = 0 AND spent_effect_pence = amount_pence
          ELSE abs(budget_effect_pence) + abs(committed_effect_pence) + abs(spent_effect_pence) = amount_pence END),
        CHECK (budget_after_pence >= 0 AND committed_after_pence >= 0 AND spent_after_pence >= 0
          AND committed_after_pence + spent_after_pence <= budget_after_pence),
        FOREIGN KEY (partnership_id, stream_id) REFERENCES funding_stream (partnership_id, id),
        FOREIGN KEY (partnership_id, organisation_id) REFERENCES organisation (partnership_id, id),
        FOREIGN KEY (partnership_id, course_id) REFERENCES course (partnership_id, id),
        FOREIGN KEY (partnership_id, session_id) REFERENCES training_session (partnership_id, id),
        FOREIGN KEY (partnership_id, booking_id) REFERENCES booking (partnership_id, id),
        FOREIGN KEY (partnership_id, reverses_entry_id) REFERENCES ledger_entry (partnership_id, id),
        FOREIGN KEY (partnership_id, recorded_by_person_id) REFERENCES person (partnership_id, id)
      );
      CREATE INDEX ledger_entry_stream_idx ON ledger_entry (stream_id, quarter);
      -- A lead's scope asks, per stream, whether their organisation has entries on it.
      CREATE INDEX ledger_entry_stream_organisation_idx ON ledger_entry (stream_id, organisation_id);
      CREATE INDEX ledger_entry_booking_idx ON ledger_entry (booking_id) WHERE booking_id IS NOT NULL;
      CREATE INDEX ledger_entry_organisation_idx ON ledger_entry (partnership_id, organisation_id);
      CREATE INDEX ledger_entry_course_idx ON ledger_entry (course_id) WHERE course_id IS NOT NULL;
      CREATE INDEX ledger_entry_reverses_idx ON ledger_entry (reverses_entry_id) WHERE reverses_entry_id IS NOT NULL;
      CREATE UNIQUE INDEX ledger_entry_idempotency_idx ON ledger_entry (recorded_by_person_id, idempotency_key)
        WHERE idempotency_key IS NOT NULL;

      CREATE FUNCTION ledger_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'ledger_entry is append-only: % is not allowed; record a reversing entry instead', TG_OP;
      END $$;
      CREATE TRIGGER ledger_entry_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ledger_entry
        FOR EACH STATEMENT EXECUTE FUNCTION ledger_entry_is_append_only();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE ledger_entry;
      DROP FUNCTION ledger_entry_is_append_only();
      ALTER TABLE training_session DROP COLUMN funding_stream_id;
      ALTER TABLE course DROP CONSTRAINT course_partnership_id_funding_stream_id_fkey;
      DROP TABLE funding_stream;
    `);
  }
}
