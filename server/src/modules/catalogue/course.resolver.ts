import { Ctx, FieldResolver, Float, Resolver, Root } from 'type-graphql';
import { hoursOf } from '@portal/domain';
import type { Context } from '../../graphql/context';
import { money, Money } from '../../graphql/money.type';
import { Organisation } from '../organisations/organisation.type';
import type { OrganisationEntity } from '../organisations/organisation.entity';
import { Course } from './course.type';
import { MandatorySubject } from './mandatory-subject.type';
import type { CourseEntity } from './course.entity';
import type { MandatorySubjectEntity } from './mandatory-subject.entity';

@Resolver(() => Course)
export class CourseResolver {
  @FieldResolver(() => Organisation)
  async provider(@Root() course: CourseEntity, @Ctx() ctx: Context): Promise<OrganisationEntity> {
    const provider = await ctx.loaders.organisationsById.load(course.providerOrganisationId);
    if (!provider) throw new Error(`course ${course.id} has no provider`);
    return provider;
  }

  @FieldResolver(() => MandatorySubject, { nullable: true })
  mandatorySubject(@Root() course: CourseEntity, @Ctx() ctx: Context): Promise<MandatorySubjectEntity | null> | null {
    return course.mandatorySubject ? ctx.loaders.mandatorySubjectsByCode.load(course.mandatorySubject) : null;
  }

  @FieldResolver(() => Money)
  costPerPlace(@Root() course: CourseEntity): Money {
    return money(course.costPerPlacePence);
  }

  @FieldResolver(() => Boolean)
  isFree(@Root() course: CourseEntity): boolean {
    return course.costPerPlacePence === 0;
  }

  @FieldResolver(() => Float)
  durationHours(@Root() course: CourseEntity): number {
    return hoursOf(course.durationMinutes);
  }
}
