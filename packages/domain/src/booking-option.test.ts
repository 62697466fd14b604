import { bookingOptionFor, type BookingOptionFacts } from './booking-option';
import { whyNotBookable, type BookableSessionFacts, type BookerFacts } from './booking-eligibility';

const NOW = new Date('2026-12-02T10:00:00Z');
const session: BookableSessionFacts = {
  status: 'scheduled', startsAt: new Date('2027-01-13T09:30:00Z'), bookingClosesAt: new Date('2027-01-12T09:30:00Z'),
  audience: 'both', eligibleSectors: [], visibility: 'partnership', visibilityOrganisationId: null,
};
const staff: BookerFacts = { disabled: false, kind: 'staff', sector: 'local_authority', organisationId: 'pcc' };
const open: BookingOptionFacts = { signedIn: true, myPlace: null, otherDate: null, block: null, seatsLeftForMe: 3, waitingNow: 0, approvals: [] };

describe('whether a person may book a session', () => {
  it('is allowed for a scheduled session open to them', () => {
    expect(whyNotBookable(session, staff, NOW)).toBeNull();
  });

  it.each([
    ['a disabled account', session, { ...staff, disabled: true }, 'DISABLED'],
    ['a cancelled session', { ...session, status: 'cancelled' }, staff, 'SESSION_CANCELLED'],
    ['a session that has started', { ...session, startsAt: NOW }, staff, 'SESSION_PAST'],
    ['booking closed at this instant', { ...session, bookingClosesAt: NOW }, staff, 'BOOKING_CLOSED'],
    ['a volunteer on a staff course', { ...session, audience: 'staff' }, { ...staff, kind: 'volunteer' }, 'STAFF_ONLY'],
    ['staff on a volunteers\' course', { ...session, audience: 'volunteers' }, staff, 'VOLUNTEERS_ONLY'],
    ['another sector', { ...session, eligibleSectors: ['care_home'] }, staff, 'SECTOR_NOT_ELIGIBLE'],
    ['no sector at all', { ...session, eligibleSectors: ['care_home'] }, { ...staff, sector: null }, 'SECTOR_NOT_ELIGIBLE'],
    ['another organisation\'s course', { ...session, visibility: 'organisation', visibilityOrganisationId: 'nvch' }, staff, 'OTHER_ORGANISATION_ONLY'],
  ] as const)('refuses %s', (_what, s, person, block) => {
    expect(whyNotBookable(s, person, NOW)).toBe(block);
  });
});

describe('what the booking button says it will do', () => {
  it('books, requests with the approvers named, or offers the waiting list with the place the person would have', () => {
    expect(bookingOptionFor(open)).toMatchObject({ action: 'BOOK', label: 'Book a place', canBook: true });
    expect(bookingOptionFor({ ...open, approvals: ['line_manager'] })).toMatchObject({
      action: 'REQUEST', label: 'Request a place: your line manager approves', canBook: true });
    expect(bookingOptionFor({ ...open, approvals: ['line_manager', 'ld_lead'] }).label)
      .toBe('Request a place: your line manager then your L&D lead approve');
    expect(bookingOptionFor({ ...open, seatsLeftForMe: 0, waitingNow: 3 })).toMatchObject({
      action: 'JOIN_WAITING_LIST', label: 'Join the waiting list (you would be number 4)', waitlistPosition: 4, canBook: true });
  });

  it('states the place the person holds instead of offering another', () => {
    expect(bookingOptionFor({ ...open, myPlace: { status: 'confirmed', waitlistPosition: null } }))
      .toMatchObject({ action: 'BOOKED', label: 'You are booked on this session', canBook: false });
    expect(bookingOptionFor({ ...open, myPlace: { status: 'waitlisted', waitlistPosition: 2 } }))
      .toMatchObject({ action: 'WAITLISTED', label: 'You are number 2 on the waiting list', waitlistPosition: 2 });
    expect(bookingOptionFor({ ...open, myPlace: { status: 'requested', waitlistPosition: null } }).action).toBe('REQUESTED');
    // A place on another date of the course, in London's calendar (13 January, not the 12th in UTC).
    expect(bookingOptionFor({ ...open, otherDate: new Date('2027-01-13T00:30:00Z') }))
      .toMatchObject({ action: 'BOOKED_ON_ANOTHER_DATE', label: 'You are booked on 13 January', canBook: false });
    expect(bookingOptionFor({ ...open, otherDate: new Date('2027-07-12T23:30:00Z') }).label).toBe('You are booked on 13 July');
  });

  it('says why not, and asks a signed-out visitor to sign in', () => {
    expect(bookingOptionFor({ ...open, block: 'STAFF_ONLY' })).toMatchObject({ action: 'NOT_BOOKABLE', label: 'Staff only', canBook: false });
    expect(bookingOptionFor({ ...open, block: 'BOOKING_CLOSED' }).label).toBe('Booking closed');
    expect(bookingOptionFor({ ...open, signedIn: false })).toMatchObject({ action: 'SIGN_IN', canBook: false });
    // A place held beats a later reason: a booked person sees their place even after booking closes.
    expect(bookingOptionFor({ ...open, block: 'BOOKING_CLOSED', myPlace: { status: 'confirmed', waitlistPosition: null } }).action).toBe('BOOKED');
  });
});
