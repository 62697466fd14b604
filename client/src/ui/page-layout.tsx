import { useEffect, useRef, type ReactNode } from 'react';
import { ScrollRestoration, useLocation } from 'react-router';
import { SkipLink } from 'nhsuk-react-components';
import { SiteHeader } from './site-header';
import { SiteFooter } from './site-footer';

export const PORTAL_NAME = 'Partnership Portal';

/**
 * Skip link, header, one main landmark and footer around every page. When the path changes
 * (a new page, not a new search on the same page) focus moves to the main content, so screen
 * reader users land on the new page rather than wherever the old link was. Scrolling is left
 * to ScrollRestoration: the top for a new page, where you were when going back.
 */
export function PageLayout(props: {
  serviceName: string;
  serviceHref: string;
  /** The partnership the page belongs to, if any: where "Find training" goes for a visitor. */
  partnershipSlug?: string | null;
  children: ReactNode;
}) {
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  const firstPath = useRef(pathname);

  useEffect(() => {
    if (firstPath.current === pathname) return;
    firstPath.current = '';
    main.current?.focus({ preventScroll: true });
  }, [pathname]);

  return (
    <>
      <ScrollRestoration />
      <SkipLink href="#maincontent">Skip to main content</SkipLink>
      <SiteHeader name={props.serviceName} href={props.serviceHref} partnershipSlug={props.partnershipSlug ?? null} />
      <div className="nhsuk-width-container">
        <main className="nhsuk-main-wrapper" id="maincontent" tabIndex={-1} ref={main}>
          {props.children}
        </main>
      </div>
      <SiteFooter owner={props.serviceName === PORTAL_NAME ? 'The partner organisations' : props.serviceName} />
    </>
  );
}
