import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Registering as a volunteer asks the address to be confirmed first: the registration waits in
 * volunteer_registration (with its password hash) until the link emailed to it is opened, and only
 * then becomes a person. So registering with an address that already has an account can answer
 * exactly as a new one does (that owner is emailed instead), and no one can hold an address they
 * cannot read. Its confirmation email goes through the outbox before there is a person, so an
 * outbox row names either a person or a registration.
 */
export class VolunteerRegistration1763972100000 implements MigrationInterface {
  name = 'VolunteerRegistration1763972100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE volunteer_registration (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partnership_id uuid NOT NULL REFERENCES partnership(id),
        organisation_id uuid,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254 AND email = lower(email)),
        password_hash text NOT NULL,
        -- Set by the delivery job when it makes the link; null until the email is sent.
        token_hash bytea UNIQUE,
        expires_at timestamptz NOT NULL,
        confirmed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (partnership_id, id),
        FOREIGN KEY (partnership_id, organisation_id) REFERENCES organisation (partnership_id, id)
      );
      CREATE INDEX volunteer_registration_email_idx ON volunteer_registration (email);

      ALTER TABLE email_outbox ALTER COLUMN person_id DROP NOT NULL, ADD COLUMN registration_id uuid,
        ADD CONSTRAINT email_outbox_registration_fkey FOREIGN KEY (partnership_id, registration_id)
          REFERENCES volunteer_registration (partnership_id, id),
        ADD CONSTRAINT email_outbox_addressee_check CHECK ((person_id IS NULL) <> (registration_id IS NULL));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM email_outbox WHERE registration_id IS NOT NULL;
      ALTER TABLE email_outbox DROP CONSTRAINT email_outbox_addressee_check, DROP CONSTRAINT email_outbox_registration_fkey,
        DROP COLUMN registration_id, ALTER COLUMN person_id SET NOT NULL;
      DROP TABLE volunteer_registration;
    `);
  }
}
