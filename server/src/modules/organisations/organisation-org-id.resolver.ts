import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { Organisation } from './organisation.type';
import type { OrganisationEntity } from './organisation.entity';
import { canSeeIdentifier } from './directory.policy';

@Resolver(() => Organisation)
export class OrganisationOrgIdResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: 'Its registered identifier as org-id.guide writes it: GB-NHS-<ODS code>, GB-CHC-<charity number>, '
      + 'GB-COH-<company number> or GB-LAE-<local authority code>. Shown to signed-in members of its partnership, as the '
      + 'directory is; null for anyone else, and when none is recorded.',
  })
  orgId(@Root() organisation: OrganisationEntity, @Ctx() ctx: Context): string | null {
    return canSeeIdentifier(ctx.viewer, organisation) ? organisation.orgId : null;
  }
}
