import { describe, expect, it } from '@jest/globals';
import { pageNumberOf } from '../ui/paging';
import {
  EMPTY_FORM, formFieldForApiPath, hasFilters, nextPageParams, parseSearchParams, previousPageParams,
  readDateFields, searchParamsFromForm, sortParams, validateForm, type FilterForm,
} from './filter-params';

const volunteerSearch: FilterForm = {
  ...EMPTY_FORM,
  text: '  safeguarding ',
  audience: 'VOLUNTEERS',
  freeOnly: true,
  town: 'Peterborough',
  includeOnline: true,
};

describe('searchParamsFromForm', () => {
  it('writes only the filters that are set, trimmed, with readable values', () => {
    expect(searchParamsFromForm(volunteerSearch).toString())
      .toBe('q=safeguarding&audience=volunteers&free=yes&town=Peterborough&online=yes');
  });

  it('writes an empty form as no parameters at all', () => {
    expect(searchParamsFromForm(EMPTY_FORM).toString()).toBe('');
  });

  it('writes dates as YYYY-MM-DD and delivery in words', () => {
    const params = searchParamsFromForm({
      ...EMPTY_FORM, deliveryMode: 'IN_PERSON', withSeatsOnly: true,
      from: { day: '8', month: '12', year: '2026' }, to: { day: '31', month: '1', year: '2027' },
    });
    expect(params.get('delivery')).toBe('in-person');
    expect(params.get('seats')).toBe('yes');
    expect(params.get('from')).toBe('2026-12-08');
    expect(params.get('to')).toBe('2027-01-31');
  });
});

describe('parseSearchParams', () => {
  it('reads back what searchParamsFromForm wrote', () => {
    const form = { ...volunteerSearch, text: 'safeguarding', deliveryMode: 'BLENDED' as const,
      from: { day: '8', month: '12', year: '2026' }, to: { day: '9', month: '12', year: '2026' } };
    expect(parseSearchParams(searchParamsFromForm(form)).form).toEqual(form);
  });

  it('builds the API filter for the volunteer journey', () => {
    const { filter, after, prev, errors } = parseSearchParams(searchParamsFromForm(volunteerSearch));
    expect(filter).toEqual({
      text: 'safeguarding', audience: 'VOLUNTEERS', freeOnly: true, town: 'Peterborough', includeOnline: true,
    });
    expect(after).toBeNull();
    expect(prev).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('gives an empty filter and form for an empty address', () => {
    const parsed = parseSearchParams(new URLSearchParams());
    expect(parsed.filter).toEqual({});
    expect(parsed.form).toEqual(EMPTY_FORM);
  });

  it('sends "include online" only together with a town', () => {
    expect(parseSearchParams(new URLSearchParams('online=yes')).filter).toEqual({});
    expect(parseSearchParams(new URLSearchParams('online=yes')).form.includeOnline).toBe(true);
  });

  it('turns dates into London midnight, GMT in winter and BST in summer', () => {
    const { filter } = parseSearchParams(new URLSearchParams('from=2026-12-08&to=2026-12-08'));
    expect(filter.from).toBe('2026-12-08T00:00:00.000Z');
    // The "to" day is included: the bound is the next midnight.
    expect(filter.to).toBe('2026-12-09T00:00:00.000Z');
    expect(parseSearchParams(new URLSearchParams('from=2026-07-01')).filter.from).toBe('2026-06-30T23:00:00.000Z');
  });

  it('handles the days the clocks change', () => {
    // Clocks go forward at 1am on 29 March 2026 and back at 2am BST on 25 October 2026.
    expect(parseSearchParams(new URLSearchParams('from=2026-03-29')).filter.from).toBe('2026-03-29T00:00:00.000Z');
    expect(parseSearchParams(new URLSearchParams('from=2026-03-30')).filter.from).toBe('2026-03-29T23:00:00.000Z');
    expect(parseSearchParams(new URLSearchParams('from=2026-10-25')).filter.from).toBe('2026-10-24T23:00:00.000Z');
    expect(parseSearchParams(new URLSearchParams('to=2026-10-25')).filter.to).toBe('2026-10-26T00:00:00.000Z');
  });

  it('reports a date in the address that does not exist, and leaves it out of the filter', () => {
    const parsed = parseSearchParams(new URLSearchParams('from=2026-02-30&to=soon&q=first+aid'));
    expect(parsed.errors.map((e) => e.field)).toEqual(['from', 'to']);
    expect(parsed.filter).toEqual({ text: 'first aid' });
  });

  it('ignores values it does not know rather than sending them', () => {
    const { filter } = parseSearchParams(new URLSearchParams('audience=everyone&delivery=pigeon&free=1'));
    expect(filter).toEqual({});
  });
});

describe('paging', () => {
  const page1 = searchParamsFromForm(volunteerSearch);

  it('goes forward keeping the filter and a stack of earlier cursors', () => {
    const page2 = nextPageParams(page1, 'C1');
    expect(page2.get('after')).toBe('C1');
    expect(page2.get('q')).toBe('safeguarding');
    expect(pageNumberOf(parseSearchParams(page2))).toBe(2);
    const page3 = nextPageParams(page2, 'C2');
    expect(parseSearchParams(page3).prev).toEqual(['', 'C1']);
    expect(pageNumberOf(parseSearchParams(page3))).toBe(3);
  });

  it('goes back the way it came, to a first page with no paging keys', () => {
    const page3 = nextPageParams(nextPageParams(page1, 'C1'), 'C2');
    const back2 = previousPageParams(page3);
    expect(back2.get('after')).toBe('C1');
    expect(pageNumberOf(parseSearchParams(back2))).toBe(2);
    expect(previousPageParams(back2).toString()).toBe(page1.toString());
  });

  it('treats a page link with no stack as the second page', () => {
    const parsed = parseSearchParams(new URLSearchParams('after=C9'));
    expect(parsed.prev).toEqual(['']);
    expect(previousPageParams(new URLSearchParams('after=C9')).toString()).toBe('');
  });

  it('starts a new search on page 1', () => {
    expect(searchParamsFromForm(parseSearchParams(nextPageParams(page1, 'C1')).form).has('after')).toBe(false);
  });
});

describe('form checks', () => {
  it('accepts blank dates', () => {
    expect(validateForm(EMPTY_FORM)).toEqual([]);
  });

  it('says which part of a date is missing', () => {
    expect(readDateFields({ day: '8', month: '', year: '' }, 'From date').error)
      .toBe('From date must include a month and year');
    expect(readDateFields({ day: '', month: '12', year: '2026' }, 'To date').error).toBe('To date must include a day');
  });

  it('refuses dates that do not exist', () => {
    const errors = validateForm({ ...EMPTY_FORM, from: { day: '31', month: '6', year: '2026' },
      to: { day: '1', month: '1', year: '26' } });
    expect(errors).toEqual([
      { field: 'from', message: 'From date must be a real date, for example 8 12 2026' },
      { field: 'to', message: 'To date must be a real date, for example 8 12 2026' },
    ]);
  });
});

describe('hasFilters and formFieldForApiPath', () => {
  it('knows when a filter is set, ignoring paging', () => {
    expect(hasFilters(new URLSearchParams('after=C1&prev='))).toBe(false);
    expect(hasFilters(new URLSearchParams('town=Wisbech'))).toBe(true);
  });

  it('maps API error paths to form fields', () => {
    expect(formFieldForApiPath(['filter', 'to'])).toBe('to');
    expect(formFieldForApiPath(['filter', 'near', 'latitude'])).toBeNull();
    expect(formFieldForApiPath(['after'])).toBeNull();
  });
});

describe('sort in the address', () => {
  it('is soonest first unless the address says distance and has a town', () => {
    expect(parseSearchParams(new URLSearchParams('q=first+aid')).sort).toBe('DATE');
    expect(parseSearchParams(new URLSearchParams('town=Wisbech&sort=distance')).sort).toBe('DISTANCE');
    // No town to measure from: the order falls back to dates rather than an error.
    expect(parseSearchParams(new URLSearchParams('sort=distance')).sort).toBe('DATE');
    expect(parseSearchParams(new URLSearchParams('town=Wisbech&sort=price')).sort).toBe('DATE');
  });

  it('starts again at page 1 in the new order, keeping the filters', () => {
    const paged = new URLSearchParams('town=Wisbech&free=yes&after=abc&prev=');
    expect(sortParams(paged, 'DISTANCE').toString()).toBe('free=yes&town=Wisbech&sort=distance');
    expect(sortParams(new URLSearchParams('town=Wisbech&sort=distance&after=abc&prev='), 'DATE').toString()).toBe('town=Wisbech');
  });

  it('survives paging both ways', () => {
    const first = new URLSearchParams('town=Wisbech&sort=distance');
    const second = nextPageParams(first, 'cursor-1');
    expect(parseSearchParams(second).sort).toBe('DISTANCE');
    expect(parseSearchParams(previousPageParams(second)).sort).toBe('DISTANCE');
  });

  it('is kept by a new search while there is a town, and is not a filter to clear', () => {
    expect(searchParamsFromForm({ ...EMPTY_FORM, town: 'Wisbech' }, 'DISTANCE').get('sort')).toBe('distance');
    expect(searchParamsFromForm({ ...EMPTY_FORM, town: ' ' }, 'DISTANCE').get('sort')).toBeNull();
    expect(hasFilters(new URLSearchParams('sort=distance'))).toBe(false);
  });
});
