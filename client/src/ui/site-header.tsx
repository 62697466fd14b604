import classNames from 'classnames';
import { useEffect, useRef, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { UserIcon } from 'nhsuk-react-components';
import { currentItem, navigationFor } from './navigation';
import { signInPath } from './safe-next';
import { useViewer } from './use-viewer';
import { paths } from '../paths';
import { SITE_PAGES } from '../route-patterns';
import { useSignOutAction } from './sign-out';

/**
 * The NHS.UK header without the NHS logo: the portal belongs to a whole partnership (a council
 * and voluntary bodies as well as NHS trusts), so the partnership's name stands in its place.
 * Under it: who is signed in, with "Sign out" (or "Sign in"), and the areas their roles open.
 */
export function SiteHeader(props: { name: string; href: string; partnershipSlug: string | null }) {
  const { viewer } = useViewer();
  const items = navigationFor(viewer?.roles ?? [], viewer?.partnership.slug ?? props.partnershipSlug, !!viewer);
  // nhsuk-frontend's header script moves the links that do not fit into its "More" menu, behind
  // React's back: a new set of links gets a new header (and a new script instance) rather than
  // React inserting into lists the script has rearranged.
  return <HeaderWithMenu key={items.map((item) => item.href).join(' ')} {...props} />;
}

/**
 * The NHS.UK header's responsive navigation: links that do not fit on one line (on a phone,
 * most of them) go behind a "More" button, run by nhsuk-frontend's own Header component.
 */
function useNhsukHeader() {
  const header = useRef<HTMLElement>(null);
  useEffect(() => {
    let instance: { resizeObserver: ResizeObserver | null; handleResizeMenu: () => void } | null = null;
    let gone = false;
    void import('nhsuk-frontend').then(({ Header }) => {
      if (gone || !header.current) return;
      instance = new Header(header.current);
    });
    return () => {
      gone = true;
      instance?.resizeObserver?.disconnect();
      if (instance) window.removeEventListener('resize', instance.handleResizeMenu);
    };
  }, []);
  return header;
}

function HeaderWithMenu({ name, href, partnershipSlug }: { name: string; href: string; partnershipSlug: string | null }) {
  const { pathname, search } = useLocation();
  const { viewer, loading } = useViewer();
  const { signOut, signingOut } = useSignOutAction();
  const slug = viewer?.partnership.slug ?? partnershipSlug;
  const items = navigationFor(viewer?.roles ?? [], slug, !!viewer);
  const current = currentItem(items, pathname);
  const header = useNhsukHeader();

  const submitSignOut = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!signingOut && viewer) void signOut(paths.signedOut(viewer.partnership.slug));
  };

  return (
    <header className="nhsuk-header" role="banner" data-module="nhsuk-header" ref={header}>
      <div className="nhsuk-header__container nhsuk-width-container">
        <div className="nhsuk-header__service">
          <Link className="nhsuk-header__service-name" to={href}>
            <span className="portal-header__name">{name}</span>
            <span className="portal-header__descriptor">Learning and development</span>
          </Link>
        </div>
        {loading || (!viewer && pathname === SITE_PAGES.signIn) ? null : (
          <nav className="nhsuk-header__account" aria-label="Account">
            <ul className="nhsuk-header__account-list">
              {viewer ? (
                <>
                  <li className="nhsuk-header__account-item" data-testid="signed-in-as">
                    <UserIcon />
                    <span><span className="nhsuk-u-visually-hidden">Signed in as </span>{viewer.name}</span>
                  </li>
                  <li className="nhsuk-header__account-item">
                    <form className="nhsuk-header__account-form" method="post" noValidate onSubmit={submitSignOut}>
                      <button className="nhsuk-header__account-button" type="submit">Sign out</button>
                    </form>
                  </li>
                </>
              ) : (
                <li className="nhsuk-header__account-item">
                  <Link className="nhsuk-header__account-link" to={signInPath(`${pathname}${search}`)}>Sign in</Link>
                </li>
              )}
            </ul>
          </nav>
        )}
      </div>
      <nav className="nhsuk-header__navigation portal-header__navigation" aria-label="Menu">
        <div className="nhsuk-header__navigation-container nhsuk-width-container">
          <ul className="nhsuk-header__navigation-list">
            {items.map((item) => {
              const isCurrent = item === current;
              const ariaCurrent = isCurrent ? (pathname === item.href ? 'page' : 'true') : undefined;
              return (
                <li key={item.href} className={classNames('nhsuk-header__navigation-item',
                  { 'nhsuk-header__navigation-item--current': isCurrent })}>
                  <Link className="nhsuk-header__navigation-link" to={item.href} aria-current={ariaCurrent}>
                    {isCurrent ? <strong className="nhsuk-header__navigation-item-current-fallback">{item.text}</strong> : item.text}
                  </Link>
                </li>
              );
            })}
            <li className="nhsuk-header__menu" hidden>
              <button className="nhsuk-header__menu-toggle nhsuk-header__navigation-link" type="button" aria-expanded="false">
                <span className="nhsuk-u-visually-hidden">Browse </span>More
              </button>
            </li>
          </ul>
        </div>
      </nav>
    </header>
  );
}
