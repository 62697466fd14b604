import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { inputErrors } from '../../graphql/input-errors';
import { PartnershipService } from '../partnerships/partnership.service';
import { DirectoryEntry, DirectoryEntryPayload } from './directory-entry.type';
import { DirectoryService, type DirectoryEntryData, type UpdateEntryResult } from './directory.service';
import { requireDirectoryReader, requireEntryEditor, requireSignedInForDirectory } from './directory.policy';
import { UpdateOrganisationEntryInput } from './update-organisation-entry.input';

@Resolver(() => DirectoryEntry)
export class DirectoryResolver {
  @Query(() => [DirectoryEntry], {
    description: 'Signed-in members of the partnership: every organisation with its sector, role, L&D leads and entry, by name. '
      + 'Another partnership\'s directory is FORBIDDEN.',
  })
  async partnershipDirectory(@Arg('partnershipSlug', () => String) partnershipSlug: string, @Ctx() ctx: Context): Promise<DirectoryEntryData[]> {
    requireSignedInForDirectory(ctx.viewer);
    const partnership = await new PartnershipService(ctx.dataSource).requireBySlug(partnershipSlug);
    const viewer = requireDirectoryReader(ctx.viewer, partnership.id);
    return new DirectoryService(ctx.dataSource).list(viewer, partnership.id);
  }

  @Mutation(() => DirectoryEntryPayload, {
    description: 'An L&D lead changes their own organisation\'s directory entry; an administrator any of their partnership\'s, '
      + 'and its registered identifier.',
  })
  async updateOrganisationEntry(@Arg('input', () => UpdateOrganisationEntryInput, { validate: false }) input: UpdateOrganisationEntryInput,
    @Ctx() ctx: Context): Promise<UpdateEntryResult> {
    const viewer = requireEntryEditor(ctx.viewer, input.organisationId);
    return new DirectoryService(ctx.dataSource).update(viewer, input, ctx.origin, ctx.now, await inputErrors(input));
  }
}
