import { v5 as uuidV5 } from 'uuid';

/**
 * Learning as xAPI 1.0.3 statements (https://github.com/adlnet/xAPI-Spec): a place booked
 * (registered), a register mark (attended), the completion it gives (completed, with the course's
 * hours) and a feedback rating (responded, with the rating as a score). Pure: facts in, statements
 * out, so every export builds the same statement from the same fact.
 *
 * Ids are stable: a statement's id is a name-based UUID (v5) of what it records, an activity's id
 * is the portal's own address of the course or session. A statement once given out is never
 * changed; when a fact it recorded is corrected (a mark changed on the register), a voiding
 * statement names it (see voidingStatement), as the specification asks.
 */

export const XAPI_VERSION = '1.0.3';

/** ADL's verbs (http://adlnet.gov/expapi/verbs/), each with the words an LRS shows. */
export const XAPI_VERBS = {
  registered: 'http://adlnet.gov/expapi/verbs/registered',
  attended: 'http://adlnet.gov/expapi/verbs/attended',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  responded: 'http://adlnet.gov/expapi/verbs/responded',
  voided: 'http://adlnet.gov/expapi/verbs/voided',
} as const;
export type XapiVerb = keyof typeof XAPI_VERBS;

/** ADL's activity types: a course, a session of it (a meeting), the session's feedback question. */
const ACTIVITY_TYPES = {
  course: 'http://adlnet.gov/expapi/activities/course',
  session: 'http://adlnet.gov/expapi/activities/meeting',
  feedback: 'http://adlnet.gov/expapi/activities/question',
} as const;

/** The namespace of the portal's statement ids (a fixed, random UUID: ids depend on it, never change it). */
const STATEMENT_NAMESPACE = '0f6f7a52-4c8e-4d43-9a5b-6d2f3b7c1e90';
const LANGUAGE = 'en-GB';

export interface XapiPortal {
  /** The portal's public address: actors' accounts and activity ids are under it. */
  homePage: string;
}

export interface XapiPerson { id: string; name: string }

/** One booking, with what its statements say about it. */
export interface BookingFacts {
  bookingId: string;
  person: XapiPerson;
  sessionId: string;
  sessionStartsAt: Date;
  courseId: string;
  courseTitle: string;
  /** The course's length in minutes, the learning a completion records. */
  courseMinutes: number;
  /** When the place was booked. */
  bookedAt: Date;
  /** When the register marked the person attended; null while not attended. */
  attendedAt: Date | null;
  /**
   * How many times the register mark was corrected: a re-marked attendance is a new fact, so its
   * statements take new ids (the earlier ones having been voided). 0 for a mark never corrected.
   */
  markRevision?: number;
}

export interface RatingFacts {
  feedbackId: string;
  booking: Pick<BookingFacts, 'bookingId' | 'person' | 'sessionId' | 'courseId' | 'courseTitle'>;
  /** 1 to 5. */
  rating: number;
  /** Would you recommend it, 0 to 10. */
  recommend: number;
  submittedAt: Date;
}

export interface XapiStatement {
  id: string;
  actor: { objectType: 'Agent'; name: string; account: { homePage: string; name: string } };
  verb: { id: string; display: Record<string, string> };
  object:
    | { objectType: 'Activity'; id: string; definition: { type: string; name: Record<string, string> } }
    | { objectType: 'StatementRef'; id: string };
  result?: { completion?: boolean; success?: boolean; duration?: string; score?: { raw: number; min: number; max: number; scaled: number };
    extensions?: Record<string, number> };
  context?: { registration: string; platform: string; language: string; contextActivities: { parent?: Array<{ id: string; objectType: 'Activity' }>;
    grouping?: Array<{ id: string; objectType: 'Activity' }> } };
  timestamp: string;
  version: string;
}

function base(portal: XapiPortal): string {
  return portal.homePage.replace(/\/+$/, '');
}

export function courseActivityId(portal: XapiPortal, courseId: string): string {
  return `${base(portal)}/xapi/activities/courses/${courseId}`;
}

export function sessionActivityId(portal: XapiPortal, sessionId: string): string {
  return `${base(portal)}/xapi/activities/sessions/${sessionId}`;
}

/** The stable id of the statement that records `verb` of a booking (or of a feedback, for responded). */
export function statementId(verb: XapiVerb, subjectId: string): string {
  return uuidV5(`${verb}:${subjectId}`, STATEMENT_NAMESPACE);
}

/** ISO 8601 duration of whole minutes: 210 → PT3H30M. */
export function isoDuration(minutes: number): string {
  const whole = Math.max(0, Math.round(minutes));
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  if (!hours && !rest) return 'PT0M';
  return `PT${hours ? `${hours}H` : ''}${rest ? `${rest}M` : ''}`;
}

function actor(portal: XapiPortal, person: XapiPerson): XapiStatement['actor'] {
  return { objectType: 'Agent', name: person.name, account: { homePage: base(portal), name: person.id } };
}

function verb(name: XapiVerb): XapiStatement['verb'] {
  return { id: XAPI_VERBS[name], display: { [LANGUAGE]: name } };
}

function context(portal: XapiPortal, facts: Pick<BookingFacts, 'bookingId' | 'courseId' | 'sessionId'>, parent: 'course' | 'session'): XapiStatement['context'] {
  const activity = parent === 'course'
    ? { id: courseActivityId(portal, facts.courseId), objectType: 'Activity' as const }
    : { id: sessionActivityId(portal, facts.sessionId), objectType: 'Activity' as const };
  return { registration: facts.bookingId, platform: 'Partnership Portal', language: LANGUAGE, contextActivities: { parent: [activity] } };
}

function sessionObject(portal: XapiPortal, facts: Pick<BookingFacts, 'sessionId' | 'courseTitle'>): XapiStatement['object'] {
  return { objectType: 'Activity', id: sessionActivityId(portal, facts.sessionId),
    definition: { type: ACTIVITY_TYPES.session, name: { [LANGUAGE]: facts.courseTitle } } };
}

/** What a booking's facts say: registered, and once attended, attended and completed. */
export function bookingStatements(portal: XapiPortal, facts: BookingFacts): XapiStatement[] {
  const statements: XapiStatement[] = [{
    id: statementId('registered', facts.bookingId), actor: actor(portal, facts.person), verb: verb('registered'),
    object: sessionObject(portal, facts), context: context(portal, facts, 'course'),
    timestamp: facts.bookedAt.toISOString(), version: XAPI_VERSION,
  }];
  if (facts.attendedAt) {
    const mark = facts.markRevision ? `${facts.bookingId}#${facts.markRevision}` : facts.bookingId;
    statements.push({
      id: statementId('attended', mark), actor: actor(portal, facts.person), verb: verb('attended'),
      object: sessionObject(portal, facts), context: context(portal, facts, 'course'),
      timestamp: facts.sessionStartsAt.toISOString(), version: XAPI_VERSION,
    }, {
      id: statementId('completed', mark), actor: actor(portal, facts.person), verb: verb('completed'),
      object: { objectType: 'Activity', id: courseActivityId(portal, facts.courseId),
        definition: { type: ACTIVITY_TYPES.course, name: { [LANGUAGE]: facts.courseTitle } } },
      result: { completion: true, duration: isoDuration(facts.courseMinutes) },
      context: context(portal, facts, 'session'),
      timestamp: facts.attendedAt.toISOString(), version: XAPI_VERSION,
    });
  }
  return statements;
}

/** A feedback rating: the rating as a score out of 5, would-you-recommend (0–10) as an extension. Free text stays out. */
export function ratingStatement(portal: XapiPortal, facts: RatingFacts): XapiStatement {
  return {
    id: statementId('responded', facts.feedbackId), actor: actor(portal, facts.booking.person), verb: verb('responded'),
    object: { objectType: 'Activity', id: `${sessionActivityId(portal, facts.booking.sessionId)}/feedback`,
      definition: { type: ACTIVITY_TYPES.feedback, name: { [LANGUAGE]: `Feedback on ${facts.booking.courseTitle}` } } },
    result: { score: { raw: facts.rating, min: 1, max: 5, scaled: Math.round((facts.rating / 5) * 100) / 100 },
      extensions: { [`${base(portal)}/xapi/extensions/would-recommend`]: facts.recommend } },
    context: context(portal, facts.booking, 'session'),
    timestamp: facts.submittedAt.toISOString(), version: XAPI_VERSION,
  };
}

/** Voids an earlier statement (a corrected register mark): by whom, and when. */
export function voidingStatement(portal: XapiPortal, voided: string, by: XapiPerson, at: Date): XapiStatement {
  return {
    id: statementId('voided', voided), actor: actor(portal, by), verb: verb('voided'),
    object: { objectType: 'StatementRef', id: voided }, timestamp: at.toISOString(), version: XAPI_VERSION,
  };
}
