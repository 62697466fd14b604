import { buildBookings } from './bookings';
import { buildCourses } from './courses';
import { claimDemoAccounts } from './demo-accounts';
import { buildFundingStreams } from './funding-streams';
import { buildLedger } from './ledger';
import { buildNeeds } from './needs';
import { buildTenancy } from './organisations';
import type { PartnershipSpec, TargetSizes } from './partnership-spec';
import { buildPopulation, managersFirst, roleGrants } from './people';
import { buildProposals } from './proposals';
import { Rng } from './prng';
import type { PartnershipRows } from './rows';
import { buildSessions } from './sessions';
import { buildVenues } from './venues';

/**
 * All rows of one partnership, generated in memory with ids drawn from seeded streams so that
 * rows can refer to each other before anything reaches the database. Each part has its own
 * stream: asking for more bookings does not change the people or the courses.
 */
export function buildPartnership(spec: PartnershipSpec, sizes: TargetSizes, now: Date): PartnershipRows {
  const root = new Rng(`partnership-portal-demo/${spec.slug}`);
  const tenancy = buildTenancy(spec, root.fork('organisations'), now);
  const population = buildPopulation(spec, tenancy, root.fork('people'), now, sizes.people);
  claimDemoAccounts(spec, tenancy, population);
  const courses = buildCourses(spec, tenancy, root.fork('courses'), now, sizes.courses);
  const venues = buildVenues(spec, tenancy, root.fork('venues'));
  const sessions = buildSessions(spec, tenancy, courses, venues, root.fork('sessions'), now, sizes.sessions);
  const bookings = buildBookings(sessions, population, root.fork('bookings'), now, sizes.bookings);
  const streams = buildFundingStreams(spec, tenancy, courses, sessions, root.fork('funding-streams'), now);
  const needs = buildNeeds(spec, tenancy, population, courses, root.fork('training-needs'), now);
  const ledger = buildLedger(streams, tenancy, population, sessions, bookings, root.fork('ledger'), now, sizes.ledgerEntries);
  // After the ledger: pledges' entries follow each stream's others, and move its running totals.
  const commissioning = buildProposals(spec, tenancy, population, courses, venues.map((v) => v.row), streams, needs, ledger.ledgerEntries,
    root.fork('proposals'), now);
  return {
    partnership: tenancy.partnership,
    sectorGroups: tenancy.sectorGroups,
    organisations: tenancy.organisations,
    people: managersFirst(population),
    roleGrants: roleGrants(population, root.fork('role-grants')),
    fundingStreams: streams.map((s) => s.row),
    venues: venues.map((v) => v.row),
    courses: courses.map((c) => c.row),
    sessions: [...sessions.map((s) => s.row), ...commissioning.sessions],
    seatAllocations: [...sessions.flatMap((s) => s.allocations), ...commissioning.seatAllocations],
    bookings,
    ledgerEntries: [...ledger.ledgerEntries, ...commissioning.ledgerEntries],
    trainingNeeds: [...needs, ...commissioning.trainingNeeds],
    proposals: commissioning.proposals,
    deliveryOptions: commissioning.deliveryOptions,
    proposalNeeds: commissioning.proposalNeeds,
    pledges: commissioning.pledges,
    auditLog: [...ledger.auditLog, ...commissioning.auditLog],
  };
}
