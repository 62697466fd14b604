import { Footer } from 'nhsuk-react-components';

/** The footer names who runs the portal; the component's default would claim "© NHS England". */
export function SiteFooter({ owner }: { owner: string }) {
  return (
    <Footer>
      <Footer.Meta>
        <Footer.Copyright>
          {`© ${new Date().getFullYear()} ${owner}. Partnership Portal is run jointly by the partner organisations.`}
        </Footer.Copyright>
      </Footer.Meta>
    </Footer>
  );
}
