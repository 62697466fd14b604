import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The partnership directory (the strategy's Annex B): each organisation's registered identifier,
 * written as an org-id.guide identifier, and the entry its L&D lead keeps (what it does, its
 * website and a general contact). The identifier's CHECK is the format rule of
 * packages/domain/src/org-id.ts, written out here because a migration is frozen: ODS codes
 * (GB-NHS), charity numbers (GB-CHC), company numbers (GB-COH) and local authority codes (GB-LAE).
 * Not unique: a council department shares its council's identifier.
 */
export class OrganisationDirectoryEntry1764600000000 implements MigrationInterface {
  name = 'OrganisationDirectoryEntry1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE organisation
        ADD COLUMN org_id text CONSTRAINT organisation_org_id_format CHECK (org_id ~ ('^(GB-NHS-(?=[A-Z0-9]*[A-Z])[A-Z0-9]{3,7}'
          || '|GB-CHC-[1-9][0-9]{5,6}|GB-COH-([0-9]{8}|[A-Z]{2}[0-9]{6}|R0[0-9]{6})|GB-LAE-[A-Z]{3,4})$')),
        ADD COLUMN description text CONSTRAINT organisation_description_length CHECK (length(description) BETWEEN 1 AND 2000),
        ADD COLUMN website text CONSTRAINT organisation_website_form CHECK (length(website) <= 500 AND website ~ '^https?://'),
        ADD COLUMN contact_email text CONSTRAINT organisation_contact_email_length CHECK (length(contact_email) BETWEEN 3 AND 254),
        ADD COLUMN contact_phone text CONSTRAINT organisation_contact_phone_length CHECK (length(contact_phone) BETWEEN 1 AND 40),
        ADD COLUMN entry_updated_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organisation DROP COLUMN org_id, DROP COLUMN description, DROP COLUMN website,
      DROP COLUMN contact_email, DROP COLUMN contact_phone, DROP COLUMN entry_updated_at`);
  }
}
