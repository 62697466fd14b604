import { useMemo, useState } from 'react';
import { useLocation, useNavigate, useOutletContext, useParams, useSearchParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { useDocumentTitle } from '../ui/use-document-title';
import { userErrorsOf } from '../ui/graphql-user-errors';
import { pageNumberOf } from '../ui/paging';
import type { PartnershipOutletContext } from '../ui/partnership-layout';
import { FindSessionsQuery } from './find-sessions.query';
import {
  formFieldForApiPath, hasFilters, PAGE_SIZE, parseSearchParams, searchParamsFromForm, validateForm,
  type FieldError, type FilterField, type FilterForm,
} from './filter-params';
import { FilterErrorSummary } from './filter-error-summary';
import { SessionFilterForm } from './session-filter-form';
import { SessionResults } from './session-results';

/**
 * On a phone the filters stack above the results and fill the screen: after a search, scroll to
 * the results (their heading announces the count) rather than leave the person at the form.
 * On a wide screen the results are beside the form and already in view.
 */
function showResults() {
  const heading = document.getElementById('results-heading');
  if (!heading) return;
  const { top } = heading.getBoundingClientRect();
  if (top < 0 || top > window.innerHeight * 0.6) heading.scrollIntoView({ block: 'start' });
}

/**
 * Find training: the search is read from the address on every render, so the back button,
 * bookmarks and shared links all show the same results. Submitting the form pushes a new
 * address; the form only holds what is being typed until then.
 */
export function FindTrainingPage() {
  const { slug = '' } = useParams();
  const { partnershipName } = useOutletContext<PartnershipOutletContext>();
  const [searchParams] = useSearchParams();
  const { pathname, search } = useLocation();
  const navigate = useNavigate();
  const parsed = useMemo(() => parseSearchParams(new URLSearchParams(search)), [search]);

  const [form, setForm] = useState<FilterForm>(parsed.form);
  const [formErrors, setFormErrors] = useState<FieldError[]>([]);
  // A new address (search, paging, back button) replaces whatever was typed but not submitted.
  const [formSearch, setFormSearch] = useState(search);
  if (formSearch !== search) {
    setFormSearch(search);
    setForm(parsed.form);
    setFormErrors([]);
  }

  const { data, loading, error } = useQuery(FindSessionsQuery, {
    variables: { partnershipSlug: slug, filter: parsed.filter, sort: parsed.sort, first: PAGE_SIZE, after: parsed.after },
    skip: parsed.errors.length > 0,
  });

  const apiErrors: FieldError[] = userErrorsOf(error).map((userError) => ({
    field: formFieldForApiPath(userError.field), message: userError.message,
  }));
  const errors = formErrors.length ? formErrors : [...parsed.errors, ...apiErrors];
  const errorsByField: Partial<Record<FilterField, string>> = {};
  for (const { field, message } of errors) {
    if (field && !errorsByField[field]) errorsByField[field] = message;
  }

  useDocumentTitle(['Find training', partnershipName], errors.length > 0);

  const submit = () => {
    const problems = validateForm(form);
    setFormErrors(problems);
    if (problems.length) return;
    const next = searchParamsFromForm(form, parsed.sort).toString();
    navigate({ pathname, search: next ? `?${next}` : '' }, { preventScrollReset: true });
    showResults();
  };

  const clearHref = hasFilters(searchParams) ? pathname : null;
  const failed = !!error && apiErrors.length === 0;

  return (
    <>
      <FilterErrorSummary errors={errors} />
      <h1>Find training</h1>
      <p className="nhsuk-body-l">
        Courses open to people who work or volunteer across {partnershipName ?? 'the partnership'}.
      </p>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-one-third">
          <SessionFilterForm form={form} errors={errorsByField} onChange={setForm} onSubmit={submit}
            clearHref={clearHref} />
        </div>
        <div className="nhsuk-grid-column-two-thirds">
          <SessionResults slug={slug} params={searchParams} sort={parsed.sort} town={parsed.form.town} page={pageNumberOf(parsed)} loading={loading}
            failed={failed} sessions={data?.sessions ?? null} clearHref={clearHref} />
        </div>
      </div>
    </>
  );
}
