/**
 * The GraphQL operation names the metrics keep as labels: the client's (client/src, by codegen)
 * and the server's own (the funding exports run theirs in process). Any other name a caller sends
 * is counted as "other", so nobody can add series to /metrics by naming operations.
 * known-operations.test.ts fails when the client gains or loses an operation.
 */
export const KNOWN_OPERATIONS: ReadonlySet<string> = new Set([
  // The client's.
  'AdminOrganisations', 'AdminPeople', 'AuditLog', 'BookSession', 'BookablePeople', 'BookingRequests', 'CancelBooking', 'ConfirmRegistration',
  'CreateFundingStream', 'CreateOrganisation', 'DecideBooking', 'FindSessions', 'FundingOrganisations', 'FundingOverview',
  'FundingStream', 'FundingStreams', 'FundingYears', 'GrantRole', 'ImportPeople', 'LedgerEntries', 'MyBookings',
  'OrganisationBookings', 'PartnerOrganisations', 'PartnershipBySlug', 'PartnershipDirectory', 'Partnerships', 'PeopleImportProgress', 'PeopleList',
  'RecordLedgerEntry', 'RegisterVolunteer', 'RequestPasswordReset', 'ResetPassword', 'RevokeRole', 'SessionBookingState',
  'CourseChoices', 'CreateCourse', 'ProvidedCourses', 'ProviderCourse', 'ProviderSession', 'RescheduleSession', 'ScheduleSession',
  'SchedulingChoices', 'UpdateCourse', 'CreateVenue',
  'MandatorySubjectsForNeeds', 'RaiseTrainingNeed', 'TrainingNeedGroups', 'TrainingNeeds', 'WithdrawTrainingNeed',
  'ApprovalVenues', 'ApproveProposal', 'CommissioningProposal', 'CommissioningProposals', 'DeclineProposal', 'PledgeToProposal', 'WithdrawPledge',
  'ProposeChoices', 'ProposeCommissioning',
  'BookingEvaluation', 'EvaluationReport', 'ImpactReviewsToRecord', 'RecordImpactReview', 'SubmitFeedback',
  'BookOverdue', 'ComplianceMatrix', 'ComplianceSummary', 'TeamComplianceMatrix',
  'ComplianceSettings', 'SetRenewalPeriod', 'AddComplianceRequirement', 'RemoveComplianceRequirement', 'RefuseCompletions', 'AcceptCompletions',
  'SessionRegister', 'RecordAttendance', 'CorrectAttendance', 'LearningRecord', 'LogInformalLearning', 'ConfirmInformalLearning', 'LearningActivity', 'PeopleLearningRecords',
  'SessionDetails', 'SetPersonDisabled', 'SignIn', 'SignOut', 'UpdateOrganisationEntry', 'Viewer',
  // The server's own.
  'FundingExportEntries', 'FundingExportOverview', 'FundingExportStreams',
]);

/** The label for an operation: its name when known, "anonymous" when it has none, else "other". */
export function operationLabel(name: string | null | undefined): string {
  if (!name) return 'anonymous';
  return KNOWN_OPERATIONS.has(name) ? name : 'other';
}
