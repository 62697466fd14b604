import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Evaluation (Kirkpatrick levels 1 and 3). When attendance is recorded each attended booking gets
 * a booking_evaluation row: when its feedback request is due (08:00 in the partnership's time zone
 * the day after the session ends) and when its impact review is due (the course's 1–3 months
 * after the session, else six weeks), with the learner's and line manager's answers to the review
 * and when each was asked and reminded. The jobs claim a row by a conditional UPDATE of its
 * *_sent_at / *_reminded_at column, so each email goes once across replicas. Feedback is one row
 * per booking (its primary key), written once.
 */
export class Evaluation1765200000000 implements MigrationInterface {
  name = 'Evaluation1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE course ADD COLUMN impact_review_months smallint CHECK (impact_review_months BETWEEN 1 AND 3);

      CREATE TABLE booking_evaluation (
        booking_id uuid PRIMARY KEY,
        partnership_id uuid NOT NULL,
        person_id uuid NOT NULL,
        -- The learner's line manager when the review was scheduled (they answer for it).
        manager_person_id uuid,
        feedback_due_at timestamptz NOT NULL,
        feedback_requested_at timestamptz,
        review_due_at timestamptz NOT NULL,
        learner_applying boolean,
        learner_example text CHECK (char_length(learner_example) <= 2000),
        learner_reviewed_at timestamptz,
        learner_reminded_at timestamptz,
        manager_applying boolean,
        manager_example text CHECK (char_length(manager_example) <= 2000),
        manager_reviewed_at timestamptz,
        manager_reminded_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (partnership_id, booking_id),
        CHECK ((learner_reviewed_at IS NULL) = (learner_applying IS NULL)),
        CHECK ((manager_reviewed_at IS NULL) = (manager_applying IS NULL)),
        FOREIGN KEY (partnership_id, booking_id) REFERENCES booking (partnership_id, id),
        FOREIGN KEY (partnership_id, person_id) REFERENCES person (partnership_id, id),
        FOREIGN KEY (partnership_id, manager_person_id) REFERENCES person (partnership_id, id)
      );
      CREATE INDEX booking_evaluation_feedback_due_idx ON booking_evaluation (feedback_due_at) WHERE feedback_requested_at IS NULL;
      CREATE INDEX booking_evaluation_review_due_idx ON booking_evaluation (review_due_at)
        WHERE learner_reminded_at IS NULL OR manager_reminded_at IS NULL;
      CREATE INDEX booking_evaluation_manager_idx ON booking_evaluation (manager_person_id);

      CREATE TABLE feedback (
        booking_id uuid PRIMARY KEY,
        partnership_id uuid NOT NULL,
        person_id uuid NOT NULL,
        rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
        recommend smallint NOT NULL CHECK (recommend BETWEEN 0 AND 10),
        what_worked text CHECK (char_length(what_worked) <= 2000),
        what_to_improve text CHECK (char_length(what_to_improve) <= 2000),
        submitted_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (partnership_id, booking_id),
        FOREIGN KEY (partnership_id, booking_id) REFERENCES booking_evaluation (partnership_id, booking_id),
        FOREIGN KEY (partnership_id, person_id) REFERENCES person (partnership_id, id)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE feedback;
      DROP TABLE booking_evaluation;
      ALTER TABLE course DROP COLUMN impact_review_months;
    `);
  }
}
