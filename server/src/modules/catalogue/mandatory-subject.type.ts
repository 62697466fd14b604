import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A subject staff must keep current, e.g. fire safety, renewed every so many months.' })
export class MandatorySubject {
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => Int, { description: 'The framework\'s default renewal period; an organisation may set its own.' }) renewalMonths!: number;
  @Field({ description: 'The subject its levels share, e.g. safeguarding-adults for levels 1 to 3; a higher level satisfies a lower one.' }) subject!: string;
  @Field() subjectName!: string;
  @Field(() => Int, { nullable: true, description: 'null for a subject without levels.' }) level!: number | null;
}
