import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { inputErrors } from '../../graphql/input-errors';
import { requirePartnershipAdmin } from './people.policy';
import { PersonPayload } from './person.type';
import { RoleChangeInput } from './role-change.input';
import { RolesService } from './roles.service';
import type { PersonEntity } from './person.entity';

interface PersonPayloadShape { person: PersonEntity | null; userErrors: PersonPayload['userErrors'] }

/** Administrators grant and revoke roles within their own partnership; the person's next request sees the change. */
@Resolver()
export class RolesResolver {
  @Mutation(() => PersonPayload)
  async grantRole(@Arg('input', () => RoleChangeInput, { validate: false }) input: RoleChangeInput, @Ctx() ctx: Context): Promise<PersonPayloadShape> {
    const viewer = requirePartnershipAdmin(ctx.viewer, 'grant roles');
    const userErrors = await inputErrors(input);
    if (userErrors.length) return { person: null, userErrors };
    const result = await new RolesService(ctx.dataSource).grantRole(viewer, input, ctx.origin);
    ctx.loaders.roleGrantsByPerson.clear(input.personId);
    return result;
  }

  @Mutation(() => PersonPayload)
  async revokeRole(@Arg('input', () => RoleChangeInput, { validate: false }) input: RoleChangeInput, @Ctx() ctx: Context): Promise<PersonPayloadShape> {
    const viewer = requirePartnershipAdmin(ctx.viewer, 'revoke roles');
    const userErrors = await inputErrors(input);
    if (userErrors.length) return { person: null, userErrors };
    const result = await new RolesService(ctx.dataSource).revokeRole(viewer, input, ctx.origin);
    ctx.loaders.roleGrantsByPerson.clear(input.personId);
    return result;
  }
}
