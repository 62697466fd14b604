import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { inputErrors } from '../../graphql/input-errors';
import { CreateOrganisationInput } from './create-organisation.input';
import { CreateOrganisationPayload } from './create-organisation.payload';
import { OrganisationAdminService, type CreateOrganisationResult } from './organisation-admin.service';
import { requireOrganisationAdministrator } from './organisation-admin.policy';

@Resolver()
export class OrganisationAdminResolver {
  @Mutation(() => CreateOrganisationPayload, {
    description: 'Administrators: adds an organisation to their partnership, with its L&D lead if given (who is emailed an invitation with a single-use link to set their password).',
  })
  async createOrganisation(@Arg('input', () => CreateOrganisationInput, { validate: false }) input: CreateOrganisationInput,
    @Ctx() ctx: Context): Promise<CreateOrganisationResult> {
    const viewer = requireOrganisationAdministrator(ctx.viewer);
    return new OrganisationAdminService(ctx.dataSource, ctx.services.invitations).createOrganisation(viewer, input, ctx.origin,
      await inputErrors(input));
  }
}
