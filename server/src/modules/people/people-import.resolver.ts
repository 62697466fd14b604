import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { inputErrors } from '../../graphql/input-errors';
import { Organisation } from '../organisations/organisation.type';
import type { OrganisationEntity } from '../organisations/organisation.entity';
import { ImportPeopleInput } from './import-people.input';
import { ImportPeoplePayload, PeopleImport } from './people-import.type';
import { PeopleImportService, type ImportPeopleResult, type PeopleImportRecord } from './people-import.service';
import { requirePartnershipAdmin } from './people.policy';

@Resolver(() => PeopleImport)
export class PeopleImportResolver {
  @Mutation(() => ImportPeoplePayload, {
    description: 'Administrators: adds the people of a CSV file to one organisation, all of them or (when any row is wrong) none; each person added is emailed an invitation to set their password. Row problems are in import.errors with status FAILED; userErrors are for the input itself.',
  })
  async importPeople(@Arg('input', () => ImportPeopleInput, { validate: false }) input: ImportPeopleInput,
    @Ctx() ctx: Context): Promise<ImportPeopleResult> {
    const viewer = requirePartnershipAdmin(ctx.viewer, 'import people');
    return new PeopleImportService(ctx.dataSource, ctx.services.invitations).importPeople(viewer, input, ctx.origin, await inputErrors(input));
  }

  @Query(() => PeopleImport, { nullable: true, description: 'Administrators: an import of their partnership, to follow its progress. Null when unknown.' })
  peopleImport(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<PeopleImportRecord | null> {
    const viewer = requirePartnershipAdmin(ctx.viewer, 'follow imports');
    return new PeopleImportService(ctx.dataSource, ctx.services.invitations).findImport(viewer.partnershipId, id);
  }

  @FieldResolver(() => Organisation)
  async organisation(@Root() record: PeopleImportRecord, @Ctx() ctx: Context): Promise<OrganisationEntity> {
    const organisation = await ctx.loaders.organisationsById.load(record.organisationId);
    if (!organisation) throw new Error(`people import ${record.id} has no organisation`);
    return organisation;
  }
}
