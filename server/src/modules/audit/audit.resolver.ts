import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { Person } from '../people/person.type';
import { canSeePerson } from '../people/people.policy';
import type { PersonEntity } from '../people/person.entity';
import { AuditEntry, AuditEntryConnection } from './audit-entry.type';
import { AuditLogArgs } from './audit-log.args';
import { AuditLogService, type AuditPage, type AuditRecord } from './audit-log.service';
import { requireAuditReader } from './audit.policy';

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Query(() => AuditEntryConnection, { description: 'Administrators: their partnership\'s audit log, newest first.' })
  auditLog(@Args(() => AuditLogArgs) args: AuditLogArgs, @Ctx() ctx: Context): Promise<AuditPage> {
    const viewer = requireAuditReader(ctx.viewer);
    return new AuditLogService(ctx.dataSource).list(viewer.partnershipId, args);
  }

  @FieldResolver(() => Person, { nullable: true })
  async actor(@Root() entry: AuditRecord, @Ctx() ctx: Context): Promise<PersonEntity | null> {
    if (!entry.actorPersonId) return null;
    const actor = await ctx.loaders.peopleById.load(entry.actorPersonId);
    return actor && canSeePerson(ctx.viewer, actor) ? actor : null;
  }
}
