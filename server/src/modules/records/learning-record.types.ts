import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../graphql/user-error';
import { Accreditation, LearningCategory } from '../catalogue/catalogue.enums';
import { InformalLearningKind } from './records.enums';

@ObjectType({ description: 'A course completed: an attended booking, with what the course was.' })
export class Completion {
  @Field(() => ID) bookingId!: string;
  @Field(() => ID) sessionId!: string;
  @Field(() => ID) courseId!: string;
  @Field() courseTitle!: string;
  @Field() providerName!: string;
  @Field({ description: 'When the session ended.' }) completedAt!: Date;
  @Field(() => Float) hours!: number;
  @Field(() => LearningCategory) learningCategory!: LearningCategory;
  @Field(() => [String]) ksfDimensions!: string[];
  @Field(() => String, { nullable: true }) mandatorySubjectCode!: string | null;
  @Field(() => String, { nullable: true }) mandatorySubjectName!: string | null;
  @Field(() => Int, { nullable: true, description: 'The mandatory subject\'s level, where it has one (safeguarding level 1, 2).' })
  mandatoryLevel!: number | null;
  @Field(() => Accreditation) accreditation!: Accreditation;
  @Field({ description: 'The certificate of completion, a PDF (GET, with the session cookie or bearer token).' }) certificateUrl!: string;
}

@ObjectType()
export class EvidenceFile {
  @Field(() => ID) id!: string;
  @Field() fileName!: string;
  @Field({ description: 'What its content showed it to be: application/pdf, image/png or image/jpeg.' }) mediaType!: string;
  @Field(() => Int) sizeBytes!: number;
  @Field() downloadUrl!: string;
}

@ObjectType({ description: 'Learning the person logged themselves, optionally confirmed by their line manager.' })
export class InformalLearningEntry {
  @Field(() => ID) id!: string;
  @Field(() => InformalLearningKind) kind!: InformalLearningKind;
  @Field({ description: 'YYYY-MM-DD.' }) learnedOn!: string;
  @Field(() => Float) hours!: number;
  @Field() description!: string;
  @Field(() => LearningCategory) learningCategory!: LearningCategory;
  @Field(() => String, { nullable: true }) evidenceUrl!: string | null;
  @Field(() => EvidenceFile, { nullable: true }) evidenceFile!: EvidenceFile | null;
  @Field(() => Date, { nullable: true }) confirmedAt!: Date | null;
  @Field(() => String, { nullable: true }) confirmedByName!: string | null;
}

@ObjectType()
export class CategoryHours {
  @Field(() => LearningCategory) category!: LearningCategory;
  @Field(() => Float) hours!: number;
  @Field(() => Float, { description: 'Share of all hours, 0..1.' }) share!: number;
  @Field(() => Float, { description: 'The 70:20:10 model\'s share, 0..1.' }) target!: number;
}

@ObjectType({ description: 'Hours by 70:20:10 category, completions and informal learning together.' })
export class LearningBalance {
  @Field(() => Float) totalHours!: number;
  @Field(() => [CategoryHours]) categories!: CategoryHours[];
}

@ObjectType()
export class LearningRecordHolder {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) organisationName!: string | null;
}

@ObjectType({ description: 'A person\'s learning record: completions from attended bookings and informal learning, newest first.' })
export class LearningRecord {
  @Field(() => LearningRecordHolder) person!: LearningRecordHolder;
  @Field(() => [Completion]) completions!: Completion[];
  @Field(() => [InformalLearningEntry]) informalLearning!: InformalLearningEntry[];
  @Field(() => LearningBalance) balance!: LearningBalance;
  @Field({ description: 'Whether the viewer, as the person\'s line manager, may confirm their informal learning.' }) viewerMayConfirm!: boolean;
}

@ObjectType()
export class LearningRecordEntryPayload {
  @Field(() => InformalLearningEntry, { nullable: true }) entry!: InformalLearningEntry | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType({ description: 'Learning in one organisation (people of no organisation: null), as counts.' })
export class OrganisationLearningActivity {
  @Field(() => ID, { nullable: true }) organisationId!: string | null;
  @Field() organisationName!: string;
  @Field(() => Int, { description: 'People with any learning on their record.' }) learners!: number;
  @Field(() => Int) completions!: number;
  @Field(() => Int) informalEntries!: number;
  @Field(() => LearningBalance) balance!: LearningBalance;
}

@ObjectType({ description: 'The partnership\'s learning records as counts: no person is named.' })
export class LearningActivity {
  @Field(() => Int) learners!: number;
  @Field(() => Int) completions!: number;
  @Field(() => Int) informalEntries!: number;
  @Field(() => LearningBalance) balance!: LearningBalance;
  @Field(() => [OrganisationLearningActivity]) byOrganisation!: OrganisationLearningActivity[];
}

@ObjectType({ description: 'What a person\'s learning record holds, as counts: for those who may open the record.' })
export class LearningRecordCounts {
  @Field(() => Int, { description: 'Courses attended.' }) completions!: number;
  @Field(() => Int) informalEntries!: number;
  @Field(() => Float, { description: 'Hours of both, each completion\'s to two places as on the record.' }) totalHours!: number;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD of the latest learning (a session\'s end, Europe/London, or an entry\'s date); null when none.' })
  lastLearnedOn!: string | null;
}
