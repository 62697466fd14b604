import { createBrowserRouter, Navigate } from 'react-router';
import { PartnershipLayout } from './ui/partnership-layout';
import { NotFoundPage } from './ui/not-found-page';
import { ChoosePartnershipPage } from './find-training/choose-partnership-page';
import { FindTrainingPage } from './find-training/find-training-page';
import { SessionPage } from './find-training/session-page';

export function createAppRouter() {
  return createBrowserRouter([
    { path: '/', element: <ChoosePartnershipPage /> },
    {
      path: '/p/:slug',
      element: <PartnershipLayout />,
      children: [
        { index: true, element: <Navigate to="find-training" replace /> },
        { path: 'find-training', element: <FindTrainingPage /> },
        { path: 'sessions/:id', element: <SessionPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
    { path: '*', element: <NotFoundPage standalone /> },
  ]);
}
