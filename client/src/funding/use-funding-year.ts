import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { financialYearOf, yearFromParam, yearToParam } from './financial-year';

export interface FundingYear {
  /** "2025/26", as the API writes it. */
  year: string;
  /** "2025-26", as addresses write it. */
  param: string;
  /** The year it is now, in the UK. */
  current: string;
  /** The address named something that is not a financial year (the current one is shown). */
  invalidParam: string | null;
}

/** The year a funding page shows: ?year=2025-26, or the current UK financial year. */
export function useFundingYear(): FundingYear {
  const [params] = useSearchParams();
  // Read the clock once per page: the default must not change under a person mid-visit.
  const [current] = useState(() => financialYearOf(new Date()));
  const asked = params.get('year');
  const chosen = yearFromParam(asked);
  const year = chosen ?? current;
  return { year, param: yearToParam(year) ?? '', current, invalidParam: asked && !chosen ? asked : null };
}
