import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A partnership of organisations: the tenant. Nothing of one is visible from another.' })
export class Partnership {
  @Field(() => ID) id!: string;
  @Field() slug!: string;
  @Field() name!: string;
  @Field(() => Int, { description: 'Month the financial year starts (4: April).' }) financialYearStartMonth!: number;
  @Field() timeZone!: string;
}
