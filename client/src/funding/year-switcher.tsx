import { useState, type FormEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Button, Select } from 'nhsuk-react-components';
import { pageOneSearch } from '../ui/paging';
import { yearOptions, yearSpanText, yearToParam } from './financial-year';
import { FundingYearsQuery } from './funding.operations';
import type { FundingYear } from './use-funding-year';

/**
 * Choose the financial year: the years the partnership has streams in, and this year. The
 * choice goes into the address (?year=2025-26), keeping the rest of it, so back and forward
 * and shared links show the same year.
 */
export function YearSwitcher({ partnershipSlug, shown }: { partnershipSlug: string; shown: FundingYear }) {
  const { pathname, search } = useLocation();
  const navigate = useNavigate();
  const { data } = useQuery(FundingYearsQuery, { variables: { partnershipSlug } });
  const [chosen, setChosen] = useState(shown.year);
  const options = yearOptions((data?.fundingStreams ?? []).map((stream) => stream.financialYear), shown.current, shown.year);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const params = pageOneSearch(new URLSearchParams(search));
    params.set('year', yearToParam(chosen) ?? '');
    void navigate(`${pathname}?${params.toString()}`);
  };

  return (
    <form className="funding-year-switcher" noValidate onSubmit={submit} aria-label="Choose the financial year">
      <Select id="financial-year" name="year" label="Financial year" labelProps={{ size: 's' }} value={chosen}
        onChange={(event) => setChosen(event.currentTarget.value)}>
        {options.map((label) => (
          <Select.Option key={label} value={label}>{label}{label === shown.current ? ' (this year)' : ''}</Select.Option>
        ))}
      </Select>
      <Button type="submit" secondary>Show year</Button>
    </form>
  );
}

/** The year's heading, what it covers, and the switcher: shared by the overview pages. */
export function YearHeading({ title, caption, year, slug }: { title: string; caption: string; year: FundingYear; slug: string }) {
  return (
    <>
      <h1><span className="nhsuk-caption-l">{caption}</span>{title}</h1>
      <p className="nhsuk-lede-text funding-lede">{year.year}: {yearSpanText(year.year)}.</p>
      {year.invalidParam ? (
        <p className="nhsuk-error-message" role="alert">“{year.invalidParam}” is not a financial year, so this is {year.year}. Choose another below.</p>
      ) : null}
      <YearSwitcher key={year.year} partnershipSlug={slug} shown={year} />
    </>
  );
}
