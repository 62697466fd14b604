import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mandatory-training compliance: the 11 subjects of the NHS Core Skills Training Framework with
 * their levels, each organisation's renewal periods, who in it needs which subject, whose
 * completions it refuses, and the reminders already sent.
 *
 * A mandatory_subject row stays one subject at one level (its code is what a course names); the
 * new `subject` column groups the levels of one subject, so a higher level can satisfy a lower one.
 * The first level of a subject that had no levels before keeps its name (courses and needs show it).
 */
export class Compliance1765100000000 implements MigrationInterface {
  name = 'Compliance1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE mandatory_subject
        ADD COLUMN subject text,
        ADD COLUMN subject_name text,
        ADD COLUMN level smallint CHECK (level BETWEEN 1 AND 5);

      INSERT INTO mandatory_subject (code, name, renewal_months) VALUES
        ('infection-prevention-2', 'Infection prevention and control level 2', 12),
        ('moving-and-handling-2', 'Moving and handling level 2', 24),
        ('safeguarding-adults-3', 'Safeguarding adults level 3', 36),
        ('safeguarding-children-3', 'Safeguarding children level 3', 36),
        ('resuscitation-2', 'Resuscitation level 2', 12),
        ('resuscitation-3', 'Resuscitation level 3', 12),
        ('preventing-radicalisation', 'Preventing radicalisation', 36);

      UPDATE mandatory_subject m SET subject = v.subject, subject_name = v.subject_name, level = v.level,
        name = v.name, renewal_months = v.renewal_months
      FROM (VALUES
        ('equality-and-diversity', 'equality-and-diversity', 'Equality, diversity and human rights', NULL, 'Equality, diversity and human rights', 36),
        ('health-safety-welfare', 'health-safety-welfare', 'Health, safety and welfare', NULL, 'Health, safety and welfare', 36),
        ('conflict-resolution', 'conflict-resolution', 'Conflict resolution', NULL, 'Conflict resolution', 36),
        ('fire-safety', 'fire-safety', 'Fire safety', NULL, 'Fire safety', 12),
        ('infection-prevention', 'infection-prevention', 'Infection prevention and control', 1, 'Infection prevention and control', 36),
        ('infection-prevention-2', 'infection-prevention', 'Infection prevention and control', 2, 'Infection prevention and control level 2', 12),
        ('moving-and-handling', 'moving-and-handling', 'Moving and handling', 1, 'Moving and handling', 36),
        ('moving-and-handling-2', 'moving-and-handling', 'Moving and handling', 2, 'Moving and handling level 2', 24),
        ('safeguarding-adults-1', 'safeguarding-adults', 'Safeguarding adults', 1, 'Safeguarding adults level 1', 36),
        ('safeguarding-adults-2', 'safeguarding-adults', 'Safeguarding adults', 2, 'Safeguarding adults level 2', 36),
        ('safeguarding-adults-3', 'safeguarding-adults', 'Safeguarding adults', 3, 'Safeguarding adults level 3', 36),
        ('safeguarding-children-1', 'safeguarding-children', 'Safeguarding children', 1, 'Safeguarding children level 1', 36),
        ('safeguarding-children-2', 'safeguarding-children', 'Safeguarding children', 2, 'Safeguarding children level 2', 36),
        ('safeguarding-children-3', 'safeguarding-children', 'Safeguarding children', 3, 'Safeguarding children level 3', 36),
        ('preventing-radicalisation', 'preventing-radicalisation', 'Preventing radicalisation', NULL, 'Preventing radicalisation', 36),
        ('resuscitation', 'resuscitation', 'Resuscitation', 1, 'Resuscitation', 12),
        ('resuscitation-2', 'resuscitation', 'Resuscitation', 2, 'Resuscitation level 2', 12),
        ('resuscitation-3', 'resuscitation', 'Resuscitation', 3, 'Resuscitation level 3', 12),
        ('information-governance', 'information-governance', 'Information governance and data security', NULL, 'Information governance and data security', 12)
      ) AS v(code, subject, subject_name, level, name, renewal_months)
      WHERE m.code = v.code;

      ALTER TABLE mandatory_subject
        ALTER COLUMN subject SET NOT NULL,
        ALTER COLUMN subject_name SET NOT NULL,
        ADD CONSTRAINT mandatory_subject_subject_level_key UNIQUE NULLS NOT DISTINCT (subject, level);

      CREATE TABLE compliance_renewal_period (
        partnership_id uuid NOT NULL REFERENCES partnership(id),
        organisation_id uuid NOT NULL,
        subject_code text NOT NULL REFERENCES mandatory_subject(code),
        renewal_months smallint NOT NULL CHECK (renewal_months BETWEEN 1 AND 120),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organisation_id, subject_code),
        FOREIGN KEY (partnership_id, organisation_id) REFERENCES organisation (partnership_id, id)
      );

      -- A person of the organisation needs the subject when every criterion given matches (none given: everyone).
      CREATE TABLE compliance_requirement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partnership_id uuid NOT NULL REFERENCES partnership(id),
        organisation_id uuid NOT NULL,
        subject_code text NOT NULL REFERENCES mandatory_subject(code),
        person_kind text CHECK (person_kind IN ('staff', 'volunteer')),
        job_title text CHECK (length(job_title) BETWEEN 1 AND 200),
        team text CHECK (length(team) BETWEEN 1 AND 200),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (partnership_id, id),
        UNIQUE NULLS NOT DISTINCT (organisation_id, subject_code, person_kind, job_title, team),
        FOREIGN KEY (partnership_id, organisation_id) REFERENCES organisation (partnership_id, id)
      );

      -- An organisation that does not accept another's completions of a subject, and why.
      CREATE TABLE compliance_refusal (
        partnership_id uuid NOT NULL REFERENCES partnership(id),
        organisation_id uuid NOT NULL,
        from_organisation_id uuid NOT NULL,
        subject_code text NOT NULL REFERENCES mandatory_subject(code),
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organisation_id, from_organisation_id, subject_code),
        CHECK (organisation_id <> from_organisation_id),
        FOREIGN KEY (partnership_id, organisation_id) REFERENCES organisation (partnership_id, id),
        FOREIGN KEY (partnership_id, from_organisation_id) REFERENCES organisation (partnership_id, id)
      );

      -- One row per reminder sent: the key makes the job idempotent across runs and replicas.
      CREATE TABLE compliance_reminder (
        partnership_id uuid NOT NULL REFERENCES partnership(id),
        person_id uuid NOT NULL,
        subject_code text NOT NULL REFERENCES mandatory_subject(code),
        expires_on date NOT NULL,
        threshold text NOT NULL CHECK (threshold IN ('60_days', '30_days', 'overdue')),
        sent_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (person_id, subject_code, expires_on, threshold),
        FOREIGN KEY (partnership_id, person_id) REFERENCES person (partnership_id, id)
      );

      CREATE INDEX booking_attended_person_idx ON booking (person_id) WHERE status = 'attended';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX booking_attended_person_idx;
      DROP TABLE compliance_reminder, compliance_refusal, compliance_requirement, compliance_renewal_period;
      ALTER TABLE mandatory_subject DROP CONSTRAINT mandatory_subject_subject_level_key,
        DROP COLUMN subject, DROP COLUMN subject_name, DROP COLUMN level;
      DELETE FROM mandatory_subject WHERE code IN ('infection-prevention-2', 'moving-and-handling-2', 'safeguarding-adults-3',
        'safeguarding-children-3', 'resuscitation-2', 'resuscitation-3', 'preventing-radicalisation');
    `);
  }
}
