import type { EntityManager } from 'typeorm';
import { insertRows, type ColumnTypes } from './insert-rows';
import { rebuildLedgerCells } from '../../modules/funding/ledger-cells';
import type {
  AuditLogRow, BookingRow, CourseRow, FundingStreamRow, LedgerEntryRow, OrganisationRow, PartnershipRow, PartnershipRows, PersonRow,
  RoleGrantRow, SeatAllocationRow, SectorGroupRow, TrainingNeedRow, TrainingSessionRow, VenueRow, ProposalRow, DeliveryOptionRow,
  ProposalNeedRow, PledgeRow,
} from './rows';

/** Column types of each demo table; the mapped types make the compiler check them against the rows. */
const partnership: ColumnTypes<PartnershipRow> = {
  id: 'uuid', slug: 'text', name: 'text', financial_year_start_month: 'smallint', time_zone: 'text', created_at: 'timestamptz',
};
const sectorGroup: ColumnTypes<SectorGroupRow> = { id: 'uuid', partnership_id: 'uuid', name: 'text' };
const organisation: ColumnTypes<OrganisationRow> = {
  id: 'uuid', partnership_id: 'uuid', name: 'text', short_code: 'text', sector: 'text', role: 'text',
  delivers_training: 'boolean', sector_group_id: 'uuid', staff_headcount: 'integer', volunteer_headcount: 'integer',
  org_id: 'text', description: 'text', website: 'text', contact_email: 'text', contact_phone: 'text', created_at: 'timestamptz',
};
const person: ColumnTypes<PersonRow> = {
  id: 'uuid', partnership_id: 'uuid', organisation_id: 'uuid', kind: 'text', line_manager_id: 'uuid', name: 'text',
  email: 'text', job_title: 'text', team: 'text', created_at: 'timestamptz',
};
const roleGrant: ColumnTypes<RoleGrantRow> = {
  id: 'uuid', partnership_id: 'uuid', person_id: 'uuid', role: 'text', organisation_id: 'uuid', granted_at: 'timestamptz',
};
const venue: ColumnTypes<VenueRow> = {
  id: 'uuid', partnership_id: 'uuid', name: 'text', address: 'text', town: 'text', postcode: 'text',
  latitude: 'double precision', longitude: 'double precision',
};
const course: ColumnTypes<CourseRow> = {
  id: 'uuid', partnership_id: 'uuid', provider_organisation_id: 'uuid', title: 'text', summary: 'text',
  learning_outcomes: 'text[]', method: 'text', learning_category: 'text', learning_category_overridden: 'boolean',
  duration_minutes: 'integer', accreditation: 'text', cpd_points: 'smallint', ksf_dimensions: 'text[]',
  mandatory_subject: 'text', audience: 'text', eligible_sectors: 'text[]', visibility: 'text',
  visibility_organisation_id: 'uuid', cost_per_place_pence: 'bigint', is_joint: 'boolean', funding_stream_id: 'uuid',
  created_at: 'timestamptz',
};
const trainingSession: ColumnTypes<TrainingSessionRow> = {
  id: 'uuid', partnership_id: 'uuid', course_id: 'uuid', starts_at: 'timestamptz', ends_at: 'timestamptz',
  delivery_mode: 'text', venue_id: 'uuid', capacity: 'integer', booking_closes_at: 'timestamptz',
  release_at: 'timestamptz', status: 'text', funding_stream_id: 'uuid', proposal_id: 'uuid', created_at: 'timestamptz',
};
const seatAllocation: ColumnTypes<SeatAllocationRow> = {
  id: 'uuid', partnership_id: 'uuid', session_id: 'uuid', organisation_id: 'uuid', seats: 'integer',
};
const booking: ColumnTypes<BookingRow> = {
  id: 'uuid', partnership_id: 'uuid', session_id: 'uuid', person_id: 'uuid', organisation_id: 'uuid', status: 'text',
  seat_organisation_id: 'uuid', booked_by_person_id: 'uuid', cost_pence: 'bigint', waitlisted_at: 'timestamptz',
  cancelled_at: 'timestamptz', cancelled_late: 'boolean', created_at: 'timestamptz', updated_at: 'timestamptz',
};
const fundingStream: ColumnTypes<FundingStreamRow> = {
  id: 'uuid', partnership_id: 'uuid', name: 'text', description: 'text', funder_kind: 'text', funder_name: 'text',
  funder_organisation_id: 'uuid', financial_year: 'text', year_starts_at: 'timestamptz', year_ends_at: 'timestamptz',
  audience: 'text', eligible_sectors: 'text[]', purposes: 'text[]', pooled: 'boolean', managing_organisation_id: 'uuid',
  budget_pence: 'bigint', committed_pence: 'bigint', spent_pence: 'bigint', entry_count: 'integer', created_by_person_id: 'uuid',
  created_at: 'timestamptz',
};
const ledgerEntry: ColumnTypes<LedgerEntryRow> = {
  id: 'uuid', partnership_id: 'uuid', stream_id: 'uuid', sequence: 'integer', kind: 'text', amount_pence: 'bigint',
  budget_effect_pence: 'bigint', committed_effect_pence: 'bigint', spent_effect_pence: 'bigint', budget_after_pence: 'bigint',
  committed_after_pence: 'bigint', spent_after_pence: 'bigint', organisation_id: 'uuid', course_id: 'uuid', session_id: 'uuid',
  booking_id: 'uuid', reverses_entry_id: 'uuid', wasted: 'boolean', occurred_at: 'timestamptz', quarter: 'smallint', reason: 'text',
  idempotency_key: 'text', recorded_by_person_id: 'uuid', recorded_at: 'timestamptz', proposal_id: 'uuid', pledge_id: 'uuid',
};
const trainingNeed: ColumnTypes<TrainingNeedRow> = {
  id: 'uuid', partnership_id: 'uuid', organisation_id: 'uuid', raised_by_person_id: 'uuid', scope: 'text', team_manager_person_id: 'uuid',
  for_person_id: 'uuid', topic: 'text', detail: 'text', mandatory_subject: 'text', ksf_dimension: 'text', people_count: 'integer',
  audience: 'text', priority: 'text', wanted_by: 'date', status: 'text', met_by_course_id: 'uuid', withdrawn_reason: 'text',
  withdrawn_at: 'timestamptz', created_at: 'timestamptz', updated_at: 'timestamptz',
};
const proposal: ColumnTypes<ProposalRow> = {
  id: 'uuid', partnership_id: 'uuid', proposed_by_person_id: 'uuid', proposing_organisation_id: 'uuid', title: 'text', summary: 'text',
  course_id: 'uuid', draft_course: 'jsonb', financial_year: 'text', sessions_planned: 'integer', seats_per_session: 'integer',
  estimated_cost_pence: 'bigint', pledge_deadline: 'timestamptz', status: 'text', decided_by_person_id: 'uuid', decided_at: 'timestamptz',
  decision_reason: 'text', shortfall_accepted_pence: 'bigint', created_at: 'timestamptz',
};
const deliveryOption: ColumnTypes<DeliveryOptionRow> = {
  id: 'uuid', partnership_id: 'uuid', proposal_id: 'uuid', position: 'smallint', kind: 'text', provider_organisation_id: 'uuid',
  provider_name: 'text', quoted_cost_pence: 'bigint', notes: 'text', chosen: 'boolean',
};
const proposalNeed: ColumnTypes<ProposalNeedRow> = { partnership_id: 'uuid', proposal_id: 'uuid', need_id: 'uuid' };
const pledge: ColumnTypes<PledgeRow> = {
  id: 'uuid', partnership_id: 'uuid', proposal_id: 'uuid', organisation_id: 'uuid', pledged_by_person_id: 'uuid', seats: 'integer',
  amount_pence: 'bigint', stream_id: 'uuid', status: 'text', created_at: 'timestamptz', ended_at: 'timestamptz', ended_by_person_id: 'uuid',
};
const auditLog: ColumnTypes<AuditLogRow> = {
  partnership_id: 'uuid', actor_person_id: 'uuid', action: 'text', subject_type: 'text', subject_id: 'text', details: 'jsonb',
  ip_address: 'text', request_id: 'text', occurred_at: 'timestamptz',
};

/** Inserts one partnership's rows, parents before children. */
export async function insertPartnership(manager: EntityManager, rows: PartnershipRows): Promise<void> {
  await insertRows(manager, 'partnership', partnership, [rows.partnership]);
  await insertRows(manager, 'sector_group', sectorGroup, rows.sectorGroups);
  await insertRows(manager, 'organisation', organisation, rows.organisations);
  await insertRows(manager, 'person', person, rows.people);
  await insertRows(manager, 'role_grant', roleGrant, rows.roleGrants);
  await insertRows(manager, 'funding_stream', fundingStream, rows.fundingStreams);
  await insertRows(manager, 'venue', venue, rows.venues);
  await insertRows(manager, 'course', course, rows.courses);
  // Needs and proposals before the sessions an approval scheduled and the ledger entries pledges posted.
  await insertRows(manager, 'training_need', trainingNeed, rows.trainingNeeds);
  await insertRows(manager, 'commissioning_proposal', proposal, rows.proposals);
  await insertRows(manager, 'commissioning_delivery_option', deliveryOption, rows.deliveryOptions);
  await insertRows(manager, 'commissioning_proposal_need', proposalNeed, rows.proposalNeeds);
  await insertRows(manager, 'commissioning_pledge', pledge, rows.pledges);
  await insertRows(manager, 'training_session', trainingSession, rows.sessions);
  await insertRows(manager, 'seat_allocation', seatAllocation, rows.seatAllocations);
  await insertRows(manager, 'booking', booking, rows.bookings);
  // In each stream's sequence, so that an adjustment never arrives before the entry it reverses.
  await insertRows(manager, 'ledger_entry', ledgerEntry, rows.ledgerEntries);
  await insertRows(manager, 'audit_log', auditLog, rows.auditLog);
  // The sums postEntry keeps for each entry, for the entries inserted in bulk above.
  await rebuildLedgerCells(manager, rows.partnership.id);
}
