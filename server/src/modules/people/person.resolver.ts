import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { Organisation } from '../organisations/organisation.type';
import type { OrganisationEntity } from '../organisations/organisation.entity';
import { RoleGrant } from '../auth/auth.types';
import type { RoleGrantEntity } from './role-grant.entity';
import type { PersonEntity } from './person.entity';
import { Person } from './person.type';
import { canSeePerson } from './people.policy';

/**
 * A Person reaches a client only through a query or mutation that checked the caller may see
 * them (people.policy.ts), so their own fields need no further check; the people they point
 * to do. Relations come through the request's loaders: one query per relation, not per row.
 */
@Resolver(() => Person)
export class PersonResolver {
  @FieldResolver(() => Organisation, { nullable: true })
  organisation(@Root() person: PersonEntity, @Ctx() ctx: Context): Promise<OrganisationEntity | null> | null {
    return person.organisationId ? ctx.loaders.organisationsById.load(person.organisationId) : null;
  }

  @FieldResolver(() => Person, { nullable: true })
  async lineManager(@Root() person: PersonEntity, @Ctx() ctx: Context): Promise<PersonEntity | null> {
    if (!person.lineManagerId) return null;
    const manager = await ctx.loaders.peopleById.load(person.lineManagerId);
    return manager && canSeePerson(ctx.viewer, manager) ? manager : null;
  }

  @FieldResolver(() => [RoleGrant])
  async roles(@Root() person: PersonEntity, @Ctx() ctx: Context): Promise<RoleGrantEntity[]> {
    const grants = await ctx.loaders.roleGrantsByPerson.load(person.id);
    return [...grants].sort((a, b) => a.role.localeCompare(b.role) || (a.organisationId ?? '').localeCompare(b.organisationId ?? ''));
  }

  @FieldResolver(() => Boolean)
  disabled(@Root() person: PersonEntity): boolean {
    return person.disabledAt !== null;
  }
}
