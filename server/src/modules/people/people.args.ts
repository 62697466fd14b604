import { ArgsType, Field, ID, Int } from 'type-graphql';
import { IsOptional, Max, MaxLength, Min } from 'class-validator';

@ArgsType()
export class PeopleArgs {
  @Field(() => ID, {
    nullable: true,
    description: 'Administrators: one organisation (default: the whole partnership). L&D leads: one of the organisations they lead (default: the first).',
  })
  organisationId?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Line managers: only their direct reports, even if they also lead an organisation or administer the partnership." })
  directReportsOnly?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Part of a name or email address.' })
  @IsOptional() @MaxLength(200, { message: 'Search text must be 200 characters or fewer.' })
  search?: string | null;

  @Field(() => Int, { nullable: true, defaultValue: 20 })
  @Min(1, { message: 'first must be at least 1.' }) @Max(100, { message: 'first must be at most 100.' })
  first!: number;

  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(1000, { message: 'The cursor is not one this server gave.' })
  after?: string | null;
}
