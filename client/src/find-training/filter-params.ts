import type { Audience, DeliveryMode, SessionFilter, SessionSort } from '../gql/graphql';
import {
  addDays, isRealCalendarDate, londonMidnight, parseIsoCalendarDate, toIsoCalendarDate, type CalendarDate,
} from '../ui/uk-date-time';
import { nextPageSearch, pageOneSearch, pageStateOf, previousPageSearch } from '../ui/paging';

/**
 * The search lives in the address, so a search can be bookmarked, shared and gone back to.
 * This module is the one place that maps between the address (URLSearchParams), what the
 * form shows, and the API's SessionFilter. It does no I/O.
 *
 * Address keys: q, audience (staff | volunteers), free, seats, delivery (online | in-person |
 * blended), town, online (also online sessions), from and to (YYYY-MM-DD, both inclusive),
 * sort (distance: nearest first, only with a town; soonest first when absent),
 * after (the cursor of this page) and prev (the cursors of the pages before, first page as "").
 */

export interface DateFields {
  day: string;
  month: string;
  year: string;
}

export interface FilterForm {
  text: string;
  audience: Audience | '';
  freeOnly: boolean;
  withSeatsOnly: boolean;
  deliveryMode: DeliveryMode | '';
  town: string;
  includeOnline: boolean;
  from: DateFields;
  to: DateFields;
}

export type FilterField = keyof FilterForm;

export interface FieldError {
  /** The form field it concerns, or null when no field can fix it (a stale page link). */
  field: FilterField | null;
  message: string;
}

export interface ParsedSearch {
  form: FilterForm;
  filter: SessionFilter;
  /** DISTANCE only when the address has both sort=distance and a town to measure from. */
  sort: SessionSort;
  /** Cursor of the page shown; null on the first page. */
  after: string | null;
  /** Cursors of the pages before this one, oldest first; the first page is "". */
  prev: string[];
  /** Problems with the address itself (hand-edited, or a date that does not exist). */
  errors: FieldError[];
}

export const PAGE_SIZE = 10;

const EMPTY_DATE: DateFields = { day: '', month: '', year: '' };

export const EMPTY_FORM: FilterForm = {
  text: '', audience: '', freeOnly: false, withSeatsOnly: false, deliveryMode: '', town: '', includeOnline: false,
  from: EMPTY_DATE, to: EMPTY_DATE,
};

const AUDIENCE_IN_URL: Record<Audience, string> = { STAFF: 'staff', VOLUNTEERS: 'volunteers' };
const DELIVERY_IN_URL: Record<DeliveryMode, string> = { ONLINE: 'online', IN_PERSON: 'in-person', BLENDED: 'blended' };
const YES = 'yes';
/** Keys of the filter itself; paging keys are not among them, so a new search starts at page 1. */
const FILTER_KEYS = ['q', 'audience', 'free', 'seats', 'delivery', 'town', 'online', 'from', 'to'];
/** The order is not a filter (clearing filters drops it with the town it needs) but paging keeps it. */
const SORT_KEY = 'sort';
const DISTANCE_IN_URL = 'distance';

const DATE_LABEL = { from: 'From date', to: 'To date' } as const;

function keyFor<T extends string>(map: Record<T, string>, value: string | null): T | '' {
  const entry = Object.entries(map).find(([, inUrl]) => inUrl === value);
  return (entry?.[0] as T | undefined) ?? '';
}

function dateFieldsOf(date: CalendarDate | null): DateFields {
  return date ? { day: String(date.day), month: String(date.month), year: String(date.year) } : EMPTY_DATE;
}

function isBlank(fields: DateFields): boolean {
  return !fields.day.trim() && !fields.month.trim() && !fields.year.trim();
}

/** A typed date, or an error message in the NHS.UK style; null date and no error when left blank. */
export function readDateFields(fields: DateFields, label: string): { date: CalendarDate | null; error?: string } {
  if (isBlank(fields)) return { date: null };
  const missing = (['day', 'month', 'year'] as const).filter((part) => !fields[part].trim());
  if (missing.length) {
    const list = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} and ${missing.at(-1)}`;
    return { date: null, error: `${label} must include a ${list}` };
  }
  const [day, month, year] = [fields.day, fields.month, fields.year].map((part) => part.trim());
  if (![day, month, year].every((part) => /^\d+$/.test(part)) || year.length !== 4) {
    return { date: null, error: `${label} must be a real date, for example 8 12 2026` };
  }
  const date = { year: Number(year), month: Number(month), day: Number(day) };
  if (!isRealCalendarDate(date)) return { date: null, error: `${label} must be a real date, for example 8 12 2026` };
  return { date };
}

/** Checks the form can be put in the address; the API checks the rest (such as date order). */
export function validateForm(form: FilterForm): FieldError[] {
  return (['from', 'to'] as const).flatMap((field) => {
    const { error } = readDateFields(form[field], DATE_LABEL[field]);
    return error ? [{ field, message: error }] : [];
  });
}

/** Sorting by distance needs a place to measure from: the town. */
export function canSortByDistance(town: string): boolean {
  return town.trim() !== '';
}

/**
 * The address for a new search: page 1 of the filtered sessions, in the order shown so far
 * (nearest first is kept while there is a town). Assumes validateForm passed.
 */
export function searchParamsFromForm(form: FilterForm, sort: SessionSort = 'DATE'): URLSearchParams {
  const params = new URLSearchParams();
  const text = form.text.trim();
  const town = form.town.trim();
  if (text) params.set('q', text);
  if (form.audience) params.set('audience', AUDIENCE_IN_URL[form.audience]);
  if (form.freeOnly) params.set('free', YES);
  if (form.withSeatsOnly) params.set('seats', YES);
  if (form.deliveryMode) params.set('delivery', DELIVERY_IN_URL[form.deliveryMode]);
  if (town) params.set('town', town);
  if (form.includeOnline) params.set('online', YES);
  for (const field of ['from', 'to'] as const) {
    const { date } = readDateFields(form[field], DATE_LABEL[field]);
    if (date) params.set(field, toIsoCalendarDate(date));
  }
  if (sort === 'DISTANCE' && canSortByDistance(town)) params.set(SORT_KEY, DISTANCE_IN_URL);
  return params;
}

export function parseSearchParams(params: URLSearchParams): ParsedSearch {
  const errors: FieldError[] = [];
  const text = params.get('q')?.trim() ?? '';
  const town = params.get('town')?.trim() ?? '';
  const dates = { from: null as CalendarDate | null, to: null as CalendarDate | null };
  for (const field of ['from', 'to'] as const) {
    const raw = params.get(field);
    if (raw === null || raw === '') continue;
    dates[field] = parseIsoCalendarDate(raw);
    if (!dates[field]) errors.push({ field, message: `${DATE_LABEL[field]} must be a real date, for example 8 12 2026` });
  }

  const form: FilterForm = {
    text,
    audience: keyFor(AUDIENCE_IN_URL, params.get('audience')),
    freeOnly: params.get('free') === YES,
    withSeatsOnly: params.get('seats') === YES,
    deliveryMode: keyFor(DELIVERY_IN_URL, params.get('delivery')),
    town,
    includeOnline: params.get('online') === YES,
    from: dateFieldsOf(dates.from),
    to: dateFieldsOf(dates.to),
  };

  const filter: SessionFilter = {};
  if (form.text) filter.text = form.text;
  if (form.audience) filter.audience = form.audience;
  if (form.freeOnly) filter.freeOnly = true;
  if (form.withSeatsOnly) filter.withSeatsOnly = true;
  if (form.deliveryMode) filter.deliveryMode = form.deliveryMode;
  if (form.town) filter.town = form.town;
  // "Online or in this town" only means something next to a town; alone it would narrow nothing.
  if (form.town && form.includeOnline) filter.includeOnline = true;
  if (dates.from) filter.from = londonMidnight(dates.from).toISOString();
  // People mean the "to" day itself; the API's bound is exclusive, so it is the next midnight.
  if (dates.to) filter.to = londonMidnight(addDays(dates.to, 1)).toISOString();

  const sort: SessionSort = params.get(SORT_KEY) === DISTANCE_IN_URL && canSortByDistance(form.town) ? 'DISTANCE' : 'DATE';
  return { form, filter, sort, ...pageStateOf(params), errors };
}

/** The keys a search keeps from page to page (paging itself is ui/paging.ts). */
export const SEARCH_KEYS: readonly string[] = [...FILTER_KEYS, SORT_KEY];

/** The address of page 1 of the same search in another order. */
export function sortParams(params: URLSearchParams, sort: SessionSort): URLSearchParams {
  const next = pageOneSearch(params, SEARCH_KEYS);
  if (sort === 'DISTANCE') next.set(SORT_KEY, DISTANCE_IN_URL);
  else next.delete(SORT_KEY);
  return next;
}

/** The address of the page after this one. */
export function nextPageParams(params: URLSearchParams, endCursor: string): URLSearchParams {
  return nextPageSearch(params, endCursor, SEARCH_KEYS);
}

/** The address of the page before this one (page 1 carries no paging keys). */
export function previousPageParams(params: URLSearchParams): URLSearchParams {
  return previousPageSearch(params, SEARCH_KEYS);
}

/** True when any filter is set, so the page can offer to clear them. */
export function hasFilters(params: URLSearchParams): boolean {
  return FILTER_KEYS.some((key) => params.get(key));
}

/** Where the API's userErrors field path (["filter", "to"]) points in this form. */
export function formFieldForApiPath(path: readonly string[]): FilterField | null {
  if (path[0] !== 'filter' || path.length < 2) return null;
  const field = path[1] as FilterField;
  return field in EMPTY_FORM ? field : null;
}
