import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A subject staff must keep current, e.g. fire safety, renewed every so many months.' })
export class MandatorySubject {
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => Int) renewalMonths!: number;
}
