import type { Role } from '../gql/graphql';
import type { SignedInViewer } from '../ui/use-viewer';
import { FUNDING_PATHS } from '../route-patterns';

/** Who each funding area is for, in the words of its "You need to be…" page (for RequireRole's `audience`). */
export const FUNDING_AUDIENCE = {
  partnership: {
    roles: ['STEERING_GROUP', 'PARTNERSHIP_ADMIN'],
    needs: 'a steering group member or an administrator',
    who: 'Steering group members and partnership administrators',
  },
  anyFunding: {
    roles: ['STEERING_GROUP', 'PARTNERSHIP_ADMIN', 'LD_LEAD'],
    needs: 'a steering group member, an administrator or an L&D lead',
    who: 'Steering group members, partnership administrators and L&D leads',
  },
  lead: { roles: ['LD_LEAD'], needs: 'an L&D lead', who: 'Learning and development leads' },
  admin: { roles: ['PARTNERSHIP_ADMIN'], needs: 'an administrator', who: 'Partnership administrators' },
} satisfies Record<string, { roles: Role[]; needs: string; who: string }>;

export type FundingAudience = (typeof FUNDING_AUDIENCE)[keyof typeof FUNDING_AUDIENCE];

/** The organisation an L&D lead leads: their own if they lead it, else the first they lead. */
export function ledOrganisation(viewer: SignedInViewer): { id: string; name: string } | null {
  const led = viewer.roles.filter((grant) => grant.role === 'LD_LEAD' && grant.organisation).map((grant) => grant.organisation!);
  return led.find((o) => o.id === viewer.organisation?.id) ?? led[0] ?? null;
}

/** Where "back to funding" goes: the partnership's funding page, or a lead's own organisation's. */
export function fundingHomeOf(viewer: SignedInViewer): { path: string; text: string } {
  const held = new Set(viewer.roles.map((grant) => grant.role));
  return held.has('STEERING_GROUP') || held.has('PARTNERSHIP_ADMIN')
    ? { path: FUNDING_PATHS.overview, text: 'Funding' }
    : { path: FUNDING_PATHS.myOrganisation, text: 'My organisation’s spend' };
}
