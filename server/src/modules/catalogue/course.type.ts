import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Money } from '../../graphql/money.type';
import { Organisation } from '../organisations/organisation.type';
import { Sector } from '../organisations/organisation.enums';
import { MandatorySubject } from './mandatory-subject.type';
import { Accreditation, CourseAudience, CourseVisibility, LearningCategory, LearningMethod } from './catalogue.enums';

@ObjectType({ description: 'A learning opportunity in the catalogue.' })
export class Course {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field() summary!: string;
  @Field(() => [String]) learningOutcomes!: string[];
  @Field(() => LearningMethod) method!: LearningMethod;
  @Field(() => LearningCategory) learningCategory!: LearningCategory;
  @Field({ description: 'True when the provider chose the category rather than taking the one the method implies.' })
  learningCategoryOverridden!: boolean;
  @Field(() => Float) durationHours!: number;
  @Field(() => Accreditation) accreditation!: Accreditation;
  @Field(() => Int, { nullable: true }) cpdPoints!: number | null;
  @Field(() => [String], { description: 'NHS Knowledge and Skills Framework dimensions, e.g. C1, HWB2.' })
  ksfDimensions!: string[];
  @Field(() => MandatorySubject, { nullable: true }) mandatorySubject!: MandatorySubject | null;
  @Field(() => CourseAudience) audience!: CourseAudience;
  @Field(() => [Sector], { description: 'Sectors whose people may book; empty means every sector.' })
  eligibleSectors!: Sector[];
  @Field(() => CourseVisibility) visibility!: CourseVisibility;
  @Field(() => Organisation) provider!: Organisation;
  @Field(() => Money) costPerPlace!: Money;
  @Field() isFree!: boolean;
  @Field({ description: 'Commissioned or offered jointly across organisations.' }) isJoint!: boolean;
  @Field(() => Int, { nullable: true, description: 'Months after a session its impact review is due (1 to 3); null: six weeks.' })
  impactReviewMonths!: number | null;
}
