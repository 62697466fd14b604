import { describe, expect, it } from '@jest/globals';
import {
  firstPageSearch, hrefWith, nextPageSearch, pageNumberOf, pageOneSearch, pageStateOf, previousPageSearch, showingText,
} from './paging';

describe('cursor paging in the address', () => {
  const first = new URLSearchParams('q=ann&organisation=o1');

  it('goes forward keeping the search and a stack of earlier cursors', () => {
    const page2 = nextPageSearch(first, 'C1');
    expect(page2.toString()).toBe('q=ann&organisation=o1&after=C1&prev=');
    const page3 = nextPageSearch(page2, 'C2');
    expect(pageStateOf(page3)).toEqual({ after: 'C2', prev: ['', 'C1'] });
    expect(pageNumberOf(pageStateOf(page3))).toBe(3);
  });

  it('goes back to a first page with no paging keys', () => {
    const page3 = nextPageSearch(nextPageSearch(first, 'C1'), 'C2');
    const page2 = previousPageSearch(page3);
    expect(pageStateOf(page2)).toEqual({ after: 'C1', prev: [''] });
    expect(previousPageSearch(page2).toString()).toBe(first.toString());
  });

  it('treats a shared link with no stack as page 2', () => {
    expect(pageStateOf(new URLSearchParams('after=C9'))).toEqual({ after: 'C9', prev: [''] });
    expect(pageNumberOf(pageStateOf(new URLSearchParams()))).toBe(1);
  });

  it('keeps only the keys a page names, in its order, when it names them', () => {
    const shared = new URLSearchParams('utm=x&town=Ely&q=first+aid');
    const page2 = nextPageSearch(shared, 'C1', ['q', 'town']);
    expect(page2.toString()).toBe('q=first+aid&town=Ely&after=C1&prev=');
    expect(previousPageSearch(page2, ['q', 'town']).toString()).toBe('q=first+aid&town=Ely');
    expect(pageOneSearch(nextPageSearch(page2, 'C2'), ['town']).toString()).toBe('town=Ely');
    expect(pageOneSearch(page2).toString()).toBe('q=first+aid&town=Ely');
  });

  it('starts a new search on page 1 without blank keys', () => {
    expect(firstPageSearch({ q: ' ann ', organisation: '' }).toString()).toBe('q=ann');
  });

  it('says which rows are shown', () => {
    expect(showingText(2, 20, 20, 1234)).toBe('Showing 21 to 40 of 1,234');
    expect(showingText(1, 20, 0, 0)).toBe('');
    expect(hrefWith('/admin/people', new URLSearchParams())).toBe('/admin/people');
    expect(hrefWith('/admin/people', first)).toBe('/admin/people?q=ann&organisation=o1');
  });
});
