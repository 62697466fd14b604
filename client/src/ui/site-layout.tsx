import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { findTrainingPath } from '../account/navigation';
import { useViewer } from '../account/use-viewer';
import { PageLayout, PORTAL_NAME } from './page-layout';

/**
 * Every page outside a partnership's address (signing in, the admin area): the header names the
 * signed-in person's partnership, or the portal when nobody is signed in.
 */
export function SiteLayout() {
  const { viewer } = useViewer();
  const partnership = viewer?.partnership ?? null;
  return (
    <PageLayout serviceName={partnership?.name ?? PORTAL_NAME} serviceHref={partnership ? findTrainingPath(partnership.slug) : '/'}
      partnershipSlug={partnership?.slug ?? null}>
      <Suspense fallback={<p role="status">Loading…</p>}>
        <Outlet />
      </Suspense>
    </PageLayout>
  );
}
