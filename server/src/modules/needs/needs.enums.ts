import { registerEnumType } from 'type-graphql';

// GraphQL shows the keys; the values are what the database stores.
/** Whose need it is: an organisation's (raised by its lead), a team's (by its line manager), one person's (from their 1:1). */
export enum TrainingNeedScope { ORGANISATION = 'organisation', TEAM = 'team', PERSON = 'person' }
export enum TrainingNeedPriority { HIGH = 'high', MEDIUM = 'medium', LOW = 'low' }
/** open → grouped (shares demand with another organisation's need) → in a proposal → met; or withdrawn. */
export enum TrainingNeedStatus {
  OPEN = 'open', GROUPED = 'grouped', IN_PROPOSAL = 'in_proposal', MET = 'met', WITHDRAWN = 'withdrawn',
}

registerEnumType(TrainingNeedScope, { name: 'TrainingNeedScope' });
registerEnumType(TrainingNeedPriority, { name: 'TrainingNeedPriority' });
registerEnumType(TrainingNeedStatus, {
  name: 'TrainingNeedStatus',
  description: 'OPEN → GROUPED (shared with another organisation) → IN_PROPOSAL → MET; or WITHDRAWN.',
});
