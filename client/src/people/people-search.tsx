import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { Button, Select, TextInput } from 'nhsuk-react-components';
import { firstPageSearch, hrefWith, pageNumberOf, pageStateOf, showingText, type PageState } from '../ui/paging';

/** The search of a people list, from the address: ?q=…&organisation=…, plus paging. */
export interface PeopleSearch extends PageState {
  search: string;
  organisationId: string;
  page: number;
}

export function usePeopleSearch(): PeopleSearch {
  const { search } = useLocation();
  const params = new URLSearchParams(search);
  const paging = pageStateOf(params);
  return { search: params.get('q') ?? '', organisationId: params.get('organisation') ?? '', ...paging, page: pageNumberOf(paging) };
}

/**
 * Search by name or email, and, where the person may choose, by organisation. Submitting puts
 * the search in the address (page 1), so the list can be bookmarked and gone back to.
 */
export function PeopleSearchForm({ current, organisations, allOrganisationsLabel }: {
  current: PeopleSearch;
  /** Organisations to choose between; none: no choice. */
  organisations?: ReadonlyArray<{ id: string; name: string }>;
  /** The first option, when there is one for "all": "All organisations". */
  allOrganisationsLabel?: string;
}) {
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  const [text, setText] = useState(current.search);
  const [organisationId, setOrganisationId] = useState(current.organisationId);
  // A new address (back button, a link) replaces what was typed but not searched for.
  const [formSearch, setFormSearch] = useState(search);
  if (formSearch !== search) {
    setFormSearch(search);
    setText(current.search);
    setOrganisationId(current.organisationId);
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void navigate(hrefWith(pathname, firstPageSearch({ q: text, organisation: organisationId })));
  };

  return (
    <form method="get" noValidate onSubmit={submit} aria-label="Search people" className="portal-people-search">
      <TextInput id="people-search" name="q" label="Name or email address" labelProps={{ size: 's' }} type="search"
        autoComplete="off" spellCheck={false} value={text} onChange={(event) => setText(event.currentTarget.value)} />
      {organisations && organisations.length > 1 ? (
        <Select id="people-organisation" name="organisation" label="Organisation" labelProps={{ size: 's' }}
          value={organisationId} onChange={(event) => setOrganisationId(event.currentTarget.value)}>
          {allOrganisationsLabel ? <Select.Option value="">{allOrganisationsLabel}</Select.Option> : null}
          {organisations.map((organisation) => (
            <Select.Option key={organisation.id} value={organisation.id}>{organisation.name}</Select.Option>
          ))}
        </Select>
      ) : null}
      <Button type="submit" secondary>Search</Button>
      {current.search || current.organisationId ? <p><Link to={pathname}>Clear search</Link></p> : null}
    </form>
  );
}

/** The count of the list in a live region, so a screen reader hears it after each search. */
export function PeopleCount({ loading, total, shown, page, pageSize }: {
  loading: boolean; total: number | null; shown: number; page: number; pageSize: number;
}) {
  let status = 'People';
  if (loading) status = 'Searching…';
  else if (total !== null) status = total === 1 ? '1 person' : `${total.toLocaleString('en-GB')} people`;
  return (
    <div role="status" aria-live="polite" aria-atomic="true">
      <h2 className="nhsuk-heading-m" id="people-count">{status}</h2>
      {!loading && total !== null && total > pageSize ? <p className="nhsuk-body-s">{showingText(page, pageSize, shown, total)}</p> : null}
    </div>
  );
}
