import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { Person } from '../people/person.type';
import { canSeePerson } from '../people/people.policy';
import type { PersonEntity } from '../people/person.entity';
import { AuditEntry, AuditEntryConnection } from './audit-entry.type';
import { AuditLogArgs } from './audit-log.args';
import { AuditLogService, type AuditPage, type AuditRecord } from './audit-log.service';
import { requireAuditReader } from './audit.policy';
import { auditSentence, namesMentioned, type NameKind } from './audit-sentence';

function detailsOf(entry: AuditRecord): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(entry.details);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed as Record<string, unknown> : {};
  } catch {
    return {};
  }
}

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

  @FieldResolver(() => String, { description: 'The entry as a sentence a person reads, with names instead of ids and pounds instead of pence.' })
  async summary(@Root() entry: AuditRecord, @Ctx() ctx: Context): Promise<string> {
    const viewer = requireAuditReader(ctx.viewer);
    const details = detailsOf(entry);
    const facts = { action: entry.action, subjectType: entry.subjectType, subjectId: entry.subjectId, details };
    const mentioned = namesMentioned(facts);
    const [actor, ...names] = await Promise.all([
      entry.actorPersonId ? this.actor(entry, ctx) : Promise.resolve(null),
      ...mentioned.map(([kind, id]) => ctx.loaders.auditNames.load({ partnershipId: viewer.partnershipId, kind, id })),
    ]);
    const known = new Map(mentioned.map(([kind, id], index) => [`${kind}:${id}`, names[index]]));
    const nameOf = (kind: NameKind, id: unknown) => (typeof id === 'string' ? known.get(`${kind}:${id}`) ?? null : null);
    return auditSentence({ ...facts, actorName: actor?.name ?? null }, nameOf);
  }
}
