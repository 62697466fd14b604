import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { useViewer } from './use-viewer';
import { PageLayout, PORTAL_NAME } from './page-layout';
import { paths } from '../paths';

/**
 * Every page outside a partnership's address (signing in, the admin area): the header names the
 * signed-in person's partnership, or the portal when nobody is signed in.
 */
export function SiteLayout() {
  const { viewer } = useViewer();
  const partnership = viewer?.partnership ?? null;
  return (
    <PageLayout serviceName={partnership?.name ?? PORTAL_NAME} serviceHref={partnership ? paths.findTraining(partnership.slug) : '/'}
      partnershipSlug={partnership?.slug ?? null}>
      <Suspense fallback={<p role="status">Loading…</p>}>
        <Outlet />
      </Suspense>
    </PageLayout>
  );
}
