import 'reflect-metadata';
import { buildSchema } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type { GraphQLSchema } from 'graphql';
import { PartnershipResolver } from '../modules/partnerships/partnership.resolver';
import { OrganisationResolver } from '../modules/organisations/organisation.resolver';
import { CatalogueResolver } from '../modules/catalogue/catalogue.resolver';
import { SessionResolver } from '../modules/catalogue/session.resolver';
import { CourseResolver } from '../modules/catalogue/course.resolver';
import { SeatAllocationResolver } from '../modules/catalogue/seat-allocation.resolver';
import { AuthResolver } from '../modules/auth/auth.resolver';
import { BookingResolver } from '../modules/bookings/booking.resolver';
import { BookingDecisionResolver } from '../modules/bookings/booking-decision.resolver';
import { SessionCancellationResolver } from '../modules/bookings/session-cancellation.resolver';
import { RoleGrantResolver, ViewerResolver } from '../modules/auth/viewer.resolver';
import { PeopleResolver } from '../modules/people/people.resolver';
import { PersonResolver } from '../modules/people/person.resolver';
import { RolesResolver } from '../modules/people/roles.resolver';
import { PeopleImportResolver } from '../modules/people/people-import.resolver';
import { OrganisationAdminResolver } from '../modules/organisations/organisation-admin.resolver';
import { AuditResolver } from '../modules/audit/audit.resolver';
import { OutboxResolver } from '../modules/notifications/outbox.resolver';
import { SeatAllocationsResolver } from '../modules/catalogue/seat-allocations.resolver';
import { OrganisationBookingsResolver } from '../modules/bookings/organisation-bookings.resolver';
import { FundingStreamResolver } from '../modules/funding/funding-stream.resolver';
import { RecordLedgerEntryResolver } from '../modules/funding/record-ledger-entry.resolver';
import { RecordAttendanceResolver } from '../modules/bookings/record-attendance.resolver';
import { FundingOverviewResolver } from '../modules/funding/funding-overview.resolver';
import { LedgerEntriesResolver } from '../modules/funding/ledger-entries.resolver';
import { StreamCoursesResolver } from '../modules/funding/stream-courses.resolver';
import { SessionBookingOptionResolver } from '../modules/bookings/session-booking-option.resolver';
import { CoursePublishingResolver } from '../modules/catalogue/course-publishing.resolver';
import { SessionSchedulingResolver } from '../modules/catalogue/session-scheduling.resolver';
import { DirectoryResolver } from '../modules/organisations/directory.resolver';
import { OrganisationOrgIdResolver } from '../modules/organisations/organisation-org-id.resolver';
import { TrainingNeedResolver } from '../modules/needs/training-need.resolver';
import { BookingFeedbackResolver, EvaluationResolver } from '../modules/evaluation/evaluation.resolver';
import { NeedGroupOrganisationResolver, NeedGroupsResolver } from '../modules/needs/need-groups.resolver';
import { CommissioningResolver } from '../modules/commissioning/commissioning.resolver';
import { ComplianceResolver } from '../modules/compliance/compliance.resolver';
import { ComplianceMatrixResolver } from '../modules/compliance/compliance-matrix.resolver';
import { LearningRecordResolver } from '../modules/records/learning-record.resolver';
import { PersonLearningResolver } from '../modules/records/person-learning.resolver';
import { CommissioningProposalResolver, DeliveryOptionResolver, PledgeResolver } from '../modules/commissioning/commissioning-proposal.resolver';

export const resolvers = [
  PartnershipResolver, OrganisationResolver, CatalogueResolver, SessionResolver, SessionBookingOptionResolver, CourseResolver, SeatAllocationResolver,
  AuthResolver, ViewerResolver, RoleGrantResolver, BookingResolver, BookingDecisionResolver, SessionCancellationResolver,
  PeopleResolver, PersonResolver, RolesResolver, PeopleImportResolver, OrganisationAdminResolver, AuditResolver,
  OutboxResolver, SeatAllocationsResolver, OrganisationBookingsResolver,
  FundingStreamResolver, RecordLedgerEntryResolver, RecordAttendanceResolver,
  FundingOverviewResolver, LedgerEntriesResolver, StreamCoursesResolver,
  CoursePublishingResolver, SessionSchedulingResolver,
  DirectoryResolver, OrganisationOrgIdResolver,
  TrainingNeedResolver, NeedGroupsResolver, NeedGroupOrganisationResolver,
  CommissioningResolver, CommissioningProposalResolver, PledgeResolver, DeliveryOptionResolver,
  EvaluationResolver, BookingFeedbackResolver,
  ComplianceResolver,
  ComplianceMatrixResolver,
  LearningRecordResolver, PersonLearningResolver,
] as const;

/** The server's classes are the one source of the schema; schema.graphql is emitted from here. */
export function buildPortalSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    // The contract names the time scalar DateTime (ISO-8601, UTC).
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    validate: { forbidUnknownValues: false, stopAtFirstError: false },
  });
}
