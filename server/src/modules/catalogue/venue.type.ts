import { Field, Float, ID, ObjectType } from 'type-graphql';

@ObjectType()
export class Venue {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() address!: string;
  @Field() town!: string;
  @Field() postcode!: string;
  @Field(() => Float) latitude!: number;
  @Field(() => Float) longitude!: number;
}
