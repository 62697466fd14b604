import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Money } from '../../graphql/money.type';
import { UserError } from '../../graphql/user-error';
import { Organisation } from '../organisations/organisation.type';
import { Course } from '../catalogue/course.type';
import { Session } from '../catalogue/session.type';
import { TrainingNeed } from '../needs/training-need.type';
import { DeliveryOptionKind, PledgeStatus, ProposalStatus } from './commissioning.enums';

@ObjectType({ description: 'A funding stream named on a pledge: its name only, whoever reads the proposal.' })
export class PledgedStream {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() funderName!: string;
}

@ObjectType({ description: 'Seats and/or money an organisation pledged to a proposal.' })
export class Pledge {
  @Field(() => ID) id!: string;
  @Field(() => Organisation) organisation!: Organisation;
  @Field(() => Int) seats!: number;
  @Field(() => Money) amount!: Money;
  @Field(() => PledgedStream, { nullable: true, description: 'Where the money comes from; null for seats only.' }) stream!: PledgedStream | null;
  @Field(() => PledgeStatus) status!: PledgeStatus;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) endedAt!: Date | null;
}

@ObjectType({ description: 'One organisation\'s active (or, once approved, converted) pledges added up.' })
export class OrganisationPledges {
  @Field(() => Organisation) organisation!: Organisation;
  @Field(() => Int) seats!: number;
  @Field(() => Money) amount!: Money;
  @Field(() => Money, { description: 'Its share of the estimated cost, pro rata to the seats pledged (whole pence; the shares add up to the cost exactly). Zero when no seats are pledged.' })
  costShare!: Money;
}

@ObjectType({ description: 'One way the course could be delivered, with its quote.' })
export class DeliveryOption {
  @Field(() => ID) id!: string;
  @Field(() => DeliveryOptionKind) kind!: DeliveryOptionKind;
  @Field(() => Organisation, { nullable: true, description: 'An internal option\'s partner organisation.' }) providerOrganisation!: Organisation | null;
  @Field({ description: 'The provider\'s name: the partner organisation\'s, or the external provider\'s.' }) providerName!: string;
  @Field(() => Money) quotedCost!: Money;
  @Field() notes!: string;
  @Field({ description: 'The option the approval chose.' }) chosen!: boolean;
}

@ObjectType({ description: 'A new course a proposal would publish when approved.' })
export class DraftCourse {
  @Field() title!: string;
  @Field() summary!: string;
  @Field(() => Organisation, { nullable: true }) providerOrganisation!: Organisation | null;
  @Field() durationHours!: number;
}

@ObjectType({ description: 'A stream the viewer\'s organisation may pledge money from, with what it has left.' })
export class PledgeableStream {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() funderName!: string;
  @Field() financialYear!: string;
  @Field(() => Organisation, { description: 'The organisation the viewer leads that may pledge from it.' }) organisation!: Organisation;
  @Field(() => Money, { description: 'Budget less committed and spent: the most a pledge from it can be.' }) remaining!: Money;
}

@ObjectType({ description: 'What a proposal has gathered against its targets.' })
export class ProposalProgress {
  @Field(() => Int) seatsPledged!: number;
  @Field(() => Int) seatsPlanned!: number;
  @Field(() => Money) moneyPledged!: Money;
  @Field(() => Money, { description: 'The estimated cost.' }) moneyTarget!: Money;
  @Field(() => Money, { description: 'Estimated cost less money pledged, at least zero.' }) shortfall!: Money;
  @Field({ description: 'Whether the money pledged covers the estimated cost.' }) covered!: boolean;
}

@ObjectType({ description: 'A joint course proposed against training needs, with the partners\' pledges.' })
export class CommissioningProposal {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field() summary!: string;
  @Field(() => ProposalStatus) status!: ProposalStatus;
  @Field(() => Organisation) proposingOrganisation!: Organisation;
  @Field(() => Course, { nullable: true, description: 'The existing course, or (once approved) the one published from the draft.' }) course!: Course | null;
  @Field(() => DraftCourse, { nullable: true, description: 'A new course, until approval publishes it.' }) draftCourse!: DraftCourse | null;
  @Field() financialYear!: string;
  @Field(() => Int) sessionsPlanned!: number;
  @Field(() => Int) seatsPerSession!: number;
  @Field(() => Int) seatsPlanned!: number;
  @Field(() => Money) estimatedCost!: Money;
  @Field() pledgeDeadline!: Date;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) decidedAt!: Date | null;
  @Field(() => String, { nullable: true }) decisionReason!: string | null;
  @Field(() => Money, { nullable: true, description: 'The shortfall the approval accepted, when the pledges fell short.' }) shortfallAccepted!: Money | null;
  @Field(() => ProposalProgress) progress!: ProposalProgress;
  @Field(() => [TrainingNeed]) needs!: TrainingNeed[];
  @Field(() => [DeliveryOption]) deliveryOptions!: DeliveryOption[];
  @Field(() => [Pledge], { description: 'Every pledge, newest first, whatever its status.' }) pledges!: Pledge[];
  @Field(() => [OrganisationPledges], { description: 'Active (or converted) pledges per organisation, largest first.' }) pledgesByOrganisation!: OrganisationPledges[];
  @Field(() => [Session], { description: 'The sessions an approval scheduled, by start.' }) sessions!: Session[];
  @Field(() => [PledgeableStream], { description: 'For an L&D lead while the proposal is open: the streams of its financial year their organisations manage or fund, with what each has left. Empty for anyone else.' })
  pledgeableStreams!: PledgeableStream[];
}

@ObjectType()
export class CommissioningProposalPayload {
  @Field(() => CommissioningProposal, { nullable: true }) proposal!: unknown;
  @Field(() => Pledge, { nullable: true, description: 'The pledge made or withdrawn.' }) pledge!: unknown;
  @Field(() => [UserError]) userErrors!: UserError[];
}
