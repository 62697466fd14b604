import { ArgsType, Field, Int } from 'type-graphql';
import { IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';

@ArgsType()
export class AuditLogArgs {
  @Field(() => String, { nullable: true, description: 'Only entries with this action, e.g. roles.granted.' })
  @IsOptional() @Matches(/^[a-z_]{1,50}\.[a-z_]{1,50}$/, { message: 'The action must look like roles.granted.' })
  action?: string | null;

  @Field(() => Int, { nullable: true, defaultValue: 50 })
  @Min(1, { message: 'first must be at least 1.' }) @Max(100, { message: 'first must be at most 100.' })
  first!: number;

  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200, { message: 'The cursor is not one this server gave.' })
  after?: string | null;
}
