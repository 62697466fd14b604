import { Args, ArgsType, Ctx, Field, Int, Query, Resolver } from 'type-graphql';
import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import type { Context } from '../../graphql/context';
import { Email, EmailConnection } from './email.type';
import { outboxScope } from './outbox.policy';
import type { OutboxPage } from './outbox.service';

@ArgsType()
class OutboxArgs {
  @Field(() => Int, { nullable: true, defaultValue: 20 })
  @Min(1, { message: 'first must be at least 1.' }) @Max(100, { message: 'first must be at most 100.' })
  first!: number;

  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200, { message: 'The cursor is not one this server gave.' })
  after?: string | null;
}

@Resolver(() => Email)
export class OutboxResolver {
  @Query(() => EmailConnection, {
    description: 'Emails the portal has sent, newest first. Partnership administrators: all of their partnership\'s. '
      + 'Outside production with no mail server configured, every signed-in person: their own.',
  })
  outbox(@Args(() => OutboxArgs) args: OutboxArgs, @Ctx() ctx: Context): Promise<OutboxPage> {
    const scope = outboxScope(ctx.viewer, ctx.services.outbox.options);
    return ctx.services.outbox.list(scope, args);
  }
}
