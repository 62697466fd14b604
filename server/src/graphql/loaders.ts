import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { byIdLoader, groupedLoader } from '../db/by-id-loader';
import { PartnershipEntity } from '../modules/partnerships/partnership.entity';
import { OrganisationEntity } from '../modules/organisations/organisation.entity';
import { SectorGroupEntity } from '../modules/organisations/sector-group.entity';
import { CourseEntity } from '../modules/catalogue/course.entity';
import { VenueEntity } from '../modules/catalogue/venue.entity';
import { MandatorySubjectEntity } from '../modules/catalogue/mandatory-subject.entity';
import { SeatAllocationEntity } from '../modules/catalogue/seat-allocation.entity';
import { PersonEntity } from '../modules/people/person.entity';
import { TrainingSessionEntity } from '../modules/catalogue/training-session.entity';
import { createWaitlistPositionsLoader } from '../modules/bookings/waitlist-positions.loader';
import { RoleGrantEntity } from '../modules/people/role-grant.entity';
import { createAuditNamesLoader } from '../modules/audit/audit-names.loader';
import { createUpcomingSessionsLoader } from '../modules/catalogue/upcoming-sessions.loader';
import { createLivePlaceLoader, createPlacesOnCourseLoader } from '../modules/bookings/person-course-places.loader';
import type { Viewer } from '../modules/auth/viewer';
import { createFundingStreamLoaders } from '../modules/funding/funding-stream.loaders';
import { createStreamCoursesLoader } from '../modules/funding/stream-courses.loader';
import { createCommissioningLoaders } from '../modules/commissioning/commissioning.loaders';
import { createLearningRecordCountsLoader } from '../modules/records/learning-record-counts.loader';

/**
 * The one loader factory: a fresh set per request (see context.ts), built for the request's viewer,
 * so the loaders that depend on who is asking (funding scope) are scoped to the viewer's
 * partnership like the rest. `clearAll` empties every cache: the context calls it after each
 * mutation's root field, so its payload reads what the write left.
 */
export function createLoaders(dataSource: DataSource, now: Date = new Date(), viewer: Viewer | null = null) {
  const loaders = {
    partnershipsById: byIdLoader(dataSource, PartnershipEntity),
    organisationsById: byIdLoader(dataSource, OrganisationEntity),
    sectorGroupsById: byIdLoader(dataSource, SectorGroupEntity),
    coursesById: byIdLoader(dataSource, CourseEntity),
    venuesById: byIdLoader(dataSource, VenueEntity),
    mandatorySubjectsByCode: byIdLoader(dataSource, MandatorySubjectEntity, 'code'),
    peopleById: byIdLoader(dataSource, PersonEntity),
    sessionsById: byIdLoader(dataSource, TrainingSessionEntity),
    waitlistPositionsBySession: createWaitlistPositionsLoader(dataSource),
    roleGrantsByPerson: groupedLoader(dataSource, RoleGrantEntity, 'personId'),
    allocationsBySession: groupedLoader(dataSource, SeatAllocationEntity, 'sessionId'),
    auditNames: createAuditNamesLoader(dataSource),
    livePlaces: createLivePlaceLoader(dataSource),
    placesOnCourse: createPlacesOnCourseLoader(dataSource, now),
    upcomingSessionsByCourse: createUpcomingSessionsLoader(dataSource, now),
    ...createFundingStreamLoaders(dataSource, viewer),
    streamCourses: createStreamCoursesLoader(dataSource, viewer),
    ...createCommissioningLoaders(dataSource, viewer),
    learningRecordCounts: createLearningRecordCountsLoader(dataSource, viewer?.partnershipId ?? null),
  };
  return {
    ...loaders,
    clearAll(): void {
      for (const loader of Object.values(loaders) as Array<Pick<DataLoader<unknown, unknown>, 'clearAll'>>) loader.clearAll();
    },
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
