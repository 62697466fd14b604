import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useOutletContext, useParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Button, TextInput } from 'nhsuk-react-components';
import { useDocumentTitle } from '../ui/use-document-title';
import type { PartnershipOutletContext } from '../ui/partnership-layout';
import { signInPath } from '../ui/safe-next';
import { useViewer } from '../ui/use-viewer';
import { FindSessionsQuery } from './find-sessions.query';
import { SessionResultCard } from './session-result-card';
import { paths } from '../paths';

const JOINT_SESSIONS_SHOWN = 5;

/**
 * A partnership's front door: what the portal is and who it is for, a search box into Find
 * training, and the partnership's next jointly run courses. The form works without the script
 * too (a GET to Find training with the same q= the results page reads).
 */
export function PartnershipStartPage() {
  const { slug = '' } = useParams();
  const { partnershipName } = useOutletContext<PartnershipOutletContext>();
  const { viewer } = useViewer();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const findTraining = paths.findTraining(slug);
  const name = partnershipName ?? 'the partnership';
  useDocumentTitle([partnershipName]);
  const { data, loading, error } = useQuery(FindSessionsQuery, {
    variables: { partnershipSlug: slug, filter: { jointOnly: true }, first: JOINT_SESSIONS_SHOWN, after: null },
  });
  const joint = data?.sessions.edges ?? [];

  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const q = text.trim();
    void navigate(q ? `${findTraining}?${new URLSearchParams({ q }).toString()}` : findTraining);
  };

  return (
    <>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>Training for health and social care</h1>
          <p className="nhsuk-body-l">
            Find and book courses shared by the NHS trusts, the council, voluntary organisations and care
            providers of {name}. Many are free and open to volunteers.
          </p>
          <form className="portal-start-search" role="search" method="get" action={findTraining} onSubmit={search}>
            <TextInput id="start-search" name="q" label="Search for training" labelProps={{ className: 'nhsuk-label--m' }}
              hint="For example, safeguarding, dementia or first aid" value={text}
              onChange={(event) => setText(event.currentTarget.value)} />
            <Button type="submit">Search</Button>
          </form>
          <p><Link to={findTraining}>Browse all training</Link></p>
          <h2>Who it is for</h2>
          <ul>
            <li>
              <strong>Volunteers and visitors</strong>: search without an account, see the seats left,
              then {viewer ? 'book a place' : <><Link to={paths.register(slug)}>register in a minute</Link> to book a place</>}.
            </li>
            <li><strong>Staff of partner organisations</strong>: book or request a place, and see your own bookings.</li>
            <li>
              <strong>Line managers, L&amp;D leads, training providers, the steering group and administrators</strong>:
              {viewer ? ' your work is in the menu above.' : <> <Link to={signInPath(paths.partnership(slug))}>sign in</Link> to reach your work.</>}
            </li>
          </ul>
        </div>
      </div>
      <section aria-labelledby="joint-training-heading">
        <h2 id="joint-training-heading">Upcoming joint training</h2>
        <p>Courses commissioned or run together by the partner organisations.</p>
        {loading ? <p role="status">Loading joint training…</p> : null}
        {error ? <p>Sorry, the joint training could not be loaded. <Link to={findTraining}>Find training</Link> instead.</p> : null}
        {!loading && !error && joint.length === 0 ? <p>No joint training is planned at the moment.</p> : null}
        {joint.length ? (
          <ul className="nhsuk-list portal-results">
            {joint.map(({ node }) => (
              <li key={node.id}>
                <SessionResultCard session={node} href={paths.session(slug, node.id)} />
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </>
  );
}
