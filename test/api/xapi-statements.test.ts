import { xapiStatementErrors } from '../support/xapi-schema';
import {
  bookingStatements, courseActivityId, isoDuration, ratingStatement, sessionActivityId, statementId, voidingStatement, XAPI_VERBS,
  type BookingFacts,
} from '../../server/src/modules/xapi/xapi-statements';

/**
 * The portal's xAPI statements against the xAPI statement JSON schema: every kind it makes is
 * valid, ids are stable and distinct, and the validator is strict enough to refuse broken ones.
 */
const portal = { homePage: 'https://portal.example.org/' };
const person = { id: '7d1c6c1e-5a52-4b1f-9b0e-1f6f0b1e2c3d', name: 'Asha Patel' };
const facts: BookingFacts = {
  bookingId: 'b9a0e0f2-7d7e-4f5d-8a41-2a8c1f0e9d11', person, sessionId: '2f1d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6',
  sessionStartsAt: new Date('2026-01-13T09:30:00Z'), courseId: 'c0ffee00-1234-4abc-8def-0123456789ab', courseTitle: 'Safeguarding Adults Level 2',
  courseMinutes: 210, bookedAt: new Date('2025-12-01T10:00:00Z'), attendedAt: new Date('2026-01-13T16:05:00Z'),
};

describe('xAPI statements', () => {
  it('makes a valid statement of each kind', () => {
    const statements = [
      ...bookingStatements(portal, facts),
      ratingStatement(portal, { feedbackId: '4e5d6c7b-8a99-4aaa-bbbb-ccccdddd0001', booking: facts, rating: 4, recommend: 9,
        submittedAt: new Date('2026-01-14T08:12:00Z') }),
      voidingStatement(portal, statementId('attended', facts.bookingId), { id: 'aa00bb11-cc22-4d33-8e44-ff5566778899', name: 'Provider Coordinator' },
        new Date('2026-01-15T12:00:00Z')),
    ];
    expect(statements.map((s) => s.verb.id)).toEqual([XAPI_VERBS.registered, XAPI_VERBS.attended, XAPI_VERBS.completed,
      XAPI_VERBS.responded, XAPI_VERBS.voided]);
    for (const statement of statements) expect({ id: statement.id, errors: xapiStatementErrors(statement) }).toEqual({ id: statement.id, errors: [] });
    expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);
  });

  it('says who, what and how long: the account under the portal, stable activity ids, the hours as a duration', () => {
    const [registered, attended, completed] = bookingStatements(portal, facts);
    expect(registered.actor).toEqual({ objectType: 'Agent', name: 'Asha Patel', account: { homePage: 'https://portal.example.org', name: person.id } });
    expect(registered.object).toMatchObject({ objectType: 'Activity', id: `https://portal.example.org/xapi/activities/sessions/${facts.sessionId}` });
    expect(attended.object.id).toBe(sessionActivityId(portal, facts.sessionId));
    expect(completed.object.id).toBe(courseActivityId(portal, facts.courseId));
    expect(completed.result).toEqual({ completion: true, duration: 'PT3H30M' });
    expect(registered.context?.registration).toBe(facts.bookingId);
    expect(registered.timestamp).toBe('2025-12-01T10:00:00.000Z');
    expect(registered.version).toBe('1.0.3');
  });

  it('gives the same ids for the same facts, new ones for a corrected mark, and nothing but registered before attendance', () => {
    expect(bookingStatements(portal, facts)).toEqual(bookingStatements(portal, { ...facts }));
    const corrected = bookingStatements(portal, { ...facts, markRevision: 2 });
    expect(corrected[0].id).toBe(statementId('registered', facts.bookingId));
    expect(corrected[1].id).not.toBe(statementId('attended', facts.bookingId));
    expect(bookingStatements(portal, { ...facts, attendedAt: null }).map((s) => s.verb.id)).toEqual([XAPI_VERBS.registered]);
  });

  it('writes durations in whole minutes', () => {
    expect([0, 30, 60, 90, 210, 450.4, 1440].map(isoDuration)).toEqual(['PT0M', 'PT30M', 'PT1H', 'PT1H30M', 'PT3H30M', 'PT7H30M', 'PT24H']);
  });

  it('refuses what is not a statement: no actor, a relative activity id, a score out of range, an id or a time that is not one', () => {
    const [registered] = bookingStatements(portal, facts);
    const rated = ratingStatement(portal, { feedbackId: '4e5d6c7b-8a99-4aaa-bbbb-ccccdddd0001', booking: facts, rating: 4, recommend: 9, submittedAt: new Date() });
    expect(xapiStatementErrors({ ...registered, actor: undefined })).not.toEqual([]);
    expect(xapiStatementErrors({ ...registered, object: { objectType: 'Activity', id: 'sessions/1' } })).not.toEqual([]);
    expect(xapiStatementErrors({ ...rated, result: { score: { raw: 4, min: 1, max: 5, scaled: 4 } } })).not.toEqual([]);
    expect(xapiStatementErrors({ ...registered, id: 'not-a-uuid' })).not.toEqual([]);
    expect(xapiStatementErrors({ ...registered, timestamp: 'yesterday' })).not.toEqual([]);
  });
});
