import { Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { Organisation } from '../organisations/organisation.type';
import { Partnership } from '../partnerships/partnership.type';
import type { OrganisationEntity } from '../organisations/organisation.entity';
import type { PartnershipEntity } from '../partnerships/partnership.entity';
import type { PersonEntity } from '../people/person.entity';
import type { Viewer as ViewerRoot, RoleGrant as RoleGrantRoot } from './viewer';
import { PersonKind, Role, RoleGrant, Viewer } from './auth.types';

/** The viewer is only ever the caller's own record, so its fields need no further check. */
@Resolver(() => Viewer)
export class ViewerResolver {
  @FieldResolver(() => ID)
  id(@Root() viewer: ViewerRoot): string {
    return viewer.personId;
  }

  @FieldResolver(() => String)
  async name(@Root() viewer: ViewerRoot, @Ctx() ctx: Context): Promise<string> {
    return (await this.person(viewer, ctx)).name;
  }

  @FieldResolver(() => String)
  async email(@Root() viewer: ViewerRoot, @Ctx() ctx: Context): Promise<string> {
    return (await this.person(viewer, ctx)).email;
  }

  @FieldResolver(() => PersonKind)
  async kind(@Root() viewer: ViewerRoot, @Ctx() ctx: Context): Promise<string> {
    return (await this.person(viewer, ctx)).kind;
  }

  @FieldResolver(() => [RoleGrant])
  roles(@Root() viewer: ViewerRoot): RoleGrantRoot[] {
    return viewer.roles;
  }

  @FieldResolver(() => Organisation, { nullable: true })
  organisation(@Root() viewer: ViewerRoot, @Ctx() ctx: Context): Promise<OrganisationEntity | null> | null {
    return viewer.organisationId ? ctx.loaders.organisationsById.load(viewer.organisationId) : null;
  }

  @FieldResolver(() => Partnership)
  async partnership(@Root() viewer: ViewerRoot, @Ctx() ctx: Context): Promise<PartnershipEntity> {
    const partnership = await ctx.loaders.partnershipsById.load(viewer.partnershipId);
    if (!partnership) throw new Error(`viewer ${viewer.personId} has no partnership`);
    return partnership;
  }

  private async person(viewer: ViewerRoot, ctx: Context): Promise<PersonEntity> {
    const person = await ctx.loaders.peopleById.load(viewer.personId);
    if (!person) throw new Error(`viewer ${viewer.personId} not found`);
    return person;
  }
}

@Resolver(() => RoleGrant)
export class RoleGrantResolver {
  @FieldResolver(() => Role)
  role(@Root() grant: RoleGrantRoot): string {
    return grant.role;
  }

  @FieldResolver(() => Organisation, { nullable: true })
  organisation(@Root() grant: RoleGrantRoot, @Ctx() ctx: Context): Promise<OrganisationEntity | null> | null {
    return grant.organisationId ? ctx.loaders.organisationsById.load(grant.organisationId) : null;
  }
}
