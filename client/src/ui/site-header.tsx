import { Link } from 'react-router';

/**
 * The NHS.UK header without the NHS logo: the portal belongs to a whole partnership (a council
 * and voluntary bodies as well as NHS trusts), so the partnership's name stands in its place.
 */
export function SiteHeader({ name, href }: { name: string; href: string }) {
  return (
    <header className="nhsuk-header" role="banner">
      <div className="nhsuk-header__container nhsuk-width-container">
        <div className="nhsuk-header__service">
          <Link className="nhsuk-header__service-name" to={href}>
            <span className="portal-header__name">{name}</span>
            <span className="portal-header__descriptor">Learning and development</span>
          </Link>
        </div>
      </div>
    </header>
  );
}
