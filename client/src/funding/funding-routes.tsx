import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { FUNDING_PATHS } from '../route-patterns';
import { SITE_PAGES } from '../route-patterns';

// The funding pages load when first opened, each its own chunk: volunteers and learners, who
// never see them, never download them (nor the chart library they load in turn).
const FundingOverviewPage = lazy(() => import('./funding-overview-page').then((m) => ({ default: m.FundingOverviewPage })));
const LedgerEntriesPage = lazy(() => import('./ledger-entries-page').then((m) => ({ default: m.LedgerEntriesPage })));
const FundingStreamPage = lazy(() => import('./funding-stream-page').then((m) => ({ default: m.FundingStreamPage })));
const FundingOrganisationPage = lazy(() => import('./funding-organisation-page').then((m) => ({ default: m.FundingOrganisationPage })));
const MyOrganisationFundingPage = lazy(() => import('./funding-organisation-page').then((m) => ({ default: m.MyOrganisationFundingPage })));
const FundingAdminPage = lazy(() => import('./funding-admin-page').then((m) => ({ default: m.FundingAdminPage })));
const NewFundingStreamPage = lazy(() => import('./new-funding-stream-page').then((m) => ({ default: m.NewFundingStreamPage })));
const RecordEntryPage = lazy(() => import('./record-entry-page').then((m) => ({ default: m.RecordEntryPage })));

/** The funding area's pages, for the site layout's routes. */
export const fundingRoutes: RouteObject[] = [
  { path: FUNDING_PATHS.overview, element: <FundingOverviewPage /> },
  { path: FUNDING_PATHS.entries, element: <LedgerEntriesPage /> },
  { path: SITE_PAGES.fundingStream, element: <FundingStreamPage /> },
  { path: SITE_PAGES.fundingOrganisation, element: <FundingOrganisationPage /> },
  { path: FUNDING_PATHS.myOrganisation, element: <MyOrganisationFundingPage /> },
  { path: FUNDING_PATHS.admin, element: <FundingAdminPage /> },
  { path: FUNDING_PATHS.adminNewStream, element: <NewFundingStreamPage /> },
  { path: FUNDING_PATHS.adminRecordEntry, element: <RecordEntryPage /> },
];
