import { lazy } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { PartnershipLayout } from './ui/partnership-layout';
import { SiteLayout } from './ui/site-layout';
import { NotFoundPage } from './ui/not-found-page';
import { ChoosePartnershipPage } from './find-training/choose-partnership-page';
import { FindTrainingPage } from './find-training/find-training-page';
import { SessionPage } from './find-training/session-page';
import { PartnershipStartPage } from './find-training/partnership-start-page';
import { SignedOutPage } from './account/signed-out-page';
import { SignInPage } from './account/sign-in-page';
import { RegisterPage } from './account/register-page';
import { ConfirmRegistrationPage } from './account/confirm-registration-page';
import { ForgotPasswordPage } from './account/forgot-password-page';
import { ResetPasswordPage } from './account/reset-password-page';

import { fundingRoutes } from './funding/funding-routes';

import { AREA_PATHS, COMMISSIONING_PATHS, COMPLIANCE_PATHS, EVALUATION_PATHS, PARTNERSHIP_PAGES, PROVIDER_PATHS, RECORDS_PATHS, SITE_PAGES, partnershipChild } from './route-patterns';

// Pages for administrators, leads and managers load when first opened: most people never see them.
const OrganisationsPage = lazy(() => import('./admin/organisations-page').then((m) => ({ default: m.OrganisationsPage })));
const NewOrganisationPage = lazy(() => import('./admin/new-organisation-page').then((m) => ({ default: m.NewOrganisationPage })));
const PeoplePage = lazy(() => import('./admin/people-page').then((m) => ({ default: m.PeoplePage })));
const ImportPeoplePage = lazy(() => import('./admin/import-people-page').then((m) => ({ default: m.ImportPeoplePage })));
const AuditLogPage = lazy(() => import('./admin/audit-log-page').then((m) => ({ default: m.AuditLogPage })));
const OrganisationPeoplePage = lazy(() => import('./people/people-list-pages').then((m) => ({ default: m.OrganisationPeoplePage })));
const MyBookingsPage = lazy(() => import('./bookings/my-bookings-page').then((m) => ({ default: m.MyBookingsPage })));
const BookingRequestsPage = lazy(() => import('./bookings/booking-requests-page').then((m) => ({ default: m.BookingRequestsPage })));
const OrganisationBookingsPage = lazy(() => import('./bookings/organisation-bookings-page').then((m) => ({ default: m.OrganisationBookingsPage })));
const ProviderCoursesPage = lazy(() => import('./provider/courses-page').then((m) => ({ default: m.ProviderCoursesPage })));
const CourseFormPage = lazy(() => import('./provider/course-form-page').then((m) => ({ default: m.CourseFormPage })));
const SessionFormPage = lazy(() => import('./provider/session-form-page').then((m) => ({ default: m.SessionFormPage })));
const VenueFormPage = lazy(() => import('./provider/venue-form-page').then((m) => ({ default: m.VenueFormPage })));
const SessionRegisterPage = lazy(() => import('./provider/register-page').then((m) => ({ default: m.RegisterPage })));
const MyLearningRecordPage = lazy(() => import('./records/learning-record-page').then((m) => ({ default: m.MyLearningRecordPage })));
const PersonLearningRecordPage = lazy(() => import('./records/learning-record-page').then((m) => ({ default: m.PersonLearningRecordPage })));
const LogLearningPage = lazy(() => import('./records/log-learning-page').then((m) => ({ default: m.LogLearningPage })));
const ProviderSessionPage = lazy(() => import('./provider/provider-session-page').then((m) => ({ default: m.ProviderSessionPage })));
const DirectoryPage = lazy(() => import('./directory/directory-page').then((m) => ({ default: m.DirectoryPage })));
const DirectoryEntryEditPage = lazy(() => import('./directory/directory-entry-edit-page').then((m) => ({ default: m.DirectoryEntryEditPage })));
const SharedDemandPage = lazy(() => import('./commissioning/shared-demand-page').then((m) => ({ default: m.SharedDemandPage })));
const NeedsPage = lazy(() => import('./commissioning/needs-page').then((m) => ({ default: m.NeedsPage })));
const RaiseNeedPage = lazy(() => import('./commissioning/raise-need-page').then((m) => ({ default: m.RaiseNeedPage })));
const ProposalListPage = lazy(() => import('./commissioning/proposal-list-page').then((m) => ({ default: m.ProposalListPage })));
const ProposePage = lazy(() => import('./commissioning/propose-page').then((m) => ({ default: m.ProposePage })));
const ProposalPage = lazy(() => import('./commissioning/proposal-page').then((m) => ({ default: m.ProposalPage })));
const ProposalPledgePage = lazy(() => import('./commissioning/proposal-pledge-page').then((m) => ({ default: m.ProposalPledgePage })));
const ProposalDecisionPage = lazy(() => import('./commissioning/proposal-decision-page').then((m) => ({ default: m.ProposalDecisionPage })));
const FeedbackPage = lazy(() => import('./evaluation/feedback-page').then((m) => ({ default: m.FeedbackPage })));
const ImpactReviewsPage = lazy(() => import('./evaluation/impact-reviews-page').then((m) => ({ default: m.ImpactReviewsPage })));
const ImpactReviewPage = lazy(() => import('./evaluation/impact-review-page').then((m) => ({ default: m.ImpactReviewPage })));
const OutcomesPage = lazy(() => import('./evaluation/outcomes-page').then((m) => ({ default: m.OutcomesPage })));
const ComplianceMatrixPage = lazy(() => import('./compliance/compliance-matrix-page').then((m) => ({ default: m.ComplianceMatrixPage })));
const TeamCompliancePage = lazy(() => import('./compliance/compliance-matrix-page').then((m) => ({ default: m.TeamCompliancePage })));
const ComplianceSummaryPage = lazy(() => import('./compliance/compliance-summary-page').then((m) => ({ default: m.ComplianceSummaryPage })));
const ComplianceSettingsPage = lazy(() => import('./compliance/compliance-settings-page').then((m) => ({ default: m.ComplianceSettingsPage })));
const LearningActivityPage = lazy(() => import('./records/learning-activity-page').then((m) => ({ default: m.LearningActivityPage })));
const OrganisationRecordsPage = lazy(() => import('./records/organisation-records-page').then((m) => ({ default: m.OrganisationRecordsPage })));
const TeamPage = lazy(() => import('./people/people-list-pages').then((m) => ({ default: m.TeamPage })));

export function createAppRouter() {
  return createBrowserRouter([
    { path: SITE_PAGES.home, element: <ChoosePartnershipPage /> },
    {
      path: PARTNERSHIP_PAGES.home,
      element: <PartnershipLayout />,
      children: [
        { index: true, element: <PartnershipStartPage /> },
        { path: partnershipChild(PARTNERSHIP_PAGES.findTraining), element: <FindTrainingPage /> },
        { path: partnershipChild(PARTNERSHIP_PAGES.session), element: <SessionPage /> },
        { path: partnershipChild(PARTNERSHIP_PAGES.register), element: <RegisterPage /> },
        { path: partnershipChild(PARTNERSHIP_PAGES.confirmRegistration), element: <ConfirmRegistrationPage /> },
        { path: partnershipChild(PARTNERSHIP_PAGES.signedOut), element: <SignedOutPage /> },
        { path: partnershipChild(COMMISSIONING_PATHS.sharedDemand), element: <SharedDemandPage /> },
        { path: partnershipChild(COMMISSIONING_PATHS.needs), element: <NeedsPage /> },
        { path: partnershipChild(COMMISSIONING_PATHS.raiseNeed), element: <RaiseNeedPage /> },
        { path: partnershipChild(COMMISSIONING_PATHS.proposals), element: <ProposalListPage /> },
        { path: partnershipChild(COMMISSIONING_PATHS.propose), element: <ProposePage /> },
        { path: partnershipChild(COMMISSIONING_PATHS.proposal), element: <ProposalPage /> },
        { path: partnershipChild(COMMISSIONING_PATHS.pledge), element: <ProposalPledgePage /> },
        { path: partnershipChild(COMMISSIONING_PATHS.decideProposal), element: <ProposalDecisionPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
    {
      element: <SiteLayout />,
      children: [
        { path: SITE_PAGES.signIn, element: <SignInPage /> },
        { path: SITE_PAGES.forgotPassword, element: <ForgotPasswordPage /> },
        { path: SITE_PAGES.resetPassword, element: <ResetPasswordPage /> },
        { path: SITE_PAGES.acceptInvitation, element: <ResetPasswordPage key="invitation" purpose="invitation" /> },
        { path: SITE_PAGES.admin, element: <Navigate to={AREA_PATHS.adminOrganisations} replace /> },
        { path: AREA_PATHS.adminOrganisations, element: <OrganisationsPage /> },
        { path: AREA_PATHS.adminNewOrganisation, element: <NewOrganisationPage /> },
        { path: AREA_PATHS.adminPeople, element: <PeoplePage /> },
        { path: AREA_PATHS.adminImport, element: <ImportPeoplePage /> },
        { path: AREA_PATHS.adminAudit, element: <AuditLogPage /> },
        { path: AREA_PATHS.organisationPeople, element: <OrganisationPeoplePage /> },
        { path: AREA_PATHS.team, element: <TeamPage /> },
        { path: COMPLIANCE_PATHS.organisation, element: <ComplianceMatrixPage /> },
        { path: COMPLIANCE_PATHS.settings, element: <ComplianceSettingsPage /> },
        { path: COMPLIANCE_PATHS.team, element: <TeamCompliancePage /> },
        { path: COMPLIANCE_PATHS.partnership, element: <ComplianceSummaryPage /> },
        { path: AREA_PATHS.myBookings, element: <MyBookingsPage /> },
        { path: AREA_PATHS.bookingRequests, element: <BookingRequestsPage /> },
        { path: AREA_PATHS.organisationBookings, element: <OrganisationBookingsPage /> },
        { path: SITE_PAGES.directory, element: <DirectoryPage /> },
        { path: SITE_PAGES.directoryEntryEdit, element: <DirectoryEntryEditPage /> },
        ...fundingRoutes,
        { path: PROVIDER_PATHS.courses, element: <ProviderCoursesPage /> },
        { path: PROVIDER_PATHS.newCourse, element: <CourseFormPage key="new" /> },
        { path: PROVIDER_PATHS.editCourse, element: <CourseFormPage key="edit" /> },
        { path: PROVIDER_PATHS.newSession, element: <SessionFormPage mode="schedule" /> },
        { path: PROVIDER_PATHS.session, element: <ProviderSessionPage /> },
        { path: PROVIDER_PATHS.changeSession, element: <SessionFormPage mode="change" /> },
        { path: PROVIDER_PATHS.newVenue, element: <VenueFormPage /> },
        { path: EVALUATION_PATHS.feedback, element: <FeedbackPage /> },
        { path: EVALUATION_PATHS.impactReviews, element: <ImpactReviewsPage /> },
        { path: EVALUATION_PATHS.impactReview, element: <ImpactReviewPage /> },
        { path: EVALUATION_PATHS.outcomes, element: <OutcomesPage /> },
        { path: PROVIDER_PATHS.register, element: <SessionRegisterPage /> },
        { path: RECORDS_PATHS.myRecord, element: <MyLearningRecordPage /> },
        { path: RECORDS_PATHS.logLearning, element: <LogLearningPage /> },
        { path: RECORDS_PATHS.personRecord, element: <PersonLearningRecordPage /> },
        { path: RECORDS_PATHS.organisationRecords, element: <OrganisationRecordsPage /> },
        { path: RECORDS_PATHS.activity, element: <LearningActivityPage /> },
      ],
    },
    { path: '*', element: <NotFoundPage standalone /> },
  ]);
}
