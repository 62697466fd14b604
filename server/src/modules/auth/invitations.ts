import type { EntityManager } from 'typeorm';
import { queueEmails } from '../notifications/outbox-writer';
import type { Viewer } from './viewer';
import { INVITATION_KIND, invitationEmail } from './account-emails';

export interface Invitee { id: string; name: string; email: string }

/**
 * Invitations to set a password, for people an administrator adds (an organisation's lead, an
 * import's people): written in the caller's transaction, all of them in one statement, so they
 * go if and only if the people are made.
 */
export class Invitations {
  constructor(private readonly settings: { publicUrl: string; invitationTtlHours: number }) {}

  async queue(manager: EntityManager, viewer: Viewer, invitees: readonly Invitee[]): Promise<number> {
    if (!invitees.length) return 0;
    const [names]: Array<{ partnership: string; inviter: string }> = await manager.query(
      `SELECT pa.name AS partnership, p.name AS inviter FROM partnership pa JOIN person p ON p.partnership_id = pa.id
       WHERE pa.id = $1 AND p.id = $2`, [viewer.partnershipId, viewer.personId]);
    const common = { partnershipName: names.partnership, inviterName: names.inviter, publicUrl: this.settings.publicUrl,
      ttlHours: this.settings.invitationTtlHours };
    return queueEmails(manager, { partnershipId: viewer.partnershipId, kind: INVITATION_KIND,
      items: invitees.map((person) => ({ personId: person.id, to: person.email, ...invitationEmail({ name: person.name, ...common }) })) });
  }
}
