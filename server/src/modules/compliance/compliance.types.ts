import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../graphql/connection';
import { UserError } from '../../graphql/user-error';
import { MandatorySubject } from '../catalogue/mandatory-subject.type';
import { Session } from '../catalogue/session.type';
import { Organisation } from '../organisations/organisation.type';
import { ComplianceStatus, OverdueBookingOutcome, PersonKind } from './compliance.enums';
import type { MatrixSource } from './compliance-matrix.service';

@ObjectType({ description: 'A completion the person\'s organisation does not accept for this subject, and why.' })
export class RefusedCompletion {
  @Field() fromOrganisationName!: string;
  @Field({ description: 'YYYY-MM-DD, Europe/London.' }) completedOn!: string;
  @Field() reason!: string;
}

@ObjectType({ description: 'One person and one subject they need.' })
export class ComplianceCell {
  @Field() subjectCode!: string;
  @Field(() => ComplianceStatus) status!: ComplianceStatus;
  @Field(() => String, { nullable: true, description: 'The completion that counts (YYYY-MM-DD, Europe/London), at any partner.' }) completedOn!: string | null;
  @Field(() => String, { nullable: true, description: 'The first day it no longer counts (OVERDUE from then).' }) expiresOn!: string | null;
  @Field(() => Int, { nullable: true, description: 'Days from today to expiresOn; 0 or less when overdue.' }) daysLeft!: number | null;
  @Field(() => Int, { description: 'The renewal period applied: the organisation\'s, else the framework\'s.' }) renewalMonths!: number;
  @Field(() => RefusedCompletion, { nullable: true, description: 'A later completion that would have counted, but whose organisation is refused for this subject.' })
  refused!: RefusedCompletion | null;
}

@ObjectType()
export class ComplianceRow {
  @Field(() => ID) personId!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) jobTitle!: string | null;
  @Field(() => String, { nullable: true }) team!: string | null;
  @Field(() => PersonKind) kind!: PersonKind;
  @Field(() => [ComplianceCell], { description: 'The subjects this person needs, in the matrix\'s subject order.' }) cells!: ComplianceCell[];
}

@ObjectType()
export class ComplianceRowEdge {
  @Field() cursor!: string;
  @Field(() => ComplianceRow) node!: ComplianceRow;
}

@ObjectType({ description: 'A page of the matrix\'s rows, by name: the filters applied, `totalCount` the rows they give in all.' })
export class ComplianceRowConnection {
  @Field(() => [ComplianceRowEdge]) edges!: ComplianceRowEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}

@ObjectType({ description: 'How many people in each status, of those who need the subject.' })
export class ComplianceCounts {
  @Field(() => Int) required!: number;
  @Field(() => Int) compliant!: number;
  @Field(() => Int) expiring90!: number;
  @Field(() => Int) expiring60!: number;
  @Field(() => Int) expiring30!: number;
  @Field(() => Int) overdue!: number;
  @Field(() => Int) neverDone!: number;
  @Field(() => Float, { nullable: true, description: 'Done and not expired (compliant or expiring), as a percentage; null when nobody needs it.' })
  compliantPercent!: number | null;
}

@ObjectType({ description: 'A column of the matrix: a required subject and its totals.' })
export class ComplianceSubjectColumn {
  @Field(() => MandatorySubject) subject!: MandatorySubject;
  @Field(() => Int) renewalMonths!: number;
  @Field(() => ComplianceCounts) totals!: ComplianceCounts;
}

@ObjectType({ description: 'Who in the organisation needs a subject (every criterion given must match; none: everyone).' })
export class ComplianceRequirement {
  @Field(() => ID) id!: string;
  @Field() subjectCode!: string;
  @Field(() => PersonKind, { nullable: true }) personKind!: PersonKind | null;
  @Field(() => String, { nullable: true }) jobTitle!: string | null;
  @Field(() => String, { nullable: true }) team!: string | null;
}

@ObjectType()
export class ComplianceRefusal {
  @Field(() => ID) fromOrganisationId!: string;
  @Field() fromOrganisationName!: string;
  @Field() subjectCode!: string;
  @Field() reason!: string;
}

@ObjectType()
export class RenewalPeriodSetting {
  @Field() subjectCode!: string;
  @Field(() => Int) renewalMonths!: number;
  @Field({ description: 'Whether the organisation set it (else the framework\'s default).' }) own!: boolean;
}

@ObjectType({ description: 'People × the mandatory subjects they need, with totals per subject. The CSV has the same rows.' })
export class ComplianceMatrix {
  @Field(() => Organisation, { nullable: true, description: 'null for a team matrix.' }) organisation!: unknown;
  @Field({ description: 'YYYY-MM-DD, Europe/London: the day the statuses are for.' }) today!: string;
  @Field(() => [ComplianceSubjectColumn]) subjects!: ComplianceSubjectColumn[];
  @Field(() => [ComplianceRow], { deprecationReason: 'Every row at once; use rowsPage (first/after) and the CSV download.' }) rows?: ComplianceRow[];
  @Field(() => ComplianceCounts, { description: 'Every person and subject of the matrix together.' }) totals!: ComplianceCounts;
  @Field(() => [String], { description: 'The teams of the people in scope, for the team filter.' }) teams!: string[];
  @Field(() => [ComplianceRequirement], { description: 'The organisation\'s staff groups and what they need (empty for a team matrix).' }) requirements!: ComplianceRequirement[];
  @Field(() => [ComplianceRefusal], { description: 'Whose completions the organisation refuses, per subject.' }) refusals!: ComplianceRefusal[];
  @Field(() => [RenewalPeriodSetting], { description: 'Every subject\'s renewal period for the organisation (empty for a team matrix).' }) renewalPeriods!: RenewalPeriodSetting[];
  @Field({ description: 'The rows as CSV: one line per person, a status and an expiry date per subject. Read only when asked.',
    deprecationReason: 'Download it from /exports/compliance/… (csvPath), streamed.' }) csv?: string;
  /** Rows matching the filters, for rowsPage's totalCount. */
  rowCount!: number;
  /** What rows, rowsPage and the CSV are read from (not a field). */
  source!: MatrixSource;
}

@ObjectType({ description: 'An organisation\'s or a sector\'s compliance, counts only.' })
export class ComplianceShare {
  @Field(() => ID, { nullable: true }) organisationId!: string | null;
  @Field() name!: string;
  @Field() sector!: string;
  @Field(() => Int) people!: number;
  @Field(() => ComplianceCounts) totals!: ComplianceCounts;
}

@ObjectType({ description: 'Compliance percentages across the partnership by organisation and by sector: no names of people.' })
export class ComplianceSummary {
  @Field() today!: string;
  @Field(() => ComplianceCounts) totals!: ComplianceCounts;
  @Field(() => [ComplianceShare]) organisations!: ComplianceShare[];
  @Field(() => [ComplianceShare]) sectors!: ComplianceShare[];
}

@ObjectType({ description: 'An organisation\'s compliance settings, read without its matrix: what its settings page shows.' })
export class ComplianceSettings {
  @Field(() => Organisation) organisation!: unknown;
  @Field(() => [RenewalPeriodSetting], { description: 'Every mandatory subject\'s period for the organisation, by subject code.' }) renewalPeriods!: RenewalPeriodSetting[];
  @Field(() => [ComplianceRequirement], { description: 'Its staff groups and what they need.' }) requirements!: ComplianceRequirement[];
  @Field(() => [ComplianceRefusal], { description: 'Whose completions it refuses, per subject.' }) refusals!: ComplianceRefusal[];
}

@ObjectType()
export class RenewalPeriodPayload {
  @Field(() => RenewalPeriodSetting, { nullable: true }) renewalPeriod!: RenewalPeriodSetting | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType()
export class ComplianceRequirementPayload {
  @Field(() => ComplianceRequirement, { nullable: true }) requirement!: ComplianceRequirement | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType()
export class ComplianceRefusalPayload {
  @Field(() => ComplianceRefusal, { nullable: true, description: 'The refusal made; null after accepting again.' }) refusal!: ComplianceRefusal | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType({ description: 'What booking one person found.' })
export class OverdueBookingResult {
  @Field(() => ID) personId!: string;
  @Field() name!: string;
  @Field(() => OverdueBookingOutcome) outcome!: OverdueBookingOutcome;
  @Field(() => Session, { nullable: true }) session!: unknown;
  @Field(() => ID, { nullable: true }) bookingId!: string | null;
  @Field(() => Int, { nullable: true }) waitlistPosition!: number | null;
  @Field(() => String, { nullable: true, description: 'REFUSED: why, in bookSession\'s words.' }) message!: string | null;
  @Field(() => String, { nullable: true, description: 'REFUSED: bookSession\'s code (FUNDS_EXHAUSTED, ALREADY_ON_COURSE…), or NO_SESSION.' }) code!: string | null;
}

@ObjectType()
export class BookOverduePayload {
  @Field(() => [OverdueBookingResult]) results!: OverdueBookingResult[];
  @Field(() => [UserError]) userErrors!: UserError[];
}
