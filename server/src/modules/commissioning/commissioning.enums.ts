import { registerEnumType } from 'type-graphql';

// GraphQL shows the keys; the values are what the database stores.
/** open → approved (sessions scheduled), declined, or lapsed at its pledge deadline. */
export enum ProposalStatus { OPEN = 'open', APPROVED = 'approved', DECLINED = 'declined', LAPSED = 'lapsed' }
/** active → withdrawn (by its organisation), released (the proposal declined or lapsed) or converted (approved: its seats and money are the sessions'). */
export enum PledgeStatus { ACTIVE = 'active', WITHDRAWN = 'withdrawn', RELEASED = 'released', CONVERTED = 'converted' }
/** A partner organisation that provides training, or a provider outside the partnership. */
export enum DeliveryOptionKind { INTERNAL = 'internal', EXTERNAL = 'external' }

registerEnumType(ProposalStatus, { name: 'ProposalStatus', description: 'OPEN → APPROVED, DECLINED, or LAPSED at its pledge deadline.' });
registerEnumType(PledgeStatus, {
  name: 'PledgeStatus',
  description: 'ACTIVE → WITHDRAWN (by its organisation), RELEASED (the proposal declined or lapsed) or CONVERTED (the proposal approved).',
});
registerEnumType(DeliveryOptionKind, { name: 'DeliveryOptionKind' });
