import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Money } from '../../graphql/money.type';
import { UserError } from '../../graphql/user-error';
import { PageInfo } from '../../graphql/connection';
import { Organisation } from '../organisations/organisation.type';
import { Sector } from '../organisations/organisation.enums';
import { CourseAudience } from '../catalogue/catalogue.enums';
import { FunderKind, FundingPurpose, FundingScopeKind, LedgerEntryKind } from './funding.enums';

@ObjectType({ description: 'Each figure is a sum over ledger entries; remaining = budget − committed − spent.' })
export class MoneySummary {
  @Field(() => Money) budget!: Money;
  @Field(() => Money) committed!: Money;
  @Field(() => Money) spent!: Money;
  @Field(() => Money) remaining!: Money;
}

@ObjectType({ description: 'A partner\'s contribution to a pooled stream: the sum of its CONTRIBUTION entries.' })
export class FundingContribution {
  @Field(() => Organisation) organisation!: Organisation;
  @Field(() => Money) amount!: Money;
}

@ObjectType({ description: 'Money for learning in one UK financial year.' })
export class FundingStream {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() description!: string;
  @Field({ description: 'UK financial year, e.g. "2026/27" (1 April 2026 to 31 March 2027).' }) financialYear!: string;
  @Field(() => Money, { description: 'The budget: the sum of its BUDGET and CONTRIBUTION entries and their adjustments.' }) amount!: Money;
  @Field() funderName!: string;
  @Field(() => FunderKind) funderKind!: FunderKind;
  @Field(() => Organisation, { nullable: true, description: 'When the funder is a partner.' }) funderOrganisation?: Organisation | null;
  @Field() pooled!: boolean;
  @Field(() => Organisation, { description: 'Whose budget holder manages the stream.' }) managingOrganisation!: Organisation;
  @Field(() => CourseAudience) audience!: CourseAudience;
  @Field(() => [Sector], { description: 'Empty: every sector.' }) eligibleSectors!: Sector[];
  @Field(() => [FundingPurpose], { description: 'Empty: any learning.' }) purposes!: FundingPurpose[];
  @Field(() => [FundingContribution]) contributions!: FundingContribution[];
  @Field(() => MoneySummary, { description: 'In the caller\'s scope: an L&D lead sees their organisation\'s slice.' }) summary!: MoneySummary;
}

@ObjectType()
export class FundingStreamPayload {
  @Field(() => FundingStream, { nullable: true }) fundingStream!: FundingStream | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType({ description: 'One append-only ledger posting. It names organisations, courses and sessions, never a person.' })
export class LedgerEntry {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'Its place in its stream\'s sequence, from 1.' }) sequence!: number;
  @Field(() => LedgerEntryKind) kind!: LedgerEntryKind;
  @Field(() => Money) amount!: Money;
  @Field(() => MoneySummary, { description: 'What it did to the stream\'s figures.' }) effect!: MoneySummary;
  @Field(() => MoneySummary, { nullable: true, description: 'The whole stream\'s figures after it; null for an L&D lead on a stream their organisation neither manages nor funds (its other organisations\' money is not theirs to see).' })
  balanceAfter!: MoneySummary | null;
  @Field(() => FundingStream) stream!: FundingStream;
  @Field(() => Organisation, { nullable: true }) organisation?: Organisation | null;
  @Field(() => ID, { nullable: true }) courseId!: string | null;
  @Field(() => String, { nullable: true }) courseTitle?: string | null;
  @Field(() => ID, { nullable: true }) sessionId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The booking behind a COMMITMENT, RELEASE or SPEND, if any.' }) bookingId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The entry an ADJUSTMENT reverses.' }) reversesEntryId!: string | null;
  @Field({ description: 'A no-show\'s or late cancellation\'s spend: paid for, not used.' }) wasted!: boolean;
  @Field({ description: 'When the money moves (a session\'s date, an invoice\'s date).' }) occurredAt!: Date;
  @Field(() => Int, { description: 'Quarter 1–4 of the stream\'s financial year.' }) quarter!: number;
  @Field() reason!: string;
  @Field({ description: 'When it was recorded.' }) recordedAt!: Date;
}

@ObjectType()
export class LedgerEntryPayload {
  @Field(() => LedgerEntry, { nullable: true }) entry!: LedgerEntry | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType()
export class LedgerEntryEdge {
  @Field() cursor!: string;
  @Field(() => LedgerEntry) node!: LedgerEntry;
}

@ObjectType()
export class LedgerEntryConnection {
  @Field(() => [LedgerEntryEdge]) edges!: LedgerEntryEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
  @Field(() => MoneySummary, { description: 'The sum of every entry the filter matches, on all pages.' }) summary!: MoneySummary;
}

@ObjectType({ description: 'One row of a breakdown. key: the organisation id, funder, sector or quarter ("Q1".."Q4").' })
export class MoneyBreakdown {
  @Field(() => ID) key!: string;
  @Field() label!: string;
  @Field(() => MoneySummary) summary!: MoneySummary;
}

@ObjectType()
export class StreamSummary {
  @Field(() => FundingStream) stream!: FundingStream;
  @Field(() => MoneySummary) summary!: MoneySummary;
}

@ObjectType({ description: 'Whose figures a report adds up: one scope per report.' })
export class FundingScopeInfo {
  @Field(() => FundingScopeKind) kind!: FundingScopeKind;
  @Field({ description: 'The partnership\'s name, or the organisation\'s ("Peterborough City Council").' }) name!: string;
}

@ObjectType({ description: 'A financial year\'s funding in one scope (see scope). Each breakdown adds up to the totals.' })
export class FundingOverview {
  @Field({ description: 'UK financial year written "2026/27" (1 April 2026 to 31 March 2027).' }) financialYear!: string;
  @Field(() => FundingScopeInfo, { description: 'Whose figures these are. For an L&D lead, the organisation\'s own money: the ledger entries that name it (its people\'s places, the budgets it funds, its contributions, what is paid to it), on whichever stream; the budget is then what it put in, not a stream\'s, so remaining is not a stream\'s remaining (streamsHeld has those).' })
  scope!: FundingScopeInfo;
  @Field(() => MoneySummary) totals!: MoneySummary;
  @Field(() => [StreamSummary]) byStream!: StreamSummary[];
  @Field(() => [MoneyBreakdown]) byFunder!: MoneyBreakdown[];
  @Field(() => [MoneyBreakdown]) byOrganisation!: MoneyBreakdown[];
  @Field(() => [MoneyBreakdown]) bySector!: MoneyBreakdown[];
  @Field(() => [MoneyBreakdown], { description: 'By the quarter each entry falls in: a budget posted at the start of the year is all in Q1.' }) byQuarter!: MoneyBreakdown[];
  @Field(() => [StreamSummary], { description: 'The streams the scope holds, each whole, by name: for an L&D lead those their organisation manages, funds or contributes to; for the partnership every stream. Remaining is never negative.' })
  streamsHeld!: StreamSummary[];
  @Field(() => MoneySummary, { description: 'The sum of streamsHeld.' }) streamsHeldTotals!: MoneySummary;
  @Field(() => Money, { description: 'Spend on delivered learning: the spend recorded against sessions (places, no-shows\' places, session invoices), net of corrections. Spend that names no session (levy transfers, programme fees) is not in it.' })
  deliveredLearningSpend!: Money;
  @Field(() => Money, { nullable: true, description: 'deliveredLearningSpend ÷ distinct learners who attended; null with none.' }) costPerLearner!: Money | null;
  @Field(() => Money, { nullable: true, description: 'deliveredLearningSpend ÷ learning hours attended; null with none.' }) costPerLearningHour!: Money | null;
  @Field(() => Float, { description: 'seatsUsed ÷ seatsOffered, 0..1 (used never exceeds offered).' }) seatUtilisation!: number;
  @Field(() => Money, { description: 'Spend on no-shows and late cancellations.' }) noShowCost!: Money;
  @Field(() => Int, { description: 'Distinct learners who attended (a count, never names).' }) learners!: number;
  @Field(() => Float, { description: 'Learning hours attended.' }) learningHours!: number;
  @Field(() => Int, { description: 'Partnership: the capacity of the year\'s sessions not cancelled. Organisation: the seats allocated to it on them plus the places its people took from the shared pool.' })
  seatsOffered!: number;
  @Field(() => Int, { description: 'Confirmed and attended places on those sessions (an organisation: its people\'s).' }) seatsUsed!: number;
}
