import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { inputErrors } from '../../graphql/input-errors';
import { PeopleArgs } from './people.args';
import { PeopleService, type PersonPage } from './people.service';
import { peopleScope, requirePartnershipAdmin } from './people.policy';
import { PersonConnection, PersonPayload } from './person.type';
import { SetPersonDisabledInput } from './set-person-disabled.input';
import type { PersonEntity } from './person.entity';

interface PersonPayloadShape { person: PersonEntity | null; userErrors: PersonPayload['userErrors'] }

@Resolver()
export class PeopleResolver {
  @Query(() => PersonConnection, {
    description: 'People in name order. Administrators: their partnership (or one organisation of it); L&D leads: an organisation they lead; line managers: their direct reports. Others are refused.',
  })
  people(@Args(() => PeopleArgs) args: PeopleArgs, @Ctx() ctx: Context): Promise<PersonPage> {
    const scope = peopleScope(ctx.viewer, args.organisationId ?? null, args.directReportsOnly ?? false);
    return new PeopleService(ctx.dataSource).listPeople(scope, args);
  }

  @Mutation(() => PersonPayload, { description: 'Administrators: disabling someone ends their sessions at once; they cannot sign in until enabled.' })
  async setPersonDisabled(@Arg('input', () => SetPersonDisabledInput, { validate: false }) input: SetPersonDisabledInput,
    @Ctx() ctx: Context): Promise<PersonPayloadShape> {
    const viewer = requirePartnershipAdmin(ctx.viewer, 'disable or enable people');
    const userErrors = await inputErrors(input);
    if (userErrors.length) return { person: null, userErrors };
    const result = await new PeopleService(ctx.dataSource).setPersonDisabled(viewer, input, ctx.origin, ctx.now);
    ctx.loaders.peopleById.clear(input.personId);
    return result;
  }
}
