/** Where the provider's pages live: their courses, each course's form and sessions, each session's people. */
export const PROVIDER_PATHS = {
  courses: '/provider/courses',
  newCourse: '/provider/courses/new',
  editCourse: '/provider/courses/:id/edit',
  newSession: '/provider/courses/:id/sessions/new',
  session: '/provider/sessions/:id',
  changeSession: '/provider/sessions/:id/change',
  newVenue: '/provider/venues/new',
} as const;

const withId = (pattern: string, id: string) => pattern.replace(':id', encodeURIComponent(id));
export const editCoursePath = (courseId: string) => withId(PROVIDER_PATHS.editCourse, courseId);
export const newSessionPath = (courseId: string) => withId(PROVIDER_PATHS.newSession, courseId);
/** The server's emails link here too (server/src/modules/catalogue/session-minimums.service.ts). */
export const providerSessionPath = (sessionId: string) => withId(PROVIDER_PATHS.session, sessionId);
export const changeSessionPath = (sessionId: string) => withId(PROVIDER_PATHS.changeSession, sessionId);
