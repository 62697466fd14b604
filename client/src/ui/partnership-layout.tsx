import { Outlet, useParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { PartnershipBySlugQuery } from './partnership-by-slug.query';
import { PageLayout, PORTAL_NAME } from './page-layout';
import { NotFoundPage } from './not-found-page';
import { paths } from '../paths';

export interface PartnershipOutletContext {
  partnershipName: string | null;
}

/** Every page under /p/:slug: the header names the partnership; an unknown slug is a 404. */
export function PartnershipLayout() {
  const { slug = '' } = useParams();
  const { data, loading, error } = useQuery(PartnershipBySlugQuery, { variables: { slug } });
  const partnership = data?.partnership ?? null;
  const unknown = !loading && !error && !partnership;

  return (
    <PageLayout serviceName={partnership?.name ?? PORTAL_NAME} serviceHref={paths.findTraining(slug)}
      partnershipSlug={partnership ? slug : null}>
      {unknown ? <NotFoundPage /> : <Outlet context={{ partnershipName: partnership?.name ?? null } satisfies PartnershipOutletContext} />}
    </PageLayout>
  );
}
